// SPDX-License-Identifier: BSD-2-Clause
// kernel/lib/heap.c over a page backend made of a fixed pool: every size
// class and large sizes, alignment, usable sizes, leak accounting (stats back
// to baseline), refusal of double and foreign frees, backend exhaustion, and
// random sequences whose contents are checked before every free.
#define _DEFAULT_SOURCE
#include <kernel/heap.h>
#include <sanitizer/asan_interface.h>
#include <stdlib.h>
#include <string.h>
#include <verdigris/errors.h>
#include <vtest.h>

/* ---- the backend: a pool of pages with a settable size ---- */

#define POOL_PAGES 1024
/* Freed pages stay readable at their start (the heap reads a header there to
 * refuse a stale pointer, as the kernel can through the physmap); the rest is
 * poisoned, so any other use after free is an ASan report. */
#define HEADER_KEEP 64

static uint8_t *pool;
static bool pool_used[POOL_PAGES];
static size_t pool_limit; /* pages the backend may hand out */
static size_t pool_outstanding; /* pages handed out and not returned */
static size_t backend_calls, backend_refusals;

static void *pool_alloc(size_t count)
{
	backend_calls++;
	if (count == 0 || count > POOL_PAGES || pool_outstanding + count > pool_limit) {
		backend_refusals++;
		return NULL;
	}
	for (size_t i = 0; i + count <= POOL_PAGES; i++) {
		size_t k = 0;
		while (k < count && !pool_used[i + k])
			k++;
		if (k < count) {
			i += k;
			continue;
		}
		for (k = 0; k < count; k++)
			pool_used[i + k] = true;
		pool_outstanding += count;
		uint8_t *p = pool + i * PAGE_SIZE;
		ASAN_UNPOISON_MEMORY_REGION(p, count * PAGE_SIZE);
		memset(p, 0xa5, count * PAGE_SIZE); /* garbage: the heap must not assume zeros */
		return p;
	}
	backend_refusals++;
	return NULL;
}

static void pool_free(void *p, size_t count)
{
	uint8_t *b = p;
	if ((b - pool) % PAGE_SIZE || b < pool ||
	    b + count * PAGE_SIZE > pool + POOL_PAGES * PAGE_SIZE)
		FAIL("heap returned a foreign page %p", p);
	size_t first = (size_t)(b - pool) / PAGE_SIZE;
	for (size_t k = 0; k < count; k++) {
		if (!pool_used[first + k])
			FAIL("heap returned page %zu twice", first + k);
		pool_used[first + k] = false;
		ASAN_POISON_MEMORY_REGION(b + k * PAGE_SIZE + HEADER_KEEP, PAGE_SIZE - HEADER_KEEP);
	}
	pool_outstanding -= count;
}

static const struct heap_backend backend = { pool_alloc, pool_free };

static struct heap *new_heap(size_t limit)
{
	static struct heap h;
	if (!pool) {
		pool = aligned_alloc(PAGE_SIZE, POOL_PAGES * PAGE_SIZE);
		if (!pool)
			abort();
	}
	/* Everything from an earlier case was returned (each case checks). */
	memset(pool_used, 0, sizeof(pool_used));
	ASAN_UNPOISON_MEMORY_REGION(pool, POOL_PAGES * PAGE_SIZE);
	memset(pool, 0, POOL_PAGES * PAGE_SIZE);
	pool_limit = limit;
	pool_outstanding = backend_calls = backend_refusals = 0;
	heap_init(&h, &backend);
	return &h;
}

static bool stats_equal(const struct heap_stats *a, const struct heap_stats *b)
{
	return !memcmp(a, b, sizeof(*a));
}

/* Nothing live; at most one cached empty slab per class; the backend holds
 * exactly the slab pages. */
