// SPDX-License-Identifier: BSD-2-Clause
// The libc conformance suite (lib/c/README.md, "Tests"). Each area is a
// function that feeds a fixed list of inputs to the standard functions it
// covers and hands a text form of each input and of its result to a sink.
// The same sources are compiled twice: on the host against glibc, where
// tools' generator (gen.c) writes the results as tables into the build tree,
// and for the target against our libc, where the in-OS test
// (tests/user/utest/libc_conform.c) compares its results with the tables.
// Everything here is deterministic and independent of the architecture
// (char signedness, NaN signs and payloads are never rendered).
#ifndef CONFORM_H
#define CONFORM_H

#include <stddef.h>
#include <stdio.h>

struct conform_case {
	const char *input, *result;
};

struct conform_table {
	unsigned count;
	const struct conform_case *cases;
};

struct conform_sink {
	void (*take)(struct conform_sink *sink, const char *input, const char *result);
};

/* A text being built; overlong texts are cut (the same way on both sides). */
enum { CBUF_SIZE = 1536 };
struct cbuf {
	char s[CBUF_SIZE];
	size_t n;
};

void cb_reset(struct cbuf *b);
void cb_str(struct cbuf *b, const char *s);
/* Bytes with everything outside printable ASCII, '"' and '\\' as \xHH. */
void cb_bytes(struct cbuf *b, const void *p, size_t n);
void cb_esc(struct cbuf *b, const char *s);
void cb_int(struct cbuf *b, long long v);
void cb_uint(struct cbuf *b, unsigned long long v);
void cb_hex(struct cbuf *b, unsigned long long v);
/* A double's bits in hex, "nan" for every NaN. */
void cb_dbl(struct cbuf *b, double d);
/* An errno value by name (numbers differ between libraries). */
void cb_errno(struct cbuf *b, int e);
/* Hands the case to the sink. */
void cb_take(struct conform_sink *sink, const struct cbuf *in, const struct cbuf *out);

/* For the areas on files: a stream reading the bytes s, written to path
 * first; NULL if either fails. */
FILE *conform_reading(const char *path, const char *s);

/* Deterministic pseudo-random numbers (xorshift64). */
unsigned long long conform_rand(unsigned long long *state);

/* The areas; X(name) for each, in table order: those that need nothing
 * but the library, then those that need the file system (in-OS, their
 * tests run after the ones that check life without it). */
#define CONFORM_AREAS(X) CONFORM_PLAIN_AREAS(X) CONFORM_FILE_AREAS(X)
#define CONFORM_FILE_AREAS(X) X(wstream) X(pushback)
#define CONFORM_PLAIN_AREAS(X) \
	X(string)              \
	X(ctype)               \
	X(strtol)              \
	X(strtod)              \
	X(printf)              \
	X(sscanf)              \
	X(sort)                \
	X(time)                \
	X(math)                \
	X(wchar)

#define CONFORM_DECLARE(name)                           \
	void conform_##name(struct conform_sink *sink); \
	extern const struct conform_table conform_table_##name;
CONFORM_AREAS(CONFORM_DECLARE)
#undef CONFORM_DECLARE

/* In-OS (tests/user/utest/libc_conform.c): runs an area and checks each
 * case against its table, as a UTEST's checks. */
void libc_conform_run(const char *name, void (*run)(struct conform_sink *),
		      const struct conform_table *table);

#endif
