// SPDX-License-Identifier: BSD-2-Clause
// Blocking file calls that wait for their server to wake them (file.arm,
// file.lockwait; lib/c/os/fd/wake.c): readers of empty pipes and a writer
// of a full one sleep without using the CPU and wake when the other side
// acts, F_SETLKW waiters wake when the lock goes (unlocked, or its holder
// killed), and a wait ends with EINTR for a handler without SA_RESTART,
// goes on with one, and is a cancellation point.
#include "../../../lib/c/os/internal/fd.h"
#include "../proc_server.h"
#include "../utest.h"
#include "../vfs_up.h"
#include <errno.h>
#include <fcntl.h>
#include <ipc/msg.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#define MS 1000000ull
#define READERS 32

static uint64_t cpu_ns(void)
{
	struct vg_process_info info;
	return vg_process_info(self_h, &info) ? UINT64_MAX : info.cpu_ns;
}

static uint32_t blocked_threads(void)
{
	struct vg_process_info info;
	return vg_process_info(self_h, &info) ? 0 : info.blocked;
}

static void sleep_ms(uint64_t ms)
{
	vg_thread_sleep_until(vg_clock_monotonic() + ms * MS);
}

/* Until a 100 ms window takes at most a tick of this process's CPU (up to
 * 5 s): what the waiters did before they slept (yields, questions to the
 * server) is over, and a loaded host stretches it. A waiter that polls
 * never gives such a window. */
static void until_quiet(void)
{
	for (int i = 0; i < 50; i++) {
		uint64_t before = cpu_ns();
		sleep_ms(100);
		if (cpu_ns() - before <= 4 * MS)
			return;
	}
}

struct reader {
	int fd;
	char got;
	ssize_t r;
	int err;
	uint64_t woke; /* monotonic ns when read returned */
};

static void *read_one(void *arg)
{
	struct reader *rd = arg;
	errno = 0;
	rd->r = read(rd->fd, &rd->got, 1);
	rd->err = errno;
	rd->woke = vg_clock_monotonic();
	return NULL;
}

/* Many readers blocked on empty pipes for 300 ms: polling every
 * millisecond (as before file.arm) would keep the CPU busy; sleeping on
 * a notification takes none. Each wakes when its pipe is written. */
UTEST(pipe_blocked_readers_sleep_and_wake_when_written)
{
	CHECK_EQ(vfs_up(), 0);
	static struct reader rd[READERS];
	static int wr[READERS];
	pthread_t t[READERS];
	uint32_t blocked = blocked_threads();
	for (int i = 0; i < READERS; i++) {
		int p[2];
		CHECK_EQ(pipe(p), 0);
		rd[i] = (struct reader){ .fd = p[0] };
		wr[i] = p[1];
		CHECK_EQ(pthread_create(&t[i], NULL, read_one, &rd[i]), 0);
	}
	/* Until all are asleep in read, and quiet. */
	for (int i = 0; i < 1000 && blocked_threads() < blocked + READERS; i++)
		sleep_ms(10);
	CHECK(blocked_threads() >= blocked + READERS);
	until_quiet();
	uint64_t cpu0 = cpu_ns();
	sleep_ms(300);
	uint64_t used = cpu_ns() - cpu0;
	vg_printf("KTEST-DETAIL %d blocked readers used %llu ns of CPU in 300 ms\n", READERS,
		  (unsigned long long)used);
	CHECK(used <= 3 * 4 * MS); /* three ticks at most (cpu_ns counts ticks) */
	for (int i = 0; i < READERS; i++)
		CHECK_EQ(rd[i].woke, 0); /* none woke without data */
	uint64_t t0 = vg_clock_monotonic();
	for (int i = 0; i < READERS; i++)
		CHECK_EQ(write(wr[i], "w", 1), 1);
	for (int i = 0; i < READERS; i++) {
		CHECK_EQ(pthread_join(t[i], NULL), 0);
		CHECK_EQ(rd[i].r, 1);
		CHECK_EQ(rd[i].got, 'w');
	}
	vg_printf("KTEST-DETAIL all woke within %llu us of the first write\n",
		  (unsigned long long)((vg_clock_monotonic() - t0) / 1000));
	for (int i = 0; i < READERS; i++) {
		CHECK_EQ(close(rd[i].fd), 0);
		CHECK_EQ(close(wr[i]), 0);
	}
}

