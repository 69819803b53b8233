// SPDX-License-Identifier: BSD-2-Clause
// Threads: stacks, control blocks and the IPC buffer each thread makes on
// first use.
#include <vg/vg.h>

uintptr_t vg_map_anon(vg_handle_t process, size_t size)
{
	vg_handle_t v;
	uintptr_t at = 0;
	if (vg_vmo_create(size, 0, &v))
		return 0;
	long st = vg_vm_map(process, v, 0, size, VG_VM_READ | VG_VM_WRITE, &at);
	vg_handle_close(v); /* the mapping keeps the VMO alive */
	return st ? 0 : at;
}

uintptr_t vg_stack_create(vg_handle_t process, size_t size)
{
	uintptr_t at = vg_map_anon(process, size);
	return at ? at + size - VG_ENTRY_SP_BIAS : 0;
}

long vg_thread_start(void (*fn)(uint64_t), uint64_t arg, vg_handle_t *out)
{
	/* One region: the stack, then the TLS area above it. */
	size_t tls = (vg_tls_area_size() + 4095) & ~(size_t)4095;
	uintptr_t at = vg_map_anon(vg_self(), VG_THREAD_STACK_SIZE + tls);
	if (!at)
		return ERR_NO_MEMORY;
	uintptr_t top = at + VG_THREAD_STACK_SIZE;
	struct vg_tcb *tcb;
	uintptr_t tp = vg_tls_init((void *)top, true, &tcb);
	vg_handle_t h;
	long st = vg_thread_create(vg_self(), (uintptr_t)fn, top - VG_ENTRY_SP_BIAS, arg, tp, &h);
	if (st)
		return st;
	if (out)
		*out = h;
	else
		vg_handle_close(h);
	return 0;
}

struct vg_ipc_buffer *vg_ipc_buffer(void)
{
	struct vg_tcb *tcb = vg_tcb();
	if (!tcb->ipc_buffer) {
		uintptr_t at = vg_map_anon(vg_self(), VG_IPC_BUFFER_SIZE);
		if (!at || vg_ipc_buffer_set(at))
			return NULL;
		tcb->ipc_buffer = (struct vg_ipc_buffer *)at;
	}
	return tcb->ipc_buffer;
}
