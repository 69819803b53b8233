/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef KERNEL_FDT_H
#define KERNEL_FDT_H

#include <kernel/types.h>

/*
 * A flattened device tree (devicetree.org spec v0.4, version 16/17 blobs)
 * reader. fdt_open validates the whole blob once: header bounds, every token,
 * every name and property length, every string offset, node nesting. A blob
 * that fails is refused with a message and never walked. The accessors below
 * still bound every read, so a bug in validation cannot become an
 * out-of-bounds read. Nodes are named by their offset in the structure block;
 * -1 means "none". Pure code: fuzzed on the host.
 */
struct fdt {
	const uint8_t *blob;
	uint32_t size;
	const uint8_t *st; /* structure block */
	uint32_t st_size;
	const char *str; /* strings block */
	uint32_t str_size;
	uint32_t rsv_off; /* memory reservation map */
};

#define FDT_MAX_DEPTH 32

/* Returns 0, or ERR_BAD_FORMAT with *why naming the problem. max_size bounds
 * how far the blob may extend. */
int fdt_open(struct fdt *f, const void *blob, size_t max_size, const char **why);
/* totalsize from a header, without validation (0 if the magic is wrong). */
uint32_t fdt_header_size(const void *blob);

int fdt_first_child(const struct fdt *f, int node);
int fdt_next_sibling(const struct fdt *f, int node);
const char *fdt_node_name(const struct fdt *f, int node);
/* Node by absolute path; a component without '@' also matches names with a
 * unit address ("/memory" finds "memory@40000000"). */
int fdt_path(const struct fdt *f, const char *path);
int fdt_parent(const struct fdt *f, int node);
/* Next node after 'after' in document order (-1: from the start) whose
 * compatible list holds compat. */
int fdt_find_compatible(const struct fdt *f, int after, const char *compat);
/* Next node after 'after' in document order, at any depth; -1 at the end. */
int fdt_next_node(const struct fdt *f, int after);

const void *fdt_prop(const struct fdt *f, int node, const char *name, uint32_t *len);
/* A property that is a NUL-terminated string within its length, else NULL. */
const char *fdt_prop_str(const struct fdt *f, int node, const char *name);
/* u32 property; returns dflt when missing or of the wrong size. */
uint32_t fdt_prop_u32(const struct fdt *f, int node, const char *name, uint32_t dflt);
bool fdt_is_compatible(const struct fdt *f, int node, const char *compat);

/* The idx'th (address, size) pair of node's "reg", decoded with the parent's
 * #address-cells and #size-cells. Returns false when absent or malformed. */
bool fdt_reg(const struct fdt *f, int node, int idx, uint64_t *addr, uint64_t *size);
/* The idx'th entry of the memory reservation map. */
bool fdt_rsvmap(const struct fdt *f, int idx, uint64_t *addr, uint64_t *size);

/* Big-endian helpers. */
uint32_t fdt_be32(const void *p);
/* n (1 or 2) cells starting at p. */
uint64_t fdt_cells(const void *p, int n);

#endif