static void check_no_leaks_at(const char *file, int line, const struct heap *h)
{
	const struct heap_stats *s = &h->stats;
	for (int c = 0; c < HEAP_NCLASSES; c++)
		if (s->live_objects[c])
			vtest_fail(file, line, "class %d: %zu objects live", c, s->live_objects[c]);
	if (s->live_large || s->live_bytes || s->large_pages)
		vtest_fail(file, line, "live: %zu large, %zu bytes, %zu large pages", s->live_large,
			   s->live_bytes, s->large_pages);
	if (s->slab_pages > HEAP_NCLASSES)
		vtest_fail(file, line, "%zu slab pages cached", s->slab_pages);
	if (pool_outstanding != s->slab_pages)
		vtest_fail(file, line, "backend has %zu pages out, heap counts %zu slab pages",
			   pool_outstanding, s->slab_pages);
}
#define CHECK_NO_LEAKS(h) check_no_leaks_at(__FILE__, __LINE__, h)

static size_t class_of(size_t size)
{
	size_t c = 0;
	while (((size_t)16 << c) < size)
		c++;
	return c;
}

/* ---- cases ---- */

TEST(heap, every_size_class)
{
	struct heap *h = new_heap(POOL_PAGES);
	for (size_t cls = 0; cls < HEAP_NCLASSES; cls++) {
		size_t csize = (size_t)16 << cls;
		size_t sizes[] = { csize / 2 + 1, csize - 1, csize };
		for (size_t i = 0; i < ARRAY_SIZE(sizes); i++) {
			size_t size = cls == 0 && i == 0 ? 1 : sizes[i];
			struct heap_stats before = h->stats;
			uint8_t *p = heap_alloc(h, size);
			CHECK_MSG(p, "size %zu", size);
			CHECK_MSG((uintptr_t)p % 16 == 0, "size %zu: %p not 16-byte aligned", size,
				  p);
			CHECK_EQ_U(heap_usable_size(h, p), csize);
			CHECK_EQ_U(h->stats.live_objects[cls], before.live_objects[cls] + 1);
			CHECK_EQ_U(h->stats.live_bytes, before.live_bytes + csize);
			memset(p, 0x3c, csize); /* the whole usable size is ours */
			CHECK_EQ_I(heap_free(h, p), 0);
			CHECK_EQ_U(h->stats.live_objects[cls], before.live_objects[cls]);
			CHECK_EQ_U(h->stats.live_bytes, before.live_bytes);
		}
	}
	CHECK_NO_LEAKS(h);
}

TEST(heap, zero_size)
{
	struct heap *h = new_heap(POOL_PAGES);
	void *p = heap_alloc(h, 0);
	CHECK(p);
	CHECK_EQ_U(heap_usable_size(h, p), 16);
	CHECK_EQ_U(h->stats.live_objects[0], 1);
	CHECK_EQ_I(heap_free(h, p), 0);
	CHECK_NO_LEAKS(h);
}

TEST(heap, free_null)
{
	struct heap *h = new_heap(POOL_PAGES);
	struct heap_stats before = h->stats;
	CHECK_EQ_I(heap_free(h, NULL), 0);
	CHECK(stats_equal(&before, &h->stats));
}

TEST(heap, large_allocations)
{
	struct heap *h = new_heap(POOL_PAGES);
	static const struct {
		size_t size, pages;
	} cases[] = {
		{ HEAP_MAX_SMALL + 1, 1 }, { PAGE_SIZE - 16, 1 }, { PAGE_SIZE - 15, 2 },
		{ PAGE_SIZE, 2 },	   { 3 * PAGE_SIZE, 4 },  { 100 * PAGE_SIZE - 16, 100 },
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		struct heap_stats before = h->stats;
		uint8_t *p = heap_alloc(h, cases[i].size);
		CHECK_MSG(p, "size %zu", cases[i].size);
		CHECK((uintptr_t)p % 16 == 0);
		CHECK_EQ_U(heap_usable_size(h, p), cases[i].pages * PAGE_SIZE - 16);
		CHECK_EQ_U(h->stats.live_large, before.live_large + 1);
		CHECK_EQ_U(h->stats.large_pages, before.large_pages + cases[i].pages);
		CHECK_EQ_U(h->stats.live_bytes, before.live_bytes + cases[i].size);
		CHECK_EQ_U(pool_outstanding,
			   before.slab_pages + before.large_pages + cases[i].pages);
		memset(p, 0x7e, heap_usable_size(h, p));
		CHECK_EQ_I(heap_free(h, p), 0);
		CHECK(stats_equal(&before, &h->stats));
	}
	CHECK_NO_LEAKS(h);
}