static uint64_t written; /* monotonic ns just before the late write */

static void *write_late(void *arg)
{
	sleep_ms(5);
	written = vg_clock_monotonic();
	CHECK_EQ(write(*(int *)arg, "L", 1), 1);
	sleep_ms(20); /* the reader runs now, not after this thread's exit */
	return NULL;
}

/* A pipe written 5 ms after its reader blocked: how late the reader wakes
 * (a figure only: it depends on the host's load; polling woke at a tick,
 * about 2 ms late on average). */
static void print_wake_latency(void)
{
	int p[2];
	CHECK_EQ(pipe(p), 0);
	uint64_t late = 0;
	for (int i = 0; i < 10; i++) {
		pthread_t t;
		CHECK_EQ(pthread_create(&t, NULL, write_late, &p[1]), 0);
		char c = 0;
		CHECK_EQ(read(p[0], &c, 1), 1);
		late += vg_clock_monotonic() - written;
		CHECK_EQ(c, 'L');
		CHECK_EQ(pthread_join(t, NULL), 0);
	}
	vg_printf("KTEST-DETAIL a reader woke %llu us after the write (mean of 10)\n",
		  (unsigned long long)(late / 10 / 1000));
	CHECK_EQ(close(p[0]), 0);
	CHECK_EQ(close(p[1]), 0);
}

/* A pipe end served by the test itself, counting what the reader asks:
 * reads refused (would_block) until the note it armed is signalled, and
 * the calls that came while it was armed. */
static struct {
	vg_handle_t ep, note;
	_Atomic bool armed, data;
	_Atomic unsigned reads, arms, while_armed, after_data;
} counted;

static long counted_read(void *ctx, uint64_t badge, uint64_t offset, uint32_t count,
			 const void **data, size_t *len)
{
	(void)ctx, (void)badge, (void)offset, (void)count;
	if (counted.data) {
		counted.after_data++;
		*data = "L";
		*len = 1;
		return 0;
	}
	counted.reads++;
	if (counted.armed)
		counted.while_armed++;
	return FS_FS_ERROR_WOULD_BLOCK;
}

static long counted_arm(void *ctx, uint64_t badge, uint8_t events, uint32_t need, vg_handle_t note,
			uint8_t *ready)
{
	(void)ctx, (void)badge, (void)events, (void)need;
	counted.arms++;
	if (counted.armed)
		counted.while_armed++;
	*ready = counted.data ? FD_READY_IN : 0;
	if (*ready) {
		vg_handle_close(note);
	} else {
		counted.note = note;
		counted.armed = true;
	}
	return 0;
}

static int counted_dispatch(void *ctx, uint64_t badge, uint64_t tag, struct vg_ipc_buffer *b,
			    uint64_t *reply_tag)
{
	return fs_file_dispatch(ctx, badge, tag, b, reply_tag);
}

static void *serve_counted(void *arg)
{
	(void)arg;
	static const struct fs_file_ops ops = { .read = counted_read, .arm = counted_arm };
	static struct fs_file_server server = { &ops, NULL };
	ipc_serve(counted.ep, counted_dispatch, &server); /* until the endpoint closes */
	return NULL;
}

/* A reader blocked on an empty pipe asks its server a few times (the
 * yields), arms once and sleeps: no call at all while it waits, however
 * long and whatever the load (a poll would ask again every millisecond at
 * most), and one read once woken. Counted at a pipe end the test serves;
 * the latency of a real pipe's reader is printed. */
