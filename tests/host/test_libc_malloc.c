// SPDX-License-Identifier: BSD-2-Clause
// lib/c's allocator (lib/c/os/malloc/malloc.c), compiled for the host with
// its symbols renamed vgc_* and its page source faked with mmap: sizes and
// alignments of every class, realloc keeping contents, large blocks
// unmapped on free, a randomized stress against a shadow model (every live
// block filled with a pattern of its own and checked before it changes),
// and the same stress on several threads that also free each other's
// blocks.
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <vtest.h>

void *vgc_malloc(size_t n);
void vgc_free(void *p);
void *vgc_calloc(size_t n, size_t size);
void *vgc_realloc(void *p, size_t n);
void *vgc_aligned_alloc(size_t align, size_t n);
int vgc_posix_memalign(void **out, size_t align, size_t n);
size_t vgc_malloc_usable_size(void *p);
void vgc___libc_malloc_thread_exit(void);

/* Our errno values (lib/c/include/errno.h), not glibc's. */
#define VGC_EINVAL 21
#define VGC_ENOMEM 12

/* ---- what the allocator needs from the system ---- */

static _Atomic long mapped_bytes, map_calls;
static _Atomic int fail_maps; /* > 0: that many maps fail */

void *__libc_pages_map(size_t len);
void __libc_pages_unmap(void *p, size_t len);
void __libc_lock(int *l);
void __libc_unlock(int *l);
int *__errno(void);

void *__libc_pages_map(size_t len)
{
	if (len % 4096)
		return NULL; /* the contract: whole pages */
	if (atomic_load(&fail_maps) > 0) {
		atomic_fetch_sub(&fail_maps, 1);
		return NULL;
	}
	void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return NULL;
	atomic_fetch_add(&mapped_bytes, (long)len);
	atomic_fetch_add(&map_calls, 1);
	return p;
}

void __libc_pages_unmap(void *p, size_t len)
{
	munmap(p, len);
	atomic_fetch_sub(&mapped_bytes, (long)len);
}

void __libc_lock(int *l)
{
	while (__atomic_exchange_n(l, 1, __ATOMIC_ACQUIRE))
		sched_yield();
}

void __libc_unlock(int *l)
{
	__atomic_store_n(l, 0, __ATOMIC_RELEASE);
}

int *__errno(void)
{
	return &errno;
}

/* ---- helpers ---- */

static uint64_t next_rand(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static void fill(unsigned char *p, size_t n, uint64_t seed)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (unsigned char)(seed + i * 131);
}

static bool intact(const unsigned char *p, size_t n, uint64_t seed)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != (unsigned char)(seed + i * 131))
			return false;
	return true;
}

/* ---- cases ---- */

TEST(malloc, every_size_usable_and_aligned)
{
	for (size_t n = 0; n <= 70000; n += n < 600 ? 1 : 97) {
		unsigned char *p = vgc_malloc(n);
		CHECK_MSG(p, "malloc(%zu)", n);
		CHECK_MSG((uintptr_t)p % 16 == 0, "malloc(%zu) = %p", n, (void *)p);
		CHECK_MSG(vgc_malloc_usable_size(p) >= n, "usable %zu < %zu",
			  vgc_malloc_usable_size(p), n);
		memset(p, 0xa5, n);
		vgc_free(p);
	}
	vgc_free(NULL);
	CHECK_EQ_U(vgc_malloc_usable_size(NULL), 0);
}

TEST(malloc, distinct_blocks_do_not_overlap)
{
	enum { N = 3000 };
	static unsigned char *p[N];
	for (int i = 0; i < N; i++) {
		size_t n = 1 + (size_t)(i * 37 % 900);
		p[i] = vgc_malloc(n);
		CHECK(p[i]);
		fill(p[i], n, (uint64_t)i);
	}
	for (int i = 0; i < N; i++) {
		size_t n = 1 + (size_t)(i * 37 % 900);
		CHECK_MSG(intact(p[i], n, (uint64_t)i), "block %d overwritten", i);
		vgc_free(p[i]);
	}
}

