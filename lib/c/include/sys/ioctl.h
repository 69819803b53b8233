// SPDX-License-Identifier: BSD-2-Clause
// <sys/ioctl.h>: the terminal requests (lib/c/os/fd/termios.c); request
// numbers are Linux's. Other requests fail with ENOTTY.
#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H

#include <termios.h>

#define TCGETS 0x5401
#define TCSETS 0x5402
#define TCSETSW 0x5403
#define TCSETSF 0x5404
#define TIOCSCTTY 0x540e
#define TIOCNOTTY 0x5422
#define TIOCSTI 0x5412
#define TIOCGPGRP 0x540f
#define TIOCSPGRP 0x5410
#define TIOCGWINSZ 0x5413
#define TIOCSWINSZ 0x5414
#define TIOCGPTN 0x80045430 /* a pty master's slave number (unsigned *) */
#define TIOCSPTLCK 0x40045431 /* lock (*(int *)arg != 0) or unlock its slave */
#define TIOCPKT 0x5420 /* a pty master's packet mode on (*(int *)arg != 0) or off */
/* Packet mode's first byte of a master's read: data follows, or news. */
#define TIOCPKT_DATA 0
#define TIOCPKT_FLUSHREAD 1
#define TIOCPKT_FLUSHWRITE 2
#define TIOCPKT_STOP 4
#define TIOCPKT_START 8
#define TIOCPKT_NOSTOP 16
#define TIOCPKT_DOSTOP 32

int ioctl(int fd, unsigned long request, ...);

#endif
