// SPDX-License-Identifier: BSD-2-Clause
// Messages beyond the registers: words and handles through IPC buffers.
#include "../utest.h"

#define LABEL_STOP 0
#define LABEL_REVERSE 1 /* reply: the words reversed, each + 1 */
#define LABEL_HANDLES 2 /* signal each notification received; reply: count */
#define LABEL_CLONE 3 /* snapshot this process (as fork does), then as LABEL_REVERSE */

/* A copy-on-write snapshot of this process's memory, as fork takes it
 * while other threads wait in calls. */
static long clone_self(void)
{
	vg_handle_t child;
	long st = vg_process_create(&child);
	if (!st) {
		st = vg_vm_clone(self_h, child);
		vg_handle_close(child);
	}
	return st;
}

/* A server with its own IPC buffer. */
static void buffer_server(uint64_t ep)
{
	struct vg_ipc_buffer *buf = vg_ipc_buffer();
	uint64_t tag, reply = VG_IPC_NO_REPLY;
	static uint64_t tmp[VG_IPC_MAX_WORDS];
	while (vg_ipc_reply_recv_msg((vg_handle_t)ep, reply, buf, &tag) >= 0) {
		uint32_t n = VG_IPC_TAG_WORDS(tag), nh = VG_IPC_TAG_HANDLES(tag);
		if (VG_IPC_TAG_LABEL(tag) == LABEL_STOP)
			break;
		if (VG_IPC_TAG_LABEL(tag) == LABEL_CLONE && clone_self())
			break;
		if (VG_IPC_TAG_LABEL(tag) == LABEL_REVERSE ||
		    VG_IPC_TAG_LABEL(tag) == LABEL_CLONE) {
			for (uint32_t i = 0; i < n; i++)
				tmp[i] = buf->words[n - 1 - i] + 1;
			memcpy(buf->words, tmp, n * sizeof(uint64_t));
			reply = VG_IPC_TAG(LABEL_REVERSE, n, 0);
		} else {
			uint64_t ok = 0;
			for (uint32_t i = 0; i < nh; i++) {
				uint32_t info = buf->handle_info[i];
				if (VG_IPC_HANDLE_TYPE(info) == VG_OBJ_NOTIFICATION &&
				    (VG_IPC_HANDLE_RIGHTS(info) & VG_RIGHT_SIGNAL) &&
				    vg_notification_signal(buf->handles[i], 1u << i) == 0)
					ok++;
				vg_handle_close(buf->handles[i]);
			}
			buf->words[0] = ok;
			reply = VG_IPC_TAG(LABEL_HANDLES, 1, 0);
		}
	}
	/* Answers a caller still waiting (the reply could not move, or the
	 * snapshot failed) with registers only: tag 0. */
	vg_ipc_reply(0, 0, 0, 0, 0);
	vg_thread_exit(0);
}

