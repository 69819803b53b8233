// SPDX-License-Identifier: BSD-2-Clause
#include <kernel/aspace.h>
#include <kernel/hal.h>
#include <kernel/heap.h>
#include <kernel/pagetable.h>
#include <kernel/pmm.h>
#include <kernel/vm.h>
#include <verdigris/errors.h>

int aspace_init(struct aspace *as)
{
	as->root = pt_alloc_table();
	if (!as->root)
		return ERR_NO_MEMORY;
	arch_aspace_init_root(pt_table_virt(as->root), pt_table_virt(vm_kernel_root()));
	list_init(&as->vmas);
	return 0;
}

static void vma_free(struct vma *m)
{
	irqflags_t f = vmo_lock();
	list_remove(&m->link);
	list_remove(&m->vmo_link);
	vmo_unlock(f);
	/* Outside the lock: the last reference destroys the VMO. */
	kobject_unref(&m->vmo->obj);
	kfree(m);
}

/* The PTE protection of a mapping's pages: its own, user, and the VMO's
 * cache attribute. */
static unsigned pte_prot(const struct vma *m)
{
	return m->prot | VM_USER | m->vmo->cache;
}

void vma_write_protect(struct vma *m)
{
	if (!(m->prot & VM_WRITE))
		return;
	/* Only 4 KiB leaves exist in user space, so no split can fail. */
	pt_protect(m->as->root, m->start, m->end - m->start, pte_prot(m) & ~VM_WRITE);
	arch_tlb_flush_all();
}

void vma_drop_page(struct vma *m, uint64_t off)
{
	if (off < m->offset || off - m->offset >= m->end - m->start)
		return;
	vaddr_t va = m->start + (off - m->offset);
	pt_unmap(m->as->root, va, PAGE_SIZE);
	arch_tlb_flush_page(va);
}

void aspace_destroy(struct aspace *as)
{
	while (!list_empty(&as->vmas))
		vma_free(list_entry(as->vmas.next, struct vma, link));
	pt_free_tables(as->root, USER_TOP);
	pmm_free(as->root, 1);
	as->root = 0;
}

static bool range_ok(vaddr_t va, uint64_t len)
{
	return len && !(va & (PAGE_SIZE - 1)) && !(len & (PAGE_SIZE - 1)) && va >= USER_BASE &&
		va < USER_TOP && len <= USER_TOP - va;
}

/* The first mapping that ends above va (or the list head). */
static struct list *first_after(struct aspace *as, vaddr_t va)
{
	struct list *pos = as->vmas.next;
	while (pos != &as->vmas && list_entry(pos, struct vma, link)->end <= va)
		pos = pos->next;
	return pos;
}

static bool range_free(struct aspace *as, vaddr_t va, uint64_t len)
{
	struct list *pos = first_after(as, va);
	return pos == &as->vmas || list_entry(pos, struct vma, link)->start >= va + len;
}

static vaddr_t find_gap(struct aspace *as, uint64_t len)
{
	vaddr_t va = ASPACE_ALLOC_BASE;
	for (struct list *pos = as->vmas.next; pos != &as->vmas; pos = pos->next) {
		struct vma *m = list_entry(pos, struct vma, link);
		if (m->end <= va)
			continue;
		if (m->start >= va + len)
			break;
		va = m->end + PAGE_SIZE; /* keep an unmapped guard page between */
	}
	return range_ok(va, len) ? va : 0;
}

int aspace_map(struct aspace *as, vaddr_t *va, uint64_t len, unsigned prot, struct vmo *vmo,
	       uint64_t offset, bool fixed)
{
	if ((prot & VM_WRITE) && (prot & VM_EXEC))
		return ERR_ACCESS_DENIED;
	if (prot & ~(VM_READ | VM_WRITE | VM_EXEC))
		return ERR_INVALID_ARGS;
	if (len == 0 || (len & (PAGE_SIZE - 1)) || (offset & (PAGE_SIZE - 1)) ||
	    offset > vmo->size || len > vmo->size - offset)
		return ERR_INVALID_ARGS;
	vaddr_t at = *va;
	if (fixed) {
		if (!range_ok(at, len))
			return ERR_INVALID_ARGS;
		if (!range_free(as, at, len))
			return ERR_EXISTS;
	} else if (!(at = find_gap(as, len))) {
		return ERR_NO_MEMORY;
	}
	struct vma *m = kzalloc(sizeof(*m));
	if (!m)
		return ERR_NO_MEMORY;
	m->start = at;
	m->end = at + len;
	m->prot = prot;
	m->vmo = vmo;
	m->offset = offset;
	m->as = as;
	kobject_ref(&vmo->obj);
	irqflags_t f = vmo_lock();
	list_insert_before(first_after(as, at), &m->link);
	list_push_back(&vmo->mappings, &m->vmo_link);
	vmo_unlock(f);
	*va = at;
	return 0;
}