UTEST(pipe_reader_wakes_at_the_write)
{
	CHECK_EQ(vfs_up(), 0);
	print_wake_latency();
	vg_handle_t h;
	CHECK_EQ(vg_endpoint_create(&counted.ep), 0);
	CHECK_EQ(vg_endpoint_mint(counted.ep,
				  VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER | VG_RIGHT_DUPLICATE, 1, &h),
		 0);
	struct fd_desc *d = __fd_desc_new(FD_PIPE, h, O_RDONLY);
	CHECK(d != NULL);
	int fd = __fd_install(d, 0, false);
	CHECK(fd >= 0);
	pthread_t server, reader;
	CHECK_EQ(pthread_create(&server, NULL, serve_counted, NULL), 0);
	struct reader rd = { .fd = fd };
	CHECK_EQ(pthread_create(&reader, NULL, read_one, &rd), 0);
	for (int i = 0; i < 500 && !counted.armed; i++)
		sleep_ms(10);
	CHECK(counted.armed);
	sleep_ms(20); /* a poll would ask now */
	unsigned asked = counted.reads;
	counted.data = true;
	CHECK_EQ(vg_notification_signal(counted.note, 1), 0);
	CHECK_EQ(pthread_join(reader, NULL), 0);
	vg_printf("KTEST-DETAIL a blocked reader asked %u times before it armed, %u while armed\n",
		  asked, counted.while_armed);
	CHECK_EQ(rd.r, 1);
	CHECK_EQ(rd.got, 'L');
	CHECK_EQ(counted.arms, 1);
	CHECK_EQ(counted.while_armed, 0);
	CHECK_EQ(counted.after_data, 1);
	CHECK(asked <= 40); /* the yields' (32 and the first) */
	vg_handle_close(counted.note);
	close(fd); /* the server has no close: the descriptor goes anyway */
	CHECK_EQ(vg_handle_close(counted.ep), 0); /* ends serve_counted */
	CHECK_EQ(pthread_join(server, NULL), 0);
}

struct filler {
	int fd;
	size_t n;
	ssize_t r;
};

static void *write_all(void *arg)
{
	struct filler *f = arg;
	static char big[70000];
	memset(big, 'f', sizeof(big));
	f->r = write(f->fd, big, f->n);
	return NULL;
}

/* A writer blocked on a full pipe wakes when the reader makes room, even
 * a little at a time (room for its piece, not PIPE_BUF). */
