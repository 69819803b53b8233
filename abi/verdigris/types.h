/* SPDX-License-Identifier: BSD-2-Clause */
/* Types and constants of the kernel/user ABI, shared by the kernel and user
 * space; the lists behind them are the .def files beside this header. */
#ifndef VERDIGRIS_TYPES_H
#define VERDIGRIS_TYPES_H

#include <stddef.h>
#include <stdint.h>
#include <verdigris/errors.h>
#include <verdigris/ipc.h>

typedef uint32_t vg_handle_t;
#define VG_HANDLE_INVALID ((vg_handle_t)0)

enum vg_object_type {
#define OBJ(name, value, text) VG_OBJ_##name = (value),
#include <verdigris/objects.def>
#undef OBJ
};

enum vg_right {
#define RIGHT(name, bit, text) VG_RIGHT_##name = (1u << (bit)),
#include <verdigris/rights.def>
#undef RIGHT
};
#define VG_RIGHTS_ALL 0xffu

enum vg_syscall {
#define SYSCALL0(n, name) VG_SYS_##name = (n),
#define SYSCALL1(n, name, ...) VG_SYS_##name = (n),
#define SYSCALL2(n, name, ...) VG_SYS_##name = (n),
#define SYSCALL3(n, name, ...) VG_SYS_##name = (n),
#define SYSCALL4(n, name, ...) VG_SYS_##name = (n),
#define SYSCALL5(n, name, ...) VG_SYS_##name = (n),
#define SYSCALL6(n, name, ...) VG_SYS_##name = (n),
/* The list must come before the #undefs: no include sorting here. */
// clang-format off
#include <verdigris/syscalls.def>
#include <verdigris/syscall_undef.h>
	// clang-format on
};

struct vg_handle_info {
	uint32_t type; /* enum vg_object_type */
	uint32_t rights; /* enum vg_right bits */
	uint64_t badge;
	uint64_t koid; /* the object's id, unique for the life of the system */
};

/* vm_map flags: protections, and FIXED to map exactly at *addr. SHARED:
 * the mapping stays the same memory in a vm_clone copy (fork), where a
 * writable mapping of an anonymous VMO otherwise becomes a copy-on-write
 * snapshot. POPULATE: the VMO's pages committed already enter the page
 * table now (the first touches do not fault; nothing is allocated).
 * vm_protect takes the protections only. */
#define VG_VM_READ 0x1u
#define VG_VM_WRITE 0x2u
#define VG_VM_EXEC 0x4u
#define VG_VM_FIXED 0x100u
#define VG_VM_SHARED 0x200u
#define VG_VM_POPULATE 0x400u
/* The mapping may reach past the VMO's end, or start past it (a file
 * mapping past the end of the file): an access there faults with VG_EXC_PAST_END (SIGBUS), as one
 * does after vmo_set_size shrinks a VMO under a mapping, until it grows. */
#define VG_VM_PAST_END 0x800u
/* vmo_create_child flags: the child covers only the part of the range the
 * parent has (empty when it has none of it), for a copy of a mapping that
 * may reach past the parent's end. */
#define VG_CHILD_UP_TO_END 0x1u

/* Resource kinds (resource_create). A ROOT resource covers every range of
 * every kind; the others one range of one kind: physical addresses (MMIO and
 * DMA), interrupt numbers, x86 I/O ports. */
#define VG_RESOURCE_ROOT 0u
#define VG_RESOURCE_MMIO 1u
#define VG_RESOURCE_IRQ 2u
#define VG_RESOURCE_IOPORT 3u

/* system_power's actions (with the root resource, VG_RIGHT_MANAGE). */
#define VG_POWER_OFF 0u
#define VG_POWER_REBOOT 1u

/* Cache attributes of physical and contiguous vmos (vmo_create_physical's
 * cache, the low bits of vmo_create_contiguous's flags), applied to every
 * mapping of them. WRITE_COMBINE falls back to UNCACHED where the
 * architecture has no such type (RISC-V without Svpbmt: memory types come
 * from the platform there). */
#define VG_CACHE_CACHED 0u
#define VG_CACHE_UNCACHED 1u /* device memory: uncached, no merging or reordering */
#define VG_CACHE_WRITE_COMBINE 2u
#define VG_CACHE_MASK 0x3u
/* vmo_create_contiguous: pages below 4 GiB (for devices with 32-bit DMA). */
#define VG_CONTIG_BELOW_4G 0x100u

