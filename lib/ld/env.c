// SPDX-License-Identifier: BSD-2-Clause
// The environment ld.so honours: LD_LIBRARY_PATH, directories (of the boot
// archive, where libraries are) searched before /lib, separated by colons.
// It is the only variable that changes loading, and a set-id program
// (docs/ARCHITECTURE.md, section 17.2) ignores it: ld.so is then in secure
// mode, as Linux's with AT_SECURE. Secure is decided as libc's
// secure_getenv decides: the real and effective, or real and saved, user
// or group ids differ, which the VFS tells through the program's handle
// (vfs.whoami). The question costs one call, made only when the variable
// is set; a program without a VFS (a boot service) runs as root, and a
// VFS that does not answer makes ld.so secure.
#include <fs.h>
#include <kernel/string.h>

#include "ld.h"

#define PATH_VAR "LD_LIBRARY_PATH="

static bool secure(void)
{
	vg_handle_t vfs = vg_startup_find(VG_HTAG_FS_ROOT, 0);
	if (vfs == VG_HANDLE_INVALID)
		return false;
	uint32_t ru, eu, su, rg, eg, sg;
	if (fs_vfs_whoami(vfs, &ru, &eu, &su, &rg, &eg, &sg))
		return true;
	return ru != eu || ru != su || rg != eg || rg != sg;
}

const char *ld_library_path(void)
{
	static bool known;
	static const char *path;
	if (known)
		return path;
	known = true;
	const char *const *envp = (const char *const *)(uintptr_t)vg_startup()->envp;
	for (; envp && *envp; envp++)
		if (!strncmp(*envp, PATH_VAR, sizeof(PATH_VAR) - 1)) {
			path = *envp + sizeof(PATH_VAR) - 1;
			break;
		}
	if (path && (!*path || secure()))
		path = NULL;
	return path;
}
