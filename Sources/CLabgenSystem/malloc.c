#include "CLabgenSystem.h"

#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>

int labgen_use_one_malloc_arena(void) { return mallopt(M_ARENA_MAX, 1); }
#else
int labgen_use_one_malloc_arena(void) { return 0; }
#endif
