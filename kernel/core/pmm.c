// SPDX-License-Identifier: BSD-2-Clause
#include <kernel/bootinfo.h>
#include <kernel/frames.h>
#include <kernel/hal.h>
#include <kernel/log.h>
#include <kernel/panic.h>
#include <kernel/pmm.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>

static struct frames frames;
static spinlock_t lock = SPINLOCK_INIT;
/* Per page of the span: how many holders beyond the first share it
 * (copy-on-write). 0 for every page that is free or has one owner, so the
 * frame allocator itself never needs to know. */
static uint32_t *shares;
/* The RAM regions the allocator manages, kept to refuse physical VMOs over
 * them (device memory only). */
static struct mem_region ram[BOOT_MAX_REGIONS];
static size_t n_ram;

static bool overlaps_reserved(const struct boot_info *bi, paddr_t s, paddr_t e)
{
	for (size_t i = 0; i < bi->n_reserved; i++)
		if (s < bi->reserved[i].end && bi->reserved[i].start < e)
			return true;
	return false;
}

/* Finds room for the bitmap in RAM that is free and reachable through the
 * boot physmap, and reserves it. */
static paddr_t place_bitmap(struct boot_info *bi, size_t bytes)
{
	size_t need = ALIGN_UP(bytes, PAGE_SIZE);
	for (size_t i = 0; i < bi->n_ram; i++) {
		paddr_t s = ALIGN_UP(MAX(bi->ram[i].start, (paddr_t)PAGE_SIZE), PAGE_SIZE);
		for (; s + need <= bi->ram[i].end && s + need <= BOOT_PHYSMAP_LIMIT;
		     s += PAGE_SIZE) {
			if (!overlaps_reserved(bi, s, s + need)) {
				bootinfo_reserve(bi, s, s + need, "frame bitmap");
				return s;
			}
		}
	}
	panic("pmm: no room for a %zu-byte frame bitmap", bytes);
}

void pmm_init(struct boot_info *bi)
{
	if (!bi->n_ram)
		panic("pmm: the boot information lists no RAM");
	paddr_t lo = ~(paddr_t)0, hi = 0;
	for (size_t i = 0; i < bi->n_ram; i++) {
		lo = MIN(lo, bi->ram[i].start);
		hi = MAX(hi, bi->ram[i].end);
	}
	lo = ALIGN_DOWN(lo, PAGE_SIZE);
	hi = ALIGN_UP(hi, PAGE_SIZE);
	size_t npages = (size_t)((hi - lo) / PAGE_SIZE);
	paddr_t bm = place_bitmap(bi, frames_bitmap_bytes(npages));
	paddr_t sh = place_bitmap(bi, npages * sizeof(uint32_t));
	shares = phys_to_virt(sh);
	memset(shares, 0, npages * sizeof(uint32_t));
	for (size_t i = 0; i < bi->n_ram; i++)
		ram[i] = bi->ram[i];
	n_ram = bi->n_ram;

	frames_init(&frames, lo, npages, phys_to_virt(bm));
	for (size_t i = 0; i < bi->n_ram; i++)
		frames_release_range(&frames, bi->ram[i].start, bi->ram[i].end);
	/* Page 0 stays unused so that a physical address of 0 can mean "none". */
	frames_claim_range(&frames, 0, PAGE_SIZE);
	for (size_t i = 0; i < bi->n_reserved; i++) {
		frames_claim_range(&frames, bi->reserved[i].start, bi->reserved[i].end);
		pr_info("reserved [%#llx-%#llx) %s\n", (unsigned long long)bi->reserved[i].start,
			(unsigned long long)bi->reserved[i].end, bi->reserved[i].what);
	}
	pr_info("pmm: %zu MiB RAM in %zu regions, %zu KiB free\n", (size_t)(((hi - lo) >> 20)),
		bi->n_ram, frames.nfree * (PAGE_SIZE / 1024));
}

paddr_t pmm_alloc(size_t count, size_t align_pages, paddr_t limit)
{
	irqflags_t f = spin_lock_irqsave(&lock);
	paddr_t pa = frames_alloc(&frames, count, align_pages, limit);
	spin_unlock_irqrestore(&lock, f);
	return pa;
}

paddr_t pmm_alloc_page(void)
{
	return pmm_alloc(1, 1, 0);
}

void pmm_free(paddr_t pa, size_t count)
{
	irqflags_t f = spin_lock_irqsave(&lock);
	int err = frames_free(&frames, pa, count);
	spin_unlock_irqrestore(&lock, f);
	if (err)
		panic("pmm: bad free of %zu pages at %#llx (double free or not RAM)", count,
		      (unsigned long long)pa);
}

uint64_t pmm_ram_bytes(void)
{
	uint64_t total = 0;
	for (size_t i = 0; i < n_ram; i++)
		total += ram[i].end - ram[i].start;
	return total;
}

size_t pmm_free_pages(void)
{
	return frames.nfree;
}

bool pmm_is_free(paddr_t pa)
{
	irqflags_t f = spin_lock_irqsave(&lock);
	bool free = frames_is_free(&frames, pa);
	spin_unlock_irqrestore(&lock, f);
	return free;
}

static size_t share_index(paddr_t pa)
{
	size_t i = (size_t)((pa - frames.base) / PAGE_SIZE);
	if (pa < frames.base || i >= frames.npages || frames_is_free(&frames, pa))
		panic("pmm: sharing %#llx, which is not an allocated page", (unsigned long long)pa);
	return i;
}

void pmm_page_share(paddr_t pa)
{
	irqflags_t f = spin_lock_irqsave(&lock);
	shares[share_index(pa)]++;
	spin_unlock_irqrestore(&lock, f);
}

bool pmm_page_release(paddr_t pa)
{
	irqflags_t f = spin_lock_irqsave(&lock);
	size_t i = share_index(pa);
	bool last = shares[i] == 0;
	if (!last)
		shares[i]--;
	else if (frames_free(&frames, pa, 1))
		panic("pmm: bad release of %#llx", (unsigned long long)pa);
	spin_unlock_irqrestore(&lock, f);
	return last;
}

bool pmm_page_shared(paddr_t pa)
{
	irqflags_t f = spin_lock_irqsave(&lock);
	bool shared = shares[share_index(pa)] != 0;
	spin_unlock_irqrestore(&lock, f);
	return shared;
}

bool pmm_overlaps_ram(paddr_t start, paddr_t end)
{
	for (size_t i = 0; i < n_ram; i++)
		if (start < ram[i].end && ram[i].start < end)
			return true;
	return false;
}
