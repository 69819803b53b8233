// SPDX-License-Identifier: BSD-2-Clause
// Our C library (lib/c) as the host tests see it: every symbol it defines is
// renamed with the prefix vgc_ (tests/host/host.mk), so that it lives beside
// glibc in one program. The declarations use the host's types, which match
// ours on x86_64 (except long double, which our library treats as double).
#ifndef VGC_H
#define VGC_H

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* The numbers of our <errno.h> that the tests look for. */
#define VGC_EINVAL 21
#define VGC_ERANGE 33
#define VGC_EOVERFLOW 35
#define VGC_ELAST 75

int *vgc___errno(void);
#define vgc_errno (*vgc___errno())

void *vgc_memcpy(void *dst, const void *src, size_t n);
void *vgc_memmove(void *dst, const void *src, size_t n);
void *vgc_memset(void *dst, int c, size_t n);
int vgc_memcmp(const void *a, const void *b, size_t n);
void *vgc_memchr(const void *s, int c, size_t n);
void *vgc_memrchr(const void *s, int c, size_t n);
void *vgc_memccpy(void *dst, const void *src, int c, size_t n);
void *vgc_mempcpy(void *dst, const void *src, size_t n);
void *vgc_memmem(const void *hay, size_t hn, const void *needle, size_t nn);
size_t vgc_strlen(const char *s);
size_t vgc_strnlen(const char *s, size_t max);
char *vgc_strcpy(char *dst, const char *src);
char *vgc_strncpy(char *dst, const char *src, size_t n);
char *vgc_stpcpy(char *dst, const char *src);
char *vgc_stpncpy(char *dst, const char *src, size_t n);
char *vgc_strcat(char *dst, const char *src);
char *vgc_strncat(char *dst, const char *src, size_t n);
size_t vgc_strlcpy(char *dst, const char *src, size_t size);
size_t vgc_strlcat(char *dst, const char *src, size_t size);
int vgc_strcmp(const char *a, const char *b);
int vgc_strncmp(const char *a, const char *b, size_t n);
int vgc_strcoll(const char *a, const char *b);
size_t vgc_strxfrm(char *dst, const char *src, size_t n);
char *vgc_strchr(const char *s, int c);
char *vgc_strrchr(const char *s, int c);
char *vgc_strchrnul(const char *s, int c);
char *vgc_strstr(const char *hay, const char *needle);
size_t vgc_strspn(const char *s, const char *accept);
size_t vgc_strcspn(const char *s, const char *reject);
char *vgc_strpbrk(const char *s, const char *accept);
char *vgc_strtok(char *s, const char *delim);
char *vgc_strtok_r(char *s, const char *delim, char **save);
char *vgc_strsep(char **sp, const char *delim);
char *vgc_strdup(const char *s);
char *vgc_strndup(const char *s, size_t n);
char *vgc_strerror(int errnum);
int vgc_strerror_r(int errnum, char *buf, size_t size);
char *vgc_strsignal(int sig);
int vgc_sig2str(int sig, char *str);
int vgc_str2sig(const char *str, int *sig);
#define VGC_SIGRTMIN 32
#define VGC_SIGRTMAX 63
int vgc_strcasecmp(const char *a, const char *b);
int vgc_strncasecmp(const char *a, const char *b, size_t n);
int vgc_ffs(int i);
int vgc_ffsl(long i);
int vgc_ffsll(long long i);

int vgc_isalnum(int c);
int vgc_isalpha(int c);
int vgc_isascii(int c);
int vgc_isblank(int c);
int vgc_iscntrl(int c);
int vgc_isdigit(int c);
int vgc_isgraph(int c);
int vgc_islower(int c);
int vgc_isprint(int c);
int vgc_ispunct(int c);
int vgc_isspace(int c);
int vgc_isupper(int c);
int vgc_isxdigit(int c);
int vgc_tolower(int c);
int vgc_toupper(int c);
int vgc_toascii(int c);

long vgc_strtol(const char *s, char **end, int base);
unsigned long vgc_strtoul(const char *s, char **end, int base);
long long vgc_strtoll(const char *s, char **end, int base);
unsigned long long vgc_strtoull(const char *s, char **end, int base);
intmax_t vgc_strtoimax(const char *s, char **end, int base);
uintmax_t vgc_strtoumax(const char *s, char **end, int base);
int vgc_atoi(const char *s);
long vgc_atol(const char *s);
long long vgc_atoll(const char *s);
double vgc_strtod(const char *s, char **end);
float vgc_strtof(const char *s, char **end);
double vgc_atof(const char *s);
void vgc_qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
void *vgc_bsearch(const void *key, const void *base, size_t n, size_t size,
		  int (*cmp)(const void *, const void *));
int vgc_abs(int i);
long vgc_labs(long i);
long long vgc_llabs(long long i);
int vgc_rand(void);
void vgc_srand(unsigned seed);
int vgc_rand_r(unsigned *seed);

int vgc_snprintf(char *buf, size_t size, const char *fmt, ...);
int vgc_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int vgc_sprintf(char *buf, const char *fmt, ...);
int vgc_sscanf(const char *s, const char *fmt, ...);
int vgc_vsscanf(const char *s, const char *fmt, va_list ap);

/* <time.h>: our struct tm is laid out as glibc's, time_t is long. */
struct tm;
struct tm *vgc_gmtime_r(const long *t, struct tm *tm);
struct tm *vgc_localtime_r(const long *t, struct tm *tm);
long vgc_mktime(struct tm *tm);
long vgc_timegm(struct tm *tm);
size_t vgc_strftime(char *s, size_t max, const char *fmt, const struct tm *tm);

#endif
