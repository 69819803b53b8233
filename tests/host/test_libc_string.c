// SPDX-License-Identifier: BSD-2-Clause
// lib/c's <string.h>, <strings.h> and <ctype.h> against glibc's: random
// buffers over a small alphabet (so that long common prefixes are common)
// at every alignment, exact-size heap blocks so ASan catches any read past a
// bound, tokenizers on random delimiters, every byte through ctype, our
// own strerror table, and signals' descriptions and names (strsignal,
// sig2str, str2sig) against glibc's strsignal and sigabbrev_np.
#define _GNU_SOURCE
#include <ctype.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <vgc.h>
#include <vtest.h>

static unsigned long compared;

static int sign(int x)
{
	return (x > 0) - (x < 0);
}

/* A random NUL-terminated string of length n in an exact-size block. */
static char *rstr(uint64_t *rng, size_t n)
{
	char *s = malloc(n + 1);
	for (size_t i = 0; i < n; i++)
		s[i] = "abc,; \x80\xff"[vtest_below(rng, 8)];
	s[n] = 0;
	return s;
}

static void report(const char *what)
{
	printf("# libc_string.%s: %lu comparisons with glibc\n", what, compared);
	compared = 0;
}

TEST(libc_string, mem_functions)
{
	uint64_t rng = 61;
	uint8_t a[200], b[200], src[200];
	for (int i = 0; i < 20000; i++) {
		for (size_t k = 0; k < sizeof(src); k++)
			src[k] = (uint8_t) "ab\0\xff"[vtest_below(&rng, 4)];
		size_t off = vtest_below(&rng, 16), soff = vtest_below(&rng, 16);
		size_t n = vtest_below(&rng, 150);
		memset(a, 1, sizeof(a));
		memset(b, 1, sizeof(b));
		CHECK(vgc_memcpy(a + off, src + soff, n) == a + off);
		memcpy(b + off, src + soff, n);
		CHECK(!memcmp(a, b, sizeof(a)));
		memcpy(a, src, sizeof(a));
		memcpy(b, src, sizeof(b));
		size_t d = vtest_below(&rng, 40);
		CHECK(vgc_memmove(a + d, a + off, n) == a + d);
		memmove(b + d, b + off, n);
		CHECK(!memcmp(a, b, sizeof(a)));
		CHECK(vgc_memmove(a + off, a + d, n) == a + off);
		memmove(b + off, b + d, n);
		CHECK(!memcmp(a, b, sizeof(a)));
		int c = (int)vtest_rand(&rng);
		CHECK(vgc_memset(a + off, c, n) == a + off);
		memset(b + off, c, n);
		CHECK(!memcmp(a, b, sizeof(a)));
		CHECK(sign(vgc_memcmp(src + off, src + soff, n)) ==
		      sign(memcmp(src + off, src + soff, n)));
		int ch = "ab\0\xff"[vtest_below(&rng, 4)];
		CHECK(vgc_memchr(src + off, ch, n) == memchr(src + off, ch, n));
		CHECK(vgc_memrchr(src + off, ch, n) == memrchr(src + off, ch, n));
		size_t nn = vtest_below(&rng, 4);
		CHECK(vgc_memmem(src + off, n, src + soff, nn) ==
		      memmem(src + off, n, src + soff, nn));
		memset(a, 1, sizeof(a));
		memset(b, 1, sizeof(b));
		void *r1 = vgc_memccpy(a, src + off, ch, n), *r2 = memccpy(b, src + off, ch, n);
		CHECK((r1 ? (char *)r1 - (char *)a : -1) == (r2 ? (char *)r2 - (char *)b : -1));
		CHECK(!memcmp(a, b, sizeof(a)));
		CHECK(vgc_mempcpy(a, src, n) == a + n);
		compared += 10;
	}
	report("mem_functions");
}

