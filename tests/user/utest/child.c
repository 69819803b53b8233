// SPDX-License-Identifier: BSD-2-Clause
// A child process running a copy of this program, serving an endpoint.
#include "../utest.h"

extern char __executable_start[], __rodata_start[], __data_start[], _end[];

volatile int isolation_probe;

/* A server in a child process: replies tag + 1 with its copy of
 * isolation_probe; tag 2 makes it write through NULL, tag 3 sets its probe,
 * tag 4 runs fpu_serve (t_fpu.c), tags 8-10 touch memory or ports as the
 * test asks (see utest.h), tag 0 ends it. */
static void child_server(uint64_t ep)
{
	struct msg m, reply;
	long badge = reply_recv((vg_handle_t)ep, NULL, &m);
	while (badge >= 0 && m.tag != 0) {
		if (m.tag == 2)
			*(volatile int *)0 = 1;
		if (m.tag == 3)
			isolation_probe = (int)m.w[0];
		if (m.tag == 8)
			*(volatile uint64_t *)(uintptr_t)m.w[0] = m.w[1];
		if (m.tag == 9)
			((void (*)(void))(uintptr_t)m.w[0])();
#if defined(__x86_64__)
		if (m.tag == 10)
			m.w[0] = vg_inb((uint16_t)m.w[0]);
#endif
		reply = (struct msg){ m.tag + 1, { (uint64_t)isolation_probe, 0, 0, 0 } };
		if (m.tag == 4)
			reply.w[0] = (uint64_t)fpu_serve((vg_handle_t)ep, m.w[0], (long)m.w[1]);
		badge = reply_recv((vg_handle_t)ep, &reply, &m);
	}
	vg_ipc_reply(0, 0, 0, 0, 0);
	vg_thread_exit(0);
}

long copy_image_into(vg_handle_t child)
{
	uintptr_t start = (uintptr_t)__executable_start;
	uintptr_t ro = (uintptr_t)__rodata_start, rw = (uintptr_t)__data_start;
	uintptr_t end = ((uintptr_t)_end + 4095) & ~(uintptr_t)4095;
	vg_handle_t img;
	long st;
	if ((st = vg_vmo_create(end - start, 0, &img)) ||
	    (st = vg_vmo_write(img, 0, (const void *)start, end - start)))
		return st;
	uintptr_t at = start;
	if ((st = vg_vm_map(child, img, 0, ro - start, VG_VM_READ | VG_VM_EXEC | VG_VM_FIXED, &at)))
		return st;
	at = ro;
	if ((st = vg_vm_map(child, img, ro - start, rw - ro, VG_VM_READ | VG_VM_FIXED, &at)))
		return st;
	at = rw;
	if ((st = vg_vm_map(child, img, rw - start, end - rw,
			    VG_VM_READ | VG_VM_WRITE | VG_VM_FIXED, &at)))
		return st;
	vg_handle_close(img);
	return 0;
}

long spawn_child(vg_handle_t ep_to_give, vg_handle_t *child_out)
{
	return spawn_child_running(child_server, ep_to_give, child_out);
}

long spawn_child_running(void (*server)(uint64_t), vg_handle_t ep_to_give, vg_handle_t *child_out)
{
	vg_handle_t child;
	long st = vg_process_create(&child);
	if (st)
		return st;
	if ((st = copy_image_into(child)))
		return st;
	*child_out = child;
	uintptr_t sp = vg_stack_create(child, 16384);
	vg_handle_t theirs, thread;
	if (!sp)
		return ERR_NO_MEMORY;
	if ((st = vg_handle_transfer(ep_to_give, child, &theirs)) ||
	    (st = vg_thread_create(child, (uintptr_t)server, sp, theirs, 0, &thread)))
		return st;
	vg_handle_close(thread);
	return 0;
}

long child_add_server(vg_handle_t child, vg_handle_t ep_to_give, vg_handle_t *thread_out)
{
	uintptr_t sp = vg_stack_create(child, 16384);
	if (!sp)
		return ERR_NO_MEMORY;
	vg_handle_t theirs, thread;
	long st = vg_handle_transfer(ep_to_give, child, &theirs);
	if (st)
		return st;
	st = vg_thread_create(child, (uintptr_t)child_server, sp, theirs, 0, &thread);
	if (!st && thread_out)
		*thread_out = thread;
	else if (!st)
		vg_handle_close(thread);
	return st;
}

/* A server that echoes whole messages through an IPC buffer the parent
 * mapped at buf_addr, whose first word holds the endpoint handle. */
static void buffer_echo_server(uint64_t buf_addr)
{
	struct vg_ipc_buffer *buf = (struct vg_ipc_buffer *)(uintptr_t)buf_addr;
	vg_handle_t ep = (vg_handle_t)buf->words[0];
	uint64_t tag, reply = VG_IPC_NO_REPLY;
	if (vg_ipc_buffer_set((uintptr_t)buf))
		vg_thread_exit(1);
	while (vg_ipc_reply_recv_msg(ep, reply, buf, &tag) >= 0 && VG_IPC_TAG_LABEL(tag) != 0)
		reply = tag;
	vg_ipc_reply(0, 0, 0, 0, 0);
	vg_thread_exit(0);
}

long child_add_buffer_server(vg_handle_t child, vg_handle_t ep_to_give)
{
	uintptr_t sp = vg_stack_create(child, 16384), at = 0;
	vg_handle_t vmo, theirs, thread;
	long st = sp ? vg_vmo_create(VG_IPC_BUFFER_SIZE, 0, &vmo) : ERR_NO_MEMORY;
	if (st)
		return st;
	st = vg_vm_map(child, vmo, 0, VG_IPC_BUFFER_SIZE, VG_VM_READ | VG_VM_WRITE, &at);
	if (!st)
		st = vg_handle_transfer(ep_to_give, child, &theirs);
	uint64_t word = 0;
	if (!st) {
		word = theirs;
		st = vg_vmo_write(vmo, 0, &word, sizeof(word));
	}
	vg_handle_close(vmo);
	if (!st)
		st = vg_thread_create(child, (uintptr_t)buffer_echo_server, sp, at, 0, &thread);
	if (!st)
		vg_handle_close(thread);
	return st;
}
