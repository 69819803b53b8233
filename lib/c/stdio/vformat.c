// SPDX-License-Identifier: BSD-2-Clause
// The printf engine: parses conversion specifications (flags, width,
// precision, '*', length modifiers) and formats integers, characters,
// strings and pointers; floating point is in fmtfloat.c, wide characters
// (%lc, %ls) in fmtwide.c. Output goes through
// a callback (internal/format.h). The same engine serves wprintf: the
// format is then wide and so is the output (struct fmt_out's wfn).
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <string.h>
#include <wchar.h>

#include "../internal/format.h"

void __vg_fmt_wemit(struct fmt_out *o, const wchar_t *s, size_t n)
{
	if (n) {
		o->wfn(o->ctx, s, n);
		o->count += n;
	}
}

void __vg_fmt_emit(struct fmt_out *o, const char *s, size_t n)
{
	if (!o->wfn) {
		if (n) {
			o->fn(o->ctx, s, n);
			o->count += n;
		}
		return;
	}
	wchar_t wide[32];
	while (n) {
		size_t k = n < 32 ? n : 32;
		for (size_t i = 0; i < k; i++)
			wide[i] = (unsigned char)s[i];
		__vg_fmt_wemit(o, wide, k);
		s += k;
		n -= k;
	}
}

void __vg_fmt_pad(struct fmt_out *o, char c, size_t n)
{
	char chunk[32];
	memset(chunk, c, sizeof(chunk));
	while (n) {
		size_t k = n < sizeof(chunk) ? n : sizeof(chunk);
		__vg_fmt_emit(o, chunk, k);
		n -= k;
	}
}

void __vg_fmt_field(struct fmt_out *o, const struct fmt_spec *sp, const char *prefix,
		    const char *body, size_t n, bool zero_ok)
{
	size_t np = strlen(prefix), total = np + n;
	size_t w = sp->width > 0 ? (size_t)sp->width : 0;
	size_t pad = w > total ? w - total : 0;
	bool zeros = zero_ok && sp->zero && !sp->left;
	if (!sp->left && !zeros)
		__vg_fmt_pad(o, ' ', pad);
	__vg_fmt_emit(o, prefix, np);
	if (zeros)
		__vg_fmt_pad(o, '0', pad);
	__vg_fmt_emit(o, body, n);
	if (sp->left)
		__vg_fmt_pad(o, ' ', pad);
}

enum { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_J, LEN_Z, LEN_T, LEN_BIG_L };

static void format_int(struct fmt_out *o, const struct fmt_spec *sp, uint64_t mag, bool neg)
{
	char conv = sp->conv;
	unsigned base = conv == 'o' ? 8 : (conv == 'x' || conv == 'X' || conv == 'p') ? 16 : 10;
	const char *digits = conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
	char buf[24];
	char *end = buf + sizeof(buf), *p = end;
	for (uint64_t v = mag; v; v /= base)
		*--p = digits[v % base];
	size_t nd = (size_t)(end - p);
	size_t prec = sp->prec < 0 ? 1 : (size_t)sp->prec;
	/* '#' with %o: the precision grows until a leading zero shows. */
	if (conv == 'o' && sp->alt && prec <= nd)
		prec = nd + 1;
	char prefix[4] = "";
	if (conv == 'd' || conv == 'i')
		strcpy(prefix, neg ? "-" : sp->plus ? "+" : sp->space ? " " : "");
	else if ((sp->alt && mag && (conv == 'x' || conv == 'X')) || conv == 'p')
		strcpy(prefix, conv == 'X' ? "0X" : "0x");
	size_t zeros = prec > nd ? prec - nd : 0;
	size_t np = strlen(prefix), total = np + zeros + nd;
	size_t w = sp->width > 0 ? (size_t)sp->width : 0;
	size_t pad = w > total ? w - total : 0;
	bool zero_pad = sp->zero && !sp->left && sp->prec < 0;
	if (!sp->left && !zero_pad)
		__vg_fmt_pad(o, ' ', pad);
	__vg_fmt_emit(o, prefix, np);
	__vg_fmt_pad(o, '0', zeros + (zero_pad ? pad : 0));
	__vg_fmt_emit(o, p, nd);
	if (sp->left)
		__vg_fmt_pad(o, ' ', pad);
}

