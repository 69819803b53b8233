// SPDX-License-Identifier: BSD-2-Clause
// <sys/utsname.h>: uname (lib/c/os/start/uname.c).
#ifndef _SYS_UTSNAME_H
#define _SYS_UTSNAME_H

#define _UTSNAME_LENGTH 65

struct utsname {
	char sysname[_UTSNAME_LENGTH];
	char nodename[_UTSNAME_LENGTH];
	char release[_UTSNAME_LENGTH];
	char version[_UTSNAME_LENGTH];
	char machine[_UTSNAME_LENGTH];
};

int uname(struct utsname *u);

#endif