TEST(heap, huge_requests_fail)
{
	/* Sizes whose page count overflows must fail cleanly, not come back
	 * as a small block claiming to be huge. */
	struct heap *h = new_heap(POOL_PAGES);
	static const size_t sizes[] = { SIZE_MAX,
					SIZE_MAX - 15,
					SIZE_MAX - 16,
					SIZE_MAX - PAGE_SIZE,
					SIZE_MAX - PAGE_SIZE - 16,
					SIZE_MAX / 2,
					(size_t)1 << 62,
					(size_t)1 << 40 };
	for (size_t i = 0; i < ARRAY_SIZE(sizes); i++) {
		struct heap_stats before = h->stats;
		void *p = heap_alloc(h, sizes[i]);
		CHECK_MSG(!p, "heap_alloc(%#zx) returned %p", sizes[i], p);
		CHECK_MSG(stats_equal(&before, &h->stats), "heap_alloc(%#zx) changed the stats",
			  sizes[i]);
	}
	CHECK_EQ_U(pool_outstanding, 0);
}

TEST(heap, slot_reuse)
{
	/* A freed slot is the next one handed out in its class. */
	struct heap *h = new_heap(POOL_PAGES);
	void *a = heap_alloc(h, 64), *b = heap_alloc(h, 64), *c = heap_alloc(h, 64);
	CHECK(a && b && c && a != b && b != c);
	CHECK_EQ_I(heap_free(h, b), 0);
	CHECK(heap_alloc(h, 50) == b);
	CHECK_EQ_I(heap_free(h, a), 0);
	CHECK_EQ_I(heap_free(h, b), 0);
	CHECK_EQ_I(heap_free(h, c), 0);
	CHECK_NO_LEAKS(h);
}

TEST(heap, slabs_fill_and_empty)
{
	/* Fill several slabs of one class: objects are distinct, one page per
	 * slab; emptying them keeps one slab cached and returns the rest. */
	struct heap *h = new_heap(POOL_PAGES);
	enum { N = 1000 };
	static void *p[N];
	for (int i = 0; i < N; i++) {
		p[i] = heap_alloc(h, 32);
		CHECK(p[i]);
		memset(p[i], i & 0xff, 32);
	}
	size_t per_slab = (PAGE_SIZE - 64) / 32; /* at least this many */
	CHECK(h->stats.slab_pages >= (N + 127) / 128 && h->stats.slab_pages <= N / per_slab + 1);
	CHECK_EQ_U(pool_outstanding, h->stats.slab_pages);
	for (int i = 0; i < N; i++)
		for (int k = 0; k < 32; k++)
			CHECK_MSG(((uint8_t *)p[i])[k] == (i & 0xff), "object %d overwritten", i);
	for (int i = 0; i < N; i++)
		CHECK_EQ_I(heap_free(h, p[i]), 0);
	CHECK_EQ_U(h->stats.slab_pages, 1);
	CHECK_NO_LEAKS(h);
}

TEST(heap, one_slot_class)
{
	/* The 2048 class holds one object per slab page. */
	struct heap *h = new_heap(POOL_PAGES);
	void *a = heap_alloc(h, 2048), *b = heap_alloc(h, 2000);
	CHECK(a && b);
	CHECK(((uintptr_t)a & ~(PAGE_SIZE - 1)) != ((uintptr_t)b & ~(PAGE_SIZE - 1)));
	CHECK_EQ_U(h->stats.slab_pages, 2);
	CHECK_EQ_I(heap_free(h, a), 0);
	CHECK_EQ_I(heap_free(h, b), 0);
	CHECK_EQ_U(h->stats.slab_pages, 1);
	CHECK_NO_LEAKS(h);
}

