// SPDX-License-Identifier: BSD-2-Clause
// <stdlib.h>: number conversion (strtod and friends correctly rounded; long
// double is formatted and parsed with the precision of double), sorting and
// searching, integer arithmetic, pseudo-random numbers, and the allocator's
// declarations, exit and the environment (defined by the OS-dependent part,
// lib/c/os).
#ifndef _STDLIB_H
#define _STDLIB_H

#include <stddef.h>

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1
#define RAND_MAX 0x7fffffff
/* 4 in a UTF-8 locale, 1 in the C locale (lib/c/wchar/mb.c). */
size_t __libc_mb_cur_max(void);
#define MB_CUR_MAX (__libc_mb_cur_max())

typedef struct {
	int quot, rem;
} div_t;
typedef struct {
	long quot, rem;
} ldiv_t;
typedef struct {
	long long quot, rem;
} lldiv_t;

long strtol(const char *restrict s, char **restrict end, int base);
unsigned long strtoul(const char *restrict s, char **restrict end, int base);
long long strtoll(const char *restrict s, char **restrict end, int base);
unsigned long long strtoull(const char *restrict s, char **restrict end, int base);
int atoi(const char *s);
long atol(const char *s);
long long atoll(const char *s);

double strtod(const char *restrict s, char **restrict end);
float strtof(const char *restrict s, char **restrict end);
long double strtold(const char *restrict s, char **restrict end);
double atof(const char *s);

void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
void *bsearch(const void *key, const void *base, size_t n, size_t size,
	      int (*cmp)(const void *, const void *));

int abs(int i);
long labs(long i);
long long llabs(long long i);
div_t div(int num, int den);
ldiv_t ldiv(long num, long den);
lldiv_t lldiv(long long num, long long den);

int rand(void);
void srand(unsigned seed);
int rand_r(unsigned *seed);

void *malloc(size_t size);
void *calloc(size_t n, size_t size);
void *realloc(void *p, size_t size);
void free(void *p);
void *aligned_alloc(size_t align, size_t size);
int posix_memalign(void **out, size_t align, size_t size);

/* Process end: exit runs the atexit handlers (last registered first) and
 * the destructors, flushes stdio, then ends every thread with status;
 * _Exit and _exit only end them; abort ends them with status 134 (there
 * are no signals yet). quick_exit is not provided. */
_Noreturn void exit(int status);
_Noreturn void _Exit(int status);
_Noreturn void abort(void);
int atexit(void (*fn)(void));

/* The environment (environ, from the startup block's envp): getenv,
 * setenv, unsetenv, putenv and secure_getenv (lib/c/os/start/env.c). */
char *getenv(const char *name);
/* getenv, but NULL in a set-id program: while the real and effective (or
 * saved) user or group ids differ. */
char *secure_getenv(const char *name);
int setenv(const char *name, const char *value, int overwrite);
int unsetenv(const char *name);
int putenv(char *string);

/* Multibyte characters of the current locale (lib/c/wchar/mb.c). */
int mblen(const char *s, size_t n);
int mbtowc(wchar_t *restrict pwc, const char *restrict s, size_t n);
int wctomb(char *s, wchar_t wc);
size_t mbstowcs(wchar_t *restrict dst, const char *restrict src, size_t n);
size_t wcstombs(char *restrict dst, const wchar_t *restrict src, size_t n);

/* Pseudo-terminals (lib/c/os/fd/pty.c): a master is an open of /dev/ptmx,
 * its slave /dev/pts/N; the slave opens once unlockpt has unlocked it. */
int posix_openpt(int flags);
int grantpt(int fd);
int unlockpt(int fd);
char *ptsname(int fd);
int ptsname_r(int fd, char *buf, size_t len);

#endif
