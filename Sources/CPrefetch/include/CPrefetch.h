#ifndef NEWSGRAPH_CPREFETCH_H
#define NEWSGRAPH_CPREFETCH_H

/// Asks the processor to start loading the cache line at `address` (a hint: never faults, never
/// waits). Swift has no prefetch of its own; this inlines to one instruction.
static inline __attribute__((always_inline)) void newsgraph_prefetch(const void *address) {
  __builtin_prefetch(address, 0, 3);
}

#endif
