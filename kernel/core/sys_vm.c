// SPDX-License-Identifier: BSD-2-Clause
// Memory objects, mappings and threads, from user space.
#include <kernel/pmm.h>
#include <kernel/process.h>
#include <kernel/range.h>
#include <kernel/resource.h>
#include <kernel/syscall.h>
#include <kernel/usercopy.h>
#include <verdigris/errors.h>

#define VMO_RIGHTS \
	(VG_RIGHT_READ | VG_RIGHT_WRITE | VG_RIGHT_MAP | VG_RIGHT_DUPLICATE | VG_RIGHT_TRANSFER)

long sys_vmo_create(uint64_t size, uint32_t flags, vg_handle_t *out)
{
	if (flags)
		return ERR_INVALID_ARGS;
	if (size == 0 || size > VMO_MAX_SIZE)
		return ERR_OUT_OF_RANGE;
	struct vmo *v = vmo_create(size);
	if (!v)
		return ERR_NO_MEMORY;
	/* MANAGE: the size may change (vmo_set_size); a holder that hands out
	 * duplicates without it keeps that to itself. */
	long err = give_handle(&v->obj,
			       VG_RIGHT_READ | VG_RIGHT_WRITE | VG_RIGHT_MAP | VG_RIGHT_DUPLICATE |
				       VG_RIGHT_TRANSFER | VG_RIGHT_MANAGE,
			       0, out);
	kobject_unref(&v->obj);
	return err;
}

/* A new VMO's handle for the caller, with the rights every VMO starts with;
 * the kernel's reference goes either way. */
static long give_vmo(struct vmo *v, vg_handle_t *out)
{
	if (!v)
		return ERR_NO_MEMORY;
	long err = give_handle(&v->obj, VMO_RIGHTS, 0, out);
	kobject_unref(&v->obj);
	return err;
}

/* VG_CACHE_* to the VM_* attribute of the PTEs; -1 for a bad value. */
static int cache_attr(uint32_t cache)
{
	switch (cache) {
	case VG_CACHE_CACHED: return 0;
	case VG_CACHE_UNCACHED: return VM_DEVICE;
	case VG_CACHE_WRITE_COMBINE: return VM_WC;
	default: return -1;
	}
}

long sys_vmo_create_physical(vg_handle_t resource, uint64_t paddr, uint64_t size, uint32_t cache,
			     vg_handle_t *out)
{
	int attr = cache_attr(cache);
	if (attr < 0 || (paddr & (PAGE_SIZE - 1)) || (size & (PAGE_SIZE - 1)))
		return ERR_INVALID_ARGS;
	if (size == 0 || size > VMO_MAX_SIZE || !range_valid(paddr, size))
		return ERR_OUT_OF_RANGE;
	int err = resource_check(resource, VG_RESOURCE_MMIO, paddr, size);
	if (err)
		return err;
	/* RAM belongs to the frame allocator: a view of it would read other
	 * processes' memory and the kernel's. Contiguous VMOs are the way to
	 * RAM with a known physical address. */
	if (pmm_overlaps_ram(paddr, paddr + size))
		return ERR_ACCESS_DENIED;
	return give_vmo(vmo_create_physical(paddr, size, (unsigned)attr), out);
}

long sys_vmo_create_contiguous(vg_handle_t resource, uint64_t size, uint32_t flags,
			       vg_handle_t *out)
{
	int attr = cache_attr(flags & VG_CACHE_MASK);
	if (attr < 0 || (flags & ~(VG_CACHE_MASK | VG_CONTIG_BELOW_4G)))
		return ERR_INVALID_ARGS;
	if (size == 0 || size > VMO_MAX_SIZE)
		return ERR_OUT_OF_RANGE;
	/* DMA reaches all of RAM without an IOMMU: whoever may drive a device
	 * (holds a memory resource) may have DMA buffers. */
	int err = resource_check_kind(resource, VG_RESOURCE_MMIO);
	if (err)
		return err;
	paddr_t limit = flags & VG_CONTIG_BELOW_4G ? 0x100000000ull : 0;
	return give_vmo(vmo_create_contiguous(size, (unsigned)attr, limit), out);
}

long sys_vmo_physical_address(vg_handle_t vmo, uint64_t offset, uint64_t *paddr)
{
	struct kobject *o;
	int err = current_handle(vmo, VG_OBJ_VMO, VG_RIGHT_READ, &o);
	if (err)
		return err;
	struct vmo *v = to_vmo(o);
	uint64_t pa = v->phys + offset;
	/* Anonymous pages move (copy-on-write) and are not pinned: no address
	 * a device could use. */
	if (v->kind == VMO_ANON)
		err = ERR_NOT_SUPPORTED;
	else if (offset >= v->size)
		err = ERR_OUT_OF_RANGE;
	else if (copy_to_user(paddr, &pa, sizeof(pa)))
		err = ERR_BAD_ADDRESS;
	kobject_unref(o);
	return err;
}

long sys_vmo_create_child(vg_handle_t vmo, uint64_t offset, uint64_t size, uint32_t flags,
			  vg_handle_t *out)
{
	struct kobject *o;
	int err = current_handle(vmo, VG_OBJ_VMO, VG_RIGHT_READ, &o);
	if (err)
		return err;
	struct vmo *child;
	err = vmo_create_child(to_vmo(o), offset, size, flags, &child);
	kobject_unref(o);
	return err ? err : give_vmo(child, out);
}

long sys_vmo_set_size(vg_handle_t vmo, uint64_t size)
{
	struct kobject *o;
	int err = current_handle(vmo, VG_OBJ_VMO, VG_RIGHT_MANAGE, &o);
	if (err)
		return err;
	err = vmo_set_size(to_vmo(o), size);
	kobject_unref(o);
	return err;
}

