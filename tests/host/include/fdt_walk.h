// SPDX-License-Identifier: BSD-2-Clause
// Drives every accessor of kernel/lib/fdt.c over an accepted blob and checks
// that their answers agree with each other (parent of a child, children of
// a parent, document order, paths, property bounds). Shared by the fdt unit
// tests (fixtures, QEMU blobs, mutated blobs) and the fdt fuzzer.
#ifndef FDT_WALK_H
#define FDT_WALK_H

#include <kernel/fdt.h>

struct fdt_walk_stats {
	unsigned nodes, props_found, regs, rsv;
};

/* Returns NULL, or a description of the first inconsistency found. */
const char *fdt_walk_all(const struct fdt *f, struct fdt_walk_stats *stats);

#endif
