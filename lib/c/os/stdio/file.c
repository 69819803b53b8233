// SPDX-License-Identifier: BSD-2-Clause
// FILE streams on descriptors. A stream buffers what it writes and flushes
// it with write() (line by line for line-buffered streams, at once for
// unbuffered ones) and reads through a buffer it refills with read().
// stdout and stderr are descriptors 1 and 2, which write to the kernel log
// while they are not open: their buffer is one log record (255 bytes), so
// each line is one record; stderr is unbuffered (flushed at the end of
// every call). stdin is descriptor 0: at end of file when it is not open.
// Each stream has a lock, so lines from several threads do not mix; every
// stream opened is on a list that exit() flushes.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../internal/format.h"
#include "../internal/lock.h"
#include "../internal/stream.h"
#include "../internal/thread.h"

#define RECORD_MAX 255
#define STREAM_BUF 4096 /* a file stream's reads: one call to the filesystem */
/* Room a refill leaves before the bytes it reads, for ungetc: as many
 * bytes pushed back beyond those read since (glibc has a separate area
 * for them); a file stream's buffer has it on top of STREAM_BUF. */
#define UNGET_ROOM 8

struct __file {
	int lock;
	int fd;
	int mode; /* _IOFBF, _IOLBF or _IONBF */
	int err, eof;
	int readable, writable;
	char *buf;
	size_t cap;
	size_t len; /* bytes waiting to be written */
	size_t rpos, rlen; /* the read buffer: buf[rpos..rlen) */
	char *text; /* a stream of text (fd -1): its buffer, freed with it */
	struct __libc_wide wide; /* orientation and wide push-back (wide.c) */
	struct __file *next;
};

static char out_buf[RECORD_MAX], err_buf[RECORD_MAX], in_buf[UNGET_ROOM + STREAM_BUF];
static FILE out_file = {
	.fd = 1, .mode = _IOLBF, .writable = 1, .buf = out_buf, .cap = sizeof(out_buf)
};
static FILE err_file = {
	.fd = 2, .mode = _IONBF, .writable = 1, .buf = err_buf, .cap = sizeof(err_buf)
};
static FILE in_file = {
	.fd = 0, .mode = _IOLBF, .readable = 1, .buf = in_buf, .cap = sizeof(in_buf)
};
FILE *stdin = &in_file, *stdout = &out_file, *stderr = &err_file;

static FILE *opened; /* streams from fopen and fdopen */
/* write() without flushing stdout and stderr (write.c): their own
 * flushes use it. */
ssize_t __libc_write_unbuffered(int fd, const void *buf, size_t n);
static int list_lock;

/* Writes out what the buffer holds: 0, or EOF (and the error flag). */
static int flush_locked(FILE *f)
{
	size_t done = 0;
	int r = 0;
	while (done < f->len) {
		ssize_t n = __libc_write_unbuffered(f->fd, f->buf + done, f->len - done);
		if (n <= 0) {
			f->err = 1;
			r = EOF;
			break;
		}
		done += (size_t)n;
	}
	f->len = 0;
	return r;
}

/* Before writing: read-ahead is given back to the file position. */
static void to_write_locked(FILE *f)
{
	if (f->rlen > f->rpos)
		lseek(f->fd, -(off_t)(f->rlen - f->rpos), SEEK_CUR);
	f->rpos = f->rlen = 0;
}