TEST(malloc, alignments)
{
	for (size_t a = 1; a <= (1u << 20); a <<= 1) {
		for (size_t n = 1; n < 50000; n = n * 3 + 5) {
			void *p = vgc_aligned_alloc(a, n);
			CHECK_MSG(p && (uintptr_t)p % a == 0, "aligned_alloc(%zu, %zu) = %p", a, n,
				  p);
			CHECK(vgc_malloc_usable_size(p) >= n);
			memset(p, 1, n);
			void *q = NULL;
			if (a >= sizeof(void *)) {
				CHECK_EQ_I(vgc_posix_memalign(&q, a, n), 0);
				CHECK_MSG((uintptr_t)q % a == 0, "posix_memalign(%zu, %zu) = %p", a,
					  n, q);
			}
			vgc_free(p);
			vgc_free(q);
		}
	}
	void *q = (void *)1;
	CHECK_EQ_I(vgc_posix_memalign(&q, 24, 10), VGC_EINVAL);
	CHECK_EQ_I(vgc_posix_memalign(&q, 4, 10), VGC_EINVAL);
	CHECK(q == (void *)1);
	errno = 0;
	CHECK(!vgc_aligned_alloc(48, 10));
	CHECK_EQ_I(errno, VGC_EINVAL);
}

TEST(malloc, calloc_zeroes_and_checks_overflow)
{
	for (int round = 0; round < 50; round++) {
		size_t n = 1 + (size_t)round * 613;
		unsigned char *p = vgc_malloc(n);
		memset(p, 0xff, n);
		vgc_free(p);
		unsigned char *z = vgc_calloc(n, 1);
		CHECK(z);
		for (size_t i = 0; i < n; i++)
			CHECK_MSG(!z[i], "calloc byte %zu of %zu is %d", i, n, z[i]);
		vgc_free(z);
	}
	errno = 0;
	CHECK(!vgc_calloc(SIZE_MAX / 2, 3));
	CHECK_EQ_I(errno, VGC_ENOMEM);
	errno = 0;
	CHECK(!vgc_malloc(SIZE_MAX - 100));
	CHECK_EQ_I(errno, VGC_ENOMEM);
}

TEST(malloc, realloc_keeps_contents)
{
	uint64_t s = 99;
	unsigned char *p = NULL;
	size_t have = 0;
	for (int i = 0; i < 400; i++) {
		size_t n = (size_t)(next_rand(&s) % (i % 7 == 0 ? 200000 : 3000));
		unsigned char *q = vgc_realloc(p, n);
		CHECK_MSG(q || !n, "realloc to %zu", n);
		size_t keep = n < have ? n : have;
		CHECK_MSG(intact(q, keep, 5), "realloc %zu -> %zu lost contents", have, n);
		fill(q, n, 5);
		p = q;
		have = n;
	}
	vgc_free(p);
}

TEST(malloc, large_blocks_are_unmapped)
{
	long before = atomic_load(&mapped_bytes);
	void *p[20];
	for (int i = 0; i < 20; i++) {
		p[i] = vgc_malloc(100000 + (size_t)i * 50000);
		CHECK(p[i]);
		memset(p[i], i, 100000);
	}
	CHECK(atomic_load(&mapped_bytes) - before >= 20 * 100000);
	for (int i = 0; i < 20; i++)
		vgc_free(p[i]);
	CHECK_EQ_I(atomic_load(&mapped_bytes), before);
}

TEST(malloc, failure_is_enomem)
{
	atomic_store(&fail_maps, 1000);
	errno = 0;
	CHECK(!vgc_malloc(1 << 20));
	CHECK_EQ_I(errno, VGC_ENOMEM);
	atomic_store(&fail_maps, 0);
	void *p = vgc_malloc(1 << 20);
	CHECK(p);
	vgc_free(p);
}

/* The stress: slots of live blocks with their sizes and pattern seeds. */
struct slot {
	unsigned char *p;
	size_t n;
	uint64_t seed;
};

static size_t random_size(uint64_t *s)
{
	uint64_t r = next_rand(s);
	switch (r % 16) {
	case 0: return (size_t)(r >> 8) % 300000; /* large */
	case 1:
	case 2: return (size_t)(r >> 8) % 20000;
	default: return (size_t)(r >> 8) % 512;
	}
}

/* One step on a random slot; false when a block was found corrupt. */
static bool stress_step(struct slot *slots, size_t nslots, uint64_t *s)
{
	struct slot *sl = &slots[next_rand(s) % nslots];
	if (sl->p && !intact(sl->p, sl->n, sl->seed))
		return false;
	uint64_t op = next_rand(s) % 4;
	if (!sl->p || op == 0) {
		vgc_free(sl->p);
		size_t a = (size_t)1 << (next_rand(s) % 13);
		sl->n = random_size(s);
		sl->p = op == 0 && a > 16 ? vgc_aligned_alloc(a, sl->n) : vgc_malloc(sl->n);
		if (!sl->p || (op == 0 && a > 16 && (uintptr_t)sl->p % a))
			return false;
	} else if (op == 1) {
		size_t n = random_size(s);
		unsigned char *q = vgc_realloc(sl->p, n);
		if (!q || !intact(q, n < sl->n ? n : sl->n, sl->seed))
			return false;
		sl->p = q;
		sl->n = n;
	} else if (op == 2) {
		vgc_free(sl->p);
		sl->p = NULL;
		return true;
	}
	if (vgc_malloc_usable_size(sl->p) < sl->n)
		return false;
	sl->seed = next_rand(s);
	fill(sl->p, sl->n, sl->seed);
	return true;
}

