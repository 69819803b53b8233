// SPDX-License-Identifier: BSD-2-Clause
// The printf and scanf engines behind callbacks, so that string and FILE
// variants share them: printf's writes pieces through an output function,
// scanf's reads characters through an input with one character of push-back.
#ifndef LIBC_FORMAT_H
#define LIBC_FORMAT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef void (*__vg_out_fn)(void *ctx, const char *s, size_t n);
/* The wide functions' output: wide characters. */
typedef void (*__vg_wout_fn)(void *ctx, const wchar_t *s, size_t n);

/* A format string: narrow (printf's, scanf's) when w is NULL, else wide
 * (wprintf's, wscanf's). The engines read it through fmt_at, which gives a
 * byte as unsigned char and a wide character as its value. */
struct __vg_fmt {
	const char *n;
	const wchar_t *w;
};

static inline int __vg_fmt_at(const struct __vg_fmt *f, size_t k)
{
	return f->w ? (int)f->w[k] : (unsigned char)f->n[k];
}

static inline void __vg_fmt_skip(struct __vg_fmt *f, size_t k)
{
	if (f->w)
		f->w += k;
	else
		f->n += k;
}

/* Formats like vprintf; returns the number of characters produced, or -1
 * (errno EOVERFLOW) when that exceeds INT_MAX. */
int __vg_vformat(__vg_out_fn out, void *ctx, const char *fmt, va_list ap);
/* The same for wprintf: a wide format, wide output, and C's rules for the
 * wide functions (width and precision count wide characters, %s and %c
 * convert from multibyte). -1 with errno EILSEQ for a multibyte string
 * that does not convert. */
int __vg_vwformat(__vg_wout_fn out, void *ctx, const wchar_t *fmt, va_list ap);

struct __vg_input {
	/* The next byte as unsigned char (for wscanf: the next wide
	 * character), or EOF. */
	int (*get)(void *ctx);
	void (*unget)(void *ctx, int c); /* pushes back the character just read */
	void *ctx;
};

/* Scans like vscanf: the number of assignments made, or EOF if the input
 * ended before the first conversion. */
int __vg_vscan(const struct __vg_input *in, const char *fmt, va_list ap);
/* The same for wscanf: a wide format and wide input characters. */
int __vg_vwscan(const struct __vg_input *in, const wchar_t *fmt, va_list ap);

/* ---- shared between the parts of the printf engine ---- */

struct fmt_out {
	__vg_out_fn fn;
	__vg_wout_fn wfn; /* set for the wide functions, which use it alone */
	void *ctx;
	size_t count; /* characters written (bytes, or wide characters) */
};

struct fmt_spec {
	bool left, zero, plus, space, alt;
	int width; /* 0 when none */
	int prec; /* -1 when none */
	char conv;
};

/* Writes n bytes; for the wide functions only ASCII comes here, widened. */
void __vg_fmt_emit(struct fmt_out *o, const char *s, size_t n);
void __vg_fmt_wemit(struct fmt_out *o, const wchar_t *s, size_t n);
void __vg_fmt_pad(struct fmt_out *o, char c, size_t n);
/* Writes prefix (sign, "0x"), then body of n bytes, padded to the width;
 * zero padding goes between prefix and body when zero_ok. */
void __vg_fmt_field(struct fmt_out *o, const struct fmt_spec *sp, const char *prefix,
		    const char *body, size_t n, bool zero_ok);
/* %ls (n: the characters of s, or (size_t)-1 for up to its NUL) and %lc
 * (n = 1); false when a character has no multibyte form (errno EILSEQ). */
bool __vg_fmt_wide(struct fmt_out *o, const struct fmt_spec *sp, const wchar_t *s, size_t n);
/* wprintf's %s (n (size_t)-1: up to the NUL) and %c (n = 1): multibyte
 * characters converted; false (errno EILSEQ) when one does not. */
bool __vg_fmt_mbs(struct fmt_out *o, const struct fmt_spec *sp, const char *s, size_t n);
/* %e %f %g %a and their capitals. */
void __vg_fmt_float(struct fmt_out *o, const struct fmt_spec *sp, double v);

/* The exact decimal expansion of a finite non-zero |v|: significant digits
 * (no trailing zeros) into digits, returning their number; *e10 is the
 * exponent of the first one (v = d.ddd * 10^e10). digits holds 800. */
int __vg_exact_digits(double v, char *digits, int *e10);

#endif
