// SPDX-License-Identifier: BSD-2-Clause
// <unistd.h>: the little that exists without a process server or VFS:
// write to descriptors 1 and 2 (the kernel log, like stdout and stderr),
// sleeping, _exit. Everything about files and processes comes later.
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
int pause(void);
unsigned alarm(unsigned seconds);

/* Command-line options (lib/c/getopt). */
extern char *optarg;
extern int optind, opterr, optopt;
int getopt(int argc, char *const argv[], const char *optstring);

#endif
