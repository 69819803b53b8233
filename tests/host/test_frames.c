// SPDX-License-Identifier: BSD-2-Clause
// kernel/lib/frames.c, the bitmap frame allocator: range release and claim,
// first-fit allocation with alignment and limits, refusal of bad frees, and
// long random sequences checked against a simple model (one bool per page).
#include <kernel/frames.h>
#include <stdlib.h>
#include <string.h>
#include <verdigris/errors.h>
#include <vtest.h>

#define P(n) ((paddr_t)(n)*PAGE_SIZE)

struct fx {
	struct frames f;
	uint64_t *bits;
	size_t bytes;
};

/* A span of npages at base; all of it released as RAM if release. */
static struct fx *fx_new(paddr_t base, size_t npages, bool release)
{
	struct fx *x = calloc(1, sizeof(*x));
	x->bytes = frames_bitmap_bytes(npages);
	x->bits = malloc(x->bytes ? x->bytes : 1);
	frames_init(&x->f, base, npages, x->bits);
	if (release)
		frames_release_range(&x->f, base, base + P(npages));
	return x;
}

static void fx_free(struct fx *x)
{
	free(x->bits);
	free(x);
}

/* A copy of everything observable, to prove a refused call changed nothing. */
struct snap {
	struct frames f;
	uint64_t bits[64];
};

static void take(const struct fx *x, struct snap *s)
{
	CHECK(x->bytes <= sizeof(s->bits));
	s->f = x->f;
	memcpy(s->bits, x->bits, x->bytes);
}

static bool same(const struct fx *x, const struct snap *s)
{
	return !memcmp(&s->f, &x->f, sizeof(s->f)) && !memcmp(s->bits, x->bits, x->bytes);
}

static size_t count_free(const struct fx *x)
{
	size_t n = 0;
	for (size_t i = 0; i < x->f.npages; i++)
		n += frames_is_free(&x->f, x->f.base + P(i));
	return n;
}

TEST(frames, bitmap_bytes)
{
	CHECK_EQ_U(frames_bitmap_bytes(0), 0);
	CHECK_EQ_U(frames_bitmap_bytes(1), 8);
	CHECK_EQ_U(frames_bitmap_bytes(64), 8);
	CHECK_EQ_U(frames_bitmap_bytes(65), 16);
	CHECK_EQ_U(frames_bitmap_bytes(1u << 20), 1u << 17);
}

TEST(frames, init_all_used)
{
	struct fx *x = fx_new(0x100000, 100, false);
	CHECK_EQ_U(x->f.nfree, 0);
	CHECK_EQ_U(count_free(x), 0);
	CHECK_EQ_U(frames_alloc(&x->f, 1, 1, 0), 0);
	/* The tail bits past npages are set too, never handed out. */
	CHECK_EQ_U(x->bits[1] >> 36, (1ull << 28) - 1);
	fx_free(x);
}

TEST(frames, release_range)
{
	struct fx *x = fx_new(0x100000, 100, false);
	frames_release_range(&x->f, 0x100000 + P(10), 0x100000 + P(20));
	CHECK_EQ_U(x->f.nfree, 10);
	CHECK(!frames_is_free(&x->f, 0x100000 + P(9)));
	CHECK(frames_is_free(&x->f, 0x100000 + P(10)));
	CHECK(frames_is_free(&x->f, 0x100000 + P(19)));
	CHECK(!frames_is_free(&x->f, 0x100000 + P(20)));
	/* Releasing again counts nothing twice. */
	frames_release_range(&x->f, 0x100000 + P(5), 0x100000 + P(15));
	CHECK_EQ_U(x->f.nfree, 15);
	CHECK_EQ_U(count_free(x), 15);
	fx_free(x);
}

TEST(frames, release_rounds_inward)
{
	/* Only whole pages inside the range become free. */
	struct fx *x = fx_new(0x100000, 100, false);
	frames_release_range(&x->f, 0x100000 + 0x800, 0x100000 + P(3) + 0x800);
	CHECK_EQ_U(x->f.nfree, 2);
	CHECK(!frames_is_free(&x->f, 0x100000));
	CHECK(frames_is_free(&x->f, 0x100000 + P(1)));
	CHECK(frames_is_free(&x->f, 0x100000 + P(2)));
	CHECK(!frames_is_free(&x->f, 0x100000 + P(3)));
	/* Less than a page: nothing. */
	frames_release_range(&x->f, 0x100000 + P(50) + 1, 0x100000 + P(51) - 1);
	CHECK_EQ_U(x->f.nfree, 2);
	fx_free(x);
}

