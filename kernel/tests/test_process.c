// SPDX-License-Identifier: BSD-2-Clause
// Process lifecycles return every page and every heap byte.
#include <kernel/heap.h>
#include <kernel/ktest.h>
#include <kernel/log.h>
#include <kernel/pmm.h>
#include <kernel/process.h>
#include <kernel/syscall.h>

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
		!aspace_map(&p->as, &va, 3 * PAGE_SIZE, VM_READ | VM_WRITE, v, 0, false) &&
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

KTEST(process_lifecycles_do_not_leak)
{
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
	KT_EXPECT_EQ(kheap_stats().live_bytes, bytes);
	/* The heap may keep one empty slab per class cached. */
	KT_EXPECT(pmm_free_pages() + HEAP_NCLASSES >= pages);
	KT_EXPECT(pmm_free_pages() <= pages);
}
