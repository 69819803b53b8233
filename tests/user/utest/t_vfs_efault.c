// SPDX-License-Identifier: BSD-2-Clause
// File calls' error paths: a wild buffer is EFAULT for read, write, pread,
// pwrite, readv and writev on files, pipes and devices (the servers keep
// serving), a file call interrupted by a handler is EINTR or goes on
// with SA_RESTART, and fstatvfs answers on pipes and devices.
#include "../../../lib/c/os/internal/fd.h"
#include "../utest.h"
#include "../vfs_up.h"
#include <errno.h>
#include <fcntl.h>
#include <ipc/msg.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/statvfs.h>
#include <sys/uio.h>
#include <unistd.h>

#define MS 1000000ull

/* A page that was mapped and is not any more (the allocator never hands
 * an unmapped range out again), and one that is read-only. */
static void *gone_page(void)
{
	void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p != MAP_FAILED);
	CHECK_EQ(munmap(p, 4096), 0);
	return p;
}

static void *read_only_page(void)
{
	void *p = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p != MAP_FAILED);
	return p;
}

/* Every transfer call with bad, then one good, on fd (readable and
 * writable as said). */
static void check_efault(int rfd, int wfd, bool positioned)
{
	char *gone = gone_page(), *ro = read_only_page();
	struct iovec bad[2] = { { gone, 8 }, { gone + 8, 8 } };
	CHECK_ERRNO(read(rfd, gone, 8), EFAULT);
	CHECK_ERRNO(read(rfd, ro, 8), EFAULT); /* cannot be written */
	CHECK_ERRNO(read(rfd, gone, 100000), EFAULT); /* the window's size */
	CHECK_ERRNO(readv(rfd, bad, 2), EFAULT);
	CHECK_ERRNO(write(wfd, gone, 8), EFAULT);
	CHECK_ERRNO(write(wfd, gone - 4, 8), EFAULT); /* straddles the end of a page */
	CHECK_ERRNO(writev(wfd, bad, 2), EFAULT);
	if (positioned) {
		CHECK_ERRNO(pread(rfd, gone, 8, 0), EFAULT);
		CHECK_ERRNO(pwrite(wfd, gone, 8, 0), EFAULT);
	}
	CHECK_EQ(write(wfd, ro, 4), 4); /* read-only memory can be written out */
	munmap(ro, 4096);
}

UTEST(vfs_wild_buffers_are_efault)
{
	CHECK_EQ(vfs_up(), 0);
	int f = open("/tmp/efault", O_RDWR | O_CREAT | O_TRUNC, 0600);
	CHECK(f >= 0);
	CHECK_EQ(write(f, "0123456789", 10), 10);
	check_efault(f, f, true);
	char buf[16] = { 0 };
	CHECK_EQ(pread(f, buf, 10, 0), 10); /* tmpfs still serves */
	CHECK(memcmp(buf, "0123456789", 10) == 0);
	CHECK_EQ(close(f), 0);
	CHECK_EQ(unlink("/tmp/efault"), 0);

	int p[2];
	CHECK_EQ(pipe(p), 0);
	CHECK_EQ(write(p[1], "abcdefgh", 8), 8);
	check_efault(p[0], p[1], false);
	CHECK_EQ(read(p[0], buf, 16), 12); /* nothing lost, the pipe serves */
	CHECK(memcmp(buf, "abcdefgh", 8) == 0);
	CHECK_EQ(close(p[0]), 0);
	CHECK_EQ(close(p[1]), 0);

	int n = open("/dev/null", O_RDWR);
	CHECK(n >= 0);
	check_efault(n, n, false);
	CHECK_EQ(write(n, "x", 1), 1);
	CHECK_EQ(close(n), 0);
}

/* fstatvfs of a pipe and a device: the pseudo-filesystem's figures (as
 * Linux's pipefs), not ENOSYS; fstatfs too. */
UTEST(vfs_fstatvfs_of_pipes_and_devices)
{
	CHECK_EQ(vfs_up(), 0);
	int p[2];
	CHECK_EQ(pipe(p), 0);
	struct statvfs s;
	memset(&s, 0xff, sizeof(s));
	CHECK_EQ(fstatvfs(p[0], &s), 0);
	CHECK_EQ(s.f_bsize, 4096);
	CHECK_EQ(s.f_blocks, 0);
	CHECK_EQ(s.f_namemax, 255);
	CHECK_EQ(fstatvfs(p[1], &s), 0);
	CHECK_EQ(close(p[0]), 0);
	CHECK_ERRNO(fstatvfs(p[0], &s), EBADF);
	CHECK_EQ(close(p[1]), 0);
	int n = open("/dev/null", O_RDONLY);
	CHECK(n >= 0);
	memset(&s, 0xff, sizeof(s));
	CHECK_EQ(fstatvfs(n, &s), 0);
	CHECK_EQ(s.f_bsize, 4096);
	CHECK_EQ(s.f_files, 0);
	CHECK_EQ(close(n), 0);
	/* A file on tmpfs is still its filesystem's. */
	int f = open("/tmp", O_RDONLY);
	CHECK(f >= 0);
	CHECK_EQ(fstatvfs(f, &s), 0);
	CHECK(s.f_blocks > 0);
	CHECK_EQ(close(f), 0);
}

