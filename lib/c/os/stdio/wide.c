// SPDX-License-Identifier: BSD-2-Clause
// The wide stream functions: wide characters in and out of a FILE stream
// as the locale's multibyte characters (UTF-8 in C.UTF-8, ASCII in C), one
// character at a time through mbrtowc and wcrtomb, so no conversion state
// outlives a call. A stream takes its orientation from its first input or
// output (fwide): the functions here make it wide and fail on a
// byte-oriented one (WEOF or -1 with errno unchanged, as glibc). Bytes that
// do not form a character, or a character the locale cannot write, fail
// with EILSEQ and set the stream's error flag. fwprintf and fwscanf are the
// printf and scanf engines' wide forms (internal/format.h) on the stream,
// under its lock; ungetwc and fwscanf's push-back share the stream's
// wide push-back, several characters deep (any wide character: they are
// kept as such, not converted back to bytes).
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <wchar.h>

#include "../../internal/format.h"
#include "../internal/stream.h"

int fwide(FILE *f, int mode)
{
	__libc_stream_lock(f);
	struct __libc_wide *w = __libc_stream_wide(f);
	if (!w->orient)
		w->orient = mode > 0 ? 1 : mode < 0 ? -1 : 0;
	int r = w->orient;
	__libc_stream_unlock(f);
	return r;
}

/* Orients an unoriented stream for wide characters: false when it is
 * byte-oriented. */
static bool wide_locked(FILE *f)
{
	struct __libc_wide *w = __libc_stream_wide(f);
	if (!w->orient)
		w->orient = 1;
	return w->orient > 0;
}

static wint_t getwc_locked(FILE *f)
{
	struct __libc_wide *w = __libc_stream_wide(f);
	if (w->nback)
		return (wint_t)w->back[--w->nback];
	mbstate_t st = { 0, 0 };
	for (bool first = true;; first = false) {
		int c = __libc_stream_getc_locked(f);
		if (c == EOF) {
			if (!first) { /* the file ends inside a character */
				errno = EILSEQ;
				__libc_stream_set_error(f);
			}
			return WEOF;
		}
		char b = (char)c;
		wchar_t wc;
		size_t r = mbrtowc(&wc, &b, 1, &st);
		if (r == (size_t)-1) {
			__libc_stream_set_error(f);
			return WEOF;
		}
		if (r != (size_t)-2)
			return (wint_t)wc;
	}
}

static wint_t putwc_locked(wchar_t wc, FILE *f)
{
	char mb[MB_LEN_MAX];
	size_t n = wcrtomb(mb, wc, NULL);
	if (n == (size_t)-1) {
		__libc_stream_set_error(f);
		return WEOF;
	}
	return __libc_stream_put_locked(f, mb, n) ? WEOF : (wint_t)wc;
}

wint_t fgetwc(FILE *f)
{
	__libc_stream_lock(f);
	wint_t c = wide_locked(f) ? getwc_locked(f) : WEOF;
	__libc_stream_unlock(f);
	return c;
}

wint_t getwc(FILE *f)
{
	return fgetwc(f);
}

wint_t getwchar(void)
{
	return fgetwc(stdin);
}

wint_t fputwc(wchar_t wc, FILE *f)
{
	__libc_stream_lock(f);
	wint_t c = wide_locked(f) ? putwc_locked(wc, f) : WEOF;
	__libc_stream_unlock(f);
	return c;
}

wint_t putwc(wchar_t wc, FILE *f)
{
	return fputwc(wc, f);
}

wint_t putwchar(wchar_t wc)
{
	return fputwc(wc, stdout);
}

wint_t ungetwc(wint_t wc, FILE *f)
{
	if (wc == WEOF)
		return WEOF;
	__libc_stream_lock(f);
	struct __libc_wide *w = __libc_stream_wide(f);
	wint_t r = WEOF;
	if (wide_locked(f) && w->nback < __LIBC_UNGETWC_MAX) {
		w->back[w->nback++] = (wchar_t)wc;
		__libc_stream_clear_eof(f);
		r = wc;
	}
	__libc_stream_unlock(f);
	return r;
}

wchar_t *fgetws(wchar_t *restrict s, int n, FILE *restrict f)
{
	if (n <= 0) {
		errno = EINVAL;
		return NULL;
	}
	int i = 0;
	bool failed = false;
	__libc_stream_lock(f);
	if (!wide_locked(f))
		failed = true;
	while (!failed && i < n - 1) {
		wint_t c = getwc_locked(f);
		if (c == WEOF) {
			failed = ferror(f) != 0;
			break;
		}
		s[i++] = (wchar_t)c;
		if (c == L'\n')
			break;
	}
	__libc_stream_unlock(f);
	if (failed || (i == 0 && n > 1))
		return NULL;
	s[i] = 0;
	return s;
}

int fputws(const wchar_t *restrict s, FILE *restrict f)
{
	__libc_stream_lock(f);
	int r = wide_locked(f) ? 0 : -1;
	for (; !r && *s; s++)
		if (putwc_locked(*s, f) == WEOF)
			r = -1;
	__libc_stream_unlock(f);
	return r;
}

/* fwprintf's output: each character written until one fails. */
struct wout {
	FILE *f;
	bool failed;
};

static void to_stream(void *ctx, const wchar_t *s, size_t n)
{
	struct wout *o = ctx;
	for (size_t i = 0; i < n && !o->failed; i++)
		o->failed = putwc_locked(s[i], o->f) == WEOF;
}

int vfwprintf(FILE *restrict f, const wchar_t *restrict fmt, va_list ap)
{
	struct wout o = { f, false };
	__libc_stream_lock(f);
	int n = wide_locked(f) ? __vg_vwformat(to_stream, &o, fmt, ap) : -1;
	if (o.failed)
		n = -1;
	__libc_stream_unlock(f);
	return n;
}

int fwprintf(FILE *restrict f, const wchar_t *restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vfwprintf(f, fmt, ap);
	va_end(ap);
	return n;
}

int vwprintf(const wchar_t *restrict fmt, va_list ap)
{
	return vfwprintf(stdout, fmt, ap);
}

int wprintf(const wchar_t *restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vfwprintf(stdout, fmt, ap);
	va_end(ap);
	return n;
}

/* fwscanf's input: the stream's wide characters, the one pushed back
 * kept with ungetwc's (so it stays unread after the scan). */
static int scan_get(void *ctx)
{
	wint_t c = getwc_locked(ctx);
	return c == WEOF ? EOF : (int)c;
}

static void scan_unget(void *ctx, int c)
{
	struct __libc_wide *w = __libc_stream_wide(ctx);
	/* c is the character just read: from the push-back, where its place
	 * is free again, or from the bytes, read only with none pushed back. */
	w->back[w->nback++] = (wchar_t)c;
}

int vfwscanf(FILE *restrict f, const wchar_t *restrict fmt, va_list ap)
{
	struct __vg_input in = { scan_get, scan_unget, f };
	__libc_stream_lock(f);
	int n = wide_locked(f) ? __vg_vwscan(&in, fmt, ap) : EOF;
	__libc_stream_unlock(f);
	return n;
}

int fwscanf(FILE *restrict f, const wchar_t *restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vfwscanf(f, fmt, ap);
	va_end(ap);
	return n;
}

int vwscanf(const wchar_t *restrict fmt, va_list ap)
{
	return vfwscanf(stdin, fmt, ap);
}

int wscanf(const wchar_t *restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vfwscanf(stdin, fmt, ap);
	va_end(ap);
	return n;
}
