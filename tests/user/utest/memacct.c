// SPDX-License-Identifier: BSD-2-Clause
// Where memory went during a stress run (memacct.h).
#include "../memacct.h"
#include "../proc_server.h"
#include "../vfs_up.h"
#include <stdio.h>

#define PAGE 4096

void memacct_take(struct memacct *m, char *line, size_t len)
{
	const struct vfs_up_server *s;
	size_t n = vfs_up_servers(&s), at = 0;
	struct vg_process_info pi;
	m->committed = 0;
	if (line && len)
		line[0] = 0;
	/* The file system's servers, the process server, and ourselves. */
	for (size_t i = 0; i <= n + 1; i++) {
		const char *name = i < n ? s[i].name : i == n ? "proc" : "self";
		vg_handle_t p = i < n ? s[i].process : i == n ? proc_server_process() : vg_self();
		if (!p || vg_process_info(p, &pi))
			continue;
		m->committed += pi.committed;
		if (line && at < len)
			at += (size_t)snprintf(line + at, len - at, " %s %lu/%lu", name,
					       (unsigned long)(pi.committed / 1024),
					       (unsigned long)pi.tables);
	}
	vg_kernel_counts(&m->k);
}

bool memacct_same_objects(const struct memacct *a, const struct memacct *b)
{
	for (int t = 0; t < VG_KERNEL_COUNTS_TYPES; t++)
		if (a->k.objects[t] != b->k.objects[t])
			return false;
	return true;
}

void memacct_diff(const struct memacct *a, const struct memacct *b, long *gone, long *cached)
{
	*gone = (long)(a->k.free_pages - b->k.free_pages);
	*cached = (long)(b->k.heap_slab_pages - a->k.heap_slab_pages) +
		(long)(b->k.heap_large_pages - a->k.heap_large_pages) +
		(long)(b->k.table_pages - a->k.table_pages) +
		((long)b->committed - (long)a->committed) / PAGE;
}
