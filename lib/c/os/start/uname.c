// SPDX-License-Identifier: BSD-2-Clause
// uname: the system's name and version (the kernel's, kernel/version.h) and
// the machine the library was built for. There is no host name service
// yet, so the node name is the system's; gethostname gives it.
/* The kernel's one definition of the version (a plain header; the library
 * does not see the kernel's include path otherwise). */
#include "../../../../kernel/include/kernel/version.h"
#include <errno.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#if defined(__x86_64__)
#define MACHINE "x86_64"
#elif defined(__aarch64__)
#define MACHINE "aarch64"
#elif defined(__riscv) && __riscv_xlen == 64
#define MACHINE "riscv64"
#else
#error "unknown machine"
#endif

int uname(struct utsname *u)
{
	memset(u, 0, sizeof(*u));
	strcpy(u->sysname, "Verdigris");
	strcpy(u->nodename, "verdigris");
	strcpy(u->release, VERDIGRIS_VERSION);
	strcpy(u->version, "Verdigris " VERDIGRIS_VERSION);
	strcpy(u->machine, MACHINE);
	return 0;
}

int gethostname(char *name, size_t len)
{
	struct utsname u;
	uname(&u);
	size_t n = strlen(u.nodename);
	if (len == 0) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(name, u.nodename, n < len ? n + 1 : len);
	if (n >= len) {
		name[len - 1] = 0;
		errno = ENAMETOOLONG;
		return -1;
	}
	return 0;
}
