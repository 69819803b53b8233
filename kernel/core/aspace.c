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
	list_remove(&m->link);
	kobject_unref(&m->vmo->obj);
	kfree(m);
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
	kobject_ref(&vmo->obj);
	list_insert_before(first_after(as, at), &m->link);
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
			*tail = *m;
			tail->start = end;
			tail->offset = m->offset + (end - m->start);
			kobject_ref(&m->vmo->obj);
			list_insert_before(pos, &tail->link);
			m->end = va;
		} else if (m->start < va) {
			m->end = va;
		} else if (m->end > end) {
			m->offset += end - m->start;
			m->start = end;
		} else {
			vma_free(m);
		}
	}
	int err = pt_unmap(as->root, va, len);
	arch_tlb_flush_all();
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
		return ERR_ACCESS_DENIED;
	*out = m;
	return 0;
}

static paddr_t vma_commit(struct vma *m, vaddr_t page)
{
	return vmo_commit_page(m->vmo, (size_t)((page - m->start + m->offset) / PAGE_SIZE));
}

int aspace_pin_page(struct aspace *as, vaddr_t va, unsigned access, struct vmo **vmo, paddr_t *pa)
{
	struct vma *m;
	int err = vma_for(as, va, access, &m);
	if (err)
		return err;
	*pa = vma_commit(m, ALIGN_DOWN(va, PAGE_SIZE));
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
	paddr_t pa = vma_commit(m, page);
	if (!pa)
		return ERR_NO_MEMORY;
	err = pt_map(as->root, page, pa, PAGE_SIZE, m->prot | VM_USER);
	if (err == ERR_EXISTS)
		return ERR_ACCESS_DENIED; /* mapped and still faulting: a protection fault */
	arch_tlb_flush_page(page);
	return err;
}
