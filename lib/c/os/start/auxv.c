// SPDX-License-Identifier: BSD-2-Clause
// getauxval and issetugid: what the process server said of this program
// when it started it (struct vg_startup_aux, on a page mapped read-only by
// vg_spawn through a handle that may not write: the program cannot make
// it say otherwise). AT_SECURE is decided once, at exec, as Linux's: a
// set-id program stays secure after it gives its ids up. The process
// server knows user ids only (the VFS owns group ids), so AT_GID and
// AT_EGID are unknown, as AT_HWCAP and AT_RANDOM (no source of either).
#include <errno.h>
#include <sys/auxv.h>
#include <unistd.h>
#include <vg/vg.h>

static const struct vg_startup_aux *aux(void)
{
	const struct vg_startup *su = vg_startup();
	return su && su->aux ? (const struct vg_startup_aux *)(uintptr_t)su->aux : NULL;
}

unsigned long getauxval(unsigned long type)
{
	const struct vg_startup_aux *a = aux();
	bool ids = a && (a->flags & VG_AUX_IDS);
	switch (type) {
	case AT_PAGESZ: return 4096;
	case AT_SECURE:
		if (a)
			return (a->flags & VG_AUX_SECURE) != 0;
		break;
	case AT_UID:
		if (ids)
			return a->uid;
		break;
	case AT_EUID:
		if (ids)
			return a->euid;
		break;
	default: break;
	}
	errno = ENOENT;
	return 0;
}

int issetugid(void)
{
	const struct vg_startup_aux *a = aux();
	return a && (a->flags & VG_AUX_SECURE);
}