static int64_t signed_arg(va_list *ap, int len)
{
	switch (len) {
	case LEN_HH: return (signed char)va_arg(*ap, int);
	case LEN_H: return (short)va_arg(*ap, int);
	case LEN_L: return va_arg(*ap, long);
	case LEN_LL: return va_arg(*ap, long long);
	case LEN_J: return va_arg(*ap, intmax_t);
	case LEN_Z: return va_arg(*ap, long); /* the signed type of size_t's size */
	case LEN_T: return va_arg(*ap, ptrdiff_t);
	default: return va_arg(*ap, int);
	}
}

static uint64_t unsigned_arg(va_list *ap, int len)
{
	switch (len) {
	case LEN_HH: return (unsigned char)va_arg(*ap, unsigned);
	case LEN_H: return (unsigned short)va_arg(*ap, unsigned);
	case LEN_L: return va_arg(*ap, unsigned long);
	case LEN_LL: return va_arg(*ap, unsigned long long);
	case LEN_J: return va_arg(*ap, uintmax_t);
	case LEN_Z: return va_arg(*ap, size_t);
	case LEN_T: return (uint64_t)va_arg(*ap, ptrdiff_t);
	default: return va_arg(*ap, unsigned);
	}
}

static void store_count(va_list *ap, int len, size_t count)
{
	switch (len) {
	case LEN_HH: *va_arg(*ap, signed char *) = (signed char)count; break;
	case LEN_H: *va_arg(*ap, short *) = (short)count; break;
	case LEN_L: *va_arg(*ap, long *) = (long)count; break;
	case LEN_LL: *va_arg(*ap, long long *) = (long long)count; break;
	case LEN_J: *va_arg(*ap, intmax_t *) = (intmax_t)count; break;
	case LEN_Z: *va_arg(*ap, size_t *) = count; break;
	case LEN_T: *va_arg(*ap, ptrdiff_t *) = (ptrdiff_t)count; break;
	default: *va_arg(*ap, int *) = (int)count; break;
	}
}

/* A decimal number in the format (width or precision), saturated. */
static int read_num(struct __vg_fmt *f)
{
	int v = 0;
	for (int c; (c = __vg_fmt_at(f, 0)) >= '0' && c <= '9'; __vg_fmt_skip(f, 1))
		v = v > (INT_MAX - 9) / 10 ? INT_MAX : v * 10 + (c - '0');
	return v;
}

/* Parses the specification after '%', leaving f at its conversion
 * character (or at the format's end). */
static void parse_spec(struct __vg_fmt *f, struct fmt_spec *sp, int *len, va_list *ap)
{
	*sp = (struct fmt_spec){ .prec = -1 };
	for (;; __vg_fmt_skip(f, 1)) {
		int c = __vg_fmt_at(f, 0);
		if (c == '-')
			sp->left = true;
		else if (c == '0')
			sp->zero = true;
		else if (c == '+')
			sp->plus = true;
		else if (c == ' ')
			sp->space = true;
		else if (c == '#')
			sp->alt = true;
		else
			break;
	}
	if (__vg_fmt_at(f, 0) == '*') {
		__vg_fmt_skip(f, 1);
		int w = va_arg(*ap, int);
		if (w < 0) {
			sp->left = true;
			w = w == INT_MIN ? INT_MAX : -w;
		}
		sp->width = w;
	} else {
		sp->width = read_num(f);
	}
	if (__vg_fmt_at(f, 0) == '.') {
		__vg_fmt_skip(f, 1);
		if (__vg_fmt_at(f, 0) == '*') {
			__vg_fmt_skip(f, 1);
			int p = va_arg(*ap, int);
			sp->prec = p < 0 ? -1 : p;
		} else {
			sp->prec = read_num(f);
		}
	}
	*len = LEN_NONE;
	int c = __vg_fmt_at(f, 0), twice = c && c == __vg_fmt_at(f, 1);
	switch (c) {
	case 'h': *len = twice ? LEN_HH : LEN_H; break;
	case 'l': *len = twice ? LEN_LL : LEN_L; break;
	case 'q': *len = LEN_LL; break;
	case 'j': *len = LEN_J; break;
	case 'z': *len = LEN_Z; break;
	case 't': *len = LEN_T; break;
	case 'L': *len = LEN_BIG_L; break;
	}
	if (*len != LEN_NONE)
		__vg_fmt_skip(f, *len == LEN_HH || (*len == LEN_LL && c == 'l') ? 2 : 1);
	/* Only ASCII conversion characters mean anything. */
	c = __vg_fmt_at(f, 0);
	sp->conv = c >= 0 && c < 128 ? (char)c : '?';
}

