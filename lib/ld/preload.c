// SPDX-License-Identifier: BSD-2-Clause
// LD_PRELOAD: shared objects named by the environment (separated by
// colons or spaces), loaded after the program and before its DT_NEEDED
// libraries, so that their definitions come first in the global scope
// after the program's own: the program, the preloads, then its libraries
// breadth first. Names without a slash are looked up as DT_NEEDED names
// are (LD_LIBRARY_PATH, then /lib), paths as they are. One that cannot be
// loaded is reported in the log and skipped, as glibc's ld.so does; in a
// set-id program the variable is ignored altogether (env.c).
#include <kernel/string.h>

#include "ld.h"

static void preload(struct ld_module *exe, const char *name)
{
	/* The program's list of dependencies holds the preloads and its own
	 * DT_NEEDED ones. */
	if (exe->ndeps + exe->dyn.n_needed >= LD_MAX_NEEDED) {
		vg_printf("ld.so: %s (LD_PRELOAD): too many libraries: ignored\n", name);
		return;
	}
	struct ld_module *m = ld_module_named(name);
	if (!m)
		m = ld_load_named(name);
	if (!m) {
		vg_printf("ld.so: %s (LD_PRELOAD): ignored\n", ld_last_error());
		return;
	}
	for (int i = 0; i < exe->ndeps; i++)
		if (exe->deps[i] == m)
			return; /* named twice */
	m->refs++;
	exe->deps[exe->ndeps++] = m;
}

void ld_load_preloads(struct ld_module *exe)
{
	char name[LD_PATH_MAX];
	for (const char *list = ld_preload(); list && *list;) {
		size_t n = 0;
		while (list[n] && list[n] != ':' && list[n] != ' ')
			n++;
		if (n >= sizeof(name)) {
			vg_printf("ld.so: a name in LD_PRELOAD is too long: ignored\n");
		} else if (n) {
			memcpy(name, list, n);
			name[n] = 0;
			preload(exe, name);
		}
		list += n + (list[n] != 0);
	}
}