TEST(frames, release_clamped_to_span)
{
	struct fx *x = fx_new(0x100000, 100, false);
	frames_release_range(&x->f, 0, 0x100000 + P(2)); /* starts below */
	frames_release_range(&x->f, 0x100000 + P(98), 1ull << 40); /* ends above */
	frames_release_range(&x->f, 0, 0x80000); /* wholly below */
	frames_release_range(&x->f, 1ull << 40, 1ull << 41); /* wholly above */
	frames_release_range(&x->f, 0x100000 + P(50), 0x100000 + P(40)); /* inverted */
	CHECK_EQ_U(x->f.nfree, 4);
	CHECK_EQ_U(count_free(x), 4);
	fx_free(x);
}

TEST(frames, claim_rounds_outward)
{
	/* A reservation claims every page it touches. */
	struct fx *x = fx_new(0x100000, 100, true);
	frames_claim_range(&x->f, 0x100000 + P(1) + 0x800, 0x100000 + P(2) + 0x800);
	CHECK_EQ_U(x->f.nfree, 98);
	CHECK(!frames_is_free(&x->f, 0x100000 + P(1)));
	CHECK(!frames_is_free(&x->f, 0x100000 + P(2)));
	CHECK(frames_is_free(&x->f, 0x100000 + P(3)));
	/* Claiming again counts nothing twice; outside the span is ignored. */
	frames_claim_range(&x->f, 0x100000 + P(1), 0x100000 + P(3));
	frames_claim_range(&x->f, 0, 0x1000);
	frames_claim_range(&x->f, 1ull << 40, (1ull << 40) + 0x1000);
	CHECK_EQ_U(x->f.nfree, 98);
	frames_claim_range(&x->f, 0, 0x100000 + 1); /* touches page 0 */
	CHECK_EQ_U(x->f.nfree, 97);
	CHECK_EQ_U(count_free(x), 97);
	/* Nothing claimed is ever handed out. */
	for (paddr_t pa; (pa = frames_alloc(&x->f, 1, 1, 0));)
		CHECK(pa >= 0x100000 + P(3));
	fx_free(x);
}

TEST(frames, alloc_lowest_first)
{
	struct fx *x = fx_new(0x100000, 100, true);
	for (int i = 0; i < 10; i++)
		CHECK_EQ_U(frames_alloc(&x->f, 1, 1, 0), 0x100000 + P(i));
	CHECK_EQ_U(x->f.nfree, 90);
	/* A freed low page is the next one handed out. */
	CHECK_EQ_I(frames_free(&x->f, 0x100000 + P(3), 1), 0);
	CHECK_EQ_U(frames_alloc(&x->f, 1, 1, 0), 0x100000 + P(3));
	CHECK_EQ_U(frames_alloc(&x->f, 1, 1, 0), 0x100000 + P(10));
	fx_free(x);
}

TEST(frames, alloc_bad_arguments)
{
	struct fx *x = fx_new(0x100000, 100, true);
	struct snap s;
	take(x, &s);
	CHECK_EQ_U(frames_alloc(&x->f, 0, 1, 0), 0); /* nothing */
	CHECK_EQ_U(frames_alloc(&x->f, 1, 0, 0), 0); /* alignment 0 */
	CHECK_EQ_U(frames_alloc(&x->f, 1, 3, 0), 0); /* not a power of two */
	CHECK_EQ_U(frames_alloc(&x->f, 1, 12, 0), 0);
	CHECK_EQ_U(frames_alloc(&x->f, 101, 1, 0), 0); /* more than there is */
	CHECK_EQ_U(frames_alloc(&x->f, SIZE_MAX, 1, 0), 0);
	CHECK(same(x, &s));
	fx_free(x);
}

TEST(frames, exhaustion)
{
	struct fx *x = fx_new(0x100000, 130, true);
	for (int i = 0; i < 130; i++)
		CHECK_EQ_U(frames_alloc(&x->f, 1, 1, 0), 0x100000 + P(i));
	CHECK_EQ_U(x->f.nfree, 0);
	CHECK_EQ_U(frames_alloc(&x->f, 1, 1, 0), 0);
	CHECK_EQ_U(frames_alloc(&x->f, 1, 1, 0), 0);
	CHECK_EQ_I(frames_free(&x->f, 0x100000 + P(129), 1), 0);
	CHECK_EQ_U(frames_alloc(&x->f, 2, 1, 0), 0); /* one page free, two asked */
	CHECK_EQ_U(frames_alloc(&x->f, 1, 1, 0), 0x100000 + P(129));
	fx_free(x);
}