/* What the root task finds at its second start argument. */
struct vg_startup {
	uint64_t flags; /* VG_STARTUP_* */
	vg_handle_t log; /* the kernel log: read, write, duplicate, transfer */
	vg_handle_t self; /* this process: map, manage */
	vg_handle_t
		resource; /* every physical range, irq and I/O port: manage, duplicate, transfer */
	vg_handle_t initrd; /* a vmo holding the boot archive (cpio newc): read, map, ... */
	uint64_t initrd_size; /* its length in bytes */
	/* Arguments and environment: argc, then NULL-terminated arrays of
	 * pointers to NUL-terminated strings in the process's memory (the
	 * kernel gives the root task its path as argv[0] and no environment). */
	uint64_t argc;
	uint64_t argv; /* const char *const * */
	uint64_t envp; /* const char *const * */
	/* Further handles, each tagged with what it is for (VG_HTAG_*):
	 * nhandles entries of struct vg_startup_handle at address handles. */
	uint64_t nhandles;
	uint64_t handles; /* const struct vg_startup_handle * */
	/* The program's static TLS template when its loader laid it out
	 * (VG_STARTUP_TLS: vg_spawn for a position-independent program, ld.so
	 * for a dynamic one; without the flag the program's linker script says
	 * where it is): tls_memsz bytes whose first tls_filesz are copied from
	 * tls_image, aligned to tls_align, starting tls_offset bytes above the
	 * thread pointer (AArch64, RISC-V) or below it (x86_64). */
	uint64_t tls_image, tls_filesz, tls_memsz, tls_align, tls_offset;
	/* Set by vg_spawn: the program's load bias (0 unless position-
	 * independent); for a program with an interpreter (PT_INTERP), also
	 * the address and count of its program headers and its entry point. */
	uint64_t prog_base, prog_phdr, prog_phnum, prog_entry;
	/* Set by the dynamic loader (ld.so) before it enters the program: its
	 * interface (struct vg_loader, <vg/loader.h>); 0 in static programs. */
	uint64_t loader;
	/* Where the program's ELF file is inside the boot archive (initrd),
	 * when vg_spawn started it from there: its offset and length (0 when
	 * it came from elsewhere). The C library's crash report reads the
	 * file's symbol table from it; untrusted like any file. */
	uint64_t image_offset, image_size;
	/* What the program's spawner vouches for (struct vg_startup_aux): set
	 * by vg_spawn when asked (the process server always asks), on a page
	 * of its own mapped read-only through a handle without the write
	 * right, so that vm_protect cannot make it writable; 0: none. */
	uint64_t aux;
	/* The boot archive's name index (lib/vg/initrd.c), built once by a
	 * process that searched the archive and passed on read-only by
	 * vg_spawn and fork, so that a new program's first lookup (ld.so's of
	 * libc.so) does not validate and index the whole archive again:
	 * initrd_index_slots (a power of two) slots of a hash and a record
	 * offset. A hint only: every record it names is read and checked, and
	 * its name compared. 0: none. */
	uint64_t initrd_index_slots;
	vg_handle_t initrd_index;
	uint32_t reserved;
};

/* The process server's word on how a program was started, read by the C
 * library's getauxval and by ld.so (docs/ARCHITECTURE.md, section 17.2). */
struct vg_startup_aux {
	uint64_t flags; /* VG_AUX_* */
	uint32_t uid, euid; /* the real and effective user ids it started with */
	uint32_t gid, egid; /* the real and effective group ids (VG_AUX_IDS too) */
	/* VG_AUX_RANDOM: 16 bytes the spawner drew for this program alone
	 * (Linux's AT_RANDOM). */
	uint8_t random[16];
	/* VG_AUX_LOADED: set by vg_spawn, which loaded the program: the
	 * address, entry size and count of its program headers, its entry
	 * point, and its interpreter's load address (0 without one). */
	uint64_t phdr, phent, phnum, entry, interp_base;
	/* VG_AUX_EXECFN: the path it was started by, NUL-terminated. */
	char execfn[256];
};
/* A set-user-ID or set-group-ID program whose ids differ from its real
 * ones (Linux's AT_SECURE): loaders and secure_getenv distrust the
 * environment. */
#define VG_AUX_SECURE 0x1u
#define VG_AUX_IDS 0x2u /* uid, euid, gid and egid are known */
#define VG_AUX_RANDOM 0x4u
#define VG_AUX_LOADED 0x8u
#define VG_AUX_EXECFN 0x10u

/* One handle passed to a new program beyond the fixed ones above. The tag
 * says what it is; arg qualifies it (the fd number of VG_HTAG_FD). */
