// SPDX-License-Identifier: BSD-2-Clause
// Process lifecycles return every page and every heap byte.
#include <kernel/heap.h>
#include <kernel/ktest.h>
#include <kernel/log.h>
#include <kernel/pmm.h>
#include <kernel/process.h>
#include <kernel/syscall.h>
#include <kernel/time.h>

/* A process with a mapped VMO (one page committed), a page table behind the
 * mapping, and a handle; started with a thread or not. */
static bool build_process(bool with_thread)
{
	struct process *p = process_create("leaktest");
	if (!p)
		return false;
	struct vmo *v = vmo_create(3 * PAGE_SIZE);
	vaddr_t va = 0;
	vg_handle_t h;
	bool ok = v && !vmo_write(v, PAGE_SIZE, "x", 1) &&
		!aspace_map(&p->as, &va, 3 * PAGE_SIZE, VM_READ | VM_WRITE, v, 0, 0) &&
		!aspace_fault(&p->as, va + PAGE_SIZE, VM_WRITE) &&
		!handle_install(&p->handles, &v->obj, VG_RIGHT_READ, 0, &h);
	if (v)
		kobject_unref(&v->obj);
	if (ok && with_thread) {
		/* Its first instruction fetch faults (nothing is mapped at
		 * USER_BASE): the thread is killed and the process dies. */
		ok = process_start_thread(p, USER_BASE, USER_TOP, 0, 0, 0, NULL) == 0;
		if (ok)
			process_wait(p);
	}
	kobject_unref(&p->obj); /* never started: this tears it down */
	return ok;
}

/* A dead thread's memory is freed at the next switch after it ran last:
 * sleeping lets the idle thread run, so counts read after it are settled. */
static void settle(void)
{
	thread_sleep_until(time_ns() + 10000000);
}

KTEST(process_lifecycles_do_not_leak)
{
	settle();
	size_t pages = pmm_free_pages();
	size_t bytes = kheap_stats().live_bytes;
	for (int i = 0; i < 1000; i++)
		KT_ASSERT(build_process(false));
	/* Twenty with a thread that dies at once; each leaves a kill report in
	 * the log, kept off the console here. */
	log_set_console_level(LOG_CRIT);
	bool started = true;
	for (int i = 0; i < 20 && started; i++)
		started = build_process(true);
	log_set_console_level(LOG_INFO);
	KT_EXPECT(started);
	settle();
	KT_EXPECT_EQ(kheap_stats().live_bytes, bytes);
	/* The heap may keep one empty slab per class cached. */
	KT_EXPECT(pmm_free_pages() + HEAP_NCLASSES >= pages);
	KT_EXPECT(pmm_free_pages() <= pages);
}

/* Reads one byte of a VMO (0xee when the read fails). */
static char byte_at(struct vmo *v, uint64_t off)
{
	char c = (char)0xee;
	vmo_read(v, off, &c, 1);
	return c;
}

/* A parent, a child and a grandchild that write on every side, the parent
 * and child mapped in a process and faulted in (including a parent page
 * written through its mapping before the child existed), torn down in one
 * of six orders. Checks the snapshots as it goes. */
static bool build_cow_family(int order)
{
	struct process *p = process_create("cowtest");
	struct vmo *a = vmo_create(4 * PAGE_SIZE), *b = NULL, *c = NULL;
	vaddr_t va = 0, vb = 0;
	bool ok = p && a && !vmo_write(a, 0, "A", 1) && !vmo_write(a, PAGE_SIZE, "B", 1) &&
		!aspace_map(&p->as, &va, 4 * PAGE_SIZE, VM_READ | VM_WRITE, a, 0, 0) &&
		!aspace_fault(&p->as, va, VM_WRITE) &&
		!aspace_fault(&p->as, va + PAGE_SIZE, VM_READ) &&
		!vmo_create_child(a, 0, 4 * PAGE_SIZE, 0, &b) &&
		!vmo_create_child(b, PAGE_SIZE, 2 * PAGE_SIZE, 0, &c);
	/* The parent's mapping was write-protected: its write fault copies. */
	ok = ok && !aspace_fault(&p->as, va, VM_WRITE) && !vmo_write(a, 0, "X", 1) &&
		byte_at(b, 0) == 'A' && byte_at(a, 0) == 'X';
	/* The child mapped: a read shares, a write copies; the grandchild
	 * keeps the page as it was when it was made. */
	ok = ok && !aspace_map(&p->as, &vb, 4 * PAGE_SIZE, VM_READ | VM_WRITE, b, 0, 0) &&
		!aspace_fault(&p->as, vb, VM_READ) &&
		!aspace_fault(&p->as, vb + PAGE_SIZE, VM_WRITE) &&
		!vmo_write(b, PAGE_SIZE, "Y", 1) && byte_at(a, PAGE_SIZE) == 'B' &&
		byte_at(c, 0) == 'B' && !vmo_write(c, 0, "Z", 1) && byte_at(b, PAGE_SIZE) == 'Y' &&
		byte_at(a, PAGE_SIZE) == 'B' && byte_at(c, 0) == 'Z';
	/* Pages committed after the snapshot are private on each side. */
	ok = ok && !vmo_write(a, 3 * PAGE_SIZE, "P", 1) && byte_at(b, 3 * PAGE_SIZE) == 0;
	struct vmo *all[3] = { a, b, c };
	static const int orders[6][3] = { { 0, 1, 2 }, { 0, 2, 1 }, { 1, 0, 2 },
					  { 1, 2, 0 }, { 2, 0, 1 }, { 2, 1, 0 } };
	for (int i = 0; i < 3; i++) {
		struct vmo *v = all[orders[order % 6][i]];
		if (v)
			kobject_unref(&v->obj);
	}
	/* The mappings still hold a and b: unmap one, leave the other to the
	 * process's teardown. */
	if (p && va && order % 2)
		aspace_unmap(&p->as, va, 4 * PAGE_SIZE);
	if (p)
		kobject_unref(&p->obj);
	return ok;
}

KTEST(cow_families_do_not_leak)
{
	settle();
	size_t pages = pmm_free_pages();
	size_t bytes = kheap_stats().live_bytes;
	for (int i = 0; i < 600; i++)
		KT_ASSERT(build_cow_family(i));
	KT_EXPECT_EQ(kheap_stats().live_bytes, bytes);
	KT_EXPECT(pmm_free_pages() + HEAP_NCLASSES >= pages);
	KT_EXPECT(pmm_free_pages() <= pages);
}
