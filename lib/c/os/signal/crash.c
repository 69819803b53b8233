// SPDX-License-Identifier: BSD-2-Clause
// The crash report: a process ended by a fault's signal (SIGSEGV, SIGBUS,
// SIGILL, SIGFPE, SIGTRAP) or by abort() logs, before it dies, one report
// in the kernel log (what dmesg shows): who it was, the signal, its code
// and the fault address, the registers of the interrupted context, and a
// backtrace whose addresses are named "function+0xoff" from the program's
// ELF symbol table, or, in a dynamically linked program, from the symbol
// table of the shared object holding them ("function+0xoff in libx.so",
// found through the dynamic loader: struct vg_loader's module_at).
//
// Nothing here trusts the crashed state. The frame-pointer chain is walked
// by the kernel (user_backtrace) with its fault-safe user copies, so a
// garbage chain only shortens the trace; the symbol table is read from the
// program's file in the boot archive (vg_startup.image_offset), checked by
// lib/c/elf/elfsym.c as any untrusted file. Only the first report runs: a
// fault inside the reporter (or another thread crashing meanwhile) ends
// the process with the kernel's plain report instead.
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <string.h>
#include <verdigris/intr.h>
#include <vg/loader.h>
#include <vg/vg.h>

#include "../../internal/elfsym.h"
#include "../internal/signal.h"

#if defined(__x86_64__)
#define REG_PC(r) ((r)->rip)
#define REG_FP(r) ((r)->rbp)
static const char *const reg_names[] = {
	"r15", "r14", "r13", "r12", "r11", "r10", "r9",	 "r8", "rbp",	 "rdi", "rsi",
	"rdx", "rcx", "rbx", "rax", NULL,  NULL,  "rip", "cs", "rflags", "rsp", "ss",
};
#elif defined(__aarch64__)
#define REG_PC(r) ((r)->pc)
#define REG_FP(r) ((r)->x[29])
static const char *const reg_names[] = {
	"x0",  "x1",  "x2",  "x3",     "x4",  "x5",  "x6",    "x7",  "x8",  "x9",
	"x10", "x11", "x12", "x13",    "x14", "x15", "x16",   "x17", "x18", "x19",
	"x20", "x21", "x22", "x23",    "x24", "x25", "x26",   "x27", "x28", "fp",
	"lr",  "sp",  "pc",  "pstate", "esr", "far", "tpidr", NULL,
};
#elif defined(__riscv)
#define REG_PC(r) ((r)->pc)
#define REG_FP(r) ((r)->x[8])
static const char *const reg_names[] = {
	NULL,  "ra",  "sp", "gp", "tp", "t0", "t1", "t2",      "s0",	 "s1",	  "a0", "a1", "a2",
	"a3",  "a4",  "a5", "a6", "a7", "s2", "s3", "s4",      "s5",	 "s6",	  "s7", "s8", "s9",
	"s10", "s11", "t3", "t4", "t5", "t6", "pc", "sstatus", "scause", "stval", NULL, NULL,
};
#endif

_Static_assert(sizeof(reg_names) / sizeof(reg_names[0]) * 8 == sizeof(struct vg_intr_regs),
	       "one name (or NULL: not shown) per saved register");

/* The program's symbols, when its file is found and accepted. */
struct program_syms {
	struct elfsym es;
	uint64_t bias;
	bool ok;
};

static void program_syms_open(struct program_syms *p)
{
	const struct vg_startup *su = vg_startup();
	const void *archive;
	size_t len;
	p->ok = false;
	if (!su || !su->image_size || vg_initrd_map(&archive, &len) || su->image_offset > len ||
	    su->image_size > len - su->image_offset)
		return;
	p->bias = su->prog_base;
	p->ok = !elfsym_open(&p->es, (const char *)archive + su->image_offset, su->image_size);
}

/* The name of a shared object's function holding look (NULL: none); the
 * object's name into *object. Each lookup parses the object's file again:
 * a report has a few dozen frames at most. */
static const char *library_symbol(uint64_t look, char name[ELFSYM_NAME_MAX + 1], uint64_t *off,
				  const char **object)
{
	const struct vg_startup *su = vg_startup();
	const struct vg_loader *ld = su ? (const struct vg_loader *)(uintptr_t)su->loader : NULL;
	struct vg_loader_module m;
	struct elfsym es;
	if (!ld || !ld->module_at || ld->module_at(look, &m) || look < m.base ||
	    elfsym_open(&es, m.file, m.file_size) || elfsym_lookup(&es, look - m.base, name, off))
		return NULL;
	*object = m.name;
	return name;
}

/* One backtrace line: the address, then "function+0xoff" when a symbol
 * of the program holds it, or "function+0xoff in library" for one of a
 * shared object. A return address is named by the call before it (ret -
 * 1: the call may be a function's last instruction). */
static void print_frame(const struct program_syms *p, int depth, uint64_t addr, bool is_return)
{
	char name[ELFSYM_NAME_MAX + 1];
	uint64_t look = addr - (is_return ? 1 : 0), off;
	const char *object = NULL;
	if ((p->ok && look >= p->bias && !elfsym_lookup(&p->es, look - p->bias, name, &off)) ||
	    library_symbol(look, name, &off, &object))
		vg_printf("  #%d %#018llx %s+%#llx%s%.64s\n", depth, (unsigned long long)addr, name,
			  (unsigned long long)(off + (is_return ? 1 : 0)), object ? " in " : "",
			  object ? object : "");
	else
		vg_printf("  #%d %#018llx\n", depth, (unsigned long long)addr);
}

static void print_registers(const struct vg_intr_regs *r)
{
	const uint64_t *word = (const uint64_t *)r;
	char line[128];
	size_t used = 0;
	for (size_t i = 0; i < sizeof(reg_names) / sizeof(reg_names[0]); i++) {
		if (!reg_names[i])
			continue;
		used += (size_t)vg_snprintf(line + used, sizeof(line) - used, "  %-6s %016llx",
					    reg_names[i], (unsigned long long)word[i]);
		if (used > sizeof(line) - 30) { /* four to a line */
			vg_printf("%s\n", line);
			used = 0;
		}
	}
	if (used)
		vg_printf("%s\n", line);
}

bool __libc_crash_report(const siginfo_t *info, const struct vg_intr_frame *f, int wait_status)
{
	static atomic_flag once = ATOMIC_FLAG_INIT;
	if (atomic_flag_test_and_set(&once))
		return false;
	const struct vg_startup *su = vg_startup();
	const char *const *argv = su && su->argv ? (const char *const *)(uintptr_t)su->argv : NULL;
	const char *name = argv && argv[0] ? argv[0] : "?";
	char pid[24] = "no pid"; /* started without a process server */
	if (__libc_pid > 0)
		vg_snprintf(pid, sizeof(pid), "pid %d", (int)__libc_pid);
	vg_printf("process %.64s (%s) killed: signal %d (%s), si_code %d, fault address "
		  "0x%llx, wait status %d\n",
		  name, pid, info->si_signo, strsignal(info->si_signo), info->si_code,
		  (unsigned long long)(uintptr_t)info->si_addr, wait_status);
	print_registers(&f->regs);
	struct program_syms p;
	program_syms_open(&p);
	uint64_t ret[32];
	long n = vg_user_backtrace(REG_FP(&f->regs), ret, sizeof(ret) / sizeof(ret[0]));
	vg_printf("backtrace%s:\n", p.ok ? "" : " (no symbols)");
	print_frame(&p, 0, REG_PC(&f->regs), false);
	for (long i = 0; i < n; i++)
		print_frame(&p, (int)i + 1, ret[i], true);
	return true;
}
