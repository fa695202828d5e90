#define _GNU_SOURCE
#include "CLabgenSystem.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <unistd.h>

int labgen_spawn(const char *path, char *const argv[], char *const envp[], const char *directory, int output_fd,
                 pid_t *pid) {
    posix_spawn_file_actions_t actions;
    int result = posix_spawn_file_actions_init(&actions);
    if (result != 0) return result;
    if ((result = posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)) != 0) goto done;
    if ((result = posix_spawn_file_actions_adddup2(&actions, output_fd, 1)) != 0) goto done;
    if ((result = posix_spawn_file_actions_adddup2(&actions, output_fd, 2)) != 0) goto done;
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
    // Every other descriptor is closed in the child by one action (labgen opens its own with
    // O_CLOEXEC; this also covers any that are not).
    if ((result = posix_spawn_file_actions_addclosefrom_np(&actions, 3)) != 0) goto done;
#endif
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 29))
    if (directory != NULL && (result = posix_spawn_file_actions_addchdir_np(&actions, directory)) != 0) goto done;
#else
    if (directory != NULL) { result = ENOSYS; goto done; }
#endif
    result = posix_spawn(pid, path, &actions, NULL, argv, envp);
done:
    posix_spawn_file_actions_destroy(&actions);
    return result;
}