struct vg_startup_handle {
	uint32_t tag;
	uint32_t arg;
	vg_handle_t handle;
	uint32_t reserved; /* zero */
};
#define VG_HTAG_BUS 1u /* an endpoint to the bus, badged with this program's grant */
#define VG_HTAG_PROC 2u /* an endpoint to the process server */
#define VG_HTAG_FD 3u /* arg: a file descriptor's number; the handle serves it */
#define VG_HTAG_FS_ROOT 4u /* the root directory of the file system */
/* The working directory: a memory object holding its path; arg: the file
 * creation mask (umask). */
#define VG_HTAG_FS_CWD 5u
#define VG_HTAG_SERVER_EP 6u /* a server's own endpoint, to serve (all rights) */
#define VG_HTAG_RESOURCE 7u /* a resource (section 13.1): the devices a driver may take */
/* An endpoint to init's control protocol (idl/init.idl: svc, poweroff);
 * the C library passes it on to every program it spawns or execs. */
#define VG_HTAG_INIT 8u
/* Staged with the process server only (never passed on): the program's
 * file pages (a VMO) for a spawn or exec; arg: the file's length. */
#define VG_HTAG_IMAGE 9u
/* The C library's signal state for the new program (exec, posix_spawn):
 * a VMO holding struct vg_startup_signals. */
#define VG_HTAG_SIGNALS 10u
#define VG_STARTUP_SIGNALS_MAX 96 /* 64 signals, and 32 more queued real-time ones */
struct vg_startup_signals {
	uint64_t mask; /* blocked signals (bit n: signal n) */
	uint64_t pending; /* pending, delivered again (blocked) in the new program */
	uint64_t ignored; /* SIG_IGN actions */
	/* The pending ones one by one, in the order they are kept again (each
	 * queued real-time signal on its own): arg (VG_SIGARG) and value. */
	uint32_t count, reserved;
	struct vg_startup_signal {
		uint64_t arg, value;
	} signals[VG_STARTUP_SIGNALS_MAX];
};
#define VG_HTAG_USER 0x10000u /* from here on: agreed between two programs */
#define VG_STARTUP_RUN_TESTS 0x1u /* the kernel runs its tests: run ours */
#define VG_STARTUP_RUN_BENCH 0x2u /* "bench" on the command line: benchmarks */
#define VG_STARTUP_TLS 0x4u /* tls_* above describe the TLS template */

/* What console_info reports: the UART the kernel prints its own log on, as
 * the firmware described it (x86: COM1; device tree machines: the PL011 or
 * 16550 the kernel found), so that its user-space driver (drv/char/uart)
 * needs no table of its own. Reaching the registers still takes the
 * resource: this is a description, not a grant. */
struct vg_console_info {
	uint32_t kind; /* VG_CONSOLE_* */
	uint32_t irq; /* its line as irq_create numbers it (section 12.1); 0: none known */
	uint64_t base; /* first I/O port (NS16550_PIO) or physical address of the registers */
	uint64_t size; /* ports or bytes of the register window */
	uint32_t reg_shift; /* register i is at base + (i << reg_shift) */
	uint32_t reserved; /* zero */
};
#define VG_CONSOLE_NS16550_PIO 1u /* a 16550 in x86 I/O port space */
#define VG_CONSOLE_NS16550_MMIO 2u /* a 16550 with memory-mapped byte registers */
#define VG_CONSOLE_PL011 3u /* an ARM PL011 (32-bit registers) */

/* What rtc_info reports: the machine's real-time clock as the firmware
 * describes it (x86: the CMOS clock at its fixed ports; device tree
 * machines: the first "arm,pl031" or "google,goldfish-rtc" node), so that
 * its user-space driver (drv/rtc) needs no table of its own. Like
 * console_info, a description, not a grant. */
struct vg_rtc_info {
	uint32_t kind; /* VG_RTC_* */
	uint32_t reserved; /* zero */
	uint64_t base; /* first I/O port (CMOS) or physical address of the registers */
	uint64_t size; /* ports or bytes of the register window */
};
#define VG_RTC_CMOS 1u /* MC146818-compatible: index port base, data port base + 1 */
#define VG_RTC_PL031 2u /* ARM PL031: 32-bit seconds since the epoch at offset 0 */
#define VG_RTC_GOLDFISH 3u /* Goldfish: 64-bit ns since the epoch, TIME_LOW then TIME_HIGH */