TEST(malloc, randomized_stress_against_shadow)
{
	enum { NSLOTS = 500, STEPS = 60000 };
	static struct slot slots[NSLOTS];
	uint64_t s = 0x1234567;
	long before = atomic_load(&mapped_bytes);
	for (int i = 0; i < STEPS; i++)
		CHECK_MSG(stress_step(slots, NSLOTS, &s), "step %d", i);
	for (int i = 0; i < NSLOTS; i++) {
		CHECK(!slots[i].p || intact(slots[i].p, slots[i].n, slots[i].seed));
		vgc_free(slots[i].p);
		slots[i].p = NULL;
	}
	/* What stays mapped is slab regions only: no large block leaked. */
	CHECK_MSG(atomic_load(&mapped_bytes) - before < 64L << 20, "%ld bytes still mapped",
		  atomic_load(&mapped_bytes) - before);
}

/* Threads: each runs the stress on its own slots and, every few steps,
 * swaps a block with a shared exchange, so blocks are freed by threads
 * other than the one that allocated them. */
enum { NTHREADS = 4, TSLOTS = 200, TSTEPS = 20000 };
static struct slot exchange[16];
static int exchange_lock;
static _Atomic int thread_failures;

static void *stress_thread(void *arg)
{
	static __thread struct slot slots[TSLOTS];
	uint64_t s = 0x9e3779b97f4a7c15ull * (uintptr_t)arg + 1;
	for (int i = 0; i < TSTEPS; i++) {
		if (!stress_step(slots, TSLOTS, &s)) {
			atomic_fetch_add(&thread_failures, 1);
			break;
		}
		if (i % 5 == 0) {
			struct slot *mine = &slots[next_rand(&s) % TSLOTS];
			__libc_lock(&exchange_lock);
			struct slot *theirs = &exchange[next_rand(&s) % 16];
			struct slot t = *mine;
			*mine = *theirs;
			*theirs = t;
			__libc_unlock(&exchange_lock);
		}
	}
	for (int i = 0; i < TSLOTS; i++) {
		if (slots[i].p && !intact(slots[i].p, slots[i].n, slots[i].seed))
			atomic_fetch_add(&thread_failures, 1);
		vgc_free(slots[i].p);
		slots[i].p = NULL;
	}
	vgc___libc_malloc_thread_exit(); /* as pthread_exit does */
	return NULL;
}

TEST(malloc, threads_share_and_free_each_others_blocks)
{
	pthread_t t[NTHREADS];
	for (uintptr_t i = 0; i < NTHREADS; i++)
		CHECK_EQ_I(pthread_create(&t[i], NULL, stress_thread, (void *)i), 0);
	for (int i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
	for (int i = 0; i < 16; i++) {
		CHECK(!exchange[i].p || intact(exchange[i].p, exchange[i].n, exchange[i].seed));
		vgc_free(exchange[i].p);
		exchange[i].p = NULL;
	}
	CHECK_EQ_I(atomic_load(&thread_failures), 0);
}

/* Blocks freed into one thread's cache go back to the slabs at its exit,
 * where another thread finds them: after many rounds of allocate-on-one,
 * free-on-another, the footprint stays bounded. */
static void *free_all(void *arg)
{
	void **v = arg;
	for (int i = 0; i < 1000; i++)
		vgc_free(v[i]);
	vgc___libc_malloc_thread_exit();
	return NULL;
}

TEST(malloc, thread_caches_return_at_exit)
{
	static void *v[1000];
	long before = 0;
	for (int round = 0; round < 200; round++) {
		for (int i = 0; i < 1000; i++) {
			v[i] = vgc_malloc(64 + (size_t)(i % 8) * 100);
			CHECK(v[i]);
		}
		pthread_t t;
		CHECK_EQ_I(pthread_create(&t, NULL, free_all, v), 0);
		pthread_join(t, NULL);
		if (round == 10)
			before = atomic_load(&map_calls);
	}
	CHECK_EQ_I(atomic_load(&map_calls), before);
}
