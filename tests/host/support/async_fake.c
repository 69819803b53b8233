// SPDX-License-Identifier: BSD-2-Clause
// A fake of lib/async's calls and futures for host tests of the generated
// asynchronous stubs: async_call_start queues the call as the real one does;
// async_fake_run plays the helper thread (encode, call through the loopback,
// decode) and then the loop thread (resolve the future, run continuations),
// one queued call at a time, in order.
#include <async/call.h>
#include <async_fake.h>
#include <ipc/transport.h>

static struct async_call *head, **tail = &head;

void async_future_init(struct async_future *f, struct async_loop *loop)
{
	*f = (struct async_future){ .loop = loop };
}

bool async_future_resolve(struct async_future *f, long status, uint64_t value)
{
	if (f->done)
		return false;
	f->done = true;
	f->status = status;
	f->value = value;
	for (struct async_then *t = f->thens; t; t = t->next)
		t->fn(f, t->ctx);
	return true;
}

void async_future_then(struct async_future *f, struct async_then *t, async_then_fn fn, void *ctx)
{
	t->fn = fn;
	t->ctx = ctx;
	t->next = NULL;
	if (f->done) {
		fn(f, ctx);
		return;
	}
	struct async_then **p = &f->thens;
	while (*p)
		p = &(*p)->next;
	*p = t;
}

long async_call_start(struct async_loop *loop, struct async_call *c, vg_handle_t ep,
		      async_encode_fn encode, async_decode_fn decode, void *args)
{
	c->loop = loop;
	c->ep = ep;
	c->encode = encode;
	c->decode = decode;
	c->args = args;
	c->next = NULL;
	c->status = 0;
	c->busy = true;
	async_future_init(&c->done, loop);
	*tail = c;
	tail = &c->next;
	return 0;
}

bool async_call_busy(const struct async_call *c)
{
	return c->busy;
}

int async_fake_pending(void)
{
	int n = 0;
	for (struct async_call *c = head; c; c = c->next)
		n++;
	return n;
}

bool async_fake_run(void)
{
	struct async_call *c = head;
	if (!c)
		return false;
	head = c->next;
	if (!head)
		tail = &head;
	static struct vg_ipc_buffer buf; /* the helper's own IPC buffer */
	uint64_t tag;
	long st = c->encode(&buf, &tag, c->args);
	if (!st)
		st = vg_ipc_call_msg(c->ep, tag, &buf, &tag);
	if (!st)
		st = c->decode(tag, &buf, c->args);
	c->status = st;
	c->busy = false;
	async_future_resolve(&c->done, st, 0);
	return true;
}