UTEST(ipc_buffer_moves_words_and_handles)
{
	vg_handle_t ep;
	CHECK_EQ(vg_endpoint_create(&ep), 0);
	CHECK_EQ(vg_thread_start(buffer_server, ep, NULL), 0);
	struct vg_ipc_buffer *buf = vg_ipc_buffer();
	CHECK(buf != NULL);
	uint64_t tag;
	/* 4 KiB and the most a message holds. */
	static const uint32_t sizes[] = { 1, 4, 5, 8, 516, VG_IPC_MAX_WORDS };
	for (unsigned s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		uint32_t n = sizes[s];
		for (uint32_t i = 0; i < n; i++)
			buf->words[i] = i * 1000 + s;
		CHECK_EQ(vg_ipc_call_msg(ep, VG_IPC_TAG(LABEL_REVERSE, n, 0), buf, &tag), 0);
		CHECK_EQ(VG_IPC_TAG_WORDS(tag), n);
		int bad = 0;
		for (uint32_t i = 0; i < n; i++)
			bad += buf->words[i] != (n - 1 - i) * 1000 + s + 1;
		CHECK_EQ(bad, 0);
	}
	/* Handles move: the sender loses them, the receiver gets working ones. */
	vg_handle_t note, give[3];
	CHECK_EQ(vg_notification_create(&note), 0);
	for (int i = 0; i < 3; i++) {
		CHECK_EQ(vg_handle_duplicate(note, VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER, &give[i]),
			 0);
		buf->handles[i] = give[i];
	}
	CHECK_EQ(vg_ipc_call_msg(ep, VG_IPC_TAG(LABEL_HANDLES, 0, 3), buf, &tag), 0);
	CHECK_EQ(buf->words[0], 3);
	for (int i = 0; i < 3; i++)
		CHECK_EQ(vg_handle_close(give[i]), ERR_BAD_HANDLE);
	uint64_t a[6] = { note, UINT64_MAX, 0, 0, 0, 0 }, r[5];
	CHECK_EQ(vg_syscall6_r(VG_SYS_notification_wait, a, r), 0);
	CHECK_EQ(r[0], 7);

	/* Refused messages leave everything where it was. */
	vg_handle_t stuck;
	CHECK_EQ(vg_handle_duplicate(note, VG_RIGHT_SIGNAL, &stuck), 0); /* no transfer */
	buf->handles[0] = stuck;
	CHECK_EQ(vg_ipc_call_msg(ep, VG_IPC_TAG(LABEL_HANDLES, 0, 1), buf, &tag),
		 ERR_ACCESS_DENIED);
	CHECK_EQ(vg_handle_duplicate(note, VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER, &give[0]), 0);
	buf->handles[0] = buf->handles[1] = give[0];
	CHECK_EQ(vg_ipc_call_msg(ep, VG_IPC_TAG(LABEL_HANDLES, 0, 2), buf, &tag),
		 ERR_INVALID_ARGS); /* the same handle twice */
	buf->handles[0] = 0x00fedcba;
	CHECK_EQ(vg_ipc_call_msg(ep, VG_IPC_TAG(LABEL_HANDLES, 0, 1), buf, &tag), ERR_BAD_HANDLE);
	CHECK_EQ(vg_ipc_call_msg(ep, VG_IPC_TAG(LABEL_REVERSE, VG_IPC_MAX_WORDS + 1, 0), buf, &tag),
		 ERR_INVALID_ARGS);
	CHECK_EQ(vg_ipc_call_msg(ep, VG_IPC_TAG(LABEL_HANDLES, 0, VG_IPC_MAX_HANDLES + 1), buf,
				 &tag),
		 ERR_INVALID_ARGS);
	CHECK_EQ(vg_ipc_call_msg(ep, 1ull << 63, buf, &tag), ERR_INVALID_ARGS);
	CHECK_EQ(vg_handle_close(stuck), 0); /* still ours */
	CHECK_EQ(vg_handle_close(give[0]), 0);
	/* The server kept serving. */
	buf->words[0] = 41;
	CHECK_EQ(vg_ipc_call_msg(ep, VG_IPC_TAG(LABEL_REVERSE, 1, 0), buf, &tag), 0);
	CHECK_EQ(buf->words[0], 42);
	CHECK_EQ(vg_ipc_call_msg(ep, VG_IPC_TAG(LABEL_STOP, 0, 0), buf, &tag), 0);
	vg_handle_close(note);
	vg_handle_close(ep);
}

static void register_only_server(uint64_t ep)
{
	struct msg m;
	long st = reply_recv((vg_handle_t)ep, NULL, &m); /* no IPC buffer */
	while (st >= 0 && m.tag != 0) {
		struct msg r = { 1, { 0, 0, 0, 0 } };
		st = reply_recv((vg_handle_t)ep, &r, &m);
	}
	vg_ipc_reply(0, 0, 0, 0, 0);
	vg_thread_exit(0);
}

UTEST(ipc_buffer_refuses_bad_registrations)
{
	CHECK_EQ(vg_ipc_buffer_set(0x400001), ERR_INVALID_ARGS);
	CHECK_EQ(vg_ipc_buffer_set(0x200000), ERR_BAD_ADDRESS); /* unmapped */
	CHECK_EQ(vg_ipc_buffer_set(0xffffffff80100000ull), ERR_BAD_ADDRESS); /* kernel */
	CHECK_EQ(vg_ipc_buffer_set(0x400000), ERR_BAD_ADDRESS); /* our code: read-only */
	/* A receiver without a buffer: messages that need one are refused, the
	 * register-only ones still pass. */
	vg_handle_t ep;
	CHECK_EQ(vg_endpoint_create(&ep), 0);
	uintptr_t sp = vg_stack_create(self_h, 16384);
	vg_handle_t t;
	CHECK_EQ(vg_thread_create(self_h, (uintptr_t)register_only_server, sp, ep, 0, &t), 0);
	struct vg_ipc_buffer *buf = vg_ipc_buffer();
	uint64_t tag;
	CHECK_EQ(vg_ipc_call_msg(ep, VG_IPC_TAG(5, 8, 0), buf, &tag), ERR_BAD_STATE);
	CHECK_EQ(vg_ipc_call_msg(ep, VG_IPC_TAG(5, 4, 0), buf, &tag), 0);
	CHECK_EQ(tag, 1);
	CHECK_EQ(vg_ipc_call_msg(ep, 0, buf, &tag), 0);
	vg_handle_close(t);
	vg_handle_close(ep);
}

