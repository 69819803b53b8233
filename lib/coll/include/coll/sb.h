// SPDX-License-Identifier: BSD-2-Clause
// A string builder: a growing NUL-terminated string. When memory runs out
// the builder remembers it (failed) and ignores further appends, so a run of
// appends needs one check at the end.
#ifndef COLL_SB_H
#define COLL_SB_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

struct sb {
	char *buf; /* NULL until something is appended */
	size_t len, cap;
	bool failed;
};

void sb_init(struct sb *b);
void sb_free(struct sb *b);
bool sb_append(struct sb *b, const char *s);
bool sb_append_n(struct sb *b, const char *s, size_t n);
bool sb_putc(struct sb *b, char c);
bool sb_printf(struct sb *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
bool sb_vprintf(struct sb *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* The string so far ("" when empty). */
const char *sb_str(const struct sb *b);
/* Hands the string (malloc'd, never NULL unless failed) to the caller and
 * empties the builder. */
char *sb_take(struct sb *b);
void sb_truncate(struct sb *b, size_t len);

#endif
