// SPDX-License-Identifier: BSD-2-Clause
// Copying files and trees, shared by cp and mv (which copies when a rename
// would cross file systems).
#ifndef APP_COPY_H
#define APP_COPY_H
#include <stdbool.h>

struct copy_opts {
	bool recursive; /* directories too */
	bool preserve; /* modes and times (cp -p, mv) */
	bool no_follow; /* copy symbolic links as links (cp -P, mv) */
};

/* Copies src to dst (dst is the new name itself, not a directory to put it
 * in); 0, or 1 after a message. */
int copy_path(const char *src, const char *dst, const struct copy_opts *o);

/* dir/base-of-src, newly allocated. */
char *copy_target(const char *dir, const char *src);

/* The "source... target" form of cp, mv and ln: args holds n >= 2 names,
 * the last the target. With one source and a target that is not a
 * directory, act(source, target); otherwise the target must be a directory
 * and act(source, target/base-of-source) runs for each source. 0, or 1
 * after a message (act's statuses are ORed). */
int copy_each(char *const *args, int n, int (*act)(const char *src, const char *dst, void *ctx),
	      void *ctx);

#endif
