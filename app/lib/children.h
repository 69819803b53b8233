// SPDX-License-Identifier: BSD-2-Clause
// Visiting a directory's entries, for the utilities that descend (-R, -r).
#ifndef APP_LIB_CHILDREN_H
#define APP_LIB_CHILDREN_H

/* Calls visit(child, ctx) for every entry of the directory path but "."
 * and "..", child being path and the name joined by one slash. Returns
 * the OR of what visit returned, and 1 (with a message naming path) when
 * the directory cannot be read or a name not joined. */
int util_each_child(const char *path, int (*visit)(const char *child, void *ctx), void *ctx);

#endif
