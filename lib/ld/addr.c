// SPDX-License-Identifier: BSD-2-Clause
// Which loaded shared object holds an address: the C library's crash
// report names the frames of a dynamically linked program's libraries
// from their files' symbols (lib/c/os/signal/crash.c).
#include <vg/loader.h>

#include "ld.h"

int ld_module_at(uint64_t addr, struct vg_loader_module *out)
{
	/* No lock: a crashing thread may hold it. A module being unloaded by
	 * another thread meanwhile may be misnamed, never read outside the
	 * table (its file stays in the boot archive's mapping). */
	for (size_t i = 0; i < LD_MAX_MODULES; i++) {
		const struct ld_module *m = &ld_modules[i];
		if (!m->used || m->is_exe || !m->file || addr < m->map_lo ||
		    addr - m->map_lo >= m->map_len)
			continue;
		*out = (struct vg_loader_module){ m->name, m->base, m->file, m->file_len };
		return 0;
	}
	return -1;
}
