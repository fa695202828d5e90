#ifndef CLABGEN_SYSTEM_H
#define CLABGEN_SYSTEM_H

/// Atomically exchanges two paths (both must exist): Linux renameat2(RENAME_EXCHANGE),
/// macOS renamex_np(RENAME_SWAP). Returns 0, or -1 with errno set (ENOSYS/EINVAL where the
/// system or file system cannot do it; callers then fall back to two renames).
int labgen_exchange_paths(const char *first, const char *second);

/// Writes back every dirty file of the file system that holds `fd` and waits for it: Linux
/// syncfs(2). One call instead of one fsync per file (a lab of 10,000 nodes has 10,000 files).
/// Returns 0, or -1 with errno set (ENOSYS elsewhere; callers then fsync file by file).
int labgen_sync_filesystem(int fd);

#include <sys/types.h>

/// Starts `path` (an absolute or relative path, not searched on PATH) with `argv` and `envp`
/// (NULL-terminated) in `directory` (NULL: this process's), stdin from /dev/null, stdout and stderr
/// onto `output_fd`, every other descriptor closed: posix_spawn with one closefrom action (glibc
/// 2.34), where Foundation's Process adds a close action for every possible descriptor number
/// (RLIMIT_NOFILE of them). Returns 0 and sets `pid`, or an errno value.
int labgen_spawn(const char *path, char *const argv[], char *const envp[], const char *directory, int output_fd,
                 pid_t *pid);

#endif
