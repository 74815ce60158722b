#ifndef FEDSEC_CPROCESSSPAWN_H
#define FEDSEC_CPROCESSSPAWN_H
// Two POSIX-extension calls that Swift's Glibc module does not expose (they need _GNU_SOURCE), used by the
// conformance runner to start adapter processes without leaking descriptors into them.
#include <spawn.h>

/// pipe2(fds, O_CLOEXEC) where the C library has it; elsewhere pipe() then FD_CLOEXEC on both ends.
int fedsec_pipe_cloexec(int fds[2]);

/// Adds "close every descriptor >= low" to `actions` where the C library supports it (glibc >= 2.34);
/// returns 0 when added, -1 when not supported (the caller then relies on close-on-exec alone).
int fedsec_spawn_add_closefrom(posix_spawn_file_actions_t *actions, int low);

#endif