TEST(frames, contiguous_run)
{
	/* Free pages: 0-1, 3-5, 7-14. A run of 4 starts at 7. */
	struct fx *x = fx_new(0x100000, 16, true);
	frames_claim_range(&x->f, 0x100000 + P(2), 0x100000 + P(3));
	frames_claim_range(&x->f, 0x100000 + P(6), 0x100000 + P(7));
	frames_claim_range(&x->f, 0x100000 + P(15), 0x100000 + P(16));
	CHECK_EQ_U(frames_alloc(&x->f, 4, 1, 0), 0x100000 + P(7));
	CHECK_EQ_U(frames_alloc(&x->f, 3, 1, 0), 0x100000 + P(3));
	CHECK_EQ_U(frames_alloc(&x->f, 3, 1, 0), 0x100000 + P(11));
	CHECK_EQ_U(frames_alloc(&x->f, 2, 1, 0), 0x100000);
	CHECK_EQ_U(frames_alloc(&x->f, 2, 1, 0), 0); /* only page 14 is left */
	CHECK_EQ_U(x->f.nfree, 1);
	CHECK_EQ_U(frames_alloc(&x->f, 1, 1, 0), 0x100000 + P(14));
	fx_free(x);
}

TEST(frames, alignment_is_physical)
{
	/* The span starts at page 3: 4-page alignment means physical
	 * addresses that are multiples of 16 KiB, i.e. index 1, 5, ... */
	struct fx *x = fx_new(P(3), 64, true);
	paddr_t a = frames_alloc(&x->f, 1, 4, 0);
	CHECK_EQ_U(a, P(4));
	paddr_t b = frames_alloc(&x->f, 2, 8, 0);
	CHECK_EQ_U(b, P(8));
	paddr_t c = frames_alloc(&x->f, 1, 1, 0);
	CHECK_EQ_U(c, P(3)); /* the skipped page is still there for others */
	paddr_t d = frames_alloc(&x->f, 4, 16, 0);
	CHECK_EQ_U(d, P(16));
	CHECK_EQ_U(frames_alloc(&x->f, 1, 64, 0), P(64));
	CHECK_EQ_U(frames_alloc(&x->f, 1, 64, 0), 0); /* P(128) is past the span */
	fx_free(x);
}

TEST(frames, alignment_large)
{
	/* 2 MiB alignment in a span that starts off it. */
	struct fx *x = fx_new(0x40001000, 2048, true);
	paddr_t a = frames_alloc(&x->f, 512, 512, 0);
	CHECK_EQ_U(a, 0x40200000);
	paddr_t b = frames_alloc(&x->f, 512, 512, 0);
	CHECK_EQ_U(b, 0x40400000);
	paddr_t c = frames_alloc(&x->f, 512, 512, 0);
	CHECK_EQ_U(c, 0x40600000);
	/* The span ends at 0x40801000: no fourth aligned 2 MiB run. */
	CHECK_EQ_U(frames_alloc(&x->f, 512, 512, 0), 0);
	CHECK_EQ_U(x->f.nfree, 2048 - 3 * 512);
	CHECK_EQ_U(frames_alloc(&x->f, 511, 1, 0), 0x40001000);
	fx_free(x);
}

TEST(frames, limit)
{
	struct fx *x = fx_new(0x100000, 64, true);
	frames_claim_range(&x->f, 0x100000, 0x100000 + P(8));
	/* The run must end at or below the limit. */
	CHECK_EQ_U(frames_alloc(&x->f, 4, 1, 0x100000 + P(11)), 0);
	CHECK_EQ_U(frames_alloc(&x->f, 4, 1, 0x100000 + P(12)), 0x100000 + P(8));
	/* A limit inside a page counts down to the page boundary. */
	CHECK_EQ_U(frames_alloc(&x->f, 1, 1, 0x100000 + P(13) - 1), 0);
	CHECK_EQ_U(frames_alloc(&x->f, 1, 1, 0x100000 + P(13)), 0x100000 + P(12));
	/* Limits at or below the base find nothing. */
	CHECK_EQ_U(frames_alloc(&x->f, 1, 1, 0x100000), 0);
	CHECK_EQ_U(frames_alloc(&x->f, 1, 1, 0x1000), 0);
	/* A limit beyond the span is no limit. */
	CHECK_EQ_U(frames_alloc(&x->f, 1, 1, 1ull << 48), 0x100000 + P(13));
	fx_free(x);
}

