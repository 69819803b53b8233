// SPDX-License-Identifier: BSD-2-Clause
// struct sb: a string builder over realloc, formatting with vsnprintf.
#include <coll/sb.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sb_init(struct sb *b)
{
	*b = (struct sb){ 0 };
}

void sb_free(struct sb *b)
{
	free(b->buf);
	sb_init(b);
}

/* Room for n more bytes and the terminator. */
static bool room(struct sb *b, size_t n)
{
	if (b->failed)
		return false;
	if (n > SIZE_MAX / 2 - b->len) {
		b->failed = true;
		return false;
	}
	size_t need = b->len + n + 1;
	if (need <= b->cap)
		return true;
	size_t cap = b->cap ? b->cap : 32;
	while (cap < need)
		cap *= 2;
	char *p = realloc(b->buf, cap);
	if (!p) {
		b->failed = true;
		return false;
	}
	b->buf = p;
	b->cap = cap;
	return true;
}

bool sb_append_n(struct sb *b, const char *s, size_t n)
{
	if (!room(b, n))
		return false;
	memcpy(b->buf + b->len, s, n);
	b->len += n;
	b->buf[b->len] = 0;
	return true;
}

bool sb_append(struct sb *b, const char *s)
{
	return sb_append_n(b, s, strlen(s));
}

bool sb_putc(struct sb *b, char c)
{
	return sb_append_n(b, &c, 1);
}

bool sb_vprintf(struct sb *b, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	char small[1];
	int n = vsnprintf(small, sizeof(small), fmt, ap2);
	va_end(ap2);
	if (n < 0 || !room(b, (size_t)n)) {
		b->failed = true;
		return false;
	}
	vsnprintf(b->buf + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return true;
}

bool sb_printf(struct sb *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	bool ok = sb_vprintf(b, fmt, ap);
	va_end(ap);
	return ok;
}

const char *sb_str(const struct sb *b)
{
	return b->buf ? b->buf : "";
}

char *sb_take(struct sb *b)
{
	if (b->failed) {
		sb_free(b);
		return NULL;
	}
	char *s = b->buf;
	if (!s) {
		s = malloc(1);
		if (s)
			*s = 0;
	}
	sb_init(b);
	return s;
}

void sb_truncate(struct sb *b, size_t len)
{
	if (len < b->len) {
		b->len = len;
		b->buf[len] = 0;
	}
}