TEST(heap, double_free_small_refused)
{
	struct heap *h = new_heap(POOL_PAGES);
	void *keep = heap_alloc(h, 128); /* keeps the slab alive */
	void *p = heap_alloc(h, 128);
	CHECK_EQ_I(heap_free(h, p), 0);
	struct heap_stats before = h->stats;
	CHECK_EQ_I(heap_free(h, p), ERR_INVALID_ARGS);
	CHECK(stats_equal(&before, &h->stats));
	/* The free list is intact: two allocations give two objects. */
	void *x = heap_alloc(h, 128), *y = heap_alloc(h, 128);
	CHECK(x && y && x != y && x != keep && y != keep);
	CHECK_EQ_I(heap_free(h, x), 0);
	CHECK_EQ_I(heap_free(h, y), 0);
	CHECK_EQ_I(heap_free(h, keep), 0);
	CHECK_NO_LEAKS(h);
}

TEST(heap, double_free_of_freed_slab_refused)
{
	/* The slab went back to the backend; a stale pointer into it is
	 * refused. */
	struct heap *h = new_heap(POOL_PAGES);
	void *a = heap_alloc(h, 2048), *b = heap_alloc(h, 2048);
	CHECK_EQ_I(heap_free(h, a), 0); /* cached */
	CHECK_EQ_I(heap_free(h, b), 0); /* returned to the backend */
	CHECK_EQ_U(pool_outstanding, 1);
	struct heap_stats before = h->stats;
	CHECK_EQ_I(heap_free(h, b), ERR_INVALID_ARGS);
	CHECK_EQ_I(heap_free(h, a), ERR_INVALID_ARGS); /* still cached, slot free */
	CHECK(stats_equal(&before, &h->stats));
	CHECK_NO_LEAKS(h);
}

TEST(heap, double_free_large_refused)
{
	struct heap *h = new_heap(POOL_PAGES);
	void *p = heap_alloc(h, 3 * PAGE_SIZE);
	CHECK(p);
	CHECK_EQ_I(heap_free(h, p), 0);
	struct heap_stats before = h->stats;
	CHECK_EQ_I(heap_free(h, p), ERR_INVALID_ARGS);
	CHECK(stats_equal(&before, &h->stats));
	CHECK_NO_LEAKS(h);
}

TEST(heap, foreign_pointers_refused)
{
	struct heap *h = new_heap(POOL_PAGES);
	uint8_t *small = heap_alloc(h, 64);
	uint8_t *large = heap_alloc(h, 2 * PAGE_SIZE);
	memset(large, 0, 2 * PAGE_SIZE); /* its second page looks like nothing */
	uint8_t *plain = pool_alloc(1); /* a page the heap never saw */
	memset(plain, 0, PAGE_SIZE);
	uint8_t *slab = (uint8_t *)((uintptr_t)small & ~(uintptr_t)(PAGE_SIZE - 1));
	/* The first object of a fresh slab sits right after the header; one
	 * slot-sized step past the last whole slot is still inside the page. */
	size_t hdr = (size_t)(small - slab), nslots = (PAGE_SIZE - hdr) / 64;
	uint8_t *past_last = slab + hdr + nslots * 64;
	CHECK(past_last + 16 <= slab + PAGE_SIZE);
	struct heap_stats before = h->stats;
	void *bad[] = {
		small + 1, /* inside an object */
		small + 8,
		small + 16, /* not a slot start for class 64 */
		slab, /* the slab header */
		slab + 16, /* where a large block's data would start */
		past_last, /* slot-aligned, but past the last slot */
		slab + PAGE_SIZE - 16, /* in the tail no slot covers */
		large + 16, /* inside a large block */
		large + PAGE_SIZE,
		large + PAGE_SIZE + 16, /* its second page */
		plain,
		plain + 16,
		plain + 256,
	};
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		CHECK_MSG(heap_free(h, bad[i]) == ERR_INVALID_ARGS, "pointer #%zu accepted", i);
		CHECK_MSG(stats_equal(&before, &h->stats), "pointer #%zu changed the stats", i);
	}
	CHECK_EQ_I(heap_free(h, small), 0);
	CHECK_EQ_I(heap_free(h, large), 0);
	pool_free(plain, 1);
	CHECK_NO_LEAKS(h);
}

