/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef KERNEL_EXTABLE_H
#define KERNEL_EXTABLE_H

#include <kernel/types.h>

/*
 * The exception table: pairs (address of an instruction that may fault,
 * address to resume at). Arch assembly emits entries into the section
 * "__extable"; the linker script brackets it with __extable_start/_end.
 * A kernel-mode fault whose pc has an entry resumes at the fixup instead of
 * panicking: this is how probes (and later user copies) survive bad pointers.
 */
struct extable_entry {
	uintptr_t insn;
	uintptr_t fixup;
};

/* Returns the fixup address for pc, or 0 if a fault there is fatal. */
uintptr_t extable_lookup(uintptr_t pc);

#endif
