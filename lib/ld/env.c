// SPDX-License-Identifier: BSD-2-Clause
// The environment ld.so honours: LD_LIBRARY_PATH, directories (of the boot
// archive, where libraries are) searched before /lib, separated by colons;
// and LD_PRELOAD, shared objects loaded before the program's libraries
// (separated by colons or spaces). A set-id program ignores both: ld.so is
// then in secure mode, as Linux's with AT_SECURE, which here is the
// process server's word in the startup block's read-only aux page
// (VG_AUX_SECURE, docs/ARCHITECTURE.md section 17.2): no question to ask,
// and nothing the program's environment or its spawner can change.
#include <kernel/string.h>

#include "ld.h"

static bool secure(void)
{
	uint64_t aux = vg_startup()->aux;
	return aux && (((const struct vg_startup_aux *)(uintptr_t)aux)->flags & VG_AUX_SECURE);
}

/* name's value (name ends in '='): NULL when unset, empty, or in secure
 * mode. */
static const char *variable(const char *name)
{
	size_t n = strlen(name);
	const char *const *envp = (const char *const *)(uintptr_t)vg_startup()->envp;
	for (; envp && *envp; envp++)
		if (!strncmp(*envp, name, n))
			return (*envp)[n] && !secure() ? *envp + n : NULL;
	return NULL;
}

const char *ld_library_path(void)
{
	static bool known;
	static const char *path;
	if (!known) {
		known = true;
		path = variable("LD_LIBRARY_PATH=");
	}
	return path;
}

const char *ld_preload(void)
{
	return variable("LD_PRELOAD=");
}