TEST(heap, backend_exhaustion)
{
	struct heap *h = new_heap(3);
	void *p[4];
	for (int i = 0; i < 3; i++) {
		p[i] = heap_alloc(h, 2048);
		CHECK(p[i]);
	}
	struct heap_stats before = h->stats;
	CHECK(!heap_alloc(h, 2048)); /* needs a fourth page */
	CHECK(!heap_alloc(h, 16));
	CHECK(!heap_alloc(h, 5000));
	CHECK(stats_equal(&before, &h->stats));
	CHECK_EQ_I(heap_free(h, p[1]), 0); /* cached as the empty slab... */
	p[3] = heap_alloc(h, 2048); /* ...and used again */
	CHECK(p[3] == p[1]);
	CHECK_EQ_I(heap_free(h, p[0]), 0);
	CHECK_EQ_I(heap_free(h, p[2]), 0);
	CHECK_EQ_I(heap_free(h, p[3]), 0);
	CHECK_EQ_U(pool_outstanding, 1);
	/* Now a two-page large allocation fits. */
	void *l = heap_alloc(h, PAGE_SIZE);
	CHECK(l);
	CHECK(!heap_alloc(h, PAGE_SIZE));
	CHECK_EQ_I(heap_free(h, l), 0);
	CHECK_NO_LEAKS(h);
}

TEST(heap, exhaustion_mid_class)
{
	/* With the backend empty, a class with a partial slab still serves
	 * from it, and only a new slab fails. */
	struct heap *h = new_heap(1);
	void *a = heap_alloc(h, 16);
	CHECK(a);
	void *more[300];
	size_t n = 0;
	while (n < ARRAY_SIZE(more) && (more[n] = heap_alloc(h, 16)))
		n++;
	CHECK(n >= 200 && n < ARRAY_SIZE(more)); /* a whole slab, then NULL */
	CHECK_EQ_U(h->stats.live_objects[0], n + 1);
	CHECK(!heap_alloc(h, 32)); /* another class needs a page */
	while (n)
		CHECK_EQ_I(heap_free(h, more[--n]), 0);
	CHECK_EQ_I(heap_free(h, a), 0);
	CHECK_NO_LEAKS(h);
}

static void fill(uint8_t *p, size_t n, uint32_t tag)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (uint8_t)(tag * 31 + i * 7);
}

static bool intact(const uint8_t *p, size_t n, uint32_t tag)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != (uint8_t)(tag * 31 + i * 7))
			return false;
	return true;
}

