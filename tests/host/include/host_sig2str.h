// SPDX-License-Identifier: BSD-2-Clause
// sig2str and str2sig (POSIX.1-2024 <signal.h>) for the host builds of the
// shell and the utilities (tests/sh/sh.mk, tests/utils/utils.mk), which
// force-include this header: glibc 2.36 has neither, so they compile ours
// (lib/c/string/sig2str.c) against glibc's <signal.h>, renamed so that a
// later glibc's never meets them.
#ifndef HOST_SIG2STR_H
#define HOST_SIG2STR_H

#include <signal.h>

#define sig2str vg_host_sig2str
#define str2sig vg_host_str2sig
#ifndef SIG2STR_MAX
#define SIG2STR_MAX 32
#endif
int sig2str(int sig, char *str);
int str2sig(const char *restrict str, int *restrict sig);

#endif