/* sys_vmo_read and sys_vmo_write: the handle checked for the right the
 * direction needs, the copy in vmo_user.c. */
static long vmo_user_call(vg_handle_t h, uint64_t offset, void *buf, size_t len, bool write)
{
	struct kobject *o;
	int err = current_handle(h, VG_OBJ_VMO, write ? VG_RIGHT_WRITE : VG_RIGHT_READ, &o);
	if (err)
		return err;
	long ret = vmo_user_io(to_vmo(o), offset, buf, len, write);
	kobject_unref(o);
	return ret;
}

long sys_vmo_read(vg_handle_t vmo, uint64_t offset, void *buf, size_t len)
{
	return vmo_user_call(vmo, offset, buf, len, false);
}

long sys_vmo_write(vg_handle_t vmo, uint64_t offset, const void *buf, size_t len)
{
	return vmo_user_call(vmo, offset, (void *)(uintptr_t)buf, len, true);
}

/* vm_map's and vm_protect's protection flags as VM_* (write implies read). */
static unsigned vm_prot(uint32_t flags)
{
	return (flags & VG_VM_READ ? VM_READ : 0) | (flags & VG_VM_WRITE ? VM_WRITE | VM_READ : 0) |
		(flags & VG_VM_EXEC ? VM_EXEC : 0);
}

long sys_vm_map(vg_handle_t process, vg_handle_t vmo, uint64_t offset, uint64_t len, uint32_t flags,
		uintptr_t *addr)
{
	if (flags &
	    ~(VG_VM_READ | VG_VM_WRITE | VG_VM_EXEC | VG_VM_FIXED | VG_VM_SHARED | VG_VM_POPULATE |
	      VG_VM_PAST_END))
		return ERR_INVALID_ARGS;
	uintptr_t at = 0;
	if ((flags & VG_VM_FIXED) && copy_from_user(&at, addr, sizeof(at)))
		return ERR_BAD_ADDRESS;
	struct kobject *po, *vo;
	int err = current_handle(process, VG_OBJ_PROCESS, VG_RIGHT_MAP, &po);
	if (err)
		return err;
	/* The VMO's rights bound the mapping's: no writable view of a read-only
	 * handle. */
	uint32_t need = VG_RIGHT_MAP | (flags & VG_VM_READ ? VG_RIGHT_READ : 0) |
		(flags & VG_VM_WRITE ? VG_RIGHT_WRITE : 0);
	struct handle_entry entry;
	err = handle_lookup(&current_process()->handles, vmo, VG_OBJ_VMO, need, &vo, &entry);
	if (!err) {
		vaddr_t va = at;
		unsigned prot = vm_prot(flags);
		/* The handle's rights also bound what vm_protect may give. */
		unsigned max = VM_EXEC | (entry.rights & VG_RIGHT_READ ? VM_READ : 0) |
			(entry.rights & VG_RIGHT_WRITE ? VM_WRITE : 0);
		unsigned opts = (flags & VG_VM_FIXED ? ASPACE_FIXED : 0) |
			(flags & VG_VM_SHARED ? ASPACE_SHARED : 0) |
			(flags & VG_VM_POPULATE ? ASPACE_POPULATE : 0) |
			(flags & VG_VM_PAST_END ? ASPACE_PAST_END : 0) | (max << ASPACE_MAX_SHIFT);
		struct process *p = to_process(po);
		err = p->dead ? ERR_PEER_CLOSED
			      : aspace_map(&p->as, &va, len, prot, to_vmo(vo), offset, opts);
		at = va;
		kobject_unref(vo);
		if (!err && copy_to_user(addr, &at, sizeof(at))) {
			aspace_unmap(&p->as, va, len);
			err = ERR_BAD_ADDRESS;
		}
	}
	kobject_unref(po);
	return err;
}

long sys_vm_unmap(vg_handle_t process, uintptr_t addr, uint64_t len)
{
	struct kobject *po;
	int err = current_handle(process, VG_OBJ_PROCESS, VG_RIGHT_MAP, &po);
	if (err)
		return err;
	struct process *p = to_process(po);
	err = p->dead ? ERR_PEER_CLOSED : aspace_unmap(&p->as, addr, len);
	kobject_unref(po);
	return err;
}

long sys_vm_protect(vg_handle_t process, uintptr_t addr, uint64_t len, uint32_t flags)
{
	if (flags & ~(VG_VM_READ | VG_VM_WRITE | VG_VM_EXEC))
		return ERR_INVALID_ARGS;
	struct kobject *po;
	int err = current_handle(process, VG_OBJ_PROCESS, VG_RIGHT_MAP, &po);
	if (err)
		return err;
	struct process *p = to_process(po);
	err = p->dead ? ERR_PEER_CLOSED : aspace_protect(&p->as, addr, len, vm_prot(flags));
	kobject_unref(po);
	return err;
}

long sys_vm_clone(vg_handle_t src, vg_handle_t dst)
{
	struct kobject *so, *d;
	int err = current_handle(src, VG_OBJ_PROCESS, VG_RIGHT_MAP, &so);
	if (err)
		return err;
	err = current_handle(dst, VG_OBJ_PROCESS, VG_RIGHT_MAP, &d);
	if (!err) {
		err = so == d ? ERR_INVALID_ARGS
			      : aspace_clone(&to_process(so)->as, &to_process(d)->as);
		kobject_unref(d);
	}
	kobject_unref(so);
	return err;
}
