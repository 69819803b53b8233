// SPDX-License-Identifier: BSD-2-Clause
// The table of credentials (creds.h).
#include "creds.h"

void vfs_creds_init(struct vfs_creds *t)
{
	*t = (struct vfs_creds){ .next = 1 };
	t->used[0] = true; /* root, all ids 0, no groups */
}

long vfs_creds_add(struct vfs_creds *t, const struct vfs_cred *c, uint64_t *badge)
{
	for (uint32_t n = 0; n < VFS_CREDS - 1; n++) {
		uint32_t i = 1 + (t->next - 1 + n) % (VFS_CREDS - 1);
		if (!t->used[i]) {
			t->used[i] = true;
			t->entry[i] = *c;
			t->next = i % (VFS_CREDS - 1) + 1;
			*badge = i;
			return 0;
		}
	}
	return FS_FS_ERROR_NO_SPACE_LEFT_IN_TABLE;
}

void vfs_creds_release(struct vfs_creds *t, uint64_t badge)
{
	if (badge != 0 && badge < VFS_CREDS)
		t->used[badge] = false;
}
