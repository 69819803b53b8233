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

/* Formats like vprintf; returns the number of characters produced, or -1
 * (errno EOVERFLOW) when that exceeds INT_MAX. */
int __vg_vformat(__vg_out_fn out, void *ctx, const char *fmt, va_list ap);

struct __vg_input {
	int (*get)(void *ctx); /* the next byte as unsigned char, or EOF */
	void (*unget)(void *ctx, int c); /* pushes back the byte just read */
	void *ctx;
};

/* Scans like vscanf: the number of assignments made, or EOF if the input
 * ended before the first conversion. */
int __vg_vscan(const struct __vg_input *in, const char *fmt, va_list ap);

/* ---- shared between the parts of the printf engine ---- */

struct fmt_out {
	__vg_out_fn fn;
	void *ctx;
	size_t count;
};

struct fmt_spec {
	bool left, zero, plus, space, alt;
	int width; /* 0 when none */
	int prec; /* -1 when none */
	char conv;
};

void __vg_fmt_emit(struct fmt_out *o, const char *s, size_t n);
void __vg_fmt_pad(struct fmt_out *o, char c, size_t n);
/* Writes prefix (sign, "0x"), then body of n bytes, padded to the width;
 * zero padding goes between prefix and body when zero_ok. */
void __vg_fmt_field(struct fmt_out *o, const struct fmt_spec *sp, const char *prefix,
		    const char *body, size_t n, bool zero_ok);
/* %ls (n: the characters of s, or (size_t)-1 for up to its NUL) and %lc
 * (n = 1); false when a character has no multibyte form (errno EILSEQ). */
bool __vg_fmt_wide(struct fmt_out *o, const struct fmt_spec *sp, const wchar_t *s, size_t n);
/* %e %f %g %a and their capitals. */
void __vg_fmt_float(struct fmt_out *o, const struct fmt_spec *sp, double v);

/* The exact decimal expansion of a finite non-zero |v|: significant digits
 * (no trailing zeros) into digits, returning their number; *e10 is the
 * exponent of the first one (v = d.ddd * 10^e10). digits holds 800. */
int __vg_exact_digits(double v, char *digits, int *e10);

#endif
