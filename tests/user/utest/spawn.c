// SPDX-License-Identifier: BSD-2-Clause
// Child processes running any function of this program: a copy of the
// image, the handles they are given, and libvg set up for them. This is how
// the tests start servers (the bus, test services) in processes of their
// own until user space can load an ELF file.
#include "../utest.h"

#define SPAWN_MAX_HANDLES 8

/* Filled in by the parent just before it copies its image: the child's
 * copy is what the child reads. */
static struct {
	void (*fn)(uint64_t);
	uint64_t arg;
	vg_handle_t self, log;
	vg_handle_t handles[SPAWN_MAX_HANDLES];
} boot;

vg_handle_t spawned_handle(size_t i)
{
	return i < SPAWN_MAX_HANDLES ? boot.handles[i] : VG_HANDLE_INVALID;
}

static void child_entry(uint64_t unused)
{
	(void)unused;
	struct vg_tcb tcb = { .self = &tcb };
	vg_thread_set_tls(vg_tp_for(&tcb));
	vg_adopt_copy(boot.self, boot.log);
	boot.fn(boot.arg);
	vg_thread_exit(0);
}

/* Moves a duplicate of h (rights) into child. */
static long give_copy(vg_handle_t h, uint32_t rights, vg_handle_t child, vg_handle_t *theirs)
{
	vg_handle_t dup;
	long st = vg_handle_duplicate(h, rights, &dup);
	if (!st && (st = vg_handle_transfer(dup, child, theirs)))
		vg_handle_close(dup);
	return st;
}

long spawn_process(void (*fn)(uint64_t), uint64_t arg, const vg_handle_t *give, size_t ngive,
		   vg_handle_t *child_out)
{
	vg_handle_t child;
	long st = vg_process_create(&child);
	if (st)
		return st;
	st = spawn_start(child, fn, arg, give, ngive);
	if (st) {
		vg_process_kill(child, -1);
		vg_handle_close(child);
		return st;
	}
	*child_out = child;
	return 0;
}

long spawn_start(vg_handle_t child, void (*fn)(uint64_t), uint64_t arg, const vg_handle_t *give,
		 size_t ngive)
{
	if (ngive > SPAWN_MAX_HANDLES)
		return ERR_INVALID_ARGS;
	long st;
	boot.fn = fn;
	boot.arg = arg;
	if ((st = give_copy(child,
			    VG_RIGHT_MAP | VG_RIGHT_MANAGE | VG_RIGHT_WAIT | VG_RIGHT_TRANSFER,
			    child, &boot.self)) ||
	    (st = give_copy(log_h, VG_RIGHT_WRITE | VG_RIGHT_TRANSFER, child, &boot.log)))
		goto fail;
	for (size_t i = 0; i < SPAWN_MAX_HANDLES; i++)
		boot.handles[i] = VG_HANDLE_INVALID; /* none left from the last child */
	for (size_t i = 0; i < ngive; i++)
		if ((st = vg_handle_transfer(give[i], child, &boot.handles[i])))
			goto fail;
	if ((st = copy_image_into(child)))
		goto fail;
	uintptr_t sp = vg_stack_create(child, 64 * 1024);
	vg_handle_t thread;
	if (!sp) {
		st = ERR_NO_MEMORY;
		goto fail;
	}
	if ((st = vg_thread_create(child, (uintptr_t)child_entry, sp, 0, 0, &thread)))
		goto fail;
	vg_handle_close(thread);
	return 0;
fail:
	return st;
}
