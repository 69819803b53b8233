// SPDX-License-Identifier: BSD-2-Clause
// Resources: who may make physical VMOs, irqs and I/O ports (see resource.h).
#include <kernel/heap.h>
#include <kernel/panic.h>
#include <kernel/range.h>
#include <kernel/resource.h>
#include <kernel/syscall.h>
#include <verdigris/errors.h>

/* Physical addresses: 52 bits is the most any of the three architectures
 * has (x86_64); anything above is no device. */
#define PHYS_SPAN (1ull << 52)

static void resource_destroy(struct kobject *o)
{
	kfree(to_resource(o));
}

static const struct kobject_ops resource_ops = { .destroy = resource_destroy };

int resource_kind_span(uint32_t kind, uint64_t *base, uint64_t *size)
{
	*base = 0;
	switch (kind) {
	case VG_RESOURCE_MMIO: *size = PHYS_SPAN; return 0;
	case VG_RESOURCE_IRQ: *size = 1ull << 32; return 0;
	case VG_RESOURCE_IOPORT: *size = 1ull << 16; return 0;
	default: return ERR_INVALID_ARGS;
	}
}

static struct resource *resource_new(uint32_t kind, uint64_t base, uint64_t size)
{
	struct resource *r = kzalloc(sizeof(*r));
	if (!r)
		return NULL;
	kobject_init(&r->obj, VG_OBJ_RESOURCE, &resource_ops);
	r->kind = kind;
	r->base = base;
	r->size = size;
	return r;
}

struct resource *resource_root(void)
{
	/* Made once at boot (the root task's start) and kept forever: the
	 * reference taken here is never dropped. */
	static struct resource *root;
	if (!root)
		root = resource_new(VG_RESOURCE_ROOT, 0, 0);
	return root;
}

int resource_allows(const struct resource *r, uint32_t kind, uint64_t base, uint64_t size)
{
	uint64_t sbase, ssize;
	if (resource_kind_span(kind, &sbase, &ssize))
		return ERR_INVALID_ARGS;
	if (r->kind != VG_RESOURCE_ROOT && r->kind != kind)
		return ERR_WRONG_TYPE;
	if (!range_within(sbase, ssize, base, size))
		return ERR_OUT_OF_RANGE;
	if (r->kind != VG_RESOURCE_ROOT && !range_within(r->base, r->size, base, size))
		return ERR_OUT_OF_RANGE;
	return 0;
}

int resource_check(vg_handle_t h, uint32_t kind, uint64_t base, uint64_t size)
{
	struct kobject *o;
	int err = current_handle(h, VG_OBJ_RESOURCE, VG_RIGHT_MANAGE, &o);
	if (err)
		return err;
	err = resource_allows(to_resource(o), kind, base, size);
	kobject_unref(o);
	return err;
}

int resource_check_kind(vg_handle_t h, uint32_t kind)
{
	struct kobject *o;
	int err = current_handle(h, VG_OBJ_RESOURCE, VG_RIGHT_MANAGE, &o);
	if (err)
		return err;
	uint32_t k = to_resource(o)->kind;
	kobject_unref(o);
	return k == VG_RESOURCE_ROOT || k == kind ? 0 : ERR_WRONG_TYPE;
}

long sys_resource_create(vg_handle_t parent, uint32_t kind, uint64_t base, uint64_t size,
			 vg_handle_t *out)
{
	uint64_t sbase, ssize;
	if (resource_kind_span(kind, &sbase, &ssize))
		return ERR_INVALID_ARGS; /* an unknown kind, or ROOT: there is one */
	if (!range_valid(base, size))
		return ERR_OUT_OF_RANGE;
	int err = resource_check(parent, kind, base, size);
	if (err)
		return err;
	struct resource *r = resource_new(kind, base, size);
	if (!r)
		return ERR_NO_MEMORY;
	long ret = give_handle(&r->obj, VG_RIGHT_MANAGE | VG_RIGHT_DUPLICATE | VG_RIGHT_TRANSFER, 0,
			       out);
	kobject_unref(&r->obj);
	return ret;
}
