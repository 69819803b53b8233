// SPDX-License-Identifier: BSD-2-Clause
// <sys/wait.h>: waiting for children (lib/c/os/proc/wait.c, through the
// process server). A status is encoded as on Linux: an exit code in bits
// 8-15 with the low 7 bits zero, or the number of the signal that ended
// the process in the low 7 bits.
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H
#include <signal.h>
#include <sys/types.h>

#define WNOHANG 1
#define WUNTRACED 2 /* waitpid: report stopped children too */
#define WSTOPPED 2 /* waitid: report stopped children */
#define WEXITED 4 /* waitid: report ended children */
#define WCONTINUED 8 /* report continued children too */
#define WNOWAIT 0x1000000 /* waitid: leave the child reportable */

typedef enum { P_ALL = 0, P_PID = 1, P_PGID = 2 } idtype_t;

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
int waitid(idtype_t idtype, id_t id, siginfo_t *info, int options);

#endif
