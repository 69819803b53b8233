// SPDX-License-Identifier: BSD-2-Clause
// Asynchronous calls through a pool of helper threads (see <async/call.h>
// for why threads).
#include <async/call.h>
#include <ipc/transport.h>
#include <vg/lock.h>
#include <vg/vg.h>

static struct {
	uint32_t lock;
	struct async_call *head, **tail;
	uint32_t queued; /* futex word: bumped on every queued call */
	unsigned started, idle;
} pool;

/* The next queued call, or NULL when none came for ASYNC_HELPER_IDLE_NS:
 * the helper then ends, so that idle helpers do not keep a process alive. */
static struct async_call *take(void)
{
	uint64_t deadline = (uint64_t)vg_clock_monotonic() + ASYNC_HELPER_IDLE_NS;
	for (;;) {
		vg_lock(&pool.lock);
		struct async_call *c = pool.head;
		if (c) {
			pool.head = c->next;
			if (!pool.head)
				pool.tail = &pool.head;
			vg_unlock(&pool.lock);
			return c;
		}
		if ((uint64_t)vg_clock_monotonic() >= deadline) {
			pool.started--;
			vg_unlock(&pool.lock);
			return NULL;
		}
		uint32_t seen = __atomic_load_n(&pool.queued, __ATOMIC_ACQUIRE);
		pool.idle++;
		vg_unlock(&pool.lock);
		vg_futex_wait(&pool.queued, seen, deadline);
		vg_lock(&pool.lock);
		pool.idle--;
		vg_unlock(&pool.lock);
	}
}

/* On the loop thread: the helper is done with the call. */
static void complete(struct async_post *post)
{
	struct async_call *c = (struct async_call *)post;
	__atomic_store_n(&c->busy, false, __ATOMIC_RELEASE);
	__atomic_fetch_sub(&c->loop->calls_in_flight, 1, __ATOMIC_ACQ_REL);
	async_future_resolve(&c->done, c->status, 0);
}

static void helper(uint64_t unused)
{
	(void)unused;
	struct vg_ipc_buffer *buf = vg_ipc_buffer();
	struct async_call *c;
	while ((c = take())) {
		uint64_t tag;
		long st = buf ? c->encode(buf, &tag, c->args) : ERR_NO_MEMORY;
		if (!st)
			st = vg_ipc_call_msg(c->ep, tag, buf, &tag);
		if (!st)
			st = c->decode(tag, buf, c->args);
		c->status = st;
		c->post.fn = complete;
		async_loop_post(c->loop, &c->post);
	}
	vg_thread_exit(0);
}

long async_call_start(struct async_loop *loop, struct async_call *c, vg_handle_t ep,
		      async_encode_fn encode, async_decode_fn decode, void *args)
{
	/* Every helper busy (or none yet): one more, up to the limit. */
	vg_lock(&pool.lock);
	bool more = pool.idle == 0 && pool.started < ASYNC_HELPERS;
	if (more)
		pool.started++;
	vg_unlock(&pool.lock);
	if (more && vg_thread_start(helper, 0, NULL)) {
		vg_lock(&pool.lock);
		unsigned left = --pool.started;
		vg_unlock(&pool.lock);
		if (!left)
			return ERR_NO_MEMORY; /* nobody could ever take the call */
	}
	c->loop = loop;
	c->ep = ep;
	c->encode = encode;
	c->decode = decode;
	c->args = args;
	c->next = NULL;
	c->status = 0;
	c->busy = true;
	async_future_init(&c->done, loop);
	__atomic_fetch_add(&loop->calls_in_flight, 1, __ATOMIC_ACQ_REL);
	vg_lock(&pool.lock);
	if (!pool.tail)
		pool.tail = &pool.head;
	*pool.tail = c;
	pool.tail = &c->next;
	__atomic_fetch_add(&pool.queued, 1, __ATOMIC_RELEASE);
	vg_unlock(&pool.lock);
	vg_futex_wake(&pool.queued, 1);
	return 0;
}

bool async_call_busy(const struct async_call *c)
{
	return __atomic_load_n(&c->busy, __ATOMIC_ACQUIRE);
}
