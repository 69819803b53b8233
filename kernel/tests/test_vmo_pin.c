// SPDX-License-Identifier: BSD-2-Clause
// Pinned pages (vmo_pin_page, the IPC buffers' pages): a copy-on-write
// child gets a copy of a pinned page instead of a share, so the page the
// pin holds stays the parent's and private, and what the kernel writes
// through it never reaches the child; a shrink past it leaves the page to
// the pin until it lets go. A fork keeps the pinned page writable on
// both sides.
#include <kernel/ktest.h>
#include <kernel/pagetable.h>
#include <kernel/pmm.h>
#include <kernel/process.h>
#include <kernel/string.h>
#include <kernel/vmo.h>
#include <verdigris/errors.h>

KTEST(vmo_pinned_page_is_copied_into_a_child_not_shared)
{
	struct vmo *v = vmo_create(2 * PAGE_SIZE);
	KT_ASSERT(v != NULL);
	uint64_t word = 0x5eed;
	KT_ASSERT(vmo_write(v, 0, &word, sizeof(word)) == 0);
	KT_ASSERT(vmo_write(v, PAGE_SIZE, &word, sizeof(word)) == 0);
	bool writable;
	paddr_t pa = vmo_fault_page(v, 0, true, &writable);
	KT_ASSERT(pa != 0);
	struct vmo_pin pin;
	KT_ASSERT(vmo_pin_page(v, 0, pa, &pin) == 0);
	struct vmo *c;
	KT_ASSERT(vmo_create_child(v, 0, 2 * PAGE_SIZE, 0, &c) == 0);
	/* The pinned page: still the parent's, private, and the child's a
	 * copy of it; the other page shared as usual. */
	KT_EXPECT_EQ(v->pages[0], pa);
	KT_EXPECT(!pmm_page_shared(pa));
	KT_EXPECT(c->pages[0] != pa);
	KT_EXPECT(pmm_page_shared(v->pages[1]));
	KT_EXPECT_EQ(vmo_fault_page(v, 0, true, &writable), pa);
	KT_EXPECT(writable);
	/* A write through the pin (a reply landing) stays in the parent. */
	*(uint64_t *)phys_to_virt(pa) = 0xbeef;
	uint64_t seen = 0;
	KT_ASSERT(vmo_read(c, 0, &seen, sizeof(seen)) == 0);
	KT_EXPECT_EQ(seen, 0x5eed);
	KT_ASSERT(vmo_read(v, 0, &seen, sizeof(seen)) == 0);
	KT_EXPECT_EQ(seen, 0xbeef);
	kobject_unref(&c->obj);
	/* Shrunk past the pin: the page leaves the VMO but stays allocated
	 * until the pin goes; a page that was never pinned is refused. */
	KT_ASSERT(vmo_set_size(v, 0) == 0);
	KT_EXPECT(pin.dropped);
	KT_EXPECT(!pmm_is_free(pa));
	vmo_unpin_page(&pin);
	KT_EXPECT(pmm_is_free(pa));
	KT_ASSERT(vmo_set_size(v, PAGE_SIZE) == 0);
	KT_EXPECT_EQ(vmo_pin_page(v, 0, pa, &pin), ERR_BUSY);
	kobject_unref(&v->obj);
}

/* A fork (aspace_clone) leaves a pinned page writable in the parent and
 * enters the child's copy of it writable: neither side faults on its next
 * write into its IPC buffer; the other pages are read-only in both until
 * a write fault copies them. */
KTEST(aspace_clone_keeps_pinned_pages_writable)
{
	struct process *p = process_create("pinsrc"), *c = process_create("pindst");
	struct vmo *v = vmo_create(2 * PAGE_SIZE);
	KT_ASSERT(p && c && v);
	vaddr_t va = 0;
	KT_ASSERT(aspace_map(&p->as, &va, 2 * PAGE_SIZE, VM_READ | VM_WRITE, v, 0, 0) == 0);
	KT_ASSERT(aspace_fault(&p->as, va, VM_WRITE) == 0);
	KT_ASSERT(aspace_fault(&p->as, va + PAGE_SIZE, VM_WRITE) == 0);
	struct vmo_pin pin;
	paddr_t pa = v->pages[0], got;
	KT_ASSERT(vmo_pin_page(v, 0, pa, &pin) == 0);
	KT_ASSERT(aspace_clone(&p->as, &c->as) == 0);
	unsigned prot;
	KT_ASSERT(pt_query(p->as.root, va, &got, &prot) == 0);
	KT_EXPECT_EQ(got, pa);
	KT_EXPECT(prot & VM_WRITE);
	KT_ASSERT(pt_query(p->as.root, va + PAGE_SIZE, &got, &prot) == 0);
	KT_EXPECT(!(prot & VM_WRITE));
	KT_ASSERT(pt_query(c->as.root, va, &got, &prot) == 0);
	KT_EXPECT(got != pa);
	KT_EXPECT(prot & VM_WRITE);
	KT_ASSERT(pt_query(c->as.root, va + PAGE_SIZE, &got, &prot) == 0);
	KT_EXPECT(!(prot & VM_WRITE));
	vmo_unpin_page(&pin);
	kobject_unref(&v->obj);
	kobject_unref(&c->obj);
	kobject_unref(&p->obj);
}
