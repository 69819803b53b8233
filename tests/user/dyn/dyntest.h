/* SPDX-License-Identifier: BSD-2-Clause */
/* What libdyntest.so defines (dlmain finds each with dlsym). */
#ifndef DYNTEST_H
#define DYNTEST_H

extern int dyntest_constructed;
extern __thread int dyntest_tls;
int *dyntest_tls_addr(void);
int dyntest_bump_tls(int by);
int dyntest_call(int (*fn)(int), int x);

/* What libdynplain.so defines. */
extern int dynplain_loads;
extern int *dynplain_unloaded;
/* A NULL dereference (tests/user/dyn/dyncrash.c: the crash report must
 * name it from the library's symbols). */
void dynplain_crash(void);

/* What libdynpre.so's getpagesize gives (tests/user/dyn/preload.c). */
#define DYNPRE_PAGE_SIZE 12345

#endif
