// SPDX-License-Identifier: BSD-2-Clause
// A descriptor that counts its calls (countfile.h): an endpoint of the
// test's own, served by a thread that forwards read, write, ready and arm
// (the notification too) to a clone of the real file's handle.
#include "../countfile.h"
#include "../../../lib/c/os/internal/fd.h"
#include "../utest.h"
#include <errno.h>
#include <fcntl.h>
#include <ipc/msg.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>

#define MS 1000000ull
#define IDLE_MS 200

static long fwd_read(void *ctx, uint64_t badge, uint64_t offset, uint32_t count, const void **data,
		     size_t *len)
{
	(void)badge;
	static _Thread_local unsigned char buf[FS_FILE_READ_DATA_MAX];
	struct countfile *c = ctx;
	c->calls++;
	long st = fs_file_read(c->real, offset, count, buf, len);
	*data = buf;
	return st;
}

static long fwd_write(void *ctx, uint64_t badge, uint64_t offset, const void *data, size_t len,
		      uint32_t *count, uint64_t *pos)
{
	(void)badge;
	/* data is in this thread's IPC buffer, which the call reuses. */
	static _Thread_local unsigned char copy[FS_FILE_READ_DATA_MAX];
	struct countfile *c = ctx;
	c->calls++;
	memcpy(copy, data, len < sizeof(copy) ? len : sizeof(copy));
	return fs_file_write(c->real, offset, copy, len < sizeof(copy) ? len : sizeof(copy), count,
			     pos);
}

static long fwd_ready(void *ctx, uint64_t badge, uint8_t *events)
{
	(void)badge;
	struct countfile *c = ctx;
	c->calls++;
	return fs_file_ready(c->real, events);
}

static long fwd_arm(void *ctx, uint64_t badge, uint8_t events, uint32_t need, vg_handle_t note,
		    uint8_t *ready)
{
	(void)badge;
	struct countfile *c = ctx;
	c->calls++;
	long st = fs_file_arm(c->real, events, need, note, ready);
	if (st < 0)
		vg_handle_close(note); /* not sent */
	c->arms++;
	return st;
}

static long fwd_close(void *ctx, uint64_t badge)
{
	(void)ctx, (void)badge;
	return 0;
}

static int dispatch(void *ctx, uint64_t badge, uint64_t tag, struct vg_ipc_buffer *b,
		    uint64_t *reply_tag)
{
	return fs_file_dispatch(ctx, badge, tag, b, reply_tag);
}

static void *serve(void *arg)
{
	static const struct fs_file_ops ops = { .read = fwd_read,
						.write = fwd_write,
						.ready = fwd_ready,
						.arm = fwd_arm,
						.close = fwd_close };
	struct fs_file_server server = { &ops, arg };
	ipc_serve(((struct countfile *)arg)->ep, dispatch, &server); /* until ep closes */
	return NULL;
}

int countfile_open(struct countfile *c, int fd)
{
	memset(c, 0, sizeof(*c));
	c->fd = -1;
	struct fd_desc *d = __fd_get(fd);
	if (!d)
		return -1;
	long st = fs_file_clone(d->h, &c->real);
	__fd_put(d);
	vg_handle_t h;
	if (st || vg_endpoint_create(&c->ep) ||
	    vg_endpoint_mint(c->ep, VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER | VG_RIGHT_DUPLICATE, 1,
			     &h))
		return -1;
	if (pthread_create(&c->server, NULL, serve, c))
		return -1;
	d = __fd_desc_new(FD_FILE, h, O_RDWR);
	if (!d)
		return -1;
	d->tty = -1; /* read and write ask nothing else first */
	c->fd = __fd_install(d, 0, false);
	return c->fd >= 0 ? 0 : -1;
}

static void sleep_ms(uint64_t ms)
{
	vg_thread_sleep_until(vg_clock_monotonic() + ms * MS);
}

bool countfile_armed(struct countfile *c)
{
	for (int i = 0; i < 500 && !c->arms; i++)
		sleep_ms(10);
	return c->arms != 0;
}

void countfile_close(struct countfile *c)
{
	if (c->fd >= 0)
		close(c->fd);
	if (c->ep) {
		vg_handle_close(c->ep);
		pthread_join(c->server, NULL);
	}
	if (c->real) {
		fs_file_close(c->real);
		vg_handle_close(c->real);
	}
}

void *countwait_run(void *arg)
{
	struct countwait *w = arg;
	errno = 0;
	if (w->poll) {
		struct pollfd p = { w->fd, POLLIN, 0 };
		w->r = poll(&p, 1, -1);
		w->revents = p.revents;
	} else {
		w->r = read(w->fd, w->buf, w->want);
	}
	w->err = errno;
	w->done = true;
	return NULL;
}

bool countwait_finishes(struct countwait *w)
{
	for (int i = 0; i < 500 && !w->done; i++)
		sleep_ms(10);
	return w->done;
}

void countfile_sleeps_until(int fd, bool poll, void (*act)(void *), void *arg, struct countwait *w)
{
	static struct countfile c;
	CHECK_EQ(countfile_open(&c, fd), 0);
	*w = (struct countwait){ .fd = c.fd, .poll = poll, .want = sizeof(w->buf) };
	pthread_t t;
	CHECK_EQ(pthread_create(&t, NULL, countwait_run, w), 0);
	CHECK(countfile_armed(&c));
	unsigned before = c.calls;
	sleep_ms(IDLE_MS);
	unsigned idle = c.calls - before;
	vg_printf("KTEST-DETAIL a blocked %s made %u calls before it slept, %u in %d ms idle\n",
		  poll ? "poll" : "read", before, idle, IDLE_MS);
	CHECK_EQ(idle, 0);
	CHECK(!w->done);
	act(arg);
	CHECK(countwait_finishes(w));
	if (!w->done)
		return; /* left blocked: the run goes on */
	CHECK_EQ(pthread_join(t, NULL), 0);
	countfile_close(&c);
}