UTEST(pipe_blocked_writer_wakes_when_room_is_made)
{
	CHECK_EQ(vfs_up(), 0);
	int p[2];
	CHECK_EQ(pipe(p), 0);
	struct filler f = { p[1], 65536 + 100, 0 };
	pthread_t t;
	CHECK_EQ(pthread_create(&t, NULL, write_all, &f), 0);
	sleep_ms(50);
	CHECK_EQ(f.r, 0); /* still blocked: 100 bytes do not fit */
	static char sink[65536 + 100];
	size_t got = 0;
	while (got < sizeof(sink)) {
		ssize_t r = read(p[0], sink + got, 50); /* a little room at a time */
		CHECK(r > 0);
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	CHECK_EQ(pthread_join(t, NULL), 0);
	CHECK_EQ(f.r, 65536 + 100);
	CHECK_EQ(got, sizeof(sink));
	CHECK_EQ(close(p[0]), 0);
	CHECK_EQ(close(p[1]), 0);
}

static volatile sig_atomic_t handled;
static void on_usr1(int sig)
{
	(void)sig;
	handled++;
}

static void set_usr1(int flags)
{
	struct sigaction a = { .sa_handler = on_usr1, .sa_flags = flags };
	sigemptyset(&a.sa_mask);
	CHECK_EQ(sigaction(SIGUSR1, &a, NULL), 0);
}

/* A signal with a handler: without SA_RESTART the blocked read fails with
 * EINTR; with it the read goes on and gets the data written later. */
UTEST(pipe_blocked_read_eintr_and_sa_restart)
{
	CHECK_EQ(vfs_up(), 0);
	int p[2];
	CHECK_EQ(pipe(p), 0);
	struct reader rd = { .fd = p[0] };
	pthread_t t;
	handled = 0;
	set_usr1(0);
	CHECK_EQ(pthread_create(&t, NULL, read_one, &rd), 0);
	sleep_ms(50);
	CHECK_EQ(pthread_kill(t, SIGUSR1), 0);
	CHECK_EQ(pthread_join(t, NULL), 0);
	CHECK_EQ(handled, 1);
	CHECK_EQ(rd.r, -1);
	CHECK_EQ(rd.err, EINTR);

	set_usr1(SA_RESTART);
	rd = (struct reader){ .fd = p[0] };
	CHECK_EQ(pthread_create(&t, NULL, read_one, &rd), 0);
	sleep_ms(50);
	CHECK_EQ(pthread_kill(t, SIGUSR1), 0);
	sleep_ms(50);
	CHECK_EQ(handled, 2);
	CHECK_EQ(rd.woke, 0); /* still reading */
	CHECK_EQ(write(p[1], "r", 1), 1);
	CHECK_EQ(pthread_join(t, NULL), 0);
	CHECK_EQ(rd.r, 1);
	CHECK_EQ(rd.got, 'r');
	signal(SIGUSR1, SIG_DFL);
	CHECK_EQ(close(p[0]), 0);
	CHECK_EQ(close(p[1]), 0);
}

static void *poll_one(void *arg)
{
	struct reader *rd = arg;
	struct pollfd fd = { rd->fd, POLLIN, 0 };
	errno = 0;
	rd->r = poll(&fd, 1, -1);
	rd->err = errno;
	return NULL;
}

/* poll is never restarted: EINTR even with SA_RESTART. */
UTEST(pipe_poll_eintr)
{
	CHECK_EQ(vfs_up(), 0);
	int p[2];
	CHECK_EQ(pipe(p), 0);
	struct reader rd = { .fd = p[0] };
	pthread_t t;
	handled = 0;
	set_usr1(SA_RESTART);
	CHECK_EQ(pthread_create(&t, NULL, poll_one, &rd), 0);
	sleep_ms(50);
	CHECK_EQ(pthread_kill(t, SIGUSR1), 0);
	CHECK_EQ(pthread_join(t, NULL), 0);
	CHECK_EQ(handled, 1);
	CHECK_EQ(rd.r, -1);
	CHECK_EQ(rd.err, EINTR);
	signal(SIGUSR1, SIG_DFL);
	CHECK_EQ(close(p[0]), 0);
	CHECK_EQ(close(p[1]), 0);
}

/* pthread_cancel of a thread blocked in read: it ends there, and the pipe
 * (and its descriptor) still work. */
UTEST(pipe_blocked_reader_cancelled)
{
	CHECK_EQ(vfs_up(), 0);
	int p[2];
	CHECK_EQ(pipe(p), 0);
	struct reader rd = { .fd = p[0] };
	pthread_t t;
	CHECK_EQ(pthread_create(&t, NULL, read_one, &rd), 0);
	sleep_ms(50);
	CHECK_EQ(pthread_cancel(t), 0);
	void *res = NULL;
	CHECK_EQ(pthread_join(t, &res), 0);
	CHECK(res == PTHREAD_CANCELED);
	CHECK_EQ(rd.woke, 0);
	CHECK_EQ(write(p[1], "c", 1), 1);
	char c = 0;
	CHECK_EQ(read(p[0], &c, 1), 1);
	CHECK_EQ(c, 'c');
	CHECK_EQ(close(p[0]), 0);
	CHECK_EQ(close(p[1]), 0);
}

struct locker {
	int fd;
	int r, err;
	uint64_t got; /* monotonic ns when F_SETLKW returned */
};

static void *lock_wait(void *arg)
{
	struct locker *l = arg;
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
	errno = 0;
	l->r = fcntl(l->fd, F_SETLKW, &fl);
	l->err = errno;
	l->got = vg_clock_monotonic();
	return NULL;
}

/* F_SETLKW on another open file of a locked file sleeps (no CPU) until the
 * holder unlocks, then has the lock; a handler without SA_RESTART ends
 * the wait with EINTR. */
UTEST(vfs_setlkw_sleeps_until_unlocked_and_eintr)
{
	CHECK_EQ(vfs_up(), 0);
	CHECK_EQ(vfs_put("/tmp/lockw", "0123456789", 10), 0);
	int a = open("/tmp/lockw", O_RDWR), b = open("/tmp/lockw", O_RDWR);
	CHECK(a >= 0 && b >= 0);
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
	CHECK_EQ(fcntl(a, F_SETLK, &fl), 0);
	struct locker l = { .fd = b };
	pthread_t t;
	CHECK_EQ(pthread_create(&t, NULL, lock_wait, &l), 0);
	sleep_ms(50);
	until_quiet();
	uint64_t cpu0 = cpu_ns();
	sleep_ms(200);
	CHECK(cpu_ns() - cpu0 <= 2 * 4 * MS);
	CHECK_EQ(l.got, 0); /* still waiting */
	fl.l_type = F_UNLCK;
	uint64_t t0 = vg_clock_monotonic();
	CHECK_EQ(fcntl(a, F_SETLK, &fl), 0);
	CHECK_EQ(pthread_join(t, NULL), 0);
	CHECK_EQ(l.r, 0);
	CHECK(l.got - t0 < 100 * MS);
	fl.l_type = F_WRLCK;
	CHECK_ERRNO(fcntl(a, F_SETLK, &fl), EAGAIN); /* b holds it now */

	handled = 0;
	set_usr1(0);
	l = (struct locker){ .fd = a };
	CHECK_EQ(pthread_create(&t, NULL, lock_wait, &l), 0);
	sleep_ms(50);
	CHECK_EQ(pthread_kill(t, SIGUSR1), 0);
	CHECK_EQ(pthread_join(t, NULL), 0);
	CHECK_EQ(handled, 1);
	CHECK_EQ(l.r, -1);
	CHECK_EQ(l.err, EINTR);
	signal(SIGUSR1, SIG_DFL);
	CHECK_EQ(close(a), 0);
	CHECK_EQ(close(b), 0);
	CHECK_EQ(unlink("/tmp/lockw"), 0);
}

static void *kill_later(void *arg)
{
	sleep_ms(100);
	pid_t pid = *(pid_t *)arg;
	int st;
	CHECK_EQ(kill(pid, SIGKILL), 0);
	CHECK_EQ(waitpid(pid, &st, 0), pid);
	return NULL;
}

/* flock without LOCK_NB waiting for a process that holds the lock: it
 * wakes when the holder is killed (its open file ends in the server). */
UTEST(vfs_lock_waiter_wakes_when_holder_killed)
{
	CHECK_EQ(vfs_up(), 0);
	CHECK(proc_server());
	CHECK_EQ(vfs_put("/tmp/lockh", "0123456789", 10), 0);
	int fd = open("/tmp/lockh", O_RDWR);
	char *argv[] = { "permchild", "lock", "/tmp/lockh", NULL }, *envp[] = { NULL };
	pid_t pid;
	CHECK_EQ(posix_spawn(&pid, "/bin/permchild", NULL, NULL, argv, envp), 0);
	struct flock q;
	for (int i = 0; i < 5000; i++) { /* until the child holds it */
		q = (struct flock){ .l_type = F_WRLCK, .l_whence = SEEK_SET };
		CHECK_EQ(fcntl(fd, F_GETLK, &q), 0);
		if (q.l_type != F_UNLCK)
			break;
		sleep_ms(1);
	}
	CHECK_EQ(q.l_type, F_WRLCK);
	pthread_t t;
	CHECK_EQ(pthread_create(&t, NULL, kill_later, &pid), 0);
	CHECK_EQ(flock(fd, LOCK_EX), 0); /* woken by the holder's end */
	CHECK_EQ(pthread_join(t, NULL), 0);
	CHECK_EQ(close(fd), 0);
	CHECK_EQ(unlink("/tmp/lockh"), 0);
}