TEST(frames, double_free_refused)
{
	struct fx *x = fx_new(0x100000, 100, true);
	paddr_t a = frames_alloc(&x->f, 4, 1, 0);
	CHECK_EQ_I(frames_free(&x->f, a + P(1), 1), 0);
	struct snap s;
	take(x, &s);
	CHECK_EQ_I(frames_free(&x->f, a + P(1), 1), ERR_INVALID_ARGS); /* again */
	CHECK(same(x, &s));
	/* A range that includes the already-free page: nothing is freed. */
	CHECK_EQ_I(frames_free(&x->f, a, 4), ERR_INVALID_ARGS);
	CHECK(same(x, &s));
	CHECK(!frames_is_free(&x->f, a));
	/* A never-allocated page. */
	CHECK_EQ_I(frames_free(&x->f, 0x100000 + P(50), 1), ERR_INVALID_ARGS);
	CHECK(same(x, &s));
	CHECK_EQ_I(frames_free(&x->f, a, 1), 0);
	CHECK_EQ_I(frames_free(&x->f, a + P(2), 2), 0);
	CHECK_EQ_U(x->f.nfree, 100);
	fx_free(x);
}

TEST(frames, foreign_free_refused)
{
	struct fx *x = fx_new(0x100000, 100, true);
	for (int i = 0; i < 100; i++)
		CHECK(frames_alloc(&x->f, 1, 1, 0));
	struct snap s;
	take(x, &s);
	CHECK_EQ_I(frames_free(&x->f, 0x100000 - P(1), 1), ERR_INVALID_ARGS); /* below */
	CHECK_EQ_I(frames_free(&x->f, 0x100000 - P(1), 2), ERR_INVALID_ARGS); /* straddles */
	CHECK_EQ_I(frames_free(&x->f, 0x100000 + P(100), 1), ERR_INVALID_ARGS); /* above */
	CHECK_EQ_I(frames_free(&x->f, 0x100000 + P(99), 2), ERR_INVALID_ARGS); /* past end */
	CHECK_EQ_I(frames_free(&x->f, 0x100000 + 0x800, 1), ERR_INVALID_ARGS); /* unaligned */
	CHECK_EQ_I(frames_free(&x->f, 0x100000, 0), ERR_INVALID_ARGS); /* no pages */
	CHECK_EQ_I(frames_free(&x->f, 0x100000 + P(1), SIZE_MAX), ERR_INVALID_ARGS);
	CHECK_EQ_I(frames_free(&x->f, ~(paddr_t)0 & ~(paddr_t)0xfff, 1), ERR_INVALID_ARGS);
	CHECK_EQ_I(frames_free(&x->f, 0, 1), ERR_INVALID_ARGS);
	CHECK(same(x, &s));
	CHECK(!frames_is_free(&x->f, 0));
	CHECK(!frames_is_free(&x->f, 0x100000 + P(100)));
	CHECK(!frames_is_free(&x->f, ~(paddr_t)0));
	fx_free(x);
}

TEST(frames, odd_page_count)
{
	/* A span whose bitmap's last word is partly past the end: every page
	 * is handed out once, none beyond. */
	struct fx *x = fx_new(0, 200, true);
	bool seen[200] = { false };
	for (int i = 0; i < 200; i++) {
		paddr_t pa = frames_alloc(&x->f, 1, 1, 0);
		CHECK(pa % PAGE_SIZE == 0 && pa / PAGE_SIZE < 200);
		/* Page 0 counts here: this span starts at 0, so the first
		 * allocation is physical address 0, indistinguishable from
		 * failure. pmm_init claims page 0 for that reason. */
		CHECK(!seen[pa / PAGE_SIZE]);
		seen[pa / PAGE_SIZE] = true;
	}
	CHECK_EQ_U(x->f.nfree, 0);
	fx_free(x);
}

/* The model's answer: the lowest aligned run of count free pages ending at
 * or below the limit, or 0. */
