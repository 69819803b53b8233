// SPDX-License-Identifier: BSD-2-Clause
// kernel/lib/string.c against the host C library. The kernel's functions are
// compiled with prefixed names (kstring_rename.h) so both sets live in this
// program; buffers are exact-size heap blocks where a function must not read
// past a bound, so ASan catches it.
#define _DEFAULT_SOURCE
#include <stdlib.h>
#include <string.h>
#include <vtest.h>

/* In this order (blank lines keep clang-format from sorting them): the
 * kernel's declarations under their prefixed names, then the host's names
 * back. */
#include <kstring_rename.h>

#include <kernel/string.h>

#include <kstring_unrename.h>

static int sign(int x)
{
	return (x > 0) - (x < 0);
}

static void random_bytes(uint64_t *rng, uint8_t *p, size_t n, bool small_alphabet)
{
	for (size_t i = 0; i < n; i++) {
		uint8_t b = (uint8_t)vtest_rand(rng);
		/* A small alphabet makes equal prefixes (and so deep compares) common. */
		p[i] = small_alphabet ? (uint8_t)("ab\x80\xff"[b & 3]) : b;
	}
}

TEST(string, memcpy)
{
	/* Aligned arrays, so that the offsets below reach the word-copy path
	 * (both sides 8-aligned) as well as every misaligned one. */
	_Alignas(16) uint8_t src[96], a[128], b[128];
	uint64_t rng = 1;
	random_bytes(&rng, src, sizeof(src), false);
	for (size_t off = 0; off < 16; off++)
		for (size_t n = 0; n <= 80; n++) {
			memset(a, 0x11, sizeof(a));
			memset(b, 0x11, sizeof(b));
			void *r = kstr_memcpy(a + off, src + (n % 7), n);
			memcpy(b + off, src + (n % 7), n);
			CHECK(r == a + off);
			CHECK_MSG(!memcmp(a, b, sizeof(a)), "off %zu n %zu", off, n);
		}
}

TEST(string, memmove_overlap)
{
	/* Every overlap direction and distance. */
	uint8_t a[128], b[128], init[128];
	uint64_t rng = 2;
	random_bytes(&rng, init, sizeof(init), false);
	for (size_t dst = 0; dst < 48; dst++)
		for (size_t src = 0; src < 48; src++)
			for (size_t n = 0; n <= 64; n += (n < 8 ? 1 : 7)) {
				memcpy(a, init, sizeof(a));
				memcpy(b, init, sizeof(b));
				void *r = kstr_memmove(a + dst, a + src, n);
				memmove(b + dst, b + src, n);
				CHECK(r == a + dst);
				CHECK_MSG(!memcmp(a, b, sizeof(a)), "dst %zu src %zu n %zu", dst,
					  src, n);
			}
}

TEST(string, memset)
{
	uint8_t a[80], b[80];
	static const int vals[] = { 0, 1, 0x7f, 0x80, 0xff, 0x1ab, -1, -128 };
	for (size_t v = 0; v < ARRAY_SIZE(vals); v++)
		for (size_t off = 0; off < 8; off++)
			for (size_t n = 0; n <= 64; n++) {
				memset(a, 0x33, sizeof(a));
				memset(b, 0x33, sizeof(b));
				CHECK(kstr_memset(a + off, vals[v], n) == a + off);
				memset(b + off, vals[v], n);
				CHECK_MSG(!memcmp(a, b, sizeof(a)), "value %d off %zu n %zu",
					  vals[v], off, n);
			}
}

TEST(string, memcmp)
{
	uint64_t rng = 3;
	for (int i = 0; i < 20000; i++) {
		size_t n = vtest_below(&rng, 24);
		uint8_t *x = malloc(n + 1), *y = malloc(n + 1);
		random_bytes(&rng, x, n, true);
		memcpy(y, x, n);
		if (n && vtest_below(&rng, 2))
			y[vtest_below(&rng, n)] = (uint8_t)vtest_rand(&rng);
		/* Exact-size compares: n bytes and not one more. */
		CHECK_MSG(sign(kstr_memcmp(x, y, n)) == sign(memcmp(x, y, n)), "iteration %d", i);
		CHECK(sign(kstr_memcmp(y, x, n)) == sign(memcmp(y, x, n)));
		free(x);
		free(y);
	}
	/* Bytes compare as unsigned. */
	CHECK(kstr_memcmp("\x80", "\x7f", 1) > 0);
	CHECK(kstr_memcmp("\xff", "\x00", 1) > 0);
	CHECK(kstr_memcmp("a", "b", 0) == 0);
	CHECK(kstr_memcmp(NULL, NULL, 0) == 0);
}

