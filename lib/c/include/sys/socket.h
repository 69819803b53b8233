/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Sockets: so far only socketpair(AF_UNIX, SOCK_STREAM) and shutdown, on
 * the pipe server's socket pairs (lib/c/os/fd/pipe.c). The numbers are
 * Linux's.
 */
#ifndef _SYS_SOCKET_H
#define _SYS_SOCKET_H

#include <sys/types.h>

typedef unsigned int socklen_t;
typedef unsigned short sa_family_t;

#define AF_UNSPEC 0
#define AF_UNIX 1
#define AF_LOCAL AF_UNIX
#define PF_UNSPEC AF_UNSPEC
#define PF_UNIX AF_UNIX
#define PF_LOCAL AF_UNIX

#define SOCK_STREAM 1
#define SOCK_DGRAM 2
#define SOCK_NONBLOCK 04000 /* O_NONBLOCK */
#define SOCK_CLOEXEC 02000000 /* O_CLOEXEC */

#define SHUT_RD 0
#define SHUT_WR 1
#define SHUT_RDWR 2

int socketpair(int domain, int type, int protocol, int sv[2]);
int shutdown(int fd, int how);

#endif
