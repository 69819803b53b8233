// SPDX-License-Identifier: BSD-2-Clause
// The IPC buffer: words 4 and up and the handles of a message.
//
// A thread registers two pages of its own writable anonymous memory
// (ipc_buffer_set); the kernel pins them (a reference on the VMO behind each
// page) and keeps their physical addresses, so that a message moves straight
// from the sender's pages to the receiver's through the physmap, whichever
// address space is current and without user copies that could fault.
//
// A page of a VMO can change under a pin only through copy-on-write (a child
// made from the VMO shares it, a write then replaces it): the VMO counts
// such events (pin_gen), and a move whose buffers' VMOs have counted any
// since the pin fails with ERR_BAD_STATE (the thread registers its buffer
// again), so the kernel never writes into a page the thread no longer sees
// or a child's snapshot. One comparison per page, no lock: a move runs under
// the scheduler lock, and the count only grows.
#include <kernel/pmm.h>
#include <kernel/process.h>
#include <kernel/string.h>
#include <kernel/syscall.h>
#include <verdigris/errors.h>

#include "ipc_buffer.h"

void ipc_buffer_release(struct thread *t)
{
	irqflags_t f = sched_lock();
	struct vmo *v[2] = { t->ipc_buf_vmo[0], t->ipc_buf_vmo[1] };
	t->ipc_buf_vmo[0] = t->ipc_buf_vmo[1] = NULL;
	t->ipc_buf[0] = t->ipc_buf[1] = 0;
	sched_unlock(f);
	for (int i = 0; i < 2; i++)
		if (v[i])
			kobject_unref(&v[i]->obj);
}

long sys_ipc_buffer_set(uintptr_t addr)
{
	struct thread *me = thread_current();
	if (addr % PAGE_SIZE)
		return ERR_INVALID_ARGS;
	if (!addr) {
		ipc_buffer_release(me);
		return 0;
	}
	if (addr < USER_BASE || addr >= USER_TOP - VG_IPC_BUFFER_SIZE)
		return ERR_BAD_ADDRESS;
	struct vmo *v[2] = { NULL, NULL };
	paddr_t pa[2];
	size_t index[2];
	for (int i = 0; i < 2; i++) {
		int err = aspace_pin_page(&me->proc->as, addr + (uintptr_t)i * PAGE_SIZE, VM_WRITE,
					  &v[i], &index[i], &pa[i]);
		if (!err && v[i]->kind != VMO_ANON) {
			kobject_unref(&v[i]->obj); /* device or DMA memory: not for this */
			err = ERR_ACCESS_DENIED;
		}
		if (err) {
			if (i)
				kobject_unref(&v[0]->obj);
			return err == ERR_NO_MEMORY ? err : ERR_BAD_ADDRESS;
		}
	}
	/* Pinned while nothing is shared: record the VMOs' counts with the
	 * pages still current (a copy-on-write child made meanwhile fails it). */
	irqflags_t vf = vmo_lock();
	bool current = true;
	uint32_t gen[2];
	for (int i = 0; i < 2; i++) {
		gen[i] = v[i]->pin_gen;
		current = current && vmo_page_current(v[i], index[i], pa[i], true);
	}
	vmo_unlock(vf);
	if (!current) {
		kobject_unref(&v[0]->obj);
		kobject_unref(&v[1]->obj);
		return ERR_BUSY;
	}
	ipc_buffer_release(me);
	irqflags_t f = sched_lock();
	for (int i = 0; i < 2; i++) {
		me->ipc_buf[i] = pa[i];
		me->ipc_buf_vmo[i] = v[i];
		me->ipc_buf_index[i] = index[i];
		me->ipc_buf_gen[i] = gen[i];
	}
	sched_unlock(f);
	return 0;
}

/* The kernel address of byte offset off in t's buffer, valid up to the end
 * of its page. */
static uint8_t *buf_at(const struct thread *t, size_t off)
{
	return (uint8_t *)phys_to_virt(t->ipc_buf[off / PAGE_SIZE]) + off % PAGE_SIZE;
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

/* t's buffer pages are still the ones its VMOs hold (see the top). */
static bool buffer_current(const struct thread *t)
{
	return t->ipc_buf_vmo[0]->pin_gen == t->ipc_buf_gen[0] &&
		t->ipc_buf_vmo[1]->pin_gen == t->ipc_buf_gen[1];
}

bool ipc_buffer_stale(const struct thread *t)
{
	return t->ipc_buf[0] && !buffer_current(t);
}

int ipc_buffer_move(struct thread *to, struct thread *from, uint64_t tag)
{
	uint32_t words = VG_IPC_TAG_WORDS(tag), handles = VG_IPC_TAG_HANDLES(tag);
	if (!from->ipc_buf[0] || !to->ipc_buf[0] || !buffer_current(from) || !buffer_current(to))
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
