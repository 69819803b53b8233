// SPDX-License-Identifier: BSD-2-Clause
// Address spaces. Lock order (aspace.h): aspace lock, then vmo_lock, then
// the frame allocator's and heap's; the VMO side's reverse walks hold only
// vmo_lock, so every user PTE change here is made under vmo_lock too.
#include <kernel/aspace.h>
#include <kernel/hal.h>
#include <kernel/heap.h>
#include <kernel/pagetable.h>
#include <kernel/pmm.h>
#include <kernel/vm.h>
#include <verdigris/errors.h>

int aspace_init(struct aspace *as)
{
	as->lock = (spinlock_t)SPINLOCK_INIT;
	list_init(&as->vmas);
	as->root = pt_alloc_table();
	if (!as->root)
		return ERR_NO_MEMORY;
	arch_aspace_init_root(pt_table_virt(as->root), pt_table_virt(vm_kernel_root()));
	return 0;
}

/* Takes m out of its address space and its VMO's reverse map onto dead
 * (its link reused). Under the aspace lock and vmo_lock, after its page
 * table entries are gone. */
static void vma_detach(struct vma *m, struct list *dead)
{
	list_remove(&m->link);
	list_remove(&m->vmo_link);
	list_push_back(dead, &m->link);
}

/* Releases detached mappings, with no lock held: the last reference
 * destroys the VMO and frees its pages. */
static void vmas_release(struct list *dead)
{
	while (!list_empty(dead)) {
		struct vma *m = list_entry(dead->next, struct vma, link);
		list_remove(&m->link);
		kobject_unref(&m->vmo->obj);
		kfree(m);
	}
}

/* The PTE protection of a mapping's pages: its own, user, and the VMO's
 * cache attribute. */
static unsigned pte_prot(const struct vma *m)
{
	return m->prot | VM_USER | m->vmo->cache;
}

/* The pages of m (numbered from its start) over its VMO's committed
 * range [lo, hi): only they can have entries (an 8 MiB stack's few used
 * pages). False when there are none. Under vmo_lock. */
static bool committed_part(const struct vma *m, size_t *from, size_t *to)
{
	size_t first = (size_t)(m->offset / PAGE_SIZE);
	size_t n = (size_t)((m->end - m->start) / PAGE_SIZE);
	*from = m->vmo->lo > first ? m->vmo->lo - first : 0;
	*to = m->vmo->hi > first ? MIN(m->vmo->hi - first, n) : 0;
	return *from < *to;
}

/* The pages of writable mapping m over the pages pinned in v (m's VMO, or
 * the one m's is a snapshot of, m mapping v's offset v_offset at its
 * start) made writable again where m's VMO has a page of its own there:
 * v's own pinned page, or the copy a snapshot got of it (vmo.h: neither is
 * ever shared, so the write fault that would come would only do the
 * same). Entries not present stay so. Under vmo_lock. */
static void pinned_writable(const struct vma *m, const struct vmo *v, uint64_t v_offset)
{
	uint64_t len = m->end - m->start;
	for (const struct list *l = v->pins.next; l != &v->pins; l = l->next) {
		const struct vmo_pin *pin = list_entry(l, struct vmo_pin, link);
		uint64_t off = (uint64_t)pin->index * PAGE_SIZE;
		if (pin->dropped || off < v_offset || off - v_offset >= len)
			continue;
		size_t i = (size_t)((m->offset + off - v_offset) / PAGE_SIZE);
		paddr_t pa = i < m->vmo->npages ? m->vmo->pages[i] : 0;
		/* A snapshot's page is its copy only if it differs from the
		 * pinned one (a pin taken after the snapshot shares it). */
		if (!pa || (m->vmo != v && (pa == pin->pa || pmm_page_shared(pa))))
			continue;
		pt_protect(m->as->root, m->start + off - v_offset, PAGE_SIZE, pte_prot(m));
	}
}

