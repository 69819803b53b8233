// SPDX-License-Identifier: BSD-2-Clause
// <unistd.h>: write to descriptors 1 and 2 (the kernel log, like stdout
// and stderr), sleeping, _exit; process identity, groups and sessions
// through the process server (lib/c/os/proc). Files come with the VFS.
#ifndef _UNISTD_H
#define _UNISTD_H
#include <stddef.h>
#include <sys/types.h>

#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2

ssize_t write(int fd, const void *buf, size_t n);
unsigned sleep(unsigned seconds);
int usleep(unsigned long usec);
_Noreturn void _exit(int status);

extern char **environ;
pid_t fork(void);
int execve(const char *path, char *const argv[], char *const envp[]);
int execv(const char *path, char *const argv[]);
int execvp(const char *file, char *const argv[]);
pid_t getpid(void);
pid_t getppid(void);
pid_t getpgrp(void);
pid_t getpgid(pid_t pid);
int setpgid(pid_t pid, pid_t pgid);
pid_t setsid(void);
pid_t getsid(pid_t pid);

#endif
