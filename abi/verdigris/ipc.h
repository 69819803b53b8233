/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The IPC message format and the port packet, shared by the kernel and user
 * space.
 *
 * A message is a tag, words and handles. The tag (VG_IPC_TAG) carries a
 * 32-bit label of the protocol's choosing, the number of words and the
 * number of handles. Words 0-3 always travel in registers (they are the
 * argument and result registers of ipc_call, ipc_reply and ipc_reply_recv);
 * words 4 and up, and the handles, travel through the IPC buffer of the
 * sending and of the receiving thread: a struct vg_ipc_buffer in the
 * thread's own memory that it registered with ipc_buffer_set. The kernel
 * copies words 4..nwords-1 from the sender's buffer into the receiver's,
 * at the same indices, and moves the handles: each one named in the
 * sender's handles[] leaves the sender's table (it needs the transfer
 * right) and arrives in the receiver's, whose handles[] and handle_info[]
 * then hold the new values and their types and rights. A message that
 * needs a buffer fails with ERR_BAD_STATE when either side has none.
 */
#ifndef VERDIGRIS_IPC_H
#define VERDIGRIS_IPC_H

#include <stdint.h>

#define VG_IPC_REG_WORDS 4 /* words that travel in registers */
#define VG_IPC_MAX_WORDS 1016 /* words in a message, registers included */
#define VG_IPC_MAX_HANDLES 8
#define VG_IPC_BUFFER_SIZE 8192 /* two pages, page aligned */

/* tag = label | nwords << 32 | nhandles << 48 */
#define VG_IPC_TAG(label, nwords, nhandles) \
	((uint64_t)(uint32_t)(label) | (uint64_t)(nwords) << 32 | (uint64_t)(nhandles) << 48)
#define VG_IPC_TAG_LABEL(tag) ((uint32_t)(tag))
#define VG_IPC_TAG_WORDS(tag) ((uint32_t)((tag) >> 32) & 0x3ffu)
#define VG_IPC_TAG_HANDLES(tag) ((uint32_t)((tag) >> 48) & 0xfu)
/* Bits that must be zero in a tag. */
#define VG_IPC_TAG_RESERVED 0xfff0fc0000000000ull
/* A received tag with this (reserved) bit is the kernel's, never a
 * caller's: the last handle with the badge received was closed (endpoint_watch;
 * no words, no handles, no reply owed). */
#define VG_IPC_TAG_BADGE_CLOSED (1ull << 63)

struct vg_ipc_buffer {
	uint64_t words[VG_IPC_MAX_WORDS]; /* [0..3] unused by the kernel */
	uint32_t handles[VG_IPC_MAX_HANDLES];
	/* On receipt: handle i's type (bits 16-23) and rights (bits 0-7). */
	uint32_t handle_info[VG_IPC_MAX_HANDLES];
};
#define VG_IPC_HANDLE_TYPE(info) (((info) >> 16) & 0xffu)
#define VG_IPC_HANDLE_RIGHTS(info) ((info)&0xffu)

_Static_assert(sizeof(struct vg_ipc_buffer) == VG_IPC_BUFFER_SIZE, "IPC buffer layout");

/*
 * A port packet: what port_wait returns. A source bound to a port
 * (port_bind, one packet per binding) fills in its type, a status (0, or
 * ERR_CANCELED when the source went away first) and up to four words.
 */
enum vg_packet_type {
	VG_PACKET_NOTIFICATION = 1, /* data[0]: the bits, read and cleared */
	VG_PACKET_ENDPOINT = 2, /* a caller is waiting: ipc_recv will not block */
	VG_PACKET_TIMER = 3, /* data[0]: expirations since the last packet */
	VG_PACKET_IRQ = 4, /* data[0]: count, [1]: the line; masked until irq_ack */
	VG_PACKET_THREAD_EXIT = 5, /* data[0]: exit code */
	VG_PACKET_PROCESS_EXIT = 6, /* data[0]: exit code */
	VG_PACKET_EXCEPTION = 7, /* data: thread koid, cause, address, pc */
	/* process_watch_stops: data[0] 1 stopped (process_suspend), 0 continued */
	VG_PACKET_PROCESS_STOP = 8,
	/* process_watch_stops too: a process_interrupt_hold ended without an
	 * entry, interruptions waiting: process_interrupt_unhold takes them */
	VG_PACKET_PROCESS_UNHELD = 9,
};

/* Exception packets: data[1], the cause. */
enum vg_exception_cause {
	VG_EXC_READ_FAULT = 1, /* data[2]: the address */
	VG_EXC_WRITE_FAULT = 2,
	VG_EXC_EXEC_FAULT = 3,
	VG_EXC_OTHER = 4, /* anything not below (x86: a general protection fault) */
	VG_EXC_ILLEGAL = 5, /* an undefined or privileged instruction; the pc */
	VG_EXC_ARITHMETIC = 6, /* x86 divide error, x87/SIMD FP error; the pc */
	VG_EXC_ALIGNMENT = 7, /* a misaligned access or a bus error; the address */
	VG_EXC_BREAKPOINT = 8, /* a breakpoint instruction; the pc */
	/* an access inside a mapping but past the end of its memory object
	 * (a file mapping past the end of the file: SIGBUS); the address */
	VG_EXC_PAST_END = 9,
};

struct vg_port_packet {
	uint64_t key; /* the key given to port_bind */
	uint32_t type; /* enum vg_packet_type */
	int32_t status;
	uint64_t data[4];
};

#endif
