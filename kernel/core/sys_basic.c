// SPDX-License-Identifier: BSD-2-Clause
// Handles, time and the calling thread.
#include <kernel/heap.h>
#include <kernel/pmm.h>
#include <kernel/process.h>
#include <kernel/syscall.h>
#include <kernel/time.h>
#include <kernel/usercopy.h>
#include <kernel/vm.h>
#include <verdigris/errors.h>

long sys_handle_close(vg_handle_t h)
{
	return handle_close(&current_process()->handles, h);
}

long sys_handle_duplicate(vg_handle_t h, uint32_t rights, vg_handle_t *out)
{
	struct kobject *o;
	struct handle_entry e;
	int err = handle_lookup(&current_process()->handles, h, VG_OBJ_NONE, VG_RIGHT_DUPLICATE, &o,
				&e);
	if (err)
		return err;
	/* Equal or fewer rights than the original: never more. */
	long ret = (rights & ~e.rights) ? ERR_INVALID_ARGS : give_handle(o, rights, e.badge, out);
	kobject_unref(o);
	return ret;
}

long sys_handle_info(vg_handle_t h, struct vg_handle_info *info)
{
	struct kobject *o;
	struct handle_entry e;
	int err = handle_lookup(&current_process()->handles, h, VG_OBJ_NONE, 0, &o, &e);
	if (err)
		return err;
	struct vg_handle_info out = { o->type, e.rights, e.badge, o->koid };
	kobject_unref(o);
	return copy_to_user(info, &out, sizeof(out));
}

long sys_clock_monotonic(void)
{
	return (long)time_ns();
}

long sys_memory_free(void)
{
	return (long)(pmm_free_pages() * PAGE_SIZE);
}

long sys_memory_info(struct vg_memory_info *out)
{
	struct vg_memory_info m = { pmm_ram_bytes(), (uint64_t)pmm_free_pages() * PAGE_SIZE };
	return copy_to_user(out, &m, sizeof(m)) ? ERR_BAD_ADDRESS : 0;
}

long sys_kernel_counts(struct vg_kernel_counts *out)
{
	struct heap_stats h = kheap_stats();
	struct vg_kernel_counts c = { pmm_free_pages(), h.live_bytes,	  h.slab_pages,
				      h.large_pages,	pt_table_pages(), { 0 } };
	for (uint32_t t = 0; t < VG_KERNEL_COUNTS_TYPES; t++)
		c.objects[t] = kobject_live(t);
	return copy_to_user(out, &c, sizeof(c)) ? ERR_BAD_ADDRESS : 0;
}

long sys_thread_exit(long code)
{
	process_exit_thread(code);
}

long sys_thread_yield(void)
{
	thread_yield();
	return 0;
}

long sys_thread_sleep_until(uint64_t deadline_ns)
{
	return thread_sleep_until(deadline_ns);
}

long sys_thread_sleep_until_realtime(uint64_t realtime_ns)
{
	return thread_sleep_until_realtime(realtime_ns);
}

long sys_thread_set_tls(uintptr_t value)
{
	/* A user address or 0; anything else (x86: non-canonical) would fault
	 * when loaded. */
	if (value >= USER_TOP)
		return ERR_BAD_ADDRESS;
	arch_tls_set(thread_current(), value);
	return 0;
}
