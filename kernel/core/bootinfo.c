// SPDX-License-Identifier: BSD-2-Clause
#include <kernel/bootinfo.h>
#include <kernel/log.h>
#include <kernel/string.h>

static bool add_region(struct mem_region *tab, size_t *n, paddr_t start, paddr_t end,
		       const char *what)
{
	if (end <= start)
		return true; /* empty: nothing to record */
	if (*n >= BOOT_MAX_REGIONS) {
		pr_warn("boot: region table full, ignoring %s [%#llx, %#llx)\n", what,
			(unsigned long long)start, (unsigned long long)end);
		return false;
	}
	tab[(*n)++] = (struct mem_region){ start, end, what };
	return true;
}

bool bootinfo_add_ram(struct boot_info *bi, paddr_t start, paddr_t end)
{
	return add_region(bi->ram, &bi->n_ram, start, end, "ram");
}

bool bootinfo_reserve(struct boot_info *bi, paddr_t start, paddr_t end, const char *what)
{
	/* Check before rounding outwards, which would make an empty range a page. */
	if (end <= start)
		return true;
	return add_region(bi->reserved, &bi->n_reserved, ALIGN_DOWN(start, PAGE_SIZE),
			  ALIGN_UP(end, PAGE_SIZE), what);
}

bool bootinfo_has_arg(const struct boot_info *bi, const char *word)
{
	size_t wl = strlen(word);
	const char *p = bi->cmdline;
	while (*p) {
		while (*p == ' ')
			p++;
		const char *tok = p;
		while (*p && *p != ' ')
			p++;
		size_t tl = (size_t)(p - tok);
		if (tl >= wl && !strncmp(tok, word, wl) && (tl == wl || tok[wl] == '='))
			return true;
	}
	return false;
}
