// SPDX-License-Identifier: BSD-2-Clause
#include <kernel/frames.h>
#include <kernel/string.h>
#include <verdigris/errors.h>

static bool test_bit(const struct frames *f, size_t i)
{
	return f->bits[i / 64] >> (i % 64) & 1;
}

static void set_bit(struct frames *f, size_t i)
{
	f->bits[i / 64] |= 1ull << (i % 64);
}

static void clear_bit(struct frames *f, size_t i)
{
	f->bits[i / 64] &= ~(1ull << (i % 64));
}

size_t frames_bitmap_bytes(size_t npages)
{
	return (npages + 63) / 64 * 8;
}

void frames_init(struct frames *f, paddr_t base, size_t npages, uint64_t *bitmap)
{
	f->base = base;
	f->npages = npages;
	f->bits = bitmap;
	f->nfree = 0;
	f->hint = npages;
	memset(bitmap, 0xff, frames_bitmap_bytes(npages));
}

/* Clamps [start, end) to the span, as page indices [*lo, *hi). */
static bool span_range(const struct frames *f, paddr_t start, paddr_t end, size_t *lo, size_t *hi)
{
	paddr_t limit = f->base + (paddr_t)f->npages * PAGE_SIZE;
	start = MAX(ALIGN_UP(start, PAGE_SIZE), f->base);
	end = MIN(ALIGN_DOWN(end, PAGE_SIZE), limit);
	if (start >= end)
		return false;
	*lo = (size_t)((start - f->base) / PAGE_SIZE);
	*hi = (size_t)((end - f->base) / PAGE_SIZE);
	return true;
}

void frames_release_range(struct frames *f, paddr_t start, paddr_t end)
{
	size_t lo, hi;
	if (!span_range(f, start, end, &lo, &hi))
		return;
	for (size_t i = lo; i < hi; i++) {
		if (test_bit(f, i)) {
			clear_bit(f, i);
			f->nfree++;
		}
	}
	f->hint = MIN(f->hint, lo);
}

void frames_claim_range(struct frames *f, paddr_t start, paddr_t end)
{
	/* Reserved ranges claim every page they touch, so round outwards. */
	size_t lo, hi;
	if (!span_range(f, ALIGN_DOWN(start, PAGE_SIZE), ALIGN_UP(end, PAGE_SIZE), &lo, &hi))
		return;
	for (size_t i = lo; i < hi; i++) {
		if (!test_bit(f, i)) {
			set_bit(f, i);
			f->nfree--;
		}
	}
}

/* Index of the first free page at or after i, or npages: a word at a
 * time (a page-by-page scan over a fragmented stretch cost each
 * allocation tens of thousands of instructions). */
static size_t next_free(const struct frames *f, size_t i)
{
	while (i < f->npages) {
		/* The free pages of i's word, from i on. */
		uint64_t free = ~f->bits[i / 64] & (~0ull << (i % 64));
		if (free) {
			size_t at = i / 64 * 64 + (size_t)__builtin_ctzll(free);
			return at < f->npages ? at : f->npages;
		}
		i = (i / 64 + 1) * 64;
	}
	return f->npages;
}

paddr_t frames_alloc(struct frames *f, size_t count, size_t align_pages, paddr_t limit)
{
	if (count == 0 || count > f->nfree || align_pages == 0 || (align_pages & (align_pages - 1)))
		return 0;
	size_t max_end = f->npages;
	if (limit) {
		if (limit <= f->base)
			return 0;
		max_end = MIN(max_end, (size_t)((limit - f->base) / PAGE_SIZE));
	}
	/* Alignment is of the physical address, not of the index. */
	size_t base_pfn = (size_t)(f->base / PAGE_SIZE);
	size_t first = next_free(f, f->hint), i = first;
	/* No page below the first free one is: the hint moves up to it, and
	 * past what this call takes there. */
	f->hint = first;
	while (i < max_end) {
		size_t misalign = (base_pfn + i) & (align_pages - 1);
		if (misalign) {
			i = next_free(f, i + (align_pages - misalign));
			continue;
		}
		if (i + count > max_end)
			break;
		size_t run = 0;
		while (run < count && !test_bit(f, i + run))
			run++;
		if (run == count) {
			for (size_t k = 0; k < count; k++)
				set_bit(f, i + k);
			f->nfree -= count;
			if (f->hint == i)
				f->hint = i + count;
			return f->base + (paddr_t)i * PAGE_SIZE;
		}
		i = next_free(f, i + run + 1);
	}
	return 0;
}

int frames_free(struct frames *f, paddr_t pa, size_t count)
{
	if (pa < f->base || (pa & (PAGE_SIZE - 1)) || count == 0)
		return ERR_INVALID_ARGS;
	size_t lo = (size_t)((pa - f->base) / PAGE_SIZE);
	if (lo >= f->npages || count > f->npages - lo)
		return ERR_INVALID_ARGS;
	for (size_t i = lo; i < lo + count; i++)
		if (!test_bit(f, i))
			return ERR_INVALID_ARGS;
	for (size_t i = lo; i < lo + count; i++)
		clear_bit(f, i);
	f->nfree += count;
	f->hint = MIN(f->hint, lo);
	return 0;
}

bool frames_is_free(const struct frames *f, paddr_t pa)
{
	if (pa < f->base)
		return false;
	size_t i = (size_t)((pa - f->base) / PAGE_SIZE);
	return i < f->npages && !test_bit(f, i);
}
