// SPDX-License-Identifier: BSD-2-Clause
// FILE streams on the kernel log: stdout and stderr collect text in a
// buffer of one log record (255 bytes) and write it with log_write at each
// newline, when full, and on fflush; stderr also at the end of every call.
// Each stream has a lock, so lines from several threads do not mix.
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <vg/vg.h>

#include "../../internal/format.h"
#include "../internal/lock.h"
#include "../internal/thread.h"

#define RECORD_MAX 255

struct __file {
	int lock;
	int mode; /* _IOLBF or _IONBF (flush after every call) */
	int err, eof;
	int readable, writable;
	size_t len;
	char buf[RECORD_MAX];
};

static FILE out_file = { .mode = _IOLBF, .writable = 1 };
static FILE err_file = { .mode = _IONBF, .writable = 1 };
static FILE in_file = { .mode = _IOLBF, .readable = 1, .eof = 1 };
FILE *stdin = &in_file, *stdout = &out_file, *stderr = &err_file;

static void flush_locked(FILE *f)
{
	if (!f->len)
		return;
	if (vg_log_write(vg_log_handle(), f->buf, f->len) < 0)
		f->err = 1;
	f->len = 0;
}

static void put_locked(FILE *f, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		f->buf[f->len++] = s[i];
		if (s[i] == '\n' || f->len == RECORD_MAX)
			flush_locked(f);
	}
}

static void out_fn(void *ctx, const char *s, size_t n)
{
	put_locked(ctx, s, n);
}

/* Writes n bytes; 0, or EOF (errno EBADF) for a stream that cannot. */
static int write_all(FILE *f, const char *s, size_t n)
{
	if (!f->writable) {
		errno = EBADF;
		f->err = 1;
		return EOF;
	}
	__libc_lock(&f->lock);
	put_locked(f, s, n);
	if (f->mode == _IONBF)
		flush_locked(f);
	int e = f->err;
	__libc_unlock(&f->lock);
	return e ? EOF : 0;
}

int vfprintf(FILE *restrict f, const char *restrict fmt, va_list ap)
{
	if (!f->writable) {
		errno = EBADF;
		return -1;
	}
	__libc_lock(&f->lock);
	int n = __vg_vformat(out_fn, f, fmt, ap);
	if (f->mode == _IONBF)
		flush_locked(f);
	if (f->err)
		n = -1;
	__libc_unlock(&f->lock);
	return n;
}

int fprintf(FILE *restrict f, const char *restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vfprintf(f, fmt, ap);
	va_end(ap);
	return n;
}

int vprintf(const char *restrict fmt, va_list ap)
{
	return vfprintf(stdout, fmt, ap);
}

int printf(const char *restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vfprintf(stdout, fmt, ap);
	va_end(ap);
	return n;
}

int fputs(const char *restrict s, FILE *restrict f)
{
	return write_all(f, s, strlen(s)) ? EOF : 1;
}

int puts(const char *s)
{
	if (!stdout->writable)
		return EOF;
	__libc_lock(&stdout->lock);
	put_locked(stdout, s, strlen(s));
	put_locked(stdout, "\n", 1);
	int e = stdout->err;
	__libc_unlock(&stdout->lock);
	return e ? EOF : 1;
}

int fputc(int c, FILE *f)
{
	char ch = (char)c;
	return write_all(f, &ch, 1) ? EOF : (unsigned char)ch;
}

int putc(int c, FILE *f)
{
	return fputc(c, f);
}

int putchar(int c)
{
	return fputc(c, stdout);
}

size_t fwrite(const void *restrict p, size_t size, size_t n, FILE *restrict f)
{
	if (!size || !n)
		return 0;
	return write_all(f, p, size * n) ? 0 : n;
}

int fflush(FILE *f)
{
	if (!f) {
		fflush(stdout);
		return fflush(stderr);
	}
	if (!f->writable)
		return 0;
	__libc_lock(&f->lock);
	flush_locked(f);
	int e = f->err;
	__libc_unlock(&f->lock);
	return e ? EOF : 0;
}

void __libc_stdio_flush_all(void)
{
	fflush(NULL);
}

int setvbuf(FILE *restrict f, char *restrict buf, int mode, size_t size)
{
	(void)buf;
	(void)size;
	if (mode != _IOFBF && mode != _IOLBF && mode != _IONBF)
		return -1;
	/* Full buffering is line buffering here: a record holds one line. */
	f->mode = mode == _IONBF ? _IONBF : _IOLBF;
	return 0;
}

int ferror(FILE *f)
{
	return f->err;
}

int feof(FILE *f)
{
	return f->eof;
}

void clearerr(FILE *f)
{
	f->err = 0;
	f->eof = f == stdin;
}

void perror(const char *s)
{
	if (s && *s)
		fprintf(stderr, "%s: %s\n", s, strerror(errno));
	else
		fprintf(stderr, "%s\n", strerror(errno));
}

FILE *fopen(const char *restrict path, const char *restrict mode)
{
	(void)path;
	(void)mode;
	errno = ENOSYS; /* files come with the VFS */
	return NULL;
}

FILE *fdopen(int fd, const char *mode)
{
	(void)fd;
	(void)mode;
	errno = ENOSYS;
	return NULL;
}

int fclose(FILE *f)
{
	return fflush(f);
}

size_t fread(void *restrict p, size_t size, size_t n, FILE *restrict f)
{
	(void)p;
	(void)size;
	(void)n;
	f->eof = 1;
	return 0;
}

int fgetc(FILE *f)
{
	f->eof = 1;
	return EOF;
}

int getc(FILE *f)
{
	return fgetc(f);
}

int getchar(void)
{
	return fgetc(stdin);
}

char *fgets(char *restrict s, int n, FILE *restrict f)
{
	(void)s;
	(void)n;
	f->eof = 1;
	return NULL;
}
