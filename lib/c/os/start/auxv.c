// SPDX-License-Identifier: BSD-2-Clause
// getauxval and issetugid: Linux's auxiliary vector, from what the process
// server and vg_spawn said of this program when they started it (struct
// vg_startup_aux, on a page mapped read-only by vg_spawn through a handle
// that may not write: the program cannot make it say otherwise), the
// kernel's word on the CPU (cpu_info) and the library's own constants.
// AT_SECURE is decided once, at exec, as Linux's: a set-id program stays
// secure after it gives its ids up. A program the process server did not
// start (init's boot services) has no page: what only the page knows is
// then 0 with ENOENT, as any type that no source gives.
#include <errno.h>
#include <sys/auxv.h>
#include <unistd.h>
#include <vg/vg.h>

/* Linux's AT_PLATFORM (its ELF_PLATFORM, which RISC-V leaves unset). */
#if defined(__x86_64__)
#define AUXV_PLATFORM "x86_64"
#elif defined(__aarch64__)
#define AUXV_PLATFORM "aarch64"
#endif

static const struct vg_startup_aux *aux(void)
{
	const struct vg_startup *su = vg_startup();
	return su && su->aux ? (const struct vg_startup_aux *)(uintptr_t)su->aux : NULL;
}

/* The CPU's features, asked once (they do not change). */
static bool cpu(struct vg_cpu_info *out)
{
	static struct vg_cpu_info info;
	static int known; /* 0 not asked, 1 known, -1 refused */
	int k = __atomic_load_n(&known, __ATOMIC_ACQUIRE);
	if (!k) {
		struct vg_cpu_info mine;
		k = vg_cpu_info(&mine, sizeof(mine)) ? -1 : 1;
		if (k > 0)
			info = mine;
		__atomic_store_n(&known, k, __ATOMIC_RELEASE);
	}
	*out = info;
	return k > 0;
}

/* What the page says of type, if it says: into *v. */
static bool from_page(const struct vg_startup_aux *a, unsigned long type, unsigned long *v)
{
	uint64_t f = a ? a->flags : 0;
	bool ids = f & VG_AUX_IDS, loaded = f & VG_AUX_LOADED;
	switch (type) {
	case AT_SECURE: *v = (f & VG_AUX_SECURE) != 0; return a != NULL;
	case AT_UID: *v = ids ? a->uid : 0; return ids;
	case AT_EUID: *v = ids ? a->euid : 0; return ids;
	case AT_GID: *v = ids ? a->gid : 0; return ids;
	case AT_EGID: *v = ids ? a->egid : 0; return ids;
	case AT_RANDOM: *v = f & VG_AUX_RANDOM ? (uintptr_t)a->random : 0; return *v != 0;
	case AT_EXECFN: *v = f & VG_AUX_EXECFN ? (uintptr_t)a->execfn : 0; return *v != 0;
	/* A program whose headers are not loaded has no AT_PHDR. */
	case AT_PHDR: *v = loaded ? a->phdr : 0; return *v != 0;
	case AT_PHENT: *v = loaded ? a->phent : 0; return loaded;
	case AT_PHNUM: *v = loaded ? a->phnum : 0; return loaded;
	case AT_ENTRY: *v = loaded ? a->entry : 0; return loaded;
	case AT_BASE: *v = loaded ? a->interp_base : 0; return loaded;
	default: return false;
	}
}

unsigned long getauxval(unsigned long type)
{
	unsigned long v = 0;
	struct vg_cpu_info c;
	switch (type) {
	case AT_PAGESZ: return 4096;
	case AT_CLKTCK: return (unsigned long)sysconf(_SC_CLK_TCK);
#ifdef AUXV_PLATFORM
	case AT_PLATFORM: return (uintptr_t)AUXV_PLATFORM;
#endif
	case AT_HWCAP:
		if (cpu(&c))
			return c.hwcap;
		break;
#ifndef __riscv /* Linux gives RISC-V programs no AT_HWCAP2 */
	case AT_HWCAP2:
		if (cpu(&c))
			return c.hwcap2;
		break;
#endif
	default:
		if (from_page(aux(), type, &v))
			return v;
		break;
	}
	errno = ENOENT;
	return 0;
}

int issetugid(void)
{
	const struct vg_startup_aux *a = aux();
	return a && (a->flags & VG_AUX_SECURE);
}
