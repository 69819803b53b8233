/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef KERNEL_RESOURCE_H
#define KERNEL_RESOURCE_H

#include <kernel/object.h>
#include <verdigris/types.h>

/*
 * A resource: the right to make objects over one range of one kind of
 * hardware (physical memory, interrupt numbers, x86 I/O ports), or over
 * everything (VG_RESOURCE_ROOT, which only the root task receives). A
 * narrower resource is derived from a wider one (resource_create); nothing
 * ever widens one. Using a resource needs VG_RIGHT_MANAGE on its handle.
 */
struct resource {
	struct kobject obj;
	uint32_t kind; /* VG_RESOURCE_* */
	uint64_t base, size;
};

/* The one root resource, created at first use; the root task gets a handle. */
struct resource *resource_root(void);
/* The whole range of a kind: ERR_INVALID_ARGS for an unknown kind (or ROOT). */
int resource_kind_span(uint32_t kind, uint64_t *base, uint64_t *size);
/* Whether resource r allows [base, base+size) of kind: 0, ERR_WRONG_TYPE
 * (a resource of another kind: the errors.def meaning of a handle that does
 * not fit) or ERR_OUT_OF_RANGE. */
int resource_allows(const struct resource *r, uint32_t kind, uint64_t base, uint64_t size);
/* For system calls that take a resource handle of the current process:
 * looks it up (needs VG_RIGHT_MANAGE) and checks resource_allows. Returns 0
 * or ERR_BAD_HANDLE, ERR_WRONG_TYPE (not a resource, or another kind),
 * ERR_ACCESS_DENIED (no MANAGE right), ERR_OUT_OF_RANGE. */
int resource_check(vg_handle_t h, uint32_t kind, uint64_t base, uint64_t size);

/* Like resource_check, for a use that needs a resource of kind (or the root
 * one) but no particular range. */
int resource_check_kind(vg_handle_t h, uint32_t kind);

static inline struct resource *to_resource(struct kobject *o)
{
	return (struct resource *)o;
}

#endif
