// SPDX-License-Identifier: BSD-2-Clause
// x86 I/O port ranges as objects, enabled per process through the TSS
// bitmap (kernel/arch/x86_64/gdt.c). Other architectures have no port
// space: both calls are ERR_NOT_SUPPORTED there.
#include <kernel/heap.h>
#include <kernel/process.h>
#include <kernel/resource.h>
#include <kernel/string.h>
#include <kernel/syscall.h>
#include <verdigris/errors.h>

#ifdef ARCH_HAS_IOPORTS
struct ioport {
	struct kobject obj;
	uint32_t base, count;
};

static void ioport_destroy(struct kobject *o)
{
	kfree(o);
}

static const struct kobject_ops ioport_ops = { .destroy = ioport_destroy };
#endif

long sys_ioport_create(vg_handle_t resource, uint32_t base, uint32_t count, vg_handle_t *out)
{
#ifdef ARCH_HAS_IOPORTS
	if (count == 0 || base >= 65536 || count > 65536 - base)
		return ERR_OUT_OF_RANGE;
	int err = resource_check(resource, VG_RESOURCE_IOPORT, base, count);
	if (err)
		return err;
	struct ioport *io = kzalloc(sizeof(*io));
	if (!io)
		return ERR_NO_MEMORY;
	kobject_init(&io->obj, VG_OBJ_IOPORT, &ioport_ops);
	io->base = base;
	io->count = count;
	long ret = give_handle(&io->obj, VG_RIGHT_MAP | VG_RIGHT_DUPLICATE | VG_RIGHT_TRANSFER, 0,
			       out);
	kobject_unref(&io->obj);
	return ret;
#else
	(void)resource, (void)base, (void)count, (void)out;
	return ERR_NOT_SUPPORTED;
#endif
}

long sys_ioport_enable(vg_handle_t ioport, uint32_t enable)
{
#ifdef ARCH_HAS_IOPORTS
	if (enable > 1)
		return ERR_INVALID_ARGS;
	struct kobject *o;
	int err = current_handle(ioport, VG_OBJ_IOPORT, VG_RIGHT_MAP, &o);
	if (err)
		return err;
	struct ioport *io = (struct ioport *)o;
	struct process *p = current_process();
	uint8_t *bm = NULL;
	if (!p->io_bitmap) {
		bm = kmalloc(IO_BITMAP_BYTES);
		if (!bm) {
			kobject_unref(o);
			return ERR_NO_MEMORY;
		}
		memset(bm, 0xff, IO_BITMAP_BYTES);
	}
	/* Interrupts off: another thread of this process may be enabling
	 * ports too, and a switch must not load a half-updated bitmap. */
	irqflags_t f = arch_irq_save();
	if (!p->io_bitmap) {
		p->io_bitmap = bm;
		bm = NULL;
	}
	for (uint32_t port = io->base; port < io->base + io->count; port++) {
		uint8_t bit = (uint8_t)(1u << (port % 8));
		if (enable)
			p->io_bitmap[port / 8] &= (uint8_t)~bit;
		else
			p->io_bitmap[port / 8] |= bit;
	}
	/* This process runs now: its new bitmap takes effect at once. */
	arch_ioports_load(p->io_bitmap, p->obj.koid, true);
	arch_irq_restore(f);
	kfree(bm); /* another thread installed one first */
	kobject_unref(o);
	return 0;
#else
	(void)ioport, (void)enable;
	return ERR_NOT_SUPPORTED;
#endif
}
