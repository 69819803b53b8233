// SPDX-License-Identifier: BSD-2-Clause
// The IPC buffer: words 4 and up and the handles of a message.
//
// A thread registers two pages of its own writable anonymous memory
// (ipc_buffer_set); the kernel pins them (vmo_pin_page) and keeps their
// physical addresses, so that a message moves straight from the sender's
// pages to the receiver's through the physmap, whichever address space is
// current and without user copies that could fault.
//
// A pinned page stays its VMO's and private: a copy-on-write child made
// meanwhile (fork's vm_clone, in another thread) gets a copy of it, so a
// reply still lands where the thread will read it and never in the child's
// snapshot. Only a VMO shrunk past the page takes it away; the pin then
// holds the page alone (so a move cannot write into freed memory) and
// moves into or out of it fail with ERR_BAD_STATE until the thread
// registers a buffer again. A move runs under the scheduler lock and reads
// the pins without vmo_lock: their addresses never change while pinned.
#include <kernel/pmm.h>
#include <kernel/process.h>
#include <kernel/string.h>
#include <kernel/syscall.h>
#include <verdigris/errors.h>

#include "ipc_buffer.h"

void ipc_buffer_release(struct thread *t)
{
	irqflags_t f = sched_lock();
	bool had = t->has_ipc_buf;
	t->has_ipc_buf = false;
	sched_unlock(f);
	/* No move reaches the pins now (they run under the scheduler lock). */
	for (int i = 0; had && i < 2; i++)
		vmo_unpin_page(&t->ipc_pin[i]);
}

/* Pins page i of the buffer at addr into t->ipc_pin[i]. */
static int pin(struct thread *t, uintptr_t addr, int i)
{
	uintptr_t va = addr + (uintptr_t)i * PAGE_SIZE;
	for (;;) {
		struct vmo *v;
		size_t index;
		paddr_t pa;
		int err = aspace_pin_page(&t->proc->as, va, VM_WRITE, &v, &index, &pa);
		if (err)
			return err == ERR_NO_MEMORY ? err : ERR_BAD_ADDRESS;
		/* Device or DMA memory is not for this. */
		err = v->kind == VMO_ANON ? vmo_pin_page(v, index, pa, &t->ipc_pin[i])
					  : ERR_ACCESS_DENIED;
		kobject_unref(&v->obj);
		/* ERR_BUSY: a child shared the page between the fault that made
		 * it private and the pin; fault it again. */
		if (err != ERR_BUSY)
			return err;
	}
}

long sys_ipc_buffer_set(uintptr_t addr)
{
	struct thread *me = thread_current();
	if (addr % PAGE_SIZE)
		return ERR_INVALID_ARGS;
	if (addr && (addr < USER_BASE || addr >= USER_TOP - VG_IPC_BUFFER_SIZE))
		return ERR_BAD_ADDRESS;
	/* Only this thread changes its pins, and no move uses them while it
	 * runs here (a move into a thread's buffer happens while it waits in
	 * a call or a receive): so the old ones go first. */
	ipc_buffer_release(me);
	if (!addr)
		return 0;
	int err = pin(me, addr, 0);
	if (err)
		return err;
	err = pin(me, addr, 1);
	if (err) {
		vmo_unpin_page(&me->ipc_pin[0]);
		return err;
	}
	irqflags_t f = sched_lock();
	me->has_ipc_buf = true;
	sched_unlock(f);
	return 0;
}

/* The kernel address of byte offset off in t's buffer, valid up to the end
 * of its page. */
static uint8_t *buf_at(const struct thread *t, size_t off)
{
	return (uint8_t *)phys_to_virt(t->ipc_pin[off / PAGE_SIZE].pa) + off % PAGE_SIZE;
}

static void copy_between(struct thread *to, const struct thread *from, size_t off, size_t len)
{
	while (len) {
		size_t room = PAGE_SIZE - off % PAGE_SIZE, n = len < room ? len : room;
		memcpy(buf_at(to, off), buf_at(from, off), n);
		off += n;
		len -= n;
	}
}

#define HANDLES_OFF offsetof(struct vg_ipc_buffer, handles)
#define INFO_OFF offsetof(struct vg_ipc_buffer, handle_info)

/* Moves the handles named in from's buffer into to's table and buffer. */
static int move_handles(struct thread *to, struct thread *from, uint32_t n)
{
	struct handle_table *src = &from->proc->handles, *dst = &to->proc->handles;
	const uint32_t *names = (const uint32_t *)buf_at(from, HANDLES_OFF);
	struct kobject *objs[VG_IPC_MAX_HANDLES];
	struct handle_entry entries[VG_IPC_MAX_HANDLES];
	uint32_t looked_up = 0;
	int err = 0;
	for (; looked_up < n && !err; looked_up++) {
		for (uint32_t j = 0; j < looked_up && !err; j++)
			if (names[j] == names[looked_up])
				err = ERR_INVALID_ARGS; /* a handle moves once */
		if (!err)
			err = handle_lookup(src, names[looked_up], VG_OBJ_NONE, VG_RIGHT_TRANSFER,
					    &objs[looked_up], &entries[looked_up]);
		if (err)
			break;
	}
	if (!err)
		err = handle_reserve(dst, n);
	if (!err) {
		uint32_t *out = (uint32_t *)buf_at(to, HANDLES_OFF);
		uint32_t *info = (uint32_t *)buf_at(to, INFO_OFF);
		/* Installed first, closed after: the object never loses its last
		 * handle on the way, and handle_reserve made the installs certain. */
		for (uint32_t i = 0; i < n && !err; i++) {
			vg_handle_t v;
			err = handle_install(dst, objs[i], entries[i].rights, entries[i].badge, &v);
			if (!err) {
				handle_close(src, names[i]);
				out[i] = v;
				info[i] = objs[i]->type << 16 | entries[i].rights;
			}
		}
	}
	for (uint32_t i = 0; i < looked_up; i++)
		kobject_unref(objs[i]);
	return err;
}

bool ipc_tag_check(uint64_t tag)
{
	return !(tag & VG_IPC_TAG_RESERVED) && VG_IPC_TAG_WORDS(tag) <= VG_IPC_MAX_WORDS &&
		VG_IPC_TAG_HANDLES(tag) <= VG_IPC_MAX_HANDLES;
}

/* t has a buffer whose pages are still its VMOs' (see the top). */
static bool buffer_usable(const struct thread *t)
{
	return t->has_ipc_buf && !__atomic_load_n(&t->ipc_pin[0].dropped, __ATOMIC_ACQUIRE) &&
		!__atomic_load_n(&t->ipc_pin[1].dropped, __ATOMIC_ACQUIRE);
}

bool ipc_buffer_stale(const struct thread *t)
{
	return t->has_ipc_buf && !buffer_usable(t);
}

int ipc_buffer_move(struct thread *to, struct thread *from, uint64_t tag)
{
	uint32_t words = VG_IPC_TAG_WORDS(tag), handles = VG_IPC_TAG_HANDLES(tag);
	if (!buffer_usable(from) || !buffer_usable(to))
		return ERR_BAD_STATE;
	if (handles) {
		int err = move_handles(to, from, handles);
		if (err)
			return err;
	}
	if (words > VG_IPC_REG_WORDS)
		copy_between(to, from, VG_IPC_REG_WORDS * sizeof(uint64_t),
			     (words - VG_IPC_REG_WORDS) * sizeof(uint64_t));
	return 0;
}
