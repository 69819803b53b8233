// SPDX-License-Identifier: BSD-2-Clause
// dprintf and vdprintf: the printf engine writing to a descriptor through a
// small buffer on the stack (no stream: nothing stays behind after the call).
// A write that fails makes the call fail with its errno; what was written
// before stays written, as with any write.
#include <errno.h>
#include <stdio.h>
#include <unistd.h>

#include "../../internal/format.h"

struct fdout {
	int fd;
	int err; /* the first write's errno, 0 while all went well */
	size_t len;
	char buf[256];
};

static void write_all(struct fdout *o, const char *s, size_t n)
{
	while (n && !o->err) {
		ssize_t w = write(o->fd, s, n);
		if (w < 0) {
			o->err = errno;
			return;
		}
		s += w;
		n -= (size_t)w;
	}
}

static void flush(struct fdout *o)
{
	write_all(o, o->buf, o->len);
	o->len = 0;
}

static void out_fn(void *ctx, const char *s, size_t n)
{
	struct fdout *o = ctx;
	if (o->len + n > sizeof(o->buf))
		flush(o);
	if (n >= sizeof(o->buf)) {
		write_all(o, s, n);
		return;
	}
	for (size_t i = 0; i < n; i++)
		o->buf[o->len++] = s[i];
}

int vdprintf(int fd, const char *restrict fmt, va_list ap)
{
	struct fdout o = { .fd = fd };
	int n = __vg_vformat(out_fn, &o, fmt, ap);
	flush(&o);
	if (o.err) {
		errno = o.err;
		return -1;
	}
	return n;
}

int dprintf(int fd, const char *restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vdprintf(fd, fmt, ap);
	va_end(ap);
	return n;
}
