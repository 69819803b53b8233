// SPDX-License-Identifier: BSD-2-Clause
// The printf engine: parses conversion specifications (flags, width,
// precision, '*', length modifiers) and formats integers, characters,
// strings and pointers; floating point is in fmtfloat.c, wide characters
// (%lc, %ls) in fmtwide.c. Output goes through
// a callback (internal/format.h).
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <string.h>
#include <wchar.h>

#include "../internal/format.h"

void __vg_fmt_emit(struct fmt_out *o, const char *s, size_t n)
{
	if (n) {
		o->fn(o->ctx, s, n);
		o->count += n;
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
static int read_num(const char **fp)
{
	int v = 0;
	for (; **fp >= '0' && **fp <= '9'; (*fp)++)
		v = v > (INT_MAX - 9) / 10 ? INT_MAX : v * 10 + (**fp - '0');
	return v;
}

static const char *parse_spec(const char *f, struct fmt_spec *sp, int *len, va_list *ap)
{
	*sp = (struct fmt_spec){ .prec = -1 };
	for (;; f++) {
		if (*f == '-')
			sp->left = true;
		else if (*f == '0')
			sp->zero = true;
		else if (*f == '+')
			sp->plus = true;
		else if (*f == ' ')
			sp->space = true;
		else if (*f == '#')
			sp->alt = true;
		else
			break;
	}
	if (*f == '*') {
		f++;
		int w = va_arg(*ap, int);
		if (w < 0) {
			sp->left = true;
			w = w == INT_MIN ? INT_MAX : -w;
		}
		sp->width = w;
	} else {
		sp->width = read_num(&f);
	}
	if (*f == '.') {
		f++;
		if (*f == '*') {
			f++;
			int p = va_arg(*ap, int);
			sp->prec = p < 0 ? -1 : p;
		} else {
			sp->prec = read_num(&f);
		}
	}
	*len = LEN_NONE;
	switch (*f) {
	case 'h':
		*len = f[1] == 'h' ? LEN_HH : LEN_H;
		f += f[1] == 'h' ? 2 : 1;
		break;
	case 'l':
		*len = f[1] == 'l' ? LEN_LL : LEN_L;
		f += f[1] == 'l' ? 2 : 1;
		break;
	case 'q':
		*len = LEN_LL;
		f++;
		break;
	case 'j':
		*len = LEN_J;
		f++;
		break;
	case 'z':
		*len = LEN_Z;
		f++;
		break;
	case 't':
		*len = LEN_T;
		f++;
		break;
	case 'L':
		*len = LEN_BIG_L;
		f++;
		break;
	}
	sp->conv = *f;
	return f;
}

static void format_string(struct fmt_out *o, const struct fmt_spec *sp, const char *s)
{
	if (!s) /* glibc's choice: "(null)" when it fits the precision */
		s = sp->prec < 0 || sp->prec >= 6 ? "(null)" : "";
	size_t n = sp->prec < 0 ? strlen(s) : strnlen(s, (size_t)sp->prec);
	__vg_fmt_field(o, sp, "", s, n, false);
}

int __vg_vformat(__vg_out_fn fn, void *ctx, const char *f, va_list ap0)
{
	struct fmt_out o = { fn, ctx, 0 };
	va_list ap;
	va_copy(ap, ap0);
	while (*f) {
		if (*f != '%') {
			const char *lit = f;
			while (*f && *f != '%')
				f++;
			__vg_fmt_emit(&o, lit, (size_t)(f - lit));
			continue;
		}
		const char *start = f;
		struct fmt_spec sp;
		int len;
		f = parse_spec(f + 1, &sp, &len, &ap);
		switch (sp.conv) {
		case 'd':
		case 'i': {
			int64_t v = signed_arg(&ap, len);
			format_int(&o, &sp, v < 0 ? 0 - (uint64_t)v : (uint64_t)v, v < 0);
			break;
		}
		case 'u':
		case 'o':
		case 'x':
		case 'X': format_int(&o, &sp, unsigned_arg(&ap, len), false); break;
		case 'p': {
			void *p = va_arg(ap, void *);
			if (p) {
				sp.alt = true;
				format_int(&o, &sp, (uintptr_t)p, false);
			} else {
				struct fmt_spec s2 = sp;
				s2.prec = -1;
				format_string(&o, &s2, "(nil)");
			}
			break;
		}
		case 'c': {
			if (len == LEN_L) {
				wchar_t wc = (wchar_t)va_arg(ap, wint_t);
				if (!__vg_fmt_wide(&o, &sp, &wc, 1))
					goto failed;
				break;
			}
			char c = (char)va_arg(ap, int);
			__vg_fmt_field(&o, &sp, "", &c, 1, false);
			break;
		}
		case 's':
			if (len == LEN_L) {
				if (!__vg_fmt_wide(&o, &sp, va_arg(ap, const wchar_t *),
						   (size_t)-1))
					goto failed;
				break;
			}
			format_string(&o, &sp, va_arg(ap, const char *));
			break;
		case 'n': store_count(&ap, len, o.count); break;
		case '%': __vg_fmt_emit(&o, "%", 1); break;
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
			__vg_fmt_float(&o, &sp, v);
			break;
		}
		default:
			/* Not a conversion: the text is written as it stands. */
			if (!sp.conv) {
				__vg_fmt_emit(&o, start, (size_t)(f - start));
				goto done;
			}
			__vg_fmt_emit(&o, start, (size_t)(f + 1 - start));
			break;
		}
		f++;
	}
done:
	va_end(ap);
	if (o.count > INT_MAX) {
		errno = EOVERFLOW;
		return -1;
	}
	return (int)o.count;
failed: /* a wide character without a multibyte form: errno is EILSEQ */
	va_end(ap);
	return -1;
}