int aspace_unmap(struct aspace *as, vaddr_t va, uint64_t len)
{
	if (!range_ok(va, len))
		return ERR_INVALID_ARGS;
	vaddr_t end = va + len;
	struct list *pos = first_after(as, va);
	while (pos != &as->vmas) {
		struct vma *m = list_entry(pos, struct vma, link);
		pos = pos->next;
		if (m->start >= end)
			break;
		if (m->start < va && m->end > end) {
			/* A hole in the middle: the tail becomes its own mapping. */
			struct vma *tail = kzalloc(sizeof(*tail));
			if (!tail)
				return ERR_NO_MEMORY;
			kobject_ref(&m->vmo->obj);
			irqflags_t f = vmo_lock();
			*tail = *m;
			tail->start = end;
			tail->offset = m->offset + (end - m->start);
			list_insert_before(pos, &tail->link);
			list_push_back(&m->vmo->mappings, &tail->vmo_link);
			m->end = va;
			vmo_unlock(f);
		} else if (m->start < va) {
			irqflags_t f = vmo_lock();
			m->end = va;
			vmo_unlock(f);
		} else if (m->end > end) {
			irqflags_t f = vmo_lock();
			m->offset += end - m->start;
			m->start = end;
			vmo_unlock(f);
		} else {
			vma_free(m);
		}
	}
	int err = pt_unmap(as->root, va, len);
	arch_tlb_flush_all();
	return err;
}

/* Puts pa at page for mapping m, read-only while the page is shared
 * (its first write comes back here and copies). Under vmo_lock. */
static int map_fault_page(struct aspace *as, struct vma *m, vaddr_t page, paddr_t pa, bool writable)
{
	unsigned prot = writable ? pte_prot(m) : pte_prot(m) & ~VM_WRITE;
	paddr_t old;
	unsigned old_prot;
	if (pt_query(as->root, page, &old, &old_prot) == 0) {
		/* Present already: the page was copied or has become writable.
		 * The same page with the same write permission faulting again
		 * would loop forever: treat it as the protection fault it is. */
		if (old == pa && (old_prot & VM_WRITE) == (prot & VM_WRITE))
			return ERR_ACCESS_DENIED;
		pt_unmap(as->root, page, PAGE_SIZE);
		arch_tlb_flush_page(page);
	}
	int err = pt_map(as->root, page, pa, PAGE_SIZE, prot);
	arch_tlb_flush_page(page);
	return err;
}

/* The mapping holding va, if its protection allows access. */
static int vma_for(struct aspace *as, vaddr_t va, unsigned access, struct vma **out)
{
	struct list *pos = first_after(as, va);
	if (pos == &as->vmas)
		return ERR_NOT_FOUND;
	struct vma *m = list_entry(pos, struct vma, link);
	if (va < m->start)
		return ERR_NOT_FOUND;
	if ((access & m->prot) != access)
		return ERR_ACCESS_DENIED; /* a protection fault: reported, not fixed */
	*out = m;
	return 0;
}

int aspace_pin_page(struct aspace *as, vaddr_t va, unsigned access, struct vmo **vmo, size_t *index,
		    paddr_t *pa)
{
	struct vma *m;
	int err = vma_for(as, va, access, &m);
	if (err)
		return err;
	bool writable;
	*index = (size_t)((ALIGN_DOWN(va, PAGE_SIZE) - m->start + m->offset) / PAGE_SIZE);
	*pa = vmo_fault_page(m->vmo, *index, access & VM_WRITE, &writable);
	if (!*pa)
		return ERR_NO_MEMORY;
	kobject_ref(&m->vmo->obj);
	*vmo = m->vmo;
	return 0;
}

int aspace_fault(struct aspace *as, vaddr_t va, unsigned access)
{
	struct vma *m;
	int err = vma_for(as, va, access, &m);
	if (err)
		return err;
	vaddr_t page = ALIGN_DOWN(va, PAGE_SIZE);
	size_t index = (size_t)((page - m->start + m->offset) / PAGE_SIZE);
	for (;;) {
		bool writable;
		paddr_t pa = vmo_fault_page(m->vmo, index, access & VM_WRITE, &writable);
		if (!pa)
			return ERR_NO_MEMORY;
		/* The page table changes under the VMO lock, and only if the page
		 * is still the VMO's: a copy made by someone else since (we may
		 * have been preempted) would otherwise leave this mapping on a
		 * page the VMO no longer holds. */
		irqflags_t f = vmo_lock();
		if (!vmo_page_current(m->vmo, index, pa, writable)) {
			vmo_unlock(f);
			continue;
		}
		err = map_fault_page(as, m, page, pa, writable);
		vmo_unlock(f);
		return err;
	}
}