/* The CPU's features for user programs (cpu_info), in Linux's layout of
 * the auxiliary vector's AT_HWCAP and AT_HWCAP2 for the architecture:
 * x86_64, CPUID leaf 1's EDX (hwcap2 0: the kernel enables neither
 * FSGSBASE nor ring-3 MONITOR); AArch64, HWCAP_* and HWCAP2_* from the ID
 * registers, for the features usable at EL0 without kernel support
 * beyond what this kernel gives (no SVE, pointer authentication, BTI or
 * MTE); RISC-V, bit (letter - 'a') for each of I, M, A, F, D and C that
 * the device tree's riscv,isa names (Linux's set without V, whose state
 * this kernel does not keep; hwcap2 0). */
struct vg_cpu_info {
	uint64_t hwcap, hwcap2;
};

/* The wall clock's limit (clock_set_realtime): 2^62 ns after the epoch,
 * early in 2116, so that realtime = monotonic + offset stays a positive
 * long (a syscall's result) for a century of uptime after it is set. */
#define VG_REALTIME_MAX (1ull << 62)

/* What process_info reports about a process. */
struct vg_process_info {
	uint64_t koid;
	uint32_t threads; /* alive now */
	uint32_t state; /* VG_PROCESS_* */
	uint64_t mapped; /* bytes of its address space that are mapped */
	uint64_t committed; /* bytes of memory behind those mappings (shared pages count whole) */
	uint64_t cpu_ns; /* CPU time of its threads, the dead ones included */
	int64_t exit_code; /* once dead */
	uint32_t blocked; /* of the threads, those blocked in a call (sleeping) */
	uint32_t suspended; /* 1: process_suspend stopped it */
	uint64_t tables; /* page-table pages of its address space, the root's included */
};
/* memory_info: bytes of RAM the kernel manages (every region the boot
 * loader reported as usable) and bytes of it free now. */
struct vg_memory_info {
	uint64_t total;
	uint64_t free;
};
/* kernel_counts: where the kernel's memory is, to tell a leak from a
 * cache (docs/ARCHITECTURE.md section 14, memory accounting): free pages,
 * the kernel heap (bytes asked for and not freed, pages its slabs and large
 * allocations hold), page-table pages (kernel and user), and the live
 * objects of each type (objects[VG_OBJ_*]). */
#define VG_KERNEL_COUNTS_TYPES 16
struct vg_kernel_counts {
	uint64_t free_pages;
	uint64_t heap_bytes;
	uint64_t heap_slab_pages;
	uint64_t heap_large_pages;
	uint64_t table_pages;
	uint64_t objects[VG_KERNEL_COUNTS_TYPES];
};

#define VG_PROCESS_RUNNING 0u
#define VG_PROCESS_KILLED 1u /* process_kill: its threads are ending */
#define VG_PROCESS_DEAD 2u

/* Per-process limits (process_set_limit; docs/ARCHITECTURE.md section 14.3). */
#define VG_LIMIT_MAPPED 0u /* bytes of address space mapped: ERR_NO_MEMORY beyond */
#define VG_LIMIT_HANDLES 1u /* handles held: ERR_OUT_OF_RANGE beyond */
#define VG_LIMIT_THREADS 2u /* live threads: ERR_OUT_OF_RANGE beyond */
#define VG_LIMIT_COUNT 3u

/* Scheduling (docs/ARCHITECTURE.md section 9): thread_set_sched's
 * policies. VG_SCHED_OTHER is time-shared, weighed by the process's nice
 * (VG_NICE_MIN, most CPU, to VG_NICE_MAX); the real-time ones run above
 * every time-shared thread at a priority from 1 to VG_SCHED_RT_MAX, FIFO
 * until they block or yield, RR with a time slice. Real-time policies and
 * a nice below 0 need the root resource. */
#define VG_SCHED_OTHER 0u
#define VG_SCHED_FIFO 1u
#define VG_SCHED_RR 2u
#define VG_SCHED_RT_MAX 32
#define VG_NICE_MIN (-20)
#define VG_NICE_MAX 19
struct vg_sched_info {
	uint32_t policy; /* VG_SCHED_* */
	int32_t priority; /* the real-time priority; 0 for VG_SCHED_OTHER */
	int32_t nice; /* the thread's process's nice */
	uint32_t reserved; /* 0 */
};

/* The longest text of one kernel log record: log_write keeps this much of
 * a longer one. */
#define VG_LOG_RECORD_MAX 255

/* One kernel log record, as log_read returns it. */
struct vg_log_record {
	uint64_t seq;
	uint64_t time_ns;
	uint32_t level; /* syslog severity */
	uint32_t len; /* text bytes that follow (no NUL) */
	char text[];
};

#endif
