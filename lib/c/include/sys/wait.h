// SPDX-License-Identifier: BSD-2-Clause
// <sys/wait.h>: waiting for children (lib/c/os/proc/wait.c, through the
// process server). A status is encoded as on Linux: an exit code in bits
// 8-15 with the low 7 bits zero, or the number of the signal that ended
// the process in the low 7 bits.
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H
#include <sys/types.h>

#define WNOHANG 1
#define WUNTRACED 2 /* accepted; stopped children are not reported yet */
#define WCONTINUED 8 /* accepted; continued children are not reported yet */

#define WEXITSTATUS(s) (((s) >> 8) & 0xff)
#define WTERMSIG(s) ((s)&0x7f)
#define WSTOPSIG(s) WEXITSTATUS(s)
#define WIFEXITED(s) (WTERMSIG(s) == 0)
#define WIFSIGNALED(s) (WTERMSIG(s) != 0 && WTERMSIG(s) != 0x7f)
#define WIFSTOPPED(s) (((s)&0xff) == 0x7f)
#define WIFCONTINUED(s) ((s) == 0xffff)
#define WCOREDUMP(s) ((s)&0x80)

pid_t wait(int *status);
pid_t waitpid(pid_t pid, int *status, int options);

#endif
