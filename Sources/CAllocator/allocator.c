#include "CAllocator.h"

#include <stdlib.h>  // defines __GLIBC__ on glibc
#if defined(__GLIBC__)
#include <malloc.h>
#endif

void newsgraph_keep_freed_memory(void) {
#if defined(__GLIBC__)
  // Blocks up to 64 MB come from the heap rather than from a mapping of their own, which is
  // unmapped when freed; and up to 256 MB of free memory at the heap's top stays with the process.
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
}
