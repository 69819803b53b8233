// SPDX-License-Identifier: BSD-2-Clause
// printf-style formatting: pure code, also built into the host unit tests
// and compared there against the host libc.
#include <kernel/fmt.h>
#include <kernel/string.h>

struct spec {
	bool left, zero, plus, space, alt;
	int width;
	int prec; /* -1: none */
	char len; /* 0, 'H' (hh), 'h', 'l', 'L' (ll), 'z', 't', 'j' */
};

static void emit_pad(fmt_sink sink, void *ctx, char c, int n, size_t *count)
{
	static const char spaces[16] = "                ";
	static const char zeros[16] = "0000000000000000";
	const char *src = c == '0' ? zeros : spaces;
	while (n > 0) {
		int k = n > 16 ? 16 : n;
		sink(ctx, src, (size_t)k);
		*count += (size_t)k;
		n -= k;
	}
}

static void emit(fmt_sink sink, void *ctx, const char *s, size_t n, size_t *count)
{
	if (n) {
		sink(ctx, s, n);
		*count += n;
	}
}

/* Writes digits of v in base into the end of buf; returns the start. */
static char *to_digits(char *end, uint64_t v, unsigned base, bool upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char *p = end;
	do {
		*--p = digits[v % base];
		v /= base;
	} while (v);
	return p;
}

static void format_int(fmt_sink sink, void *ctx, const struct spec *sp, uint64_t mag, bool neg,
		       char conv, size_t *count)
{
	char buf[24];
	char *end = buf + sizeof(buf);
	unsigned base = conv == 'o' ? 8 : (conv == 'x' || conv == 'X' || conv == 'p') ? 16 : 10;
	char *digits = to_digits(end, mag, base, conv == 'X');
	int ndig = (int)(end - digits);
	if (sp->prec == 0 && mag == 0) /* "%.0d" of zero prints nothing */
		ndig = 0;

	char prefix[3];
	int npre = 0;
	bool is_signed = conv == 'd' || conv == 'i';
	if (is_signed) {
		if (neg)
			prefix[npre++] = '-';
		else if (sp->plus)
			prefix[npre++] = '+';
		else if (sp->space)
			prefix[npre++] = ' ';
	}
	if ((sp->alt && (conv == 'x' || conv == 'X') && mag) || conv == 'p') {
		prefix[npre++] = '0';
		prefix[npre++] = conv == 'X' ? 'X' : 'x';
	}
	int zeros = sp->prec > ndig ? sp->prec - ndig : 0;
	if (sp->alt && conv == 'o' && zeros == 0 && (ndig == 0 || *digits != '0'))
		zeros = 1; /* '#' with octal forces a leading zero */
	int body = npre + zeros + ndig;
	int pad = sp->width > body ? sp->width - body : 0;

	if (!sp->left && !(sp->zero && sp->prec < 0))
		emit_pad(sink, ctx, ' ', pad, count);
	emit(sink, ctx, prefix, (size_t)npre, count);
	if (!sp->left && sp->zero && sp->prec < 0)
		emit_pad(sink, ctx, '0', pad, count);
	emit_pad(sink, ctx, '0', zeros, count);
	emit(sink, ctx, digits, (size_t)ndig, count);
	if (sp->left)
		emit_pad(sink, ctx, ' ', pad, count);
}

static void format_str(fmt_sink sink, void *ctx, const struct spec *sp, const char *s, size_t n,
		       size_t *count)
{
	int pad = sp->width > (int)n ? sp->width - (int)n : 0;
	if (!sp->left)
		emit_pad(sink, ctx, ' ', pad, count);
	emit(sink, ctx, s, n, count);
	if (sp->left)
		emit_pad(sink, ctx, ' ', pad, count);
}

static int parse_num(const char **p)
{
	int v = 0;
	while (**p >= '0' && **p <= '9') {
		if (v < 100000000)
			v = v * 10 + (**p - '0');
		(*p)++;
	}
	return v;
}

static uint64_t fetch_unsigned(const struct spec *sp, va_list *ap)
{
	switch (sp->len) {
	case 'H': return (unsigned char)va_arg(*ap, unsigned int);
	case 'h': return (unsigned short)va_arg(*ap, unsigned int);
	case 'l': return va_arg(*ap, unsigned long);
	case 'L': return va_arg(*ap, unsigned long long);
	case 'z': return va_arg(*ap, size_t);
	case 't': return (uint64_t)va_arg(*ap, ptrdiff_t);
	case 'j': return va_arg(*ap, uintmax_t);
	default: return va_arg(*ap, unsigned int);
	}
}

