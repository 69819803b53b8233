/* SPDX-License-Identifier: BSD-2-Clause */
/* Where memory went during a stress run (utest/memacct.c), to tell a leak
 * from a cache: the kernel's counts (kernel_counts: free pages, kernel
 * heap, page tables, live objects) and the memory committed by the
 * processes that serve the run (the servers the root task started, and the
 * root task). Every page the kernel hands out is one of: kernel heap, page
 * table, kernel stack (one per live thread), or a memory object's, which
 * a live process maps (committed) or a leak keeps. So with the objects
 * back where they were, any fall in free pages that the heap, the tables
 * and the servers' growth do not account for is a leak. */
#ifndef MEMACCT_H
#define MEMACCT_H

#include <stdbool.h>
#include <stddef.h>
#include <vg/vg.h>

struct memacct {
	struct vg_kernel_counts k;
	uint64_t committed; /* bytes: the servers and the root task */
};

/* Takes a snapshot; each process's committed KiB and page-table pages
 * named into line (when not NULL), as " name KiB/tables" pieces. */
void memacct_take(struct memacct *m, char *line, size_t len);
/* Whether b's live kernel objects are a's, type by type. */
bool memacct_same_objects(const struct memacct *a, const struct memacct *b);
/* Pages gone from the free count between a and b: all of them (*gone), and
 * those of them the caches hold (*cached: kernel heap pages, page tables,
 * the processes' committed growth). */
void memacct_diff(const struct memacct *a, const struct memacct *b, long *gone, long *cached);

#endif
