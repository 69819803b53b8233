// SPDX-License-Identifier: BSD-2-Clause
// <stdio.h>: formatting and scanning of strings, and FILE streams on
// descriptors (lib/c/os/stdio). stdout and stderr are descriptors 1 and 2,
// which write to the kernel log, line by line, while they are not open
// (stderr unbuffered); stdin is descriptor 0, at end of file while it is
// not open.
#ifndef _STDIO_H
#define _STDIO_H

#include <stdarg.h>
#include <stddef.h>
#include <sys/types.h>

#define EOF (-1)
#define BUFSIZ 1024
#define _IOFBF 0
#define _IOLBF 1
#define _IONBF 2
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2

typedef struct __file FILE;
extern FILE *stdin, *stdout, *stderr;

int snprintf(char *restrict buf, size_t size, const char *restrict fmt, ...)
	__attribute__((format(printf, 3, 4)));
int vsnprintf(char *restrict buf, size_t size, const char *restrict fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));
int sprintf(char *restrict buf, const char *restrict fmt, ...)
	__attribute__((format(printf, 2, 3)));
int vsprintf(char *restrict buf, const char *restrict fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
int sscanf(const char *restrict s, const char *restrict fmt, ...)
	__attribute__((format(scanf, 2, 3)));
int vsscanf(const char *restrict s, const char *restrict fmt, va_list ap)
	__attribute__((format(scanf, 2, 0)));

int printf(const char *restrict fmt, ...) __attribute__((format(printf, 1, 2)));
int fprintf(FILE *restrict f, const char *restrict fmt, ...) __attribute__((format(printf, 2, 3)));
int vprintf(const char *restrict fmt, va_list ap) __attribute__((format(printf, 1, 0)));
int vfprintf(FILE *restrict f, const char *restrict fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* Formats straight to a descriptor (no stream, no buffering beyond one
 * call). */
int dprintf(int fd, const char *restrict fmt, ...) __attribute__((format(printf, 2, 3)));
int vdprintf(int fd, const char *restrict fmt, va_list ap) __attribute__((format(printf, 2, 0)));
int puts(const char *s);
int fputs(const char *restrict s, FILE *restrict f);
int fputc(int c, FILE *f);
int putc(int c, FILE *f);
int putchar(int c);
size_t fwrite(const void *restrict p, size_t size, size_t n, FILE *restrict f);
int fflush(FILE *f);
int setvbuf(FILE *restrict f, char *restrict buf, int mode, size_t size);
int ferror(FILE *f);
int feof(FILE *f);
void clearerr(FILE *f);
void perror(const char *s);

/* Files and input. */
int rename(const char *from, const char *to);
int renameat(int fromfd, const char *from, int tofd, const char *to);
int remove(const char *path);
FILE *fopen(const char *restrict path, const char *restrict mode);
FILE *fdopen(int fd, const char *mode);
int fclose(FILE *f);
size_t fread(void *restrict p, size_t size, size_t n, FILE *restrict f);
int fgetc(FILE *f);
int getc(FILE *f);
int getchar(void);
char *fgets(char *restrict s, int n, FILE *restrict f);
int ungetc(int c, FILE *f);
ssize_t getline(char **restrict line, size_t *restrict size, FILE *restrict f);
ssize_t getdelim(char **restrict line, size_t *restrict size, int delim, FILE *restrict f);
int scanf(const char *restrict fmt, ...) __attribute__((format(scanf, 1, 2)));
int fscanf(FILE *restrict f, const char *restrict fmt, ...) __attribute__((format(scanf, 2, 3)));
int vscanf(const char *restrict fmt, va_list ap) __attribute__((format(scanf, 1, 0)));
int vfscanf(FILE *restrict f, const char *restrict fmt, va_list ap)
	__attribute__((format(scanf, 2, 0)));
int fseek(FILE *f, long off, int whence);
long ftell(FILE *f);
void rewind(FILE *f);
int fileno(FILE *f);

#endif