TEST(libc_string, str_functions)
{
	uint64_t rng = 62;
	for (int i = 0; i < 20000; i++) {
		size_t n1 = vtest_below(&rng, 40), n2 = vtest_below(&rng, 6);
		char *s = rstr(&rng, n1), *t = rstr(&rng, n2);
		if (n2 && vtest_below(&rng, 2))
			memcpy(s + vtest_below(&rng, n1 + 1) / 2, t, n2 > n1 / 2 ? 0 : n2);
		size_t n = vtest_below(&rng, 50);
		int c = "abc,\x80\0"[vtest_below(&rng, 6)];
		CHECK(vgc_strlen(s) == strlen(s));
		CHECK(vgc_strnlen(s, n) == strnlen(s, n));
		CHECK(sign(vgc_strcmp(s, t)) == sign(strcmp(s, t)));
		CHECK(sign(vgc_strncmp(s, t, n)) == sign(strncmp(s, t, n)));
		CHECK(sign(vgc_strcoll(s, t)) == sign(strcmp(s, t)));
		CHECK(sign(vgc_strcasecmp(s, t)) == sign(strcasecmp(s, t)));
		CHECK(sign(vgc_strncasecmp(s, t, n)) == sign(strncasecmp(s, t, n)));
		CHECK(vgc_strchr(s, c) == strchr(s, c));
		CHECK(vgc_strrchr(s, c) == strrchr(s, c));
		CHECK(vgc_strchrnul(s, c) == strchrnul(s, c));
		CHECK(vgc_strstr(s, t) == strstr(s, t));
		CHECK(vgc_strspn(s, t) == strspn(s, t));
		CHECK(vgc_strcspn(s, t) == strcspn(s, t));
		CHECK(vgc_strpbrk(s, t) == strpbrk(s, t));
		char a[128], b[128];
		memset(a, 7, sizeof(a));
		memset(b, 7, sizeof(b));
		CHECK(vgc_strcpy(a, s) == a);
		strcpy(b, s);
		CHECK(vgc_strcat(a, t) == a);
		strcat(b, t);
		CHECK(vgc_strncat(a, s, n) == a);
		strncat(b, s, n);
		CHECK(!memcmp(a, b, sizeof(a)));
		CHECK(vgc_strncpy(a, s, n) == a);
		strncpy(b, s, n);
		CHECK(vgc_stpncpy(a + 60, t, n) - a == stpncpy(b + 60, t, n) - b);
		CHECK(vgc_stpcpy(a + 40, t) - a == stpcpy(b + 40, t) - b);
		CHECK(!memcmp(a, b, sizeof(a)));
		CHECK(vgc_strxfrm(a, s, n) == strlen(s));
		char *d = vgc_strndup(s, n), *e = strndup(s, n);
		CHECK(!strcmp(d, e));
		free(d);
		free(e);
		d = vgc_strdup(s);
		CHECK(!strcmp(d, s));
		free(d);
		/* strlcpy/strlcat (not in glibc 2.36): the BSD contract. */
		memset(a, 7, sizeof(a));
		CHECK(vgc_strlcpy(a, s, n) == n1);
		if (n)
			CHECK(strlen(a) == (n1 < n ? n1 : n - 1) && !strncmp(a, s, n - 1));
		size_t l = strnlen(a, n);
		CHECK(vgc_strlcat(a, t, n) == (l < n ? l : n) + n2);
		free(s);
		free(t);
		compared += 24;
	}
	report("str_functions");
}

TEST(libc_string, tokenizers)
{
	uint64_t rng = 63;
	for (int i = 0; i < 20000; i++) {
		char *s = rstr(&rng, vtest_below(&rng, 40));
		const char *delim = (const char *[]){ ",", ", ;", "", "abc" }[vtest_below(&rng, 4)];
		char *a = strdup(s), *b = strdup(s), *sa, *sb;
		char *ta = vgc_strtok_r(a, delim, &sa), *tb = strtok_r(b, delim, &sb);
		for (;;) {
			CHECK((ta ? ta - a : -1) == (tb ? tb - b : -1));
			compared++;
			if (!ta)
				break;
			ta = vgc_strtok_r(NULL, delim, &sa);
			tb = strtok_r(NULL, delim, &sb);
		}
		CHECK(!memcmp(a, b, strlen(s) + 1));
		strcpy(a, s);
		strcpy(b, s);
		ta = vgc_strtok(a, delim);
		tb = strtok(b, delim);
		while (ta || tb) {
			CHECK((ta ? ta - a : -1) == (tb ? tb - b : -1));
			ta = vgc_strtok(NULL, delim);
			tb = strtok(NULL, delim);
		}
		strcpy(a, s);
		strcpy(b, s);
		sa = a;
		sb = b;
		do {
			ta = vgc_strsep(&sa, delim);
			tb = strsep(&sb, delim);
			CHECK((ta ? ta - a : -1) == (tb ? tb - b : -1));
			CHECK((sa ? sa - a : -1) == (sb ? sb - b : -1));
		} while (ta);
		free(a);
		free(b);
		free(s);
	}
	report("tokenizers");
}

