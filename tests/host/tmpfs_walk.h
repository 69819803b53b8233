/* SPDX-License-Identifier: BSD-2-Clause */
/* Host helpers for tmpfs's tree (srv/tmpfs/nodes.c): a path looked up
 * component by component, as the VFS would, without following symlinks;
 * and a consistency check of the whole tree. */
#ifndef TESTS_HOST_TMPFS_WALK_H
#define TESTS_HOST_TMPFS_WALK_H

#include "../../srv/tmpfs/tmpfs.h"
#include <string.h>

static inline struct tmpfs_node *tmpfs_walk(struct tmpfs *fs, const char *path)
{
	char buf[4096], *save = NULL;
	struct tmpfs_node *n = tmpfs_node(fs, 1);
	if (strlen(path) >= sizeof(buf))
		return NULL;
	strcpy(buf, path);
	for (char *c = strtok_r(buf, "/", &save); c && n; c = strtok_r(NULL, "/", &save))
		if (tmpfs_lookup(fs, n->ino, c, &n))
			n = NULL;
	return n;
}

/* Every name leads to a live node; directories' ".." and link counts
 * agree with the names; the pages counted are the pages held. Returns
 * NULL or what is wrong. */
static inline const char *tmpfs_check(struct tmpfs *fs)
{
	uint64_t pages = 0;
	for (uint64_t i = 1; i < fs->nnodes; i++) {
		struct tmpfs_node *n = fs->nodes[i];
		if (!n)
			continue;
		if (n->ino != i)
			return "a node has the wrong number";
		if (n->kind == FS_KIND_FILE) {
			uint64_t used = 0;
			for (uint64_t p = 0; p < n->u.f.nbits; p++)
				used += n->u.f.written[p / 64] >> (p % 64) & 1;
			if (used != n->u.f.used)
				return "a file's page count is wrong";
			if (n->size > n->u.f.data.cap)
				return "a file's data is larger than its store";
			pages += used;
		}
		if (n->kind != FS_KIND_DIR)
			continue;
		uint32_t subdirs = 0;
		for (uint32_t e = 0; e < n->u.d.count; e++) {
			if (!n->u.d.ents[e].name)
				continue;
			struct tmpfs_node *c = tmpfs_node(fs, n->u.d.ents[e].ino);
			if (!c)
				return "a name leads to no node";
			if (c->kind == FS_KIND_DIR) {
				subdirs++;
				if (c->u.d.parent != n->ino)
					return "a directory's parent is wrong";
			}
		}
		if (n->nlink && n->nlink != subdirs + 2)
			return "a directory's link count is wrong";
	}
	if (pages != fs->pages_used)
		return "the pages in use are miscounted";
	return NULL;
}

#endif