static int64_t fetch_signed(const struct spec *sp, va_list *ap)
{
	switch (sp->len) {
	case 'H': return (signed char)va_arg(*ap, int);
	case 'h': return (short)va_arg(*ap, int);
	case 'l': return va_arg(*ap, long);
	case 'L': return va_arg(*ap, long long);
	case 'z': return (int64_t)va_arg(*ap, size_t);
	case 't': return va_arg(*ap, ptrdiff_t);
	case 'j': return va_arg(*ap, intmax_t);
	default: return va_arg(*ap, int);
	}
}

static const char *parse_spec(const char *p, struct spec *sp, va_list *ap)
{
	*sp = (struct spec){ .prec = -1 };
	for (;; p++) {
		if (*p == '-')
			sp->left = true;
		else if (*p == '0')
			sp->zero = true;
		else if (*p == '+')
			sp->plus = true;
		else if (*p == ' ')
			sp->space = true;
		else if (*p == '#')
			sp->alt = true;
		else
			break;
	}
	if (*p == '*') {
		sp->width = va_arg(*ap, int);
		if (sp->width < 0) {
			sp->left = true;
			sp->width = sp->width == -2147483647 - 1 ? 0 : -sp->width;
		}
		p++;
	} else {
		sp->width = parse_num(&p);
	}
	if (*p == '.') {
		p++;
		if (*p == '*') {
			sp->prec = va_arg(*ap, int);
			if (sp->prec < 0)
				sp->prec = -1;
			p++;
		} else {
			sp->prec = parse_num(&p);
		}
	}
	if (p[0] == 'h' && p[1] == 'h') {
		sp->len = 'H';
		p += 2;
	} else if (p[0] == 'l' && p[1] == 'l') {
		sp->len = 'L';
		p += 2;
	} else if (*p == 'h' || *p == 'l' || *p == 'z' || *p == 't' || *p == 'j') {
		sp->len = *p++;
	}
	return p;
}

size_t fmt_format(fmt_sink sink, void *ctx, const char *fmt, va_list ap_in)
{
	size_t count = 0;
	va_list ap;
	va_copy(ap, ap_in);
	const char *p = fmt;
	while (*p) {
		const char *lit = p;
		while (*p && *p != '%')
			p++;
		emit(sink, ctx, lit, (size_t)(p - lit), &count);
		if (!*p)
			break;
		struct spec sp;
		p = parse_spec(p + 1, &sp, &ap);
		char conv = *p;
		if (!conv)
			break;
		p++;
		switch (conv) {
		case 'd':
		case 'i': {
			int64_t v = fetch_signed(&sp, &ap);
			uint64_t mag = v < 0 ? -(uint64_t)v : (uint64_t)v;
			format_int(sink, ctx, &sp, mag, v < 0, conv, &count);
			break;
		}
		case 'u':
		case 'x':
		case 'X':
		case 'o':
			format_int(sink, ctx, &sp, fetch_unsigned(&sp, &ap), false, conv, &count);
			break;
		case 'p':
			format_int(sink, ctx, &sp, (uintptr_t)va_arg(ap, void *), false, 'p',
				   &count);
			break;
		case 'c': {
			char c = (char)va_arg(ap, int);
			format_str(sink, ctx, &sp, &c, 1, &count);
			break;
		}
		case 's': {
			const char *s = va_arg(ap, const char *);
			if (!s)
				s = "(null)";
			size_t n = sp.prec >= 0 ? strnlen(s, (size_t)sp.prec) : strlen(s);
			format_str(sink, ctx, &sp, s, n, &count);
			break;
		}
		case '%': emit(sink, ctx, "%", 1, &count); break;
		default: emit(sink, ctx, "<fmt?>", 6, &count); break;
		}
	}
	va_end(ap);
	return count;
}

struct snbuf {
	char *buf;
	size_t size, used;
};

static void snbuf_sink(void *ctx, const char *s, size_t n)
{
	struct snbuf *b = ctx;
	for (size_t i = 0; i < n; i++, b->used++)
		if (b->used + 1 < b->size)
			b->buf[b->used] = s[i];
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct snbuf b = { buf, size, 0 };
	size_t n = fmt_format(snbuf_sink, &b, fmt, ap);
	if (size)
		buf[b.used < size ? b.used : size - 1] = 0;
	return (int)n;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