UTEST(ipc_buffer_pins_never_write_into_a_snapshot)
{
	vg_handle_t ep, vmo, snap;
	CHECK_EQ(vg_endpoint_create(&ep), 0);
	CHECK_EQ(vg_thread_start(buffer_server, ep, NULL), 0);
	CHECK_EQ(vg_vmo_create(VG_IPC_BUFFER_SIZE, 0, &vmo), 0);
	uintptr_t at = 0;
	CHECK_EQ(vg_vm_map(self_h, vmo, 0, VG_IPC_BUFFER_SIZE, VG_VM_READ | VG_VM_WRITE, &at), 0);
	struct vg_ipc_buffer *b = (struct vg_ipc_buffer *)at;
	CHECK_EQ(vg_ipc_buffer_set(at), 0);
	uint64_t tag;
	for (int i = 0; i < 8; i++)
		b->words[i] = 100 + (uint64_t)i;
	CHECK_EQ(vg_ipc_call_msg(ep, VG_IPC_TAG(LABEL_REVERSE, 8, 0), b, &tag), 0);
	CHECK_EQ(b->words[7], 101);
	/* A copy-on-write child gets a copy of the pinned pages: moves go on
	 * through the pin, without registering the buffer again, and never
	 * reach the child. */
	CHECK_EQ(vg_vmo_create_child(vmo, 0, VG_IPC_BUFFER_SIZE, 0, &snap), 0);
	for (int i = 0; i < 8; i++)
		b->words[i] = 200 + (uint64_t)i;
	CHECK_EQ(vg_ipc_call_msg(ep, VG_IPC_TAG(LABEL_REVERSE, 8, 0), b, &tag), 0);
	CHECK_EQ(b->words[0], 208);
	uint64_t seen[8];
	CHECK_EQ(vg_vmo_read(snap, 0, seen, sizeof(seen)), 0);
	CHECK_EQ(seen[4], 104); /* the snapshot kept what it had */
	CHECK_EQ(seen[7], 101);
	/* A VMO shrunk under the pin takes the page away: moves stop (the pin
	 * keeps the page, so nothing is written into freed memory), even a
	 * call of registers only, whose reply might need the buffer. */
	CHECK_EQ(vg_vmo_set_size(vmo, 0), 0);
	uint64_t a[6] = { ep, VG_IPC_TAG(LABEL_REVERSE, 1, 0), 7, 0, 0, 0 }, r[5];
	CHECK_EQ(vg_syscall6_r(VG_SYS_ipc_call, a, r), ERR_BAD_STATE); /* b is gone too */
	CHECK_EQ(vg_vmo_set_size(vmo, VG_IPC_BUFFER_SIZE), 0);
	CHECK_EQ(vg_ipc_buffer_set(at), 0); /* new pages, pinned again */
	b->words[0] = 7;
	CHECK_EQ(vg_ipc_call_msg(ep, VG_IPC_TAG(LABEL_REVERSE, 1, 0), b, &tag), 0);
	CHECK_EQ(b->words[0], 8);
	CHECK_EQ(vg_ipc_buffer_set((uintptr_t)vg_ipc_buffer()), 0);
	CHECK_EQ(vg_ipc_call_msg(ep, VG_IPC_TAG(LABEL_STOP, 0, 0), vg_ipc_buffer(), &tag), 0);
	vg_vm_unmap(self_h, at, VG_IPC_BUFFER_SIZE);
	vg_handle_close(snap);
	vg_handle_close(vmo);
	vg_handle_close(ep);
}

/* The server snapshots the process (fork's vm_clone in another thread)
 * after it received our call and before it replies: the reply, 8 words,
 * must still land in our buffer. Before pinned pages were kept out of
 * snapshots, the pin went stale under the waiting caller and the reply
 * could not move after the server had done the work. */
UTEST(ipc_reply_lands_after_a_snapshot_taken_during_the_call)
{
	vg_handle_t ep;
	CHECK_EQ(vg_endpoint_create(&ep), 0);
	CHECK_EQ(vg_thread_start(buffer_server, ep, NULL), 0);
	struct vg_ipc_buffer *buf = vg_ipc_buffer();
	uint64_t tag = 0;
	int landed = 0;
	for (int round = 0; round < 20; round++) {
		for (int i = 0; i < 8; i++)
			buf->words[i] = (uint64_t)(round * 10 + i);
		if (vg_ipc_call_msg(ep, VG_IPC_TAG(LABEL_CLONE, 8, 0), buf, &tag) ||
		    VG_IPC_TAG_WORDS(tag) != 8 || buf->words[0] != (uint64_t)(round * 10 + 8))
			break; /* the server has stopped (see buffer_server) */
		landed++;
	}
	CHECK_EQ(landed, 20);
	if (landed == 20)
		CHECK_EQ(vg_ipc_call_msg(ep, VG_IPC_TAG(LABEL_STOP, 0, 0), buf, &tag), 0);
	vg_handle_close(ep);
}
