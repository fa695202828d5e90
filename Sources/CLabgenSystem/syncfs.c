#define _GNU_SOURCE
#include <errno.h>
#include <unistd.h>
#include "CLabgenSystem.h"

int labgen_sync_filesystem(int fd) {
#if defined(__linux__)
    return syncfs(fd);
#else
    (void)fd;
    errno = ENOSYS;
    return -1;
#endif
}
