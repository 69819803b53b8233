// SPDX-License-Identifier: BSD-2-Clause
// A tiny test framework for the host unit tests. Every TEST() registers
// itself at start-up; the runner (support/vtest.c) runs each case once and
// prints exactly one line per case, which tools/testsuite.py counts:
//   TEST <suite>.<case>: PASS
//   TEST <suite>.<case>: FAIL <file>:<line>: <detail>
// A failed CHECK leaves the case at once (longjmp back to the runner), so a
// check may sit in any helper function, however deeply nested.
#ifndef VTEST_H
#define VTEST_H

#include <inttypes.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef void (*vtest_fn)(void);

void vtest_register(const char *suite, const char *name, vtest_fn fn, const char *file, int line);
_Noreturn void vtest_fail(const char *file, int line, const char *fmt, ...)
	__attribute__((noreturn, format(printf, 3, 4)));

#define TEST(suite, name)                                                           \
	static void suite##__##name(void);                                          \
	__attribute__((constructor)) static void suite##__##name##__reg(void)       \
	{                                                                           \
		vtest_register(#suite, #name, suite##__##name, __FILE__, __LINE__); \
	}                                                                           \
	static void suite##__##name(void)

#define FAIL(...) vtest_fail(__FILE__, __LINE__, __VA_ARGS__)

#define CHECK(cond)                                      \
	do {                                             \
		if (!(cond))                             \
			FAIL("check failed: %s", #cond); \
	} while (0)

/* The message says what was being tried, for checks inside loops. */
#define CHECK_MSG(cond, ...)               \
	do {                               \
		if (!(cond))               \
			FAIL(__VA_ARGS__); \
	} while (0)

/* Integer comparisons print both values; unsigned and signed variants so
 * that a negative error code is shown as such. */
#define CHECK_EQ_U(a, b)                                                                 \
	do {                                                                             \
		uint64_t va_ = (uint64_t)(a), vb_ = (uint64_t)(b);                       \
		if (va_ != vb_)                                                          \
			FAIL("%s == %s: 0x%" PRIx64 " != 0x%" PRIx64, #a, #b, va_, vb_); \
	} while (0)

#define CHECK_EQ_I(a, b)                                                             \
	do {                                                                         \
		int64_t va_ = (int64_t)(a), vb_ = (int64_t)(b);                      \
		if (va_ != vb_)                                                      \
			FAIL("%s == %s: %" PRId64 " != %" PRId64, #a, #b, va_, vb_); \
	} while (0)

#define CHECK_STREQ(a, b)                                                                \
	do {                                                                             \
		const char *sa_ = (a), *sb_ = (b);                                       \
		if (!sa_ || !sb_ || vtest_strcmp(sa_, sb_))                              \
			FAIL("%s == %s: \"%s\" != \"%s\"", #a, #b, sa_ ? sa_ : "(NULL)", \
			     sb_ ? sb_ : "(NULL)");                                      \
	} while (0)

int vtest_strcmp(const char *a, const char *b);

/* Deterministic pseudo-random numbers (splitmix64): every test seeds its own
 * state, so a failure reproduces exactly. */
static inline uint64_t vtest_rand(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15ull);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

/* Uniform in [0, n); n > 0. */
static inline uint64_t vtest_below(uint64_t *state, uint64_t n)
{
	return vtest_rand(state) % n;
}

/* Test data (fixtures compiled by dtc, QEMU's dumped blobs) lives under
 * build/host/data unless HOST_TEST_DATA names another directory. Returns a
 * malloc'd buffer of exactly the file's size, so that ASan catches any read
 * past its end; the test fails if the file is missing. */
void *vtest_load(const char *name, size_t *size);
/* A malloc'd copy of exactly size bytes (for mutated blobs). */
void *vtest_dup(const void *p, size_t size);

#endif
