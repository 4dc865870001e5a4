#ifndef NEWSGRAPH_CALLOCATOR_H
#define NEWSGRAPH_CALLOCATOR_H

/// Lets the C allocator keep the memory a run frees, for the next allocation to reuse, instead
/// of handing it back to the kernel and faulting in fresh zeroed pages later. Call once, first.
void newsgraph_keep_freed_memory(void);

#endif