/* A file server that answers nothing until told: the test's own
 * endpoint, with a descriptor made on a handle minted from it. */
static vg_handle_t fake_ep;
static volatile sig_atomic_t handled;

static void on_usr1(int sig)
{
	(void)sig;
	handled++;
}

struct caller {
	int fd;
	bool stat; /* fstat, else read */
	ssize_t r;
	int err;
	char buf[8];
	volatile bool done;
};

static void *call_fake(void *arg)
{
	struct caller *c = arg;
	struct stat st;
	errno = 0;
	c->r = c->stat ? fstat(c->fd, &st) : read(c->fd, c->buf, sizeof(c->buf));
	c->err = errno;
	c->done = true;
	return NULL;
}

static long fake_read(void *ctx, uint64_t badge, uint64_t offset, uint32_t count, const void **data,
		      size_t *len)
{
	(void)ctx, (void)badge, (void)offset, (void)count;
	*data = "fake";
	*len = 4;
	return 0;
}

static int fake_dispatch(void *ctx, uint64_t badge, uint64_t tag, struct vg_ipc_buffer *b,
			 uint64_t *reply_tag)
{
	return fs_file_dispatch(ctx, badge, tag, b, reply_tag);
}

static void *serve_fake(void *arg)
{
	(void)arg;
	static const struct fs_file_ops ops = { .read = fake_read };
	static struct fs_file_server server = { &ops, NULL };
	ipc_serve(fake_ep, fake_dispatch, &server); /* until the endpoint closes */
	return NULL;
}

static void set_usr1(int flags)
{
	struct sigaction a = { .sa_handler = on_usr1, .sa_flags = flags };
	sigemptyset(&a.sa_mask);
	CHECK_EQ(sigaction(SIGUSR1, &a, NULL), 0);
}

/* Calls a file call on fd in a thread, interrupts it after 50 ms. */
static void interrupt_call(struct caller *c, pthread_t *t)
{
	c->done = false;
	CHECK_EQ(pthread_create(t, NULL, call_fake, c), 0);
	vg_thread_sleep_until(vg_clock_monotonic() + 50 * MS);
	CHECK(!c->done); /* queued on the endpoint nobody receives from */
	CHECK_EQ(pthread_kill(*t, SIGUSR1), 0);
}

UTEST(vfs_interrupted_file_call_eintr_or_restart)
{
	vg_handle_t h;
	CHECK_EQ(vg_endpoint_create(&fake_ep), 0);
	CHECK_EQ(vg_endpoint_mint(fake_ep, VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER | VG_RIGHT_DUPLICATE,
				  1, &h),
		 0);
	struct fd_desc *d = __fd_desc_new(FD_FILE, h, O_RDWR);
	CHECK(d != NULL);
	d->tty = -1; /* known not to be a terminal: read asks nothing else first */
	int fd = __fd_install(d, 0, false);
	CHECK(fd >= 0);
	handled = 0;
	set_usr1(0);
	pthread_t t;
	struct caller c = { .fd = fd };
	interrupt_call(&c, &t);
	CHECK_EQ(pthread_join(t, NULL), 0);
	CHECK_EQ(c.r, -1);
	CHECK_EQ(c.err, EINTR); /* was EIO */
	c.stat = true;
	interrupt_call(&c, &t);
	CHECK_EQ(pthread_join(t, NULL), 0);
	CHECK_EQ(c.r, -1);
	CHECK_EQ(c.err, EINTR);
	CHECK_EQ(handled, 2);

	/* With SA_RESTART the read asks again, and gets the answer once the
	 * server serves. */
	set_usr1(SA_RESTART);
	c.stat = false;
	interrupt_call(&c, &t);
	vg_thread_sleep_until(vg_clock_monotonic() + 50 * MS);
	CHECK_EQ(handled, 3);
	CHECK(!c.done);
	pthread_t server;
	CHECK_EQ(pthread_create(&server, NULL, serve_fake, NULL), 0);
	CHECK_EQ(pthread_join(t, NULL), 0);
	CHECK_EQ(c.r, 4);
	CHECK(memcmp(c.buf, "fake", 4) == 0);
	signal(SIGUSR1, SIG_DFL);
	close(fd); /* the fake server has no close: the descriptor goes anyway */
	CHECK_EQ(vg_handle_close(fake_ep), 0); /* ends serve_fake */
	CHECK_EQ(pthread_join(server, NULL), 0);
}