TEST(heap, random_sequences)
{
	/* Random sizes (mostly small, some large), every object filled to its
	 * usable size with its own pattern and verified before it is freed;
	 * live_bytes follows a model throughout; everything returns to
	 * baseline at the end. */
	struct heap *h = new_heap(POOL_PAGES);
	uint64_t rng = 99;
	enum { MAXLIVE = 600 };
	static struct {
		uint8_t *p;
		size_t size, usable;
		uint32_t tag;
	} live[MAXLIVE];
	size_t nlive = 0, model_bytes = 0, allocs = 0, nulls = 0;
	for (uint32_t op = 0; op < 60000; op++) {
		bool do_alloc = nlive < MAXLIVE && (nlive == 0 || vtest_below(&rng, 100) < 52);
		if (do_alloc) {
			size_t size;
			switch (vtest_below(&rng, 10)) {
			case 0: size = HEAP_MAX_SMALL + 1 + vtest_below(&rng, 3 * PAGE_SIZE); break;
			case 1: size = vtest_below(&rng, 17); break;
			default: size = 1 + vtest_below(&rng, HEAP_MAX_SMALL); break;
			}
			uint8_t *p = heap_alloc(h, size);
			if (!p) {
				nulls++;
				continue;
			}
			allocs++;
			CHECK((uintptr_t)p % 16 == 0);
			size_t usable = heap_usable_size(h, p);
			CHECK_MSG(usable >= size, "size %zu: usable %zu", size, usable);
			fill(p, usable, op);
			live[nlive].p = p;
			live[nlive].size = size;
			live[nlive].usable = usable;
			live[nlive++].tag = op;
			model_bytes += size > HEAP_MAX_SMALL
				? size
				: (size_t)16 << class_of(size ? size : 1);
		} else {
			size_t i = vtest_below(&rng, nlive);
			CHECK_MSG(intact(live[i].p, live[i].usable, live[i].tag),
				  "op %u: object of %zu bytes (tag %u) corrupted", op, live[i].size,
				  live[i].tag);
			CHECK_EQ_I(heap_free(h, live[i].p), 0);
			size_t size = live[i].size;
			model_bytes -= size > HEAP_MAX_SMALL
				? size
				: (size_t)16 << class_of(size ? size : 1);
			live[i] = live[--nlive];
		}
		CHECK_MSG(h->stats.live_bytes == model_bytes, "op %u: live_bytes %zu, model %zu",
			  op, h->stats.live_bytes, model_bytes);
		CHECK_EQ_U(pool_outstanding, h->stats.slab_pages + h->stats.large_pages);
	}
	CHECK(allocs > 20000);
	CHECK_EQ_U(nulls, 0);
	while (nlive) {
		nlive--;
		CHECK(intact(live[nlive].p, live[nlive].usable, live[nlive].tag));
		CHECK_EQ_I(heap_free(h, live[nlive].p), 0);
	}
	CHECK_NO_LEAKS(h);
}

TEST(heap, random_under_pressure)
{
	/* The same with a backend that runs dry: NULL is the only symptom,
	 * nothing leaks and nothing is corrupted. */
	struct heap *h = new_heap(24);
	uint64_t rng = 4242;
	static struct {
		uint8_t *p;
		size_t usable;
		uint32_t tag;
	} live[400];
	size_t nlive = 0, nulls = 0;
	for (uint32_t op = 0; op < 30000; op++) {
		if (nlive < ARRAY_SIZE(live) && vtest_below(&rng, 100) < 60) {
			size_t size = vtest_below(&rng, 8)
				? 1 + vtest_below(&rng, 2048)
				: 2049 + vtest_below(&rng, 5 * PAGE_SIZE);
			struct heap_stats before = h->stats;
			uint8_t *p = heap_alloc(h, size);
			if (!p) {
				nulls++;
				CHECK(stats_equal(&before, &h->stats));
				continue;
			}
			live[nlive].p = p;
			live[nlive].usable = heap_usable_size(h, p);
			live[nlive].tag = op;
			fill(p, live[nlive].usable, op);
			nlive++;
		} else if (nlive) {
			size_t i = vtest_below(&rng, nlive);
			CHECK(intact(live[i].p, live[i].usable, live[i].tag));
			CHECK_EQ_I(heap_free(h, live[i].p), 0);
			live[i] = live[--nlive];
		}
		CHECK(pool_outstanding <= 24);
	}
	CHECK(nulls > 100 && backend_refusals > 0);
	while (nlive) {
		nlive--;
		CHECK_EQ_I(heap_free(h, live[nlive].p), 0);
	}
	CHECK_NO_LEAKS(h);
}
