// SPDX-License-Identifier: BSD-2-Clause
// A tmpfs's first directories, from its command line (bin/tmpfs LIMIT
// NAME=MODE:UID:GID...): "." is the root itself, another name a directory
// in it. So init can mount a writable tmpfs on /home whose user directory
// belongs to the user (rootfs/etc/services/home), and one on /root that
// belongs to root alone.
#include "tmpfs.h"
#include <stdlib.h>
#include <string.h>

/* A number in base, all of [s, end), at most max. */
static bool number(const char *s, const char *end, int base, uint64_t max, uint32_t *out)
{
	char *stop;
	if (s >= end || *s < '0' || *s > '9')
		return false;
	unsigned long long v = strtoull(s, &stop, base);
	if (stop != end || v > max)
		return false;
	*out = (uint32_t)v;
	return true;
}

long tmpfs_layout(struct tmpfs *fs, const char *spec)
{
	const char *eq = strchr(spec, '=');
	const char *c1 = eq ? strchr(eq + 1, ':') : NULL, *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
	uint32_t mode, uid, gid;
	/* Ids below 0xffffffff, "no id" (idl/fs.idl). */
	if (!c2 || eq - spec > (ptrdiff_t)TMPFS_NAME_MAX || !number(eq + 1, c1, 8, 07777, &mode) ||
	    !number(c1 + 1, c2, 10, UINT32_MAX - 1, &uid) ||
	    !number(c2 + 1, c2 + strlen(c2), 10, UINT32_MAX - 1, &gid))
		return FS_FS_ERROR_INVALID;
	char name[TMPFS_NAME_MAX + 1];
	memcpy(name, spec, (size_t)(eq - spec));
	name[eq - spec] = 0;
	struct tmpfs_node *n = tmpfs_node(fs, TMPFS_ROOT_INO);
	if (strcmp(name, ".")) {
		long st = tmpfs_create(fs, TMPFS_ROOT_INO, name, FS_KIND_DIR, mode, uid, gid, 0,
				       NULL, &n);
		if (st)
			return st;
	}
	n->mode = mode;
	n->uid = uid;
	n->gid = gid;
	return 0;
}