/* Writes the format's text from a to b (characters as they stand). */
static void emit_text(struct fmt_out *o, const struct __vg_fmt *a, const struct __vg_fmt *b)
{
	if (a->w)
		__vg_fmt_wemit(o, a->w, (size_t)(b->w - a->w));
	else
		__vg_fmt_emit(o, a->n, (size_t)(b->n - a->n));
}

static void format_string(struct fmt_out *o, const struct fmt_spec *sp, const char *s)
{
	if (!s) /* glibc's choice: "(null)" when it fits the precision */
		s = sp->prec < 0 || sp->prec >= 6 ? "(null)" : "";
	size_t n = sp->prec < 0 ? strlen(s) : strnlen(s, (size_t)sp->prec);
	__vg_fmt_field(o, sp, "", s, n, false);
}

static int run(struct fmt_out *o, struct __vg_fmt f, va_list ap0)
{
	va_list ap;
	va_copy(ap, ap0);
	while (__vg_fmt_at(&f, 0)) {
		if (__vg_fmt_at(&f, 0) != '%') {
			struct __vg_fmt lit = f;
			while (__vg_fmt_at(&f, 0) && __vg_fmt_at(&f, 0) != '%')
				__vg_fmt_skip(&f, 1);
			emit_text(o, &lit, &f);
			continue;
		}
		struct __vg_fmt start = f;
		struct fmt_spec sp;
		int len;
		__vg_fmt_skip(&f, 1);
		parse_spec(&f, &sp, &len, &ap);
		switch (sp.conv) {
		case 'd':
		case 'i': {
			int64_t v = signed_arg(&ap, len);
			format_int(o, &sp, v < 0 ? 0 - (uint64_t)v : (uint64_t)v, v < 0);
			break;
		}
		case 'u':
		case 'o':
		case 'x':
		case 'X': format_int(o, &sp, unsigned_arg(&ap, len), false); break;
		case 'p': {
			void *p = va_arg(ap, void *);
			if (p) {
				sp.alt = true;
				format_int(o, &sp, (uintptr_t)p, false);
			} else {
				struct fmt_spec s2 = sp;
				s2.prec = -1;
				format_string(o, &s2, "(nil)");
			}
			break;
		}
		case 'c': {
			if (len == LEN_L) {
				wchar_t wc = (wchar_t)va_arg(ap, wint_t);
				if (!__vg_fmt_wide(o, &sp, &wc, 1))
					goto failed;
				break;
			}
			char c = (char)va_arg(ap, int);
			if (!o->wfn)
				__vg_fmt_field(o, &sp, "", &c, 1, false);
			else if (!__vg_fmt_mbs(o, &sp, &c, 1))
				goto failed;
			break;
		}
		case 's':
			if (len == LEN_L) {
				if (!__vg_fmt_wide(o, &sp, va_arg(ap, const wchar_t *), (size_t)-1))
					goto failed;
				break;
			}
			if (!o->wfn)
				format_string(o, &sp, va_arg(ap, const char *));
			else if (!__vg_fmt_mbs(o, &sp, va_arg(ap, const char *), (size_t)-1))
				goto failed;
			break;
		case 'n': store_count(&ap, len, o->count); break;
		case '%': __vg_fmt_emit(o, "%", 1); break;
		case 'e':
		case 'E':
		case 'f':
		case 'F':
		case 'g':
		case 'G':
		case 'a':
		case 'A': {
			double v = len == LEN_BIG_L ? (double)va_arg(ap, long double)
						    : va_arg(ap, double);
			__vg_fmt_float(o, &sp, v);
			break;
		}
		default:
			/* Not a conversion: the text is written as it stands. */
			if (!sp.conv) {
				emit_text(o, &start, &f);
				goto done;
			}
			__vg_fmt_skip(&f, 1);
			emit_text(o, &start, &f);
			continue;
		}
		__vg_fmt_skip(&f, 1);
	}
done:
	va_end(ap);
	if (o->count > INT_MAX) {
		errno = EOVERFLOW;
		return -1;
	}
	return (int)o->count;
failed: /* a character without a multibyte or wide form: errno is EILSEQ */
	va_end(ap);
	return -1;
}

int __vg_vformat(__vg_out_fn fn, void *ctx, const char *f, va_list ap)
{
	struct fmt_out o = { fn, NULL, ctx, 0 };
	return run(&o, (struct __vg_fmt){ f, NULL }, ap);
}

int __vg_vwformat(__vg_wout_fn fn, void *ctx, const wchar_t *f, va_list ap)
{
	struct fmt_out o = { NULL, fn, ctx, 0 };
	return run(&o, (struct __vg_fmt){ NULL, f }, ap);
}
