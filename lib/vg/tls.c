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
//   AArch64 (variant I): the block starts align_up(16, align) above tp;
//     the 16 bytes at tp are the ABI's reserved TCB words (left zero).
//   RISC-V (variant I): the block starts at tp.
//
// On AArch64 and RISC-V struct vg_tcb lies just below tp, where the ABI
// leaves room for the implementation, so that the space at and above tp
// stays the ABI's. The linker script (user.ld) gives the block's image and
// sizes as symbols.
#include <kernel/string.h>
#include <vg/vg.h>

/* From lib/vg/user.ld: absolute symbols whose addresses are the values. */
extern const char __tls_image[], __tls_filesz[], __tls_memsz[], __tls_align[];

#if defined(__aarch64__)
#define TP_GAP 16 /* reserved words at tp, before the block */
#else
#define TP_GAP 0
#endif

static uintptr_t tls_align_up(uintptr_t v, uintptr_t a)
{
	return (v + a - 1) & ~(a - 1);
}

/* The block's alignment (PT_TLS's p_align), which the linker used in its
 * offsets; tp itself is aligned to at least 16. */
static size_t block_align(void)
{
	size_t a = (size_t)(uintptr_t)__tls_align;
	return a ? a : 1;
}

static size_t tp_align(void)
{
	size_t a = block_align();
	return a < 16 ? 16 : a;
}

/* Variant II (x86-64): how far below tp the block starts. Not simply memsz
 * rounded up to the alignment: the linker's offsets keep the block's
 * address congruent to its image's modulo the alignment, so the gap after
 * the block depends on where the image lies. (A block of 0x1848 bytes
 * aligned to 16 whose image ends on a 16-byte boundary sits 0x1848 below
 * tp, not 0x1850.) */
static size_t variant2_offset(size_t memsz, size_t a)
{
	return memsz + ((0 - memsz - (uintptr_t)__tls_image) & (a - 1));
}

size_t vg_tls_area_size(void)
{
	size_t a = block_align(), memsz = (size_t)(uintptr_t)__tls_memsz;
	/* The block (with up to a - 1 bytes after it, variant II), the TCB,
	 * the ABI's gap and the slack of aligning tp. */
	return tls_align_up(memsz, a) + a + tls_align_up(TP_GAP, a) + sizeof(struct vg_tcb) +
		tp_align();
}

uintptr_t vg_tls_init(void *area, struct vg_tcb **tcb_out)
{
	size_t a = block_align(), memsz = (size_t)(uintptr_t)__tls_memsz;
	size_t filesz = (size_t)(uintptr_t)__tls_filesz;
	uintptr_t base = (uintptr_t)area, tp;
	char *block;
	struct vg_tcb *tcb;
	if (VG_TCB_BELOW_TP) {
		tp = tls_align_up(base + sizeof(struct vg_tcb), tp_align());
		tcb = (struct vg_tcb *)tp - 1;
		block = (char *)tp + tls_align_up(TP_GAP, a);
		memset((void *)tp, 0, tls_align_up(TP_GAP, a));
	} else {
		tp = tls_align_up(base + variant2_offset(memsz, a), tp_align());
		tcb = (struct vg_tcb *)tp;
		block = (char *)tp - variant2_offset(memsz, a);
	}
	memcpy(block, __tls_image, filesz);
	memset(block + filesz, 0, memsz - filesz);
	memset(tcb, 0, sizeof(*tcb));
	tcb->self = tcb;
	*tcb_out = tcb;
	return tp;
}