TEST(string, strlen_strnlen)
{
	static const char *const strs[] = { "", "a", "hello", "\xff\x80", "0123456789abcdef0123" };
	for (size_t i = 0; i < ARRAY_SIZE(strs); i++) {
		char *s = vtest_dup(strs[i], strlen(strs[i]) + 1);
		CHECK_EQ_U(kstr_strlen(s), strlen(s));
		for (size_t max = 0; max < 25; max++)
			CHECK_EQ_U(kstr_strnlen(s, max), strnlen(s, max));
		CHECK_EQ_U(kstr_strnlen(s, SIZE_MAX), strlen(s));
		free(s);
	}
	/* strnlen reads no further than max: an unterminated buffer is fine. */
	char *raw = vtest_dup("abcdefgh", 8);
	CHECK_EQ_U(kstr_strnlen(raw, 8), 8);
	CHECK_EQ_U(kstr_strnlen(raw, 5), 5);
	free(raw);
}

TEST(string, strcmp)
{
	static const char *const strs[] = { "",
					    "a",
					    "b",
					    "ab",
					    "abc",
					    "abd",
					    "abc\x80",
					    "abc\x7f",
					    "\xff",
					    "A",
					    "aaaaaaaaaaaaaaaaaaaaaaaa" };
	for (size_t i = 0; i < ARRAY_SIZE(strs); i++)
		for (size_t j = 0; j < ARRAY_SIZE(strs); j++) {
			char *x = vtest_dup(strs[i], strlen(strs[i]) + 1);
			char *y = vtest_dup(strs[j], strlen(strs[j]) + 1);
			CHECK_MSG(sign(kstr_strcmp(x, y)) == sign(strcmp(x, y)), "\"%s\" vs \"%s\"",
				  x, y);
			free(x);
			free(y);
		}
	uint64_t rng = 4;
	for (int i = 0; i < 20000; i++) {
		char x[20], y[20];
		size_t nx = vtest_below(&rng, 19), ny = vtest_below(&rng, 19);
		random_bytes(&rng, (uint8_t *)x, nx, true);
		random_bytes(&rng, (uint8_t *)y, ny, true);
		x[nx] = y[ny] = 0;
		if (vtest_below(&rng, 2))
			memcpy(y, x, MIN(nx, ny));
		CHECK_MSG(sign(kstr_strcmp(x, y)) == sign(strcmp(x, y)), "iteration %d", i);
	}
}

TEST(string, strncmp)
{
	static const char *const strs[] = { "", "a", "ab", "abc", "abd", "abc\x80", "\xff", "b" };
	for (size_t i = 0; i < ARRAY_SIZE(strs); i++)
		for (size_t j = 0; j < ARRAY_SIZE(strs); j++)
			for (size_t n = 0; n < 7; n++) {
				char *x = vtest_dup(strs[i], strlen(strs[i]) + 1);
				char *y = vtest_dup(strs[j], strlen(strs[j]) + 1);
				CHECK_MSG(sign(kstr_strncmp(x, y, n)) == sign(strncmp(x, y, n)),
					  "\"%s\" vs \"%s\", n %zu", x, y, n);
				free(x);
				free(y);
			}
	/* n bounds the read: unterminated buffers compared within n. */
	char *x = vtest_dup("abcd", 4), *y = vtest_dup("abce", 4);
	CHECK(kstr_strncmp(x, y, 3) == 0);
	CHECK(kstr_strncmp(x, y, 4) < 0);
	free(x);
	free(y);
}

TEST(string, strchr)
{
	char *s = vtest_dup("hello, world\xff!", 15);
	static const int cs[] = { 'h', 'o', 'l', '!', ',', 'z', 0, 0xff, 0x1ff, -1, 'w' };
	for (size_t i = 0; i < ARRAY_SIZE(cs); i++)
		CHECK_MSG(kstr_strchr(s, cs[i]) == strchr(s, cs[i]), "c = %d", cs[i]);
	CHECK(kstr_strchr(s, 0) == s + 14); /* the terminator itself */
	CHECK(kstr_strchr(s, 'z') == NULL);
	free(s);
	char *empty = vtest_dup("", 1);
	CHECK(kstr_strchr(empty, 0) == empty);
	CHECK(kstr_strchr(empty, 'a') == NULL);
	free(empty);
}

TEST(string, strlcpy)
{
	static const char *const srcs[] = { "", "a", "hello", "0123456789abcdef" };
	for (size_t i = 0; i < ARRAY_SIZE(srcs); i++) {
		size_t len = strlen(srcs[i]);
		char *src = vtest_dup(srcs[i], len + 1);
		for (size_t size = 0; size <= len + 3; size++) {
			/* Exactly size bytes: ASan sees a write past them. */
			char *dst = malloc(size ? size : 1);
			memset(dst, '#', size ? size : 1);
			CHECK_EQ_U(kstr_strlcpy(dst, src, size), len);
			if (size == 0) {
				CHECK(dst[0] == '#'); /* nothing written */
			} else {
				size_t n = MIN(len, size - 1);
				CHECK_MSG(!memcmp(dst, src, n) && dst[n] == 0, "\"%s\" size %zu",
					  src, size);
			}
			free(dst);
		}
		free(src);
	}
}