void vma_write_protect(struct vma *m)
{
	size_t from, to;
	if (!(m->prot & VM_WRITE) || !committed_part(m, &from, &to))
		return;
	/* Only 4 KiB leaves exist in user space, so no split can fail. */
	pt_protect(m->as->root, m->start + from * PAGE_SIZE, (to - from) * PAGE_SIZE,
		   pte_prot(m) & ~VM_WRITE);
	pinned_writable(m, m->vmo, m->offset);
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
	struct list dead = LIST_INIT(dead);
	irqflags_t af = spin_lock_irqsave(&as->lock);
	paddr_t root = as->root;
	/* Out of the reverse maps first: after this no VMO walks into these
	 * tables, and with root 0 nothing else here does either. */
	irqflags_t f = vmo_lock();
	while (!list_empty(&as->vmas))
		vma_detach(list_entry(as->vmas.next, struct vma, link), &dead);
	as->root = 0;
	vmo_unlock(f);
	spin_unlock_irqrestore(&as->lock, af);
	if (root) {
		pt_free_tables(root, USER_TOP);
		pt_free_table(root);
	}
	vmas_release(&dead);
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

void aspace_memory_key(struct aspace *as, vaddr_t va, uintptr_t *object, uint64_t *offset)
{
	*object = (uintptr_t)as;
	*offset = va;
	irqflags_t f = spin_lock_irqsave(&as->lock);
	struct list *pos = as->root ? first_after(as, va) : NULL;
	if (pos && pos != &as->vmas) {
		const struct vma *m = list_entry(pos, struct vma, link);
		if (m->start <= va) {
			*object = (uintptr_t)m->vmo;
			*offset = m->offset + (va - m->start);
		}
	}
	spin_unlock_irqrestore(&as->lock, f);
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

/* ASPACE_POPULATE: m's pages that its VMO holds already, entered
 * read-only (a write faults and copy-on-write decides; a shared page must
 * not become writable here). Under the aspace lock and vmo_lock. */
static void populate(struct aspace *as, const struct vma *m)
{
	if (m->vmo->kind != VMO_ANON || !(m->prot & (VM_READ | VM_EXEC)))
		return;
	size_t from, to;
	/* A failed table allocation just leaves the rest to their faults. */
	if (committed_part(m, &from, &to))
		pt_map_pages(as->root, m->start + from * PAGE_SIZE,
			     m->vmo->pages + m->offset / PAGE_SIZE + from, to - from,
			     pte_prot(m) & ~VM_WRITE);
}

int aspace_map(struct aspace *as, vaddr_t *va, uint64_t len, unsigned prot, struct vmo *vmo,
	       uint64_t offset, unsigned opts)
{
	bool fixed = opts & ASPACE_FIXED;
	unsigned max_prot = opts >> ASPACE_MAX_SHIFT;
	if ((prot & VM_WRITE) && (prot & VM_EXEC))
		return ERR_ACCESS_DENIED;
	if (prot & ~(VM_READ | VM_WRITE | VM_EXEC))
		return ERR_INVALID_ARGS;
	/* PAST_END: the VMO may end anywhere before the mapping does, even
	 * before it starts (a file mapped at an offset past its end). */
	if (len == 0 || (len & (PAGE_SIZE - 1)) || (offset & (PAGE_SIZE - 1)) ||
	    (!(opts & ASPACE_PAST_END) ? offset > vmo->size || len > vmo->size - offset
				       : offset > VMO_MAX_SIZE || len > VMO_MAX_SIZE))
		return ERR_INVALID_ARGS;
	vaddr_t at = *va;
	if (fixed && !range_ok(at, len))
		return ERR_INVALID_ARGS;
	/* Allocated before the lock: nothing under it allocates from the heap
	 * for long, and a failure needs no undoing. */
	struct vma *m = kzalloc(sizeof(*m));
	if (!m)
		return ERR_NO_MEMORY;
	int err = 0;
	irqflags_t af = spin_lock_irqsave(&as->lock);
	if (!as->root)
		err = ERR_PEER_CLOSED;
	else if (fixed && !range_free(as, at, len))
		err = ERR_EXISTS;
	else if (as->mapped_max && as->mapped + len > as->mapped_max)
		err = ERR_NO_MEMORY;
	else if (!fixed && !(at = find_gap(as, len)))
		err = ERR_NO_MEMORY;
	if (!err) {
		as->mapped += len;
		m->start = at;
		m->end = at + len;
		m->prot = prot;
		m->max_prot = max_prot | prot;
		m->shared = opts & ASPACE_SHARED;
		m->vmo = vmo;
		m->offset = offset;
		m->as = as;
		kobject_ref(&vmo->obj);
		irqflags_t f = vmo_lock();
		list_insert_before(first_after(as, at), &m->link);
		list_push_back(&vmo->mappings, &m->vmo_link);
		/* The range was free: no entry there to replace. */
		if (opts & ASPACE_POPULATE)
			populate(as, m);
		vmo_unlock(f);
	}
	spin_unlock_irqrestore(&as->lock, af);
	if (err) {
		kfree(m);
		return err;
	}
	*va = at;
	return 0;
}

int aspace_clone(struct aspace *src, struct aspace *dst)
{
	irqflags_t f = spin_lock_irqsave(&dst->lock);
	int err = !dst->root ? ERR_PEER_CLOSED : list_empty(&dst->vmas) ? 0 : ERR_BAD_STATE;
	spin_unlock_irqrestore(&dst->lock, f);
	/* One mapping at a time, each read under src's lock and copied
	 * outside it: the two address spaces' locks are never held together
	 * (two clones in opposite directions cannot deadlock), and the heap
	 * allocations of the copy happen under no spinlock. */
	for (vaddr_t cursor = 0; !err;) {
		f = spin_lock_irqsave(&src->lock);
		struct list *pos = src->root ? first_after(src, cursor) : NULL;
		struct vma m = { 0 };
		if (pos && pos != &src->vmas) {
			m = *list_entry(pos, struct vma, link);
			kobject_ref(&m.vmo->obj);
		}
		spin_unlock_irqrestore(&src->lock, f);
		if (!pos)
			return ERR_PEER_CLOSED;
		if (!m.vmo)
			break;
		struct vmo *copy = m.vmo;
		uint64_t offset = m.offset;
		/* Mappings nothing can write through (code and constants mapped
		 * from a read-only handle, the boot archive) are shared, which
		 * costs nothing per page, and so are MAP_SHARED ones: they stay
		 * one memory. A private one that is or may become writable
		 * (aspace_protect) is a snapshot. */
		if (m.vmo->kind == VMO_ANON && !m.shared && (m.max_prot & VM_WRITE)) {
			err = vmo_create_child(m.vmo, m.offset, m.end - m.start, VG_CHILD_UP_TO_END,
					       &copy);
			offset = 0;
		} else {
			kobject_ref(&copy->obj);
		}
		if (!err) {
			vaddr_t at = m.start;
			/* The pages the source has are entered read-only now,
			 * as copying the page tables would: the child's reads
			 * (its code, above all) do not fault, and its first
			 * write to a page faults once to copy it. */
			unsigned opts = ASPACE_FIXED | ASPACE_POPULATE | ASPACE_PAST_END |
				(m.shared ? ASPACE_SHARED : 0) | (m.max_prot << ASPACE_MAX_SHIFT);
			err = aspace_map(dst, &at, m.end - m.start, m.prot, copy, offset, opts);
			if (!err && copy != m.vmo && (m.prot & VM_WRITE)) {
				/* The copies of pages pinned in the source (IPC
				 * buffers) are the child's alone: writable now,
				 * not on a first write's fault. */
				f = spin_lock_irqsave(&dst->lock);
				irqflags_t vf = vmo_lock();
				struct list *d = first_after(dst, at);
				struct vma *dm = list_entry(d, struct vma, link);
				if (d != &dst->vmas && dm->start == at && dm->vmo == copy)
					pinned_writable(dm, m.vmo, m.offset);
				vmo_unlock(vf);
				spin_unlock_irqrestore(&dst->lock, f);
			}
			kobject_unref(&copy->obj);
		}
		kobject_unref(&m.vmo->obj);
		cursor = m.end;
	}
	return err;
}

void aspace_usage(struct aspace *as, uint64_t *mapped, uint64_t *committed, uint64_t *tables)
{
	*mapped = *committed = *tables = 0;
	irqflags_t af = spin_lock_irqsave(&as->lock);
	irqflags_t f = vmo_lock();
	for (struct list *l = as->vmas.next; as->root && l != &as->vmas; l = l->next) {
		const struct vma *m = list_entry(l, struct vma, link);
		*mapped += m->end - m->start;
		size_t first = (size_t)(m->offset / PAGE_SIZE);
		size_t n = (size_t)((m->end - m->start) / PAGE_SIZE);
		if (m->vmo->kind != VMO_ANON)
			*committed += (uint64_t)n * PAGE_SIZE;
		else
			for (size_t i = MAX(first, m->vmo->lo); i < MIN(first + n, m->vmo->hi); i++)
				*committed += m->vmo->pages[i] ? PAGE_SIZE : 0;
	}
	vmo_unlock(f);
	/* The tables change only under the aspace lock. */
	if (as->root)
		*tables = pt_count_tables(as->root, USER_TOP);
	spin_unlock_irqrestore(&as->lock, af);
}

int aspace_unmap(struct aspace *as, vaddr_t va, uint64_t len)
{
	if (!range_ok(va, len))
		return ERR_INVALID_ARGS;
	vaddr_t end = va + len;
	/* At most one mapping is split in two (one that covers the whole
	 * range and more on both sides): its tail is allocated up front. */
	struct vma *tail = kzalloc(sizeof(*tail));
	if (!tail)
		return ERR_NO_MEMORY;
	struct list dead = LIST_INIT(dead);
	irqflags_t af = spin_lock_irqsave(&as->lock);
	if (!as->root) {
		spin_unlock_irqrestore(&as->lock, af);
		kfree(tail);
		return ERR_PEER_CLOSED;
	}
	/* The entries go first, and the TLB with them, all in one vmo_lock
	 * section with the vma changes: until the mappings are released no
	 * thread can still reach their pages through a stale entry, and no
	 * reverse walk sees a half-done change. */
	irqflags_t f = vmo_lock();
	int err = pt_unmap(as->root, va, len);
	/* Tables left empty go too, once the TLB has forgotten them. */
	paddr_t pruned = err ? 0 : pt_prune(as->root, va, len);
	arch_tlb_flush_all();
	if (err) {
		/* Only a block split can fail, and user space has none. What
		 * was cleared faults back in. */
		vmo_unlock(f);
		spin_unlock_irqrestore(&as->lock, af);
		kfree(tail);
		return err;
	}
	struct list *pos = first_after(as, va);
	while (pos != &as->vmas) {
		struct vma *m = list_entry(pos, struct vma, link);
		pos = pos->next;
		if (m->start >= end)
			break;
		if (m->start < va && m->end > end) {
			/* A hole in the middle: the tail becomes its own mapping. */
			kobject_ref(&m->vmo->obj);
			*tail = *m;
			tail->start = end;
			tail->offset = m->offset + (end - m->start);
			list_insert_before(pos, &tail->link);
			list_push_back(&m->vmo->mappings, &tail->vmo_link);
			tail = NULL;
			m->end = va;
			as->mapped -= len;
		} else if (m->start < va) {
			as->mapped -= m->end - va;
			m->end = va;
		} else if (m->end > end) {
			as->mapped -= end - m->start;
			m->offset += end - m->start;
			m->start = end;
		} else {
			as->mapped -= m->end - m->start;
			vma_detach(m, &dead);
		}
	}
	vmo_unlock(f);
	spin_unlock_irqrestore(&as->lock, af);
	pt_free_pruned(pruned);
	kfree(tail);
	vmas_release(&dead);
	return 0;
}

/* Splits m at va (inside it): its part from va becomes spare, linked
 * after it. Under the aspace lock and vmo_lock. */
static void vma_split(struct vma *m, vaddr_t va, struct vma *spare)
{
	kobject_ref(&m->vmo->obj);
	*spare = *m;
	spare->start = va;
	spare->offset = m->offset + (va - m->start);
	list_insert_before(m->link.next, &spare->link);
	list_push_back(&m->vmo->mappings, &spare->vmo_link);
	m->end = va;
}

/* Whether mappings cover [va, end) without a gap, each allowing prot. */
static int protect_check(struct aspace *as, vaddr_t va, vaddr_t end, unsigned prot)
{
	vaddr_t cur = va;
	for (struct list *pos = first_after(as, va); pos != &as->vmas && cur < end;
	     pos = pos->next) {
		const struct vma *m = list_entry(pos, struct vma, link);
		if (m->start > cur)
			return ERR_NOT_FOUND;
		if (prot & ~m->max_prot)
			return ERR_ACCESS_DENIED;
		cur = m->end;
	}
	return cur < end ? ERR_NOT_FOUND : 0;
}

int aspace_protect(struct aspace *as, vaddr_t va, uint64_t len, unsigned prot)
{
	if (!range_ok(va, len) || (prot & ~(VM_READ | VM_WRITE | VM_EXEC)))
		return ERR_INVALID_ARGS;
	if ((prot & VM_WRITE) && (prot & VM_EXEC))
		return ERR_ACCESS_DENIED;
	vaddr_t end = va + len;
	/* At most two splits, one at each end: allocated up front. */
	struct vma *spare[2] = { kzalloc(sizeof(struct vma)), kzalloc(sizeof(struct vma)) };
	int err = spare[0] && spare[1] ? 0 : ERR_NO_MEMORY;
	irqflags_t af = spin_lock_irqsave(&as->lock);
	if (!err)
		err = as->root ? protect_check(as, va, end, prot) : ERR_PEER_CLOSED;
	/* The entries go (they fault back in with the new protection) in the
	 * same vmo_lock section as the vma changes, as in aspace_unmap. */
	irqflags_t f = vmo_lock();
	if (!err && !(err = pt_unmap(as->root, va, len))) {
		arch_tlb_flush_all();
		int used = 0;
		for (struct list *pos = first_after(as, va); pos != &as->vmas; pos = pos->next) {
			struct vma *m = list_entry(pos, struct vma, link);
			if (m->start >= end)
				break;
			if (m->start < va) {
				vma_split(m, va, spare[used++]);
				continue; /* the part from va comes next */
			}
			if (m->end > end)
				vma_split(m, end, spare[used++]);
			m->prot = prot;
		}
		for (int i = 0; i < used; i++)
			spare[i] = NULL;
	}
	vmo_unlock(f);
	spin_unlock_irqrestore(&as->lock, af);
	kfree(spare[0]);
	kfree(spare[1]);
	return err;
}

/* Puts pa at page for mapping m, read-only while the page is shared
 * (its first write comes back here and copies). Under the aspace lock and
 * vmo_lock. */
static int map_fault_page(struct aspace *as, struct vma *m, vaddr_t page, paddr_t pa, bool writable)
{
	unsigned prot = writable ? pte_prot(m) : pte_prot(m) & ~VM_WRITE;
	paddr_t old;
	unsigned old_prot;
	if (pt_query(as->root, page, &old, &old_prot) == 0) {
		/* Present already: the page was copied or has become writable.
		 * An entry that allows the access was dealt with as spurious
		 * before (aspace_fault); the same page with the same write
		 * permission here would fault again forever, so it stays a
		 * protection fault. */
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
	irqflags_t af = spin_lock_irqsave(&as->lock);
	int err = as->root ? vma_for(as, va, access, &m) : ERR_NOT_FOUND;
	if (!err) {
		bool writable;
		*index = (size_t)((ALIGN_DOWN(va, PAGE_SIZE) - m->start + m->offset) / PAGE_SIZE);
		*pa = vmo_fault_page(m->vmo, *index, access & VM_WRITE, &writable);
		if (*pa) {
			kobject_ref(&m->vmo->obj);
			*vmo = m->vmo;
		} else {
			err = ERR_NO_MEMORY;
		}
	}
	spin_unlock_irqrestore(&as->lock, af);
	return err;
}

/* Whether page's entry already allows access: the fault was spurious
 * (another thread got there first, or the TLB held an older entry), and
 * flushing the entry is all it takes. Under vmo_lock. */
static bool fault_spurious(struct aspace *as, vaddr_t page, unsigned access)
{
	paddr_t pa;
	unsigned prot;
	if (pt_query(as->root, page, &pa, &prot) || (prot & access) != access)
		return false;
	arch_tlb_flush_page(page);
	return true;
}

static int fault_locked(struct aspace *as, vaddr_t va, unsigned access)
{
	struct vma *m;
	int err = as->root ? vma_for(as, va, access, &m) : ERR_NOT_FOUND;
	if (err)
		return err;
	vaddr_t page = ALIGN_DOWN(va, PAGE_SIZE);
	irqflags_t f = vmo_lock();
	bool spurious = fault_spurious(as, page, access);
	vmo_unlock(f);
	if (spurious)
		return 0;
	size_t index = (size_t)((page - m->start + m->offset) / PAGE_SIZE);
	for (;;) {
		bool writable;
		paddr_t pa = vmo_fault_page(m->vmo, index, access & VM_WRITE, &writable);
		if (!pa) /* past the VMO's end (a mapping may reach beyond it) */
			return index >= vmo_page_count(m->vmo) ? ERR_OUT_OF_RANGE : ERR_NO_MEMORY;
		/* The page table changes under the VMO lock, and only if the page
		 * is still the VMO's: a copy made since vmo_fault_page let go of
		 * the lock (through another address space mapping the VMO, or
		 * vmo_write, on another CPU) would otherwise leave this mapping
		 * on a page the VMO no longer holds. */
		f = vmo_lock();
		if (!vmo_page_current(m->vmo, index, pa, writable)) {
			vmo_unlock(f);
			continue;
		}
		err = map_fault_page(as, m, page, pa, writable);
		vmo_unlock(f);
		return err;
	}
}

int aspace_fault(struct aspace *as, vaddr_t va, unsigned access)
{
	irqflags_t af = spin_lock_irqsave(&as->lock);
	int err = fault_locked(as, va, access);
	spin_unlock_irqrestore(&as->lock, af);
	return err;
}