TEST(libc_string, ctype)
{
	for (int i = 0; i <= 256; i++) {
		int c = i < 256 ? i : EOF;
		CHECK_MSG(!vgc_isalnum(c) == !isalnum(c), "isalnum %d", c);
		CHECK_MSG(!vgc_isalpha(c) == !isalpha(c), "isalpha %d", c);
		CHECK_MSG(!vgc_isascii(c) == !isascii(c), "isascii %d", c);
		CHECK_MSG(!vgc_isblank(c) == !isblank(c), "isblank %d", c);
		CHECK_MSG(!vgc_iscntrl(c) == !iscntrl(c), "iscntrl %d", c);
		CHECK_MSG(!vgc_isdigit(c) == !isdigit(c), "isdigit %d", c);
		CHECK_MSG(!vgc_isgraph(c) == !isgraph(c), "isgraph %d", c);
		CHECK_MSG(!vgc_islower(c) == !islower(c), "islower %d", c);
		CHECK_MSG(!vgc_isprint(c) == !isprint(c), "isprint %d", c);
		CHECK_MSG(!vgc_ispunct(c) == !ispunct(c), "ispunct %d", c);
		CHECK_MSG(!vgc_isspace(c) == !isspace(c), "isspace %d", c);
		CHECK_MSG(!vgc_isupper(c) == !isupper(c), "isupper %d", c);
		CHECK_MSG(!vgc_isxdigit(c) == !isxdigit(c), "isxdigit %d", c);
		CHECK_MSG(vgc_tolower(c) == tolower(c), "tolower %d", c);
		CHECK_MSG(vgc_toupper(c) == toupper(c), "toupper %d", c);
		CHECK_MSG(vgc_toascii(c) == toascii(c), "toascii %d", c);
	}
}

TEST(libc_string, ffs)
{
	uint64_t rng = 64;
	for (int i = 0; i < 10000; i++) {
		uint64_t v = vtest_rand(&rng) << vtest_below(&rng, 64);
		CHECK(vgc_ffs((int)v) == ffs((int)v));
		CHECK(vgc_ffsl((long)v) == ffsl((long)v));
		CHECK(vgc_ffsll((long long)v) == ffsll((long long)v));
	}
	CHECK(vgc_ffs(0) == 0 && vgc_ffs(INT32_MIN) == 32);
}

TEST(libc_string, strerror)
{
	/* Every number of ours has its own message; others are "Unknown". */
	for (int e = 0; e <= VGC_ELAST; e++) {
		const char *m = vgc_strerror(e);
		CHECK_MSG(m && *m && strncmp(m, "Unknown", 7), "errno %d has no message", e);
		for (int f = 0; f < e; f++)
			CHECK_MSG(strcmp(m, vgc_strerror(f)), "errno %d and %d share \"%s\"", e, f,
				  m);
	}
	CHECK_STREQ(vgc_strerror(0), "Success");
	CHECK_STREQ(vgc_strerror(VGC_ERANGE), "Result too large");
	CHECK_STREQ(vgc_strerror(VGC_EINVAL), "Invalid argument");
	CHECK_STREQ(vgc_strerror(-3), "Unknown error -3");
	CHECK_STREQ(vgc_strerror(1000), "Unknown error 1000");
	char buf[32];
	CHECK(vgc_strerror_r(VGC_EINVAL, buf, sizeof(buf)) == 0 &&
	      !strcmp(buf, "Invalid argument"));
	CHECK(vgc_strerror_r(VGC_ERANGE, buf, 5) == VGC_ERANGE && !strcmp(buf, "Resu"));
	CHECK(vgc_strerror_r(999, buf, sizeof(buf)) == VGC_EINVAL);
}

