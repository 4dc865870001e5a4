// CPrefetch is header-only (static inline); SwiftPM wants one source file per C target.
#include "CPrefetch.h"