static paddr_t model_alloc(const bool *used, const struct frames *f, size_t count, size_t align,
			   paddr_t limit)
{
	size_t end = f->npages;
	if (limit) {
		if (limit <= f->base)
			return 0;
		end = MIN(end, (size_t)((limit - f->base) / PAGE_SIZE));
	}
	for (size_t i = 0; i + count <= end; i++) {
		if ((f->base / PAGE_SIZE + i) % align)
			continue;
		size_t k = 0;
		while (k < count && !used[i + k])
			k++;
		if (k == count)
			return f->base + P(i);
	}
	return 0;
}

static void random_sequence(uint64_t seed, paddr_t base, size_t npages)
{
	uint64_t rng = seed;
	struct fx *x = fx_new(base, npages, true);
	/* Some reserved holes, as a real memory map has. */
	bool *used = calloc(npages, sizeof(bool));
	for (int h = 0; h < 5; h++) {
		size_t at = vtest_below(&rng, npages), n = 1 + vtest_below(&rng, 8);
		frames_claim_range(&x->f, base + P(at), base + P(MIN(at + n, npages)));
		for (size_t i = at; i < MIN(at + n, npages); i++)
			used[i] = true;
	}
	size_t baseline = x->f.nfree;
	struct {
		paddr_t pa;
		size_t n;
	} live[512];
	size_t nlive = 0, nalloc = 0, nfail = 0;
	for (int op = 0; op < 20000; op++) {
		if (nlive < ARRAY_SIZE(live) && vtest_below(&rng, 100) < 55) {
			size_t count = 1 + vtest_below(&rng, vtest_below(&rng, 4) ? 4 : 40);
			size_t align = (size_t)1 << vtest_below(&rng, 6);
			paddr_t limit =
				vtest_below(&rng, 4) ? 0 : base + P(vtest_below(&rng, npages + 8));
			paddr_t want = model_alloc(used, &x->f, count, align, limit);
			paddr_t got = frames_alloc(&x->f, count, align, limit);
			CHECK_MSG(got == want, "op %d: alloc(%zu, %zu, %#llx) = %#llx, model %#llx",
				  op, count, align, (unsigned long long)limit,
				  (unsigned long long)got, (unsigned long long)want);
			nfail += !got;
			if (got) {
				nalloc++;
				for (size_t k = 0; k < count; k++)
					used[(got - base) / PAGE_SIZE + k] = true;
				live[nlive].pa = got;
				live[nlive++].n = count;
			}
		} else if (nlive) {
			size_t i = vtest_below(&rng, nlive);
			/* Sometimes free only part of a run (a tail or a head). */
			size_t n = live[i].n, off = 0;
			if (n > 1 && vtest_below(&rng, 4) == 0) {
				off = vtest_below(&rng, n);
				n -= off;
			}
			CHECK_EQ_I(frames_free(&x->f, live[i].pa + P(off), n), 0);
			for (size_t k = 0; k < n; k++)
				used[(live[i].pa - base) / PAGE_SIZE + off + k] = false;
			if (off) {
				live[i].n = off;
			} else {
				live[i] = live[--nlive];
			}
		}
		size_t model_free = 0;
		for (size_t i = 0; i < npages; i++)
			model_free += !used[i];
		CHECK_MSG(x->f.nfree == model_free, "op %d: nfree %zu, model %zu", op, x->f.nfree,
			  model_free);
	}
	for (size_t i = 0; i < npages; i++)
		CHECK_MSG(frames_is_free(&x->f, base + P(i)) == !used[i], "page %zu", i);
	/* Both outcomes were exercised many times. */
	CHECK_MSG(nalloc > 2000 && nfail > 20, "%zu allocations, %zu failures", nalloc, nfail);
	while (nlive) {
		nlive--;
		CHECK_EQ_I(frames_free(&x->f, live[nlive].pa, live[nlive].n), 0);
	}
	CHECK_EQ_U(x->f.nfree, baseline);
	CHECK_EQ_U(count_free(x), baseline);
	free(used);
	fx_free(x);
}

TEST(frames, random_vs_model_small)
{
	random_sequence(1, 0x80000000, 300);
}

TEST(frames, random_vs_model_unaligned_base)
{
	random_sequence(2, 0x40003000, 1000);
}

TEST(frames, random_vs_model_large)
{
	random_sequence(3, 0x100000000ull, 4096);
}
