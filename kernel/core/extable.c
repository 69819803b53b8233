// SPDX-License-Identifier: BSD-2-Clause
#include <kernel/extable.h>

extern const struct extable_entry __extable_start[], __extable_end[];

uintptr_t extable_lookup(uintptr_t pc)
{
	/* The linker brackets one array with the two symbols. */
	// cppcheck-suppress comparePointers
	for (const struct extable_entry *e = __extable_start; e < __extable_end; e++)
		if (e->insn == pc)
			return e->fixup;
	return 0;
}
