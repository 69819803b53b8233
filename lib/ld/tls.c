// SPDX-License-Identifier: BSD-2-Clause
// TLS of the executable and its libraries.
//
// Modules loaded at start get static TLS: their blocks sit at fixed
// offsets from the thread pointer, the executable's where its linker
// expects it (vg_tls_exe_offset) and each library's beyond it (above tp
// for variant I, AArch64 and RISC-V; below for variant II, x86_64). One
// template holding them all, at their places, goes into the startup block
// for the C library's vg_tls_init, so every thread gets them all.
// Initial-exec accesses (TPOFF relocations) use those offsets.
//
// Modules loaded by dlopen get dynamic TLS: a thread's block of such a
// module is made on its first access (__tls_get_addr, or the AArch64 TLS
// descriptor's resolver), found through the vector of blocks hanging off
// the thread's control block (struct vg_tcb.dtv), and never freed (a
// thread's blocks outlive it: a known leak).
#include <kernel/string.h>

#include "ld.h"

static uint64_t next_id = 1;

static uint64_t align_up(uint64_t v, uint64_t a)
{
	return (v + a - 1) & ~(a - 1);
}

static uint64_t tls_align(const struct ld_module *m)
{
	return m->tls.align ? m->tls.align : 1;
}

bool ld_tls_layout(struct vg_startup *su)
{
	/* Module order: the executable (ld_modules[0]) first, then the
	 * libraries as they were loaded. */
	uint64_t start = 0, cur = 0, align = 1;
	bool first = true;
	for (int i = 0; i < LD_MAX_MODULES; i++) {
		struct ld_module *m = &ld_modules[i];
		if (!m->used || !m->has_tls)
			continue;
		m->tls_id = next_id++;
		m->tls_static = true;
		uint64_t a = tls_align(m), off;
		if (a > align)
			align = a;
		if (first && m->is_exe) {
			off = vg_tls_exe_offset(m->base + m->tls.vaddr, m->tls.memsz, a);
		} else if (VG_TCB_BELOW_TP) {
			off = align_up(first ? vg_tls_exe_offset(0, 0, 1) : cur, a);
		} else {
			off = align_up(cur + m->tls.memsz, a);
		}
		if (first)
			start = off;
		first = false;
		m->tls_tpoff = VG_TCB_BELOW_TP ? (int64_t)off : -(int64_t)off;
		cur = VG_TCB_BELOW_TP ? off + m->tls.memsz : off;
	}
	if (first)
		return true; /* no TLS anywhere */
	/* Variant I: the template is [tp + start, tp + cur); variant II:
	 * [tp - cur, tp). */
	uint64_t size = VG_TCB_BELOW_TP ? cur - start : cur;
	uint8_t *image = ld_alloc(size);
	if (!image) {
		ld_fail("ld.so", "no memory for the TLS template", NULL);
		return false;
	}
	for (int i = 0; i < LD_MAX_MODULES; i++) {
		struct ld_module *m = &ld_modules[i];
		if (!m->used || !m->has_tls)
			continue;
		uint64_t at = VG_TCB_BELOW_TP ? (uint64_t)m->tls_tpoff - start
					      : cur - (uint64_t)-m->tls_tpoff;
		memcpy(image + at, (const void *)(uintptr_t)(m->base + m->tls.vaddr),
		       m->tls.filesz);
	}
	su->flags |= VG_STARTUP_TLS;
	su->tls_image = (uintptr_t)image;
	su->tls_filesz = size;
	su->tls_memsz = size;
	su->tls_align = align;
	su->tls_offset = VG_TCB_BELOW_TP ? start : cur;
	return true;
}

bool ld_tls_assign_dynamic(struct ld_module *m)
{
	if (m->has_tls && tls_align(m) > 64) { /* what ld_alloc aligns to */
		ld_fail(m->name, "TLS aligned to more than 64 bytes in a dlopen'ed object", NULL);
		return false;
	}
	if (m->has_tls && !m->tls_id)
		m->tls_id = next_id++;
	return true;
}

static struct ld_module *module_of(uint64_t id)
{
	for (int i = 0; i < LD_MAX_MODULES; i++)
		if (ld_modules[i].used && ld_modules[i].tls_id == id)
			return &ld_modules[i];
	return NULL;
}

/* The thread's vector of dynamic blocks: n, then n pointers by id. */
struct dtv {
	uint64_t n;
	void *block[];
};

static void *dynamic_block(struct ld_module *m)
{
	struct vg_tcb *tcb = vg_tcb();
	struct dtv *dtv = tcb->dtv;
	if (!dtv || dtv->n <= m->tls_id) {
		uint64_t n = m->tls_id + 8;
		struct dtv *bigger = ld_alloc(sizeof(*dtv) + n * sizeof(void *));
		if (!bigger)
			return NULL;
		bigger->n = n;
		if (dtv)
			memcpy(bigger->block, dtv->block, dtv->n * sizeof(void *));
		tcb->dtv = dtv = bigger;
	}
	if (!dtv->block[m->tls_id]) {
		uint8_t *b = ld_alloc(m->tls.memsz);
		if (!b)
			return NULL;
		memcpy(b, (const void *)(uintptr_t)(m->base + m->tls.vaddr), m->tls.filesz);
		dtv->block[m->tls_id] = b;
	}
	return dtv->block[m->tls_id];
}

void *ld_tls_addr(uint64_t id, uint64_t offset)
{
	struct ld_module *m = module_of(id);
	if (!m)
		__builtin_trap(); /* a module id no relocation gave: corrupt */
	if (m->tls_static)
		return (void *)(vg_arch_thread_pointer() + (uint64_t)m->tls_tpoff + offset);
	uint8_t *b = dynamic_block(m);
	if (!b)
		__builtin_trap(); /* out of memory: the access cannot fail */
	return b + offset;
}

void *ld_tls_get_addr(const void *ti)
{
	const uint64_t *t = ti;
	return ld_tls_addr(t[0], t[1] + ld_dtp_bias(VG_ELF_MACHINE));
}

#if defined(__aarch64__)
/* lib/ld/arch/aarch64/tlsdesc.S: descriptor functions, entered with x0 at
 * the descriptor, returning the variable's offset from tp. */
void ld_tlsdesc_static(void);
void ld_tlsdesc_dynamic(void);

const char *ld_tlsdesc(void *ctx, const struct ld_def *def, int64_t addend, uint64_t desc[2])
{
	(void)ctx;
	if (def->tls_static) {
		desc[0] = (uintptr_t)ld_tlsdesc_static;
		desc[1] = (uint64_t)def->tls_tpoff + def->value + (uint64_t)addend;
		return NULL;
	}
	uint64_t *ti = ld_alloc(16);
	if (!ti)
		return "no memory for a TLS descriptor";
	ti[0] = def->tls_module;
	ti[1] = def->value + (uint64_t)addend;
	desc[0] = (uintptr_t)ld_tlsdesc_dynamic;
	desc[1] = (uintptr_t)ti;
	return NULL;
}
#else
const char *ld_tlsdesc(void *ctx, const struct ld_def *def, int64_t addend, uint64_t desc[2])
{
	(void)ctx, (void)def, (void)addend, (void)desc;
	return "TLS descriptors are AArch64's only"; /* never a relocation here */
}
#endif
