/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * libvg, the Verdigris native runtime: the one include for programs.
 *
 * A program is `int main(void)` linked by mk/user.mk into a static,
 * non-PIE ELF64: crt0.o (lib/vg/arch/<arch>/crt0.S) first, then the
 * program's objects, then libvg.a, with lib/vg/user.ld (code at 0x400000,
 * separate RX, R and RW segments).
 *
 * Start-up. A program's first thread enters _start (crt0.S) with the
 * address of its struct vg_startup (abi/verdigris/types.h: flags, handles,
 * arguments, environment) in the first argument register; the kernel puts
 * it there for the root task and vg_spawn for every other program. _start
 * ends the frame-pointer chain and calls vg_start, which records the block
 * (vg_startup()), gives the first thread its control block and static TLS
 * block (vg_runtime_init), calls main() and ends the thread with main's
 * return value (vg_exit). Output goes to the block's log handle. No heap
 * and no constructors (.bss is zero because the ELF loader zero-fills past
 * each segment's file size). Programs linked with the C library start in
 * lib/c/os/start instead, which adds those.
 *
 * System calls. <vg/syscall.h> has vg_<name>(...) for every call in
 * abi/verdigris/syscalls.def, generated from that list; each returns the
 * primary result, >= 0 on success and a negative ERR_* code otherwise.
 *
 * Output. vg_printf, vg_vprintf and vg_puts format into a 256-byte buffer
 * on the caller's stack and write it to the log handle with log_write: one
 * system call, and so one log record, per line (a line longer than a log
 * record holds, 255 bytes, is split). Nothing is kept between calls, so
 * threads may print concurrently and a crash loses nothing printed. The
 * formatter is the kernel's own (kernel/lib/fmt.c, compiled into libvg):
 * flags "-0+ #", width and precision, hh h l ll z t j, conversions
 * d i u x X o c s p %; no floating point. vg_snprintf and vg_vsnprintf
 * expose it for strings.
 *
 * Also in libvg: memcpy, memmove, memset, memcmp and the str* functions of
 * kernel/lib/string.c, which the compiler may call on its own.
 */
#ifndef VG_VG_H
#define VG_VG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <verdigris/types.h>
#include <vg/syscall.h>
#if defined(__x86_64__)
#include <vg/ioport.h> /* vg_inb, vg_outb */
#endif

/* The architecture the program was built for, as the build names it
 * (ARCH=...), for messages. */
#if defined(__x86_64__)
#define VG_ARCH_NAME "x86_64"
#elif defined(__aarch64__)
#define VG_ARCH_NAME "aarch64"
#elif defined(__riscv) && __riscv_xlen == 64
#define VG_ARCH_NAME "riscv64"
#else
#error "libvg: unsupported architecture"
#endif

/* Called by crt0 only: vg_runtime_init, then main() (int main(void)),
 * then vg_exit with main's value. */
_Noreturn void vg_start(uint64_t arg0, uint64_t arg1);
/* Records the start arguments and gives the calling (first) thread its
 * control block and TLS block. vg_start's first step, and the C library's
 * (lib/c/os/start). */
void vg_runtime_init(uint64_t arg0, uint64_t arg1);

/* Ends the calling thread with code (thread_exit); never returns. */
_Noreturn void vg_exit(long code);

/* Maps size fresh zeroed bytes (a multiple of the page size) into process,
 * read/write; the address, or 0 on failure. */
uintptr_t vg_map_anon(vg_handle_t process, size_t size);

/* Maps a fresh stack of size bytes (a multiple of the page size) into
 * process and returns the stack pointer a thread entering there must start
 * with (the arch's calling convention), or 0 on failure. */
uintptr_t vg_stack_create(vg_handle_t process, size_t size);

/* Threads. Each thread of a program has a control block reached through
 * the arch's thread pointer (set up by vg_start for the first thread and by
 * vg_thread_start for the others): today it holds the thread's IPC buffer,
 * made on first use. Threads created with the raw vg_thread_create have
 * none unless the creator gives them one. */
struct vg_tcb {
	struct vg_tcb *self; /* x86-64: %fs:0 */
	struct vg_ipc_buffer *ipc_buffer;
	void *dtv; /* ld.so's blocks of dlopen'ed modules' TLS (lib/ld/tls.c) */
};
/* Static TLS (lib/vg/tls.c): the bytes one thread's area needs (control
 * block, TLS block, alignment slack), and the setting up of such an area:
 * the TLS block copied from the executable's image, the control block
 * cleared and pointing at itself in *tcb; returns the thread-pointer value
 * for it. The layout is each architecture's TLS ABI (see tls.c). With
 * zeroed (the area is fresh anonymous memory or .bss, all zero) the
 * zero-filled part (.tbss, the control block) is not written again: a
 * large .tbss's pages are then only faulted in when used. */
size_t vg_tls_area_size(void);
uintptr_t vg_tls_init(void *area, bool zeroed, struct vg_tcb **tcb);
/* How far from the thread pointer (above: AArch64, RISC-V; below: x86_64)
 * the linker expects an executable's TLS block of memsz bytes aligned to
 * align whose template is at image: the offset its local-exec accesses
 * use. Loaders describe a template to vg_tls_init with it (struct
 * vg_startup.tls_offset). */
size_t vg_tls_exe_offset(uintptr_t image, size_t memsz, size_t align);
/* The calling thread's copy of the template: in a static program, the
 * executable's TLS block (what __tls_get_addr needs there). */
void *vg_tls_block(void);
/* What __tls_get_addr adds to the offsets it is given (RISC-V's psABI
 * biases them by -0x800 so that 12-bit immediates reach more). */
#if defined(__riscv)
#define VG_TLS_DTP_BIAS 0x800
#else
#define VG_TLS_DTP_BIAS 0
#endif
#define VG_THREAD_STACK_SIZE (64 * 1024)
/* Starts fn(arg) on a new thread of this process with its own stack and
 * control block; *out (if not NULL) gets its handle. 0 or an ERR_*. */
long vg_thread_start(void (*fn)(uint64_t), uint64_t arg, vg_handle_t *out);
/* The calling thread's control block. */
static inline struct vg_tcb *vg_tcb(void)
{
	uintptr_t tp = vg_arch_thread_pointer();
	return VG_TCB_BELOW_TP ? (struct vg_tcb *)tp - 1 : (struct vg_tcb *)tp;
}
/* The thread-pointer value that makes tcb the calling thread's. */
static inline uintptr_t vg_tp_for(struct vg_tcb *tcb)
{
	return VG_TCB_BELOW_TP ? (uintptr_t)(tcb + 1) : (uintptr_t)tcb;
}
/* The calling thread's IPC buffer, mapped and registered on first use;
 * NULL when that fails. */
struct vg_ipc_buffer *vg_ipc_buffer(void);
/* This process's own handle (the start block's self). */
vg_handle_t vg_self(void);

/* Messages through the IPC buffer (abi/verdigris/ipc.h). words 0-3 travel
 * in registers: these load them from buf->words and store the received
 * ones back, so that buf holds the whole message either way. */
long vg_ipc_call_msg(vg_handle_t ep, uint64_t tag, struct vg_ipc_buffer *buf, uint64_t *reply_tag);
/* Replies with reply_tag (VG_IPC_NO_REPLY: none owed, just receive), then
 * receives: the badge, or an error. */
#define VG_IPC_NO_REPLY UINT64_MAX
long vg_ipc_reply_recv_msg(vg_handle_t ep, uint64_t reply_tag, struct vg_ipc_buffer *buf,
			   uint64_t *recv_tag);

/* The startup block the program was started with, and the log handle
 * output goes to (the block's). */
const struct vg_startup *vg_startup(void);
vg_handle_t vg_log_handle(void);
/* Makes su the block vg_startup() returns: a forked child's (lib/c's
 * fork), whose handle values are its own, not its parent's. */
void vg_startup_set(const struct vg_startup *su);

/* The boot archive (struct vg_startup.initrd), mapped read-only on first
 * use and validated, or indexed by the spawner (initrd_index); and a file
 * in it by path ("bin/hello"). ERR_NOT_FOUND when the program has none or
 * the file is not there. */
long vg_initrd_map(const void **base, size_t *len);
long vg_initrd_find(const char *path, const void **data, size_t *len);
/* The archive's name index as this process may pass it on (read-only):
 * false when it has none (never searched the archive). */
bool vg_initrd_index(vg_handle_t *vmo, uint64_t *slots);
/* Whether [data, data + len) lies in the boot archive as this program
 * mapped it (never maps it), and where: *offset from its start. */
bool vg_initrd_holds(const void *data, size_t len, uint64_t *offset);

/* The handle the program was started with under tag and arg (struct
 * vg_startup_handle, VG_HTAG_*), or VG_HANDLE_INVALID if none. */
vg_handle_t vg_startup_find(uint32_t tag, uint32_t arg);

/* What vg_spawn starts: the ELF64 program in image (fixed-address,
 * position-independent, or dynamic: its interpreter comes from the boot
 * archive), argv and envp
 * (NULL-terminated; either may be NULL), and further tagged handles. */
struct vg_spawn_req {
	const void *image;
	size_t len;
	const char *const *argv;
	const char *const *envp;
	/* Moved into the child, whose startup block lists them with their tags
	 * and args. They are consumed whether or not the call succeeds (the
	 * caller never has to guess which ones are still its own). */
	const struct vg_startup_handle *handles;
	size_t nhandles; /* at most VG_SPAWN_MAX_HANDLES */
	/* What the spawner vouches for, on a read-only page of the child's
	 * (vg_startup.aux); NULL: no page. */
	const struct vg_startup_aux *aux;
};

#define VG_SPAWN_MAX_HANDLES 128

/* Starts req's program as a new process with its arguments, its handles
 * and those every program gets: the log (write), itself, the boot archive.
 * *process_out gets the process's handle (wait for its exit through a
 * port). A malformed image is ERR_BAD_FORMAT with the reason in *why (if
 * not NULL); arguments and handles that do not fit the 16 KiB startup
 * block are ERR_OUT_OF_RANGE. */
long vg_spawn(const struct vg_spawn_req *req, vg_handle_t *process_out, const char **why);
/* Descriptors 1 and 2 on the kernel log, for a program without a
 * terminal (a service, a server): two VG_HTAG_FD startup handles into
 * out, each a duplicate of our log handle that may only write (the C
 * library makes them FD_LOG descriptors: its printf becomes log records).
 * 0, or an error with nothing made. */
long vg_spawn_log_fds(struct vg_startup_handle out[2]);
/* vg_spawn into process, made with vg_process_create, so that the caller
 * could name the process first (init grants a bus name owned by it);
 * process is consumed like the handles. */
long vg_spawn_in(const struct vg_spawn_req *req, vg_handle_t process, vg_handle_t *process_out,
		 const char **why);
/* A program's pages prepared by an earlier spawn of the same image (vmo
 * holds them all; image says which, VG_HANDLE_INVALID: none yet). */
struct vg_spawn_cache {
	const void *image;
	vg_handle_t vmo;
};
/* vg_spawn_in reusing cache's pages when it holds req's image (read-only
 * segments mapped as they are, writable ones copy-on-write) instead of
 * loading them again, and filling it (its old vmo closed) when it holds
 * another. Only for an image whose memory never changes while the cache
 * holds it (the boot archive's files); the caller owns cache->vmo. An
 * image that must be relocated where it loads is never cached. process:
 * as vg_spawn_in's, or VG_HANDLE_INVALID for a new one. */
long vg_spawn_cached(const struct vg_spawn_req *req, struct vg_spawn_cache *cache,
		     vg_handle_t process, vg_handle_t *process_out, const char **why);

/* Formatted output to the log. Return the number of characters produced,
 * or the negative ERR_* code of the first log_write that failed. */
int vg_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int vg_vprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
/* s and a newline, like puts. */
int vg_puts(const char *s);

/* C99 snprintf semantics: always terminated when size > 0, returns the
 * length the whole output would have. */
int vg_snprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int vg_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));

#endif