TEST(libc_string, strsignal)
{
	/* 1-31 are Linux's numbers in both; glibc's real-time signals start
	 * at its SIGRTMIN (34), ours at 32, and both say "Real-time signal N"
	 * for SIGRTMIN + N. */
	for (int sig = 0; sig < 32; sig++)
		CHECK_STREQ(vgc_strsignal(sig), strsignal(sig));
	for (int n = 0; n <= SIGRTMAX - SIGRTMIN; n++)
		CHECK_STREQ(vgc_strsignal(VGC_SIGRTMIN + n), strsignal(SIGRTMIN + n));
	CHECK_STREQ(vgc_strsignal(VGC_SIGRTMAX), "Real-time signal 31");
	CHECK_STREQ(vgc_strsignal(VGC_SIGRTMAX + 1), "Unknown signal 64");
	CHECK_STREQ(vgc_strsignal(-1), "Unknown signal -1");
}

TEST(libc_string, sig2str_str2sig)
{
	char name[32];
	/* glibc names 29 POLL; we write IO (bash's, dash's) and read both. */
	for (int sig = 1; sig < 32; sig++) {
		CHECK(vgc_sig2str(sig, name) == 0);
		CHECK_STREQ(name, sig == SIGIO ? "IO" : sigabbrev_np(sig));
	}
	static const struct {
		int sig;
		const char *name;
	} rt[] = { { 32, "RTMIN" },    { 33, "RTMIN+1" }, { 47, "RTMIN+15" },
		   { 48, "RTMAX-15" }, { 62, "RTMAX-1" }, { 63, "RTMAX" } };
	for (size_t i = 0; i < ARRAY_SIZE(rt); i++) {
		CHECK(vgc_sig2str(rt[i].sig, name) == 0);
		CHECK_STREQ(name, rt[i].name);
	}
	/* Every name reads back as its number, and so does the number. */
	for (int sig = 1; sig <= VGC_SIGRTMAX; sig++) {
		int got = -1;
		CHECK(vgc_sig2str(sig, name) == 0);
		CHECK(vgc_str2sig(name, &got) == 0 && got == sig);
		snprintf(name, sizeof(name), "%d", sig);
		CHECK(vgc_str2sig(name, &got) == 0 && got == sig);
	}
	CHECK(vgc_sig2str(0, name) == -1 && vgc_sig2str(64, name) == -1 &&
	      vgc_sig2str(-2, name) == -1);
	static const struct {
		const char *name;
		int sig; /* -1: refused */
	} in[] = { { "IOT", 6 },       { "POLL", 29 },	      { "CLD", 17 },
		   { "RTMIN+0", 32 },  { "RTMIN+16", 48 },    { "RTMAX-31", 32 },
		   { "RTMIN+32", -1 }, { "RTMAX-32", -1 },    { "RTMIN-1", -1 },
		   { "RTMAX+1", -1 },  { "RTMIN+", -1 },      { "RTMIN+1x", -1 },
		   { "RTMIN++1", -1 }, { "RTMINX", -1 },      { "0", -1 },
		   { "64", -1 },       { "-1", -1 },	      { "+1", -1 },
		   { "", -1 },	       { "term", -1 },	      { "SIGTERM", -1 },
		   { "TERM ", -1 },    { "99999999999", -1 }, { "015", 15 } };
	for (size_t i = 0; i < ARRAY_SIZE(in); i++) {
		int got = -1;
		int r = vgc_str2sig(in[i].name, &got);
		CHECK_MSG(in[i].sig < 0 ? r == -1 : r == 0 && got == in[i].sig, "str2sig(\"%s\")",
			  in[i].name);
	}
}
