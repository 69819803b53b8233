// SPDX-License-Identifier: BSD-2-Clause
// Static TLS: one area per thread holding the thread's control block
// (struct vg_tcb) and its copy of the executable's TLS block (.tdata's
// image, then .tbss zeroed), placed as each architecture's TLS ABI wants
// for the local-exec and initial-exec models, whose offsets from the
// thread pointer the linker fixed:
//
//   x86_64 (variant II): the block ends at the thread pointer, rounded to
//     the block's alignment: block = tp - align_up(memsz, align); the TCB
//     is at tp, its first word pointing at itself (%fs:0).
//   AArch64 (variant I): the block starts at least 16 bytes above tp, at
//     the address congruent to its image's modulo its alignment; the 16
//     bytes at tp are the ABI's reserved TCB words (left zero).
//   RISC-V (variant I): the block starts at tp, or as far above it as that
//     congruence needs.
//
// On AArch64 and RISC-V struct vg_tcb lies just below tp, where the ABI
// leaves room for the implementation, so that the space at and above tp
// stays the ABI's. The linker script (user.ld) gives the block's image and
// sizes as symbols; or a loader describes the template in the startup
// block (VG_STARTUP_TLS): vg_spawn for a position-independent program,
// ld.so for a dynamic one, whose template holds the executable's and the
// shared libraries' blocks laid out side by side (lib/ld/tls.c).
#include <kernel/string.h>
#include <vg/vg.h>

#if defined(__aarch64__)
#define TP_GAP 16 /* reserved words at tp, before the block */
#else
#define TP_GAP 0
#endif

static uintptr_t tls_align_up(uintptr_t v, uintptr_t a)
{
	return (v + a - 1) & ~(a - 1);
}

/* The template every thread's block is copied from, and where the block
 * lies from the thread pointer (above it for variant I, below for II). */
struct tls_template {
	uintptr_t image;
	size_t filesz, memsz, align, offset;
};

size_t vg_tls_exe_offset(uintptr_t image, size_t memsz, size_t align)
{
	/* Variant I: the block starts at least TP_GAP above tp, at an address
	 * congruent to its image's modulo the alignment, as the linker's
	 * offsets assume (lld: a .tdata that starts 8 bytes past a 16-byte
	 * boundary puts the block at tp + 24 on AArch64, not tp + 16). */
	if (VG_TCB_BELOW_TP)
		return TP_GAP + ((image - TP_GAP) & (align - 1));
	/* Variant II (x86-64): how far below tp the block starts. Not simply
	 * memsz rounded up to the alignment: the linker's offsets keep the
	 * block's address congruent to its image's modulo the alignment, so
	 * the gap after the block depends on where the image lies. (A block of
	 * 0x1848 bytes aligned to 16 whose image ends on a 16-byte boundary
	 * sits 0x1848 below tp, not 0x1850.) */
	return memsz + ((0 - memsz - image) & (align - 1));
}

#ifndef __PIC__
/* From lib/vg/user.ld: absolute symbols whose addresses are the values.
 * Position-independent code (the shared C library, ld.so, static PIEs)
 * has no such script: its loader describes the template instead. */
extern const char __tls_image[], __tls_filesz[], __tls_memsz[], __tls_align[];
#endif

static struct tls_template template(void)
{
	const struct vg_startup *su = vg_startup();
	struct tls_template t = { 0, 0, 0, 1, 0 };
	if (su && (su->flags & VG_STARTUP_TLS)) {
		t.image = su->tls_image;
		t.filesz = su->tls_filesz;
		t.memsz = su->tls_memsz;
		t.align = su->tls_align ? su->tls_align : 1;
		t.offset = su->tls_offset;
		return t;
	}
#ifndef __PIC__
	t.image = (uintptr_t)__tls_image;
	t.filesz = (size_t)(uintptr_t)__tls_filesz;
	t.memsz = (size_t)(uintptr_t)__tls_memsz;
	t.align = (size_t)(uintptr_t)__tls_align ? (size_t)(uintptr_t)__tls_align : 1;
	t.offset = vg_tls_exe_offset(t.image, t.memsz, t.align);
#endif
	return t;
}

/* tp is aligned to at least 16, and to the block's alignment (which the
 * linker used in its offsets). */
static size_t tp_align(const struct tls_template *t)
{
	return t->align < 16 ? 16 : t->align;
}

size_t vg_tls_area_size(void)
{
	struct tls_template t = template();
	/* The block and its offset, the TCB and the slack of aligning tp. */
	return t.offset + tls_align_up(t.memsz, t.align) + sizeof(struct vg_tcb) + tp_align(&t);
}

uintptr_t vg_tls_init(void *area, bool zeroed, struct vg_tcb **tcb_out)
{
	struct tls_template t = template();
	uintptr_t base = (uintptr_t)area, tp;
	char *block;
	struct vg_tcb *tcb;
	if (VG_TCB_BELOW_TP) {
		tp = tls_align_up(base + sizeof(struct vg_tcb), tp_align(&t));
		tcb = (struct vg_tcb *)tp - 1;
		block = (char *)tp + t.offset;
		if (!zeroed)
			memset((void *)tp, 0, t.offset);
	} else {
		tp = tls_align_up(base + t.offset, tp_align(&t));
		tcb = (struct vg_tcb *)tp;
		block = (char *)tp - t.offset;
	}
	memcpy(block, (const void *)t.image, t.filesz);
	if (!zeroed) {
		memset(block + t.filesz, 0, t.memsz - t.filesz);
		memset(tcb, 0, sizeof(*tcb));
	}
	tcb->self = tcb;
	*tcb_out = tcb;
	return tp;
}

void *vg_tls_block(void)
{
	struct tls_template t = template();
	uintptr_t tp = vg_arch_thread_pointer();
	return (void *)(VG_TCB_BELOW_TP ? tp + t.offset : tp - t.offset);
}
