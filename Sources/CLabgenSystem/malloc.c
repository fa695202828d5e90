#include "CLabgenSystem.h"

#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>

int labgen_limit_malloc_arenas(int count) { return mallopt(M_ARENA_MAX, count); }
int labgen_fix_mmap_threshold(int bytes) { return mallopt(M_MMAP_THRESHOLD, bytes); }
#else
int labgen_limit_malloc_arenas(int count) { (void)count; return 0; }
int labgen_fix_mmap_threshold(int bytes) { (void)bytes; return 0; }
#endif
