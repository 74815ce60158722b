#define _GNU_SOURCE
#include "CProcessSpawn.h"
#include <fcntl.h>
#include <unistd.h>

int fedsec_pipe_cloexec(int fds[2]) {
#if defined(__linux__)
    return pipe2(fds, O_CLOEXEC);
#else
    if (pipe(fds) != 0) return -1;
    (void)fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    (void)fcntl(fds[1], F_SETFD, FD_CLOEXEC);
    return 0;
#endif
}

int fedsec_spawn_add_closefrom(posix_spawn_file_actions_t *actions, int low) {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
    return posix_spawn_file_actions_addclosefrom_np(actions, low) == 0 ? 0 : -1;
#else
    (void)actions;
    (void)low;
    return -1;
#endif
}