static void put_locked(FILE *f, const char *s, size_t n)
{
	if (!f->wide.orient)
		f->wide.orient = -1; /* the first output orients the stream */
	to_write_locked(f);
	for (size_t i = 0; i < n; i++) {
		f->buf[f->len++] = s[i];
		if ((s[i] == '\n' && f->mode != _IOFBF) || f->len == f->cap)
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
	if (n > SIZE_MAX / size) {
		errno = EOVERFLOW;
		return 0;
	}
	return write_all(f, p, size * n) ? 0 : n;
}

int fflush(FILE *f)
{
	if (!f) {
		fflush(stdout);
		fflush(stderr);
		__libc_lock(&list_lock);
		for (FILE *o = opened; o; o = o->next)
			fflush(o);
		__libc_unlock(&list_lock);
		return 0;
	}
	__libc_lock(&f->lock);
	int r = flush_locked(f);
	__libc_unlock(&f->lock);
	return r;
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
	/* The stream keeps its own buffer. The log's streams stay line
	 * buffered at most: a record holds one line. */
	f->mode = mode == _IOFBF && f->cap == RECORD_MAX ? _IOLBF : mode;
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
	f->eof = 0;
}

int fileno(FILE *f)
{
	return f->fd;
}

void perror(const char *s)
{
	if (s && *s)
		fprintf(stderr, "%s: %s\n", s, strerror(errno));
	else
		fprintf(stderr, "%s\n", strerror(errno));
}

/* fopen's mode: open flags, or -1 for a mode it does not know. */
static int mode_flags(const char *mode)
{
	int flags;
	switch (mode[0]) {
	case 'r': flags = O_RDONLY; break;
	case 'w': flags = O_WRONLY | O_CREAT | O_TRUNC; break;
	case 'a': flags = O_WRONLY | O_CREAT | O_APPEND; break;
	default: return -1;
	}
	for (const char *m = mode + 1; *m; m++) {
		if (*m == '+')
			flags = (flags & ~O_ACCMODE) | O_RDWR;
		else if (*m == 'x')
			flags |= O_EXCL;
		else if (*m == 'e')
			flags |= O_CLOEXEC;
		else if (*m != 'b')
			return -1;
	}
	return flags;
}

static FILE *stream_new(int fd, int flags)
{
	FILE *f = calloc(1, sizeof(*f) + UNGET_ROOM + STREAM_BUF);
	if (!f) {
		errno = ENOMEM;
		return NULL;
	}
	f->fd = fd;
	f->mode = _IOFBF;
	f->readable = (flags & O_ACCMODE) != O_WRONLY;
	f->writable = (flags & O_ACCMODE) != O_RDONLY;
	f->buf = (char *)(f + 1);
	f->cap = UNGET_ROOM + STREAM_BUF;
	__libc_lock(&list_lock);
	f->next = opened;
	opened = f;
	__libc_unlock(&list_lock);
	return f;
}

FILE *fopen(const char *restrict path, const char *restrict mode)
{
	int flags = mode ? mode_flags(mode) : -1;
	if (flags < 0) {
		errno = EINVAL;
		return NULL;
	}
	int fd = open(path, flags, 0666);
	if (fd < 0)
		return NULL;
	FILE *f = stream_new(fd, flags);
	if (!f)
		close(fd);
	return f;
}

FILE *fdopen(int fd, const char *mode)
{
	int flags = mode ? mode_flags(mode) : -1;
	int has = fcntl(fd, F_GETFL);
	if (has < 0)
		return NULL;
	if (flags < 0 || ((flags & O_ACCMODE) != O_RDONLY && (has & O_ACCMODE) == O_RDONLY) ||
	    ((flags & O_ACCMODE) != O_WRONLY && (has & O_ACCMODE) == O_WRONLY)) {
		errno = EINVAL;
		return NULL;
	}
	return stream_new(fd, flags);
}

FILE *__libc_stream_of_text(char *text, size_t len)
{
	FILE *f = stream_new(-1, O_RDONLY);
	if (!f)
		return NULL;
	f->text = f->buf = text ? text : f->buf;
	f->cap = f->rlen = text ? len : 0;
	return f;
}

int fclose(FILE *f)
{
	int r = fflush(f);
	if (f == stdin || f == stdout || f == stderr)
		return r; /* they stay, with their descriptors */
	__libc_lock(&list_lock);
	for (FILE **p = &opened; *p; p = &(*p)->next)
		if (*p == f) {
			*p = f->next;
			break;
		}
	__libc_unlock(&list_lock);
	if (f->fd >= 0 && close(f->fd))
		r = EOF;
	free(f->text);
	free(f);
	return r;
}

int fseek(FILE *f, long off, int whence)
{
	__libc_lock(&f->lock);
	if (f->len)
		flush_locked(f);
	if (whence == SEEK_CUR)
		off -= (long)(f->rlen - f->rpos); /* what was read ahead */
	f->rpos = f->rlen = 0;
	f->wide.nback = 0; /* ungetwc's push-back is undone, as ungetc's */
	off_t r = lseek(f->fd, off, whence);
	if (r >= 0)
		f->eof = 0;
	__libc_unlock(&f->lock);
	return r < 0 ? -1 : 0;
}

long ftell(FILE *f)
{
	__libc_lock(&f->lock);
	off_t r = lseek(f->fd, 0, SEEK_CUR);
	if (r >= 0)
		r = r - (off_t)(f->rlen - f->rpos) + (off_t)f->len;
	__libc_unlock(&f->lock);
	return (long)r;
}

void rewind(FILE *f)
{
	fseek(f, 0, SEEK_SET);
	f->err = 0;
}

static void unlock_stream(void *f)
{
	__libc_unlock(&((FILE *)f)->lock);
}

/* Refills the read buffer: bytes there now, 0 at the end or on error. */
static size_t fill_locked(FILE *f)
{
	if (!f->wide.orient)
		f->wide.orient = -1; /* the first input orients the stream */
	if (f->rpos < f->rlen)
		return f->rlen - f->rpos;
	if (!f->readable) {
		errno = EBADF;
		f->err = 1;
		return 0;
	}
	if (f->len)
		flush_locked(f);
	if (stdout->len && f != stdout)
		fflush(stdout); /* a prompt shows before input is read */
	/* A cancellation point (a thread cancelled in it leaves the stream
	 * unlocked). */
	ssize_t n;
	size_t room = f->cap > 2 * UNGET_ROOM ? UNGET_ROOM : 0;
	pthread_cleanup_push(unlock_stream, f);
	n = read(f->fd, f->buf + room, f->cap - room);
	pthread_cleanup_pop(0);
	f->rpos = room;
	f->rlen = room + (n > 0 ? (size_t)n : 0);
	if (n == 0 || (n < 0 && (f == stdin || f->fd < 0) && errno == EBADF))
		f->eof = 1; /* stdin without a descriptor is empty; text ends */
	else if (n < 0)
		f->err = 1;
	return f->rlen - f->rpos;
}

size_t fread(void *restrict p, size_t size, size_t n, FILE *restrict f)
{
	if (!size || !n)
		return 0;
	if (n > SIZE_MAX / size) {
		errno = EOVERFLOW;
		return 0;
	}
	size_t want = size * n, got = 0;
	__libc_lock(&f->lock);
	while (got < want) {
		size_t have = fill_locked(f);
		if (!have)
			break;
		size_t take = have < want - got ? have : want - got;
		memcpy((char *)p + got, f->buf + f->rpos, take);
		f->rpos += take;
		got += take;
	}
	__libc_unlock(&f->lock);
	return got / size;
}

int fgetc(FILE *f)
{
	__libc_lock(&f->lock);
	int c = fill_locked(f) ? (unsigned char)f->buf[f->rpos++] : EOF;
	__libc_unlock(&f->lock);
	return c;
}

int getc(FILE *f)
{
	return fgetc(f);
}

int getchar(void)
{
	return fgetc(stdin);
}

/* Pushed-back bytes go before the unread ones in the read buffer, where
 * the next read takes them (and ftell and fseek's SEEK_CUR count them as
 * unread, one position each); with no room before those, they move to
 * the buffer's end first. Fails only when the buffer is all unread
 * bytes: at least UNGET_ROOM pushed back beyond those read. */
int ungetc(int c, FILE *f)
{
	if (c == EOF)
		return EOF;
	__libc_lock(&f->lock);
	if (f->len)
		flush_locked(f); /* output waiting in the same buffer goes first */
	if (f->rpos == 0 && f->rlen < f->cap) {
		size_t n = f->rlen;
		memmove(f->buf + f->cap - n, f->buf, n);
		f->rpos = f->cap - n;
		f->rlen = f->cap;
	}
	int r = EOF;
	if (f->rpos > 0) {
		f->buf[--f->rpos] = (char)c;
		r = (unsigned char)c;
		f->eof = 0;
	}
	__libc_unlock(&f->lock);
	return r;
}

/* The scanf engine's input on a stream whose lock the scan holds: the
 * byte it pushes back is the one it just took from the buffer, so it is
 * still there and the stream keeps it for the next read (ungetc's
 * semantics: the first character that did not match stays unread). */
static int scan_get(void *ctx)
{
	FILE *f = ctx;
	return fill_locked(f) ? (unsigned char)f->buf[f->rpos++] : EOF;
}

static void scan_unget(void *ctx, int c)
{
	(void)c;
	((FILE *)ctx)->rpos--;
}

int vfscanf(FILE *restrict f, const char *restrict fmt, va_list ap)
{
	struct __vg_input in = { scan_get, scan_unget, f };
	__libc_lock(&f->lock);
	int n = __vg_vscan(&in, fmt, ap);
	__libc_unlock(&f->lock);
	return n;
}

int fscanf(FILE *restrict f, const char *restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vfscanf(f, fmt, ap);
	va_end(ap);
	return n;
}

int vscanf(const char *restrict fmt, va_list ap)
{
	return vfscanf(stdin, fmt, ap);
}

int scanf(const char *restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vfscanf(stdin, fmt, ap);
	va_end(ap);
	return n;
}

char *fgets(char *restrict s, int n, FILE *restrict f)
{
	if (n <= 0) {
		errno = EINVAL;
		return NULL;
	}
	int i = 0;
	__libc_lock(&f->lock);
	while (i < n - 1 && fill_locked(f)) {
		char c = f->buf[f->rpos++];
		s[i++] = c;
		if (c == '\n')
			break;
	}
	__libc_unlock(&f->lock);
	if (i == 0 && n > 1)
		return NULL;
	s[i] = 0;
	return s;
}

ssize_t getdelim(char **restrict line, size_t *restrict size, int delim, FILE *restrict f)
{
	if (!line || !size) {
		errno = EINVAL;
		return -1;
	}
	size_t len = 0;
	__libc_lock(&f->lock);
	for (;;) {
		if (len + 2 > *size || !*line) {
			size_t grown = *size < 64 ? 128 : *size * 2;
			char *p = realloc(*line, grown);
			if (!p) {
				__libc_unlock(&f->lock);
				errno = ENOMEM;
				return -1;
			}
			*line = p;
			*size = grown;
		}
		if (!fill_locked(f))
			break;
		char c = f->buf[f->rpos++];
		(*line)[len++] = c;
		if (c == delim)
			break;
	}
	__libc_unlock(&f->lock);
	(*line)[len] = 0;
	return len ? (ssize_t)len : -1;
}

ssize_t getline(char **restrict line, size_t *restrict size, FILE *restrict f)
{
	return getdelim(line, size, '\n', f);
}

/* ---- for the wide functions (wide.c) ---- */

void __libc_stream_lock(FILE *f)
{
	__libc_lock(&f->lock);
}

void __libc_stream_unlock(FILE *f)
{
	if (f->mode == _IONBF)
		flush_locked(f);
	__libc_unlock(&f->lock);
}

struct __libc_wide *__libc_stream_wide(FILE *f)
{
	return &f->wide;
}

int __libc_stream_getc_locked(FILE *f)
{
	return fill_locked(f) ? (unsigned char)f->buf[f->rpos++] : EOF;
}

int __libc_stream_put_locked(FILE *f, const char *s, size_t n)
{
	if (!f->writable) {
		errno = EBADF;
		f->err = 1;
		return EOF;
	}
	put_locked(f, s, n);
	return f->err ? EOF : 0;
}

void __libc_stream_set_error(FILE *f)
{
	f->err = 1;
}

void __libc_stream_clear_eof(FILE *f)
{
	f->eof = 0;
}
