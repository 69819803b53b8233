// SPDX-License-Identifier: BSD-2-Clause
// kernel/lib/fmt.c against the host C library: the same format and arguments
// through both, over generated sets of flags, widths, precisions, length
// modifiers and boundary values. Where the kernel deliberately differs
// (%p of NULL, %p with '+' or ' ', unsupported conversions, a precision on
// a NULL %s) the kernel's own behavior is pinned by separate cases.
#define _DEFAULT_SOURCE
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <vtest.h>

#define snprintf kfmt_snprintf
#define vsnprintf kfmt_vsnprintf
#include <kernel/fmt.h>
#undef snprintf
#undef vsnprintf

#define BUF 512

/* kfmt_snprintf without the format attribute, for formats the compiler
 * would (rightly) warn about. */
static int ksn(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = kfmt_vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

/* Formats with both and fails on any difference in output or return value.
 * Bytes are compared up to the returned length, so an embedded NUL (%c of
 * 0) is compared too. */
static void __attribute__((noinline))
compare_v(const char *file, int line, const char *fmt, va_list ap)
{
	char kb[BUF], hb[BUF];
	va_list ap2;
	va_copy(ap2, ap);
	memset(kb, 0x5a, sizeof(kb));
	memset(hb, 0x5a, sizeof(hb));
	int kn = kfmt_vsnprintf(kb, sizeof(kb), fmt, ap);
	int hn = vsnprintf(hb, sizeof(hb), fmt, ap2);
	va_end(ap2);
	if (kn != hn)
		vtest_fail(file, line,
			   "format \"%s\": kernel returned %d (\"%s\"), host %d (\"%s\")", fmt, kn,
			   kb, hn, hb);
	if (hn < 0 || hn >= BUF)
		vtest_fail(file, line, "format \"%s\": host returned %d", fmt, hn);
	if (memcmp(kb, hb, (size_t)hn + 1))
		vtest_fail(file, line, "format \"%s\": kernel \"%s\", host \"%s\"", fmt, kb, hb);
}

static void compare_at(const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	compare_v(file, line, fmt, ap);
	va_end(ap);
}
#define COMPARE(...) compare_at(__FILE__, __LINE__, __VA_ARGS__)

/* The kernel's output alone, for behavior the host does not share. */
static const char *kfmt(const char *fmt, ...)
{
	static char buf[BUF];
	va_list ap;
	va_start(ap, fmt);
	kfmt_vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	return buf;
}

enum lenmod { LM_NONE, LM_HH, LM_H, LM_L, LM_LL, LM_Z, LM_T, LM_J };
static const char *const lm_text[] = { "", "hh", "h", "l", "ll", "z", "t", "j" };

/* Raw 64-bit patterns, converted to each length's type when passed: the
 * boundaries of every width, both signs, and values that truncate. */
static const uint64_t values[] = {
	0,
	1,
	7,
	8,
	9,
	10,
	15,
	16,
	42,
	100,
	127,
	128,
	255,
	256,
	300,
	0x1234,
	32767,
	32768,
	65535,
	65536,
	2147483647ull,
	2147483648ull,
	4294967295ull,
	4294967296ull,
	0x123456789abcdefull,
	9223372036854775807ull,
	9223372036854775808ull,
	18446744073709551615ull,
	(uint64_t)-1,
	(uint64_t)-42,
	(uint64_t)-128,
	(uint64_t)-129,
	(uint64_t)INT_MIN,
	(uint64_t)(int64_t)INT_MIN,
	(uint64_t)LLONG_MIN,
	(uint64_t)SHRT_MIN,
};

/* Passes v as the type the length modifier and signedness call for. */
static void compare_int(const char *fmt, enum lenmod lm, bool is_signed, uint64_t v)
{
	switch (lm) {
	case LM_NONE:
	case LM_HH:
	case LM_H: /* promoted to int; the conversion narrows it again */
		if (is_signed)
			COMPARE(fmt, (int)v);
		else
			COMPARE(fmt, (unsigned)v);
		break;
	case LM_L:
		if (is_signed)
			COMPARE(fmt, (long)v);
		else
			COMPARE(fmt, (unsigned long)v);
		break;
	case LM_LL:
		if (is_signed)
			COMPARE(fmt, (long long)v);
		else
			COMPARE(fmt, (unsigned long long)v);
		break;
	case LM_Z: COMPARE(fmt, (size_t)v); break;
	case LM_T: COMPARE(fmt, (ptrdiff_t)v); break;
	case LM_J:
		if (is_signed)
			COMPARE(fmt, (intmax_t)v);
		else
			COMPARE(fmt, (uintmax_t)v);
		break;
	}
}

static const char *const widths[] = { "", "1", "2", "5", "12", "25" };
static const char *const precs[] = { "", ".", ".0", ".1", ".2", ".5", ".21" };

/* Every subset of the flags "-0+ #", every width and precision above, every
 * value, for each conversion in convs with the given length modifier. */
static unsigned sweep_ints(enum lenmod lm, const char *convs, bool is_signed)
{
	static const char flagchars[] = "-0+ #";
	unsigned n = 0;
	for (const char *c = convs; *c; c++)
		for (unsigned fl = 0; fl < 32; fl++)
			for (size_t w = 0; w < ARRAY_SIZE(widths); w++)
				for (size_t p = 0; p < ARRAY_SIZE(precs); p++) {
					char fmt[64], flags[8];
					size_t k = 0;
					for (int b = 0; b < 5; b++)
						if (fl & (1u << b))
							flags[k++] = flagchars[b];
					flags[k] = 0;
					snprintf(fmt, sizeof(fmt), "<%%%s%s%s%s%c>", flags,
						 widths[w], precs[p], lm_text[lm], *c);
					for (size_t v = 0; v < ARRAY_SIZE(values); v++, n++)
						compare_int(fmt, lm, is_signed, values[v]);
				}
	return n;
}

#define INT_CASES(lm, tag)                                    \
	TEST(fmt, host_signed_##tag)                          \
	{                                                     \
		CHECK(sweep_ints(lm, "di", true) > 10000);    \
	}                                                     \
	TEST(fmt, host_unsigned_##tag)                        \
	{                                                     \
		CHECK(sweep_ints(lm, "uxXo", false) > 10000); \
	}

INT_CASES(LM_NONE, int)
INT_CASES(LM_HH, hh)
INT_CASES(LM_H, h)
INT_CASES(LM_L, l)
INT_CASES(LM_LL, ll)
INT_CASES(LM_Z, z)
INT_CASES(LM_T, t)
INT_CASES(LM_J, j)

TEST(fmt, plain_text)
{
	COMPARE("");
	COMPARE("hello, world");
	COMPARE("a\tb\nc");
	CHECK_STREQ(kfmt("no conversions"), "no conversions");
}

TEST(fmt, percent_literal)
{
	COMPARE("%%");
	COMPARE("100%% sure %%%%");
	/* Flags and a width on %% print a bare '%' (as glibc does; not compared
	 * directly because ASan's printf interceptor complains about it). */
	CHECK_STREQ(kfmt("[%5%|%-3%]"), "[%|%]");
	CHECK_STREQ(kfmt("%d%%", 50), "50%");
}

TEST(fmt, extremes_exact)
{
	/* Spelled out, in case both sides shared a mistake. */
	CHECK_STREQ(kfmt("%d", INT_MIN), "-2147483648");
	CHECK_STREQ(kfmt("%d", INT_MAX), "2147483647");
	CHECK_STREQ(kfmt("%lld", LLONG_MIN), "-9223372036854775808");
	CHECK_STREQ(kfmt("%lld", LLONG_MAX), "9223372036854775807");
	CHECK_STREQ(kfmt("%llu", ULLONG_MAX), "18446744073709551615");
	CHECK_STREQ(kfmt("%llo", ULLONG_MAX), "1777777777777777777777");
	CHECK_STREQ(kfmt("%#llo", ULLONG_MAX), "01777777777777777777777");
	CHECK_STREQ(kfmt("%#llX", ULLONG_MAX), "0XFFFFFFFFFFFFFFFF");
	CHECK_STREQ(kfmt("%jd", (intmax_t)INT64_MIN), "-9223372036854775808");
	CHECK_STREQ(kfmt("%hhd", 255), "-1");
	CHECK_STREQ(kfmt("%hu", 65536 + 7), "7");
	CHECK_STREQ(kfmt("%zu", SIZE_MAX), "18446744073709551615");
	CHECK_STREQ(kfmt("%td", (ptrdiff_t)PTRDIFF_MIN), "-9223372036854775808");
}

TEST(fmt, zero_with_zero_precision)
{
	/* "%.0d" of 0 prints nothing; '#' octal still prints its 0; '#' hex of
	 * 0 never gets a prefix. */
	CHECK_STREQ(kfmt("[%.0d]", 0), "[]");
	CHECK_STREQ(kfmt("[%5.0d]", 0), "[     ]");
	CHECK_STREQ(kfmt("[%#.0o]", 0), "[0]");
	CHECK_STREQ(kfmt("[%#x]", 0), "[0]");
	CHECK_STREQ(kfmt("[%#.0x]", 0), "[]");
	CHECK_STREQ(kfmt("[%+.0d]", 0), "[+]");
	COMPARE("[%.0d|%.0u|%.0x|%#.0o|%+.0i|% .0d]", 0, 0u, 0u, 0u, 0, 0);
}

TEST(fmt, flag_interplay)
{
	/* '-' beats '0'; a precision disables '0' for integers; '+' beats ' '. */
	CHECK_STREQ(kfmt("[%-05d]", 42), "[42   ]");
	CHECK_STREQ(kfmt("[%08.3d]", 42), "[     042]");
	CHECK_STREQ(kfmt("[%+ d]", 42), "[+42]");
	CHECK_STREQ(kfmt("[% d]", 42), "[ 42]");
	CHECK_STREQ(kfmt("[%#08x]", 0x2a), "[0x00002a]");
	CHECK_STREQ(kfmt("[%#-8x]", 0x2a), "[0x2a    ]");
	CHECK_STREQ(kfmt("[%+u]", 5u), "[5]");
	CHECK_STREQ(kfmt("[%#o]", 8u), "[010]");
	CHECK_STREQ(kfmt("[%#.3o]", 8u), "[010]");
	CHECK_STREQ(kfmt("[%#.4o]", 8u), "[0010]");
}

TEST(fmt, host_char)
{
	static const int chars[] = { 'A', 'z', ' ', '%', '\n', 0x7f, 0x80, 0xff, 0 };
	static const char *const fmts[] = { "[%c]",   "[%5c]",	"[%-5c]", "[%1c]",
					    "[%-1c]", "[%.0c]", "[%c%c]" };
	for (size_t f = 0; f < ARRAY_SIZE(fmts); f++)
		for (size_t i = 0; i < ARRAY_SIZE(chars); i++)
			COMPARE(fmts[f], chars[i], chars[ARRAY_SIZE(chars) - 1 - i]);
	/* An embedded NUL is counted and copied. */
	char buf[8];
	memset(buf, 'x', sizeof(buf));
	CHECK_EQ_I(kfmt_snprintf(buf, sizeof(buf), "a%cb", 0), 3);
	CHECK(buf[0] == 'a' && buf[1] == 0 && buf[2] == 'b' && buf[3] == 0);
}

TEST(fmt, host_string)
{
	static const char *const strs[] = { "", "a", "hello", "exactly-twelve",
					    "a string longer than the widest width here" };
	static const char *const sw[] = { "", "1", "5", "12", "30", "-1", "-5", "-30" };
	static const char *const sp[] = { "", ".", ".0", ".1", ".3", ".12", ".100" };
	for (size_t s = 0; s < ARRAY_SIZE(strs); s++)
		for (size_t w = 0; w < ARRAY_SIZE(sw); w++)
			for (size_t p = 0; p < ARRAY_SIZE(sp); p++) {
				char fmt[32];
				snprintf(fmt, sizeof(fmt), "[%%%s%ss]", sw[w], sp[p]);
				COMPARE(fmt, strs[s]);
			}
}

TEST(fmt, string_precision_reads_no_further)
{
	/* A precision bounds the read: an unterminated array is fine. ASan
	 * checks that not one byte past it is touched. */
	char *raw = vtest_dup("abcdef", 6);
	CHECK_STREQ(kfmt("[%.6s]", raw), "[abcdef]");
	CHECK_STREQ(kfmt("[%.3s]", raw), "[abc]");
	CHECK_STREQ(kfmt("[%8.6s]", raw), "[  abcdef]");
	free(raw);
}

TEST(fmt, string_null)
{
	COMPARE("[%s]", (char *)NULL);
	COMPARE("[%10s]", (char *)NULL);
	COMPARE("[%-10s]", (char *)NULL);
	/* Kernel: a precision truncates "(null)" like any string (glibc prints
	 * nothing when the precision is shorter than "(null)"). */
	CHECK_STREQ(kfmt("[%.3s]", (char *)NULL), "[(nu]");
}

TEST(fmt, host_pointer)
{
	static const uintptr_t ptrs[] = {
		1, 0x1000, 0xdeadbeef, 0x7fffffffffffull, 0xffff800000000000ull, UINTPTR_MAX
	};
	/* The flags both agree on; glibc also honors '+' and ' ' for %p, the
	 * kernel does not (pinned below). */
	static const char *const fmts[] = { "[%p]",    "[%20p]", "[%-20p]", "[%020p]", "[%.8p]",
					    "[%.20p]", "[%3p]",	 "[%#p]",   "[%-#20p]" };
	for (size_t f = 0; f < ARRAY_SIZE(fmts); f++)
		for (size_t i = 0; i < ARRAY_SIZE(ptrs); i++)
			COMPARE(fmts[f], (void *)ptrs[i]);
	CHECK_STREQ(kfmt("%p", (void *)0xabcdef), "0xabcdef");
}

TEST(fmt, pointer_null)
{
	/* glibc prints "(nil)"; the kernel prints the number like any other. */
	CHECK_STREQ(kfmt("%p", (void *)NULL), "0x0");
	CHECK_STREQ(kfmt("[%6p]", (void *)NULL), "[   0x0]");
	CHECK_STREQ(kfmt("[%-6p]", (void *)NULL), "[0x0   ]");
	CHECK_STREQ(kfmt("[%06p]", (void *)NULL), "[0x0000]");
}

TEST(fmt, pointer_ignores_sign_flags)
{
	CHECK_STREQ(kfmt("%+p", (void *)0x10), "0x10");
	CHECK_STREQ(kfmt("% p", (void *)0x10), "0x10");
}

TEST(fmt, star_width_precision)
{
	static const int ws[] = { 0, 1, 7, 20, -1, -7, -20 };
	static const int ps[] = { -5, -1, 0, 1, 3, 12 };
	for (size_t w = 0; w < ARRAY_SIZE(ws); w++)
		for (size_t p = 0; p < ARRAY_SIZE(ps); p++) {
			COMPARE("[%*d]", ws[w], -12345);
			COMPARE("[%.*d]", ps[p], 42);
			COMPARE("[%*.*d]", ws[w], ps[p], 42);
			COMPARE("[%0*.*x]", ws[w], ps[p], 0xbeefu);
			COMPARE("[%-*.*s]", ws[w], ps[p], "string");
			COMPARE("[%*.*lld|%s]", ws[w], ps[p], LLONG_MIN, "after");
		}
	/* A negative width means '-' and its magnitude; a negative precision
	 * means none. */
	CHECK_STREQ(kfmt("[%*d]", -4, 7), "[7   ]");
	CHECK_STREQ(kfmt("[%.*s]", -1, "abc"), "[abc]");
}

TEST(fmt, several_conversions)
{
	/* Arguments of mixed width must be consumed in step. */
	COMPARE("%d %lld %hhd %s %c %zu %p %x %jd %%", -1, -2ll, 300, "mid", 'q', (size_t)77,
		(void *)0x1234, 0xffu, (intmax_t)-3);
	COMPARE("%5s|%-5d|%05u|%#x|%lo", "ab", 3, 4u, 255u, 8ul);
}

TEST(fmt, unsupported_conversions)
{
	/* Floating point and anything unknown print a visible marker and
	 * consume no argument (the following %d still gets its value). */
	CHECK_STREQ(kfmt("%f", 1.5), "<fmt?>");
	CHECK_STREQ(kfmt("[%e|%g|%a|%E|%G|%A|%F]"),
		    "[<fmt?>|<fmt?>|<fmt?>|<fmt?>|<fmt?>|<fmt?>|<fmt?>]");
	CHECK_STREQ(kfmt("%n"), "<fmt?>"); /* never writes through an argument */
	CHECK_STREQ(kfmt("%q %d", 5), "<fmt?> 5");
	CHECK_STREQ(kfmt("%10.3f|%d", 7), "<fmt?>|7");
	CHECK_STREQ(kfmt("%Lf"), "<fmt?>f"); /* 'L' is no length modifier here */
}

TEST(fmt, trailing_percent)
{
	/* A lone '%' (or one with only flags/width) at the end prints nothing. */
	CHECK_STREQ(kfmt("abc%"), "abc");
	CHECK_STREQ(kfmt("abc%-08"), "abc");
	CHECK_STREQ(kfmt("abc%ll"), "abc");
	CHECK_EQ_I(ksn(NULL, 0, "abc%"), 3);
}

TEST(fmt, truncation_every_size)
{
	/* C99: at most size-1 characters, always terminated when size > 0,
	 * bytes past the terminator untouched, return value the full length. */
	/* All take (int, string, unsigned), or a prefix of it. */
	static const char *const fmts[] = { "hello", "%d:%s:%x", "%-12d|%.2s|%#x", "%08.3d%s%o" };
	for (size_t f = 0; f < ARRAY_SIZE(fmts); f++) {
		char full[64];
		int len = snprintf(full, sizeof(full), fmts[f], -1234, "abc", 0xfeedu);
		for (size_t size = 0; size <= (size_t)len + 2; size++) {
			char kb[64], hb[64];
			memset(kb, '#', sizeof(kb));
			memset(hb, '#', sizeof(hb));
			int kn = kfmt_snprintf(kb, size, fmts[f], -1234, "abc", 0xfeedu);
			int hn = snprintf(hb, size, fmts[f], -1234, "abc", 0xfeedu);
			CHECK_MSG(kn == hn && kn == len, "\"%s\" size %zu: returned %d, host %d",
				  fmts[f], size, kn, hn);
			CHECK_MSG(!memcmp(kb, hb, sizeof(kb)), "\"%s\" size %zu: buffers differ",
				  fmts[f], size);
			if (size)
				CHECK(kb[MIN(size - 1, (size_t)len)] == 0);
			CHECK(kb[size] == '#');
		}
	}
}

TEST(fmt, size_zero_and_one)
{
	char c = 'x';
	CHECK_EQ_I(kfmt_snprintf(&c, 0, "%s", "abcdef"), 6);
	CHECK(c == 'x'); /* size 0 writes nothing at all */
	CHECK_EQ_I(kfmt_snprintf(NULL, 0, "%d", 123456), 6);
	CHECK_EQ_I(kfmt_snprintf(&c, 1, "%s", "abcdef"), 6);
	CHECK(c == 0); /* size 1: just the terminator */
}

TEST(fmt, exact_fit)
{
	char buf[6];
	memset(buf, '#', sizeof(buf));
	CHECK_EQ_I(kfmt_snprintf(buf, 5, "%s", "abcde"), 5); /* one short: last char lost */
	CHECK_STREQ(buf, "abcd");
	CHECK(buf[5] == '#');
	CHECK_EQ_I(kfmt_snprintf(buf, 6, "%s", "abcde"), 5); /* exactly enough */
	CHECK_STREQ(buf, "abcde");
}

TEST(fmt, long_output)
{
	/* Widths larger than the internal padding chunk (16) and output longer
	 * than any internal buffer. */
	COMPARE("[%100d]", 5);
	COMPARE("[%-100s]", "x");
	COMPARE("[%0100lld]", LLONG_MIN);
	COMPARE("[%.100x]", 0xabcu);
	COMPARE("[%#70.60o]", 0777u);
	char big[4096];
	CHECK_EQ_I(kfmt_snprintf(big, sizeof(big), "%3000d", 1), 3000);
	CHECK(strlen(big) == 3000 && big[2999] == '1' && big[0] == ' ');
}

struct sink_log {
	size_t calls, bytes;
	bool empty_call;
	char text[256];
};

static void log_sink(void *ctx, const char *s, size_t n)
{
	struct sink_log *l = ctx;
	l->calls++;
	if (!n)
		l->empty_call = true;
	for (size_t i = 0; i < n && l->bytes < sizeof(l->text) - 1; i++)
		l->text[l->bytes++] = s[i];
}

static size_t via_sink(struct sink_log *l, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	memset(l, 0, sizeof(*l));
	size_t n = fmt_format(log_sink, l, fmt, ap);
	va_end(ap);
	return n;
}

TEST(fmt, fmt_format_sink)
{
	/* fmt_format's count is exactly what reached the sink; the sink never
	 * sees an empty chunk. */
	struct sink_log l;
	size_t n = via_sink(&l, "x=%5d y=%-3s z=%#x%%", 42, "ab", 255u);
	CHECK_EQ_U(n, l.bytes);
	CHECK_STREQ(l.text, "x=   42 y=ab  z=0xff%");
	CHECK(!l.empty_call);
	n = via_sink(&l, "%s%s%.0d", "", "", 0);
	CHECK_EQ_U(n, 0);
	CHECK(!l.empty_call);
}

TEST(fmt, random_formats_vs_host)
{
	/* Random single conversions built from the agreed grammar, mixed with
	 * literal text; complements the exhaustive sweeps with combinations
	 * like '*' plus a length modifier plus odd flags. */
	uint64_t rng = 0xf0f0;
	static const char convs[] = "diuxXocs";
	static const char flagc[] = "-0+ #";
	for (int iter = 0; iter < 50000; iter++) {
		char fmt[64];
		size_t k = 0;
		fmt[k++] = '[';
		fmt[k++] = '%';
		char conv = convs[vtest_below(&rng, sizeof(convs) - 1)];
		int nflags = (int)vtest_below(&rng, 4);
		for (int i = 0; i < nflags; i++) {
			char f = flagc[vtest_below(&rng, 5)];
			if ((conv == 'c' || conv == 's') && f != '-')
				continue; /* undefined for strings; glibc differs */
			fmt[k++] = f;
		}
		bool star_w = vtest_below(&rng, 4) == 0, star_p = vtest_below(&rng, 4) == 0;
		int w = (int)vtest_below(&rng, 40) - 10, p = (int)vtest_below(&rng, 30) - 5;
		if (star_w)
			fmt[k++] = '*';
		else if (w > 0)
			k += (size_t)sprintf(fmt + k, "%d", w);
		if (conv != 'c') {
			if (star_p)
				k += (size_t)sprintf(fmt + k, ".*");
			else if (p >= 0)
				k += (size_t)sprintf(fmt + k, ".%d", p);
		}
		enum lenmod lm = LM_NONE;
		if (conv != 'c' && conv != 's')
			lm = (enum lenmod)vtest_below(&rng, 8);
		k += (size_t)sprintf(fmt + k, "%s%c]", lm_text[lm], conv);
		fmt[k] = 0;
		uint64_t v = values[vtest_below(&rng, ARRAY_SIZE(values))];
		bool sgn = conv == 'd' || conv == 'i';
		/* Arguments for '*' come first, in order. */
		if (conv == 's') {
			const char *s = "randomized";
			if (star_w && star_p)
				COMPARE(fmt, w, p, s);
			else if (star_w)
				COMPARE(fmt, w, s);
			else if (star_p)
				COMPARE(fmt, p, s);
			else
				COMPARE(fmt, s);
		} else if (conv == 'c') {
			if (star_w)
				COMPARE(fmt, w, (int)(v & 0x7f));
			else
				COMPARE(fmt, (int)(v & 0x7f));
		} else if (star_w || star_p) {
			/* Stars only with int-sized values, to keep the calls typed. */
			if (lm != LM_NONE)
				continue;
			if (star_w && star_p)
				COMPARE(fmt, w, p, (int)v);
			else if (star_w)
				COMPARE(fmt, w, (int)v);
			else
				COMPARE(fmt, p, (int)v);
		} else {
			compare_int(fmt, lm, sgn, v);
		}
	}
}
