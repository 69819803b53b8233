// SPDX-License-Identifier: BSD-2-Clause
// Pipe benchmarks for `make bench`: one byte there and back through two
// pipes, to a thread of this process and to another process
// (bin/pipechild echo), as the Linux peer's pipe ping-pong measures.
#include "bench.h"
#include "vfs_up.h"
#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>
#include <vg_fd.h>

static int to_echo = -1, from_echo = -1;

static void round_trips(int batch)
{
	char c = 'x';
	for (int i = 0; i < batch; i++) {
		write(to_echo, &c, 1);
		read(from_echo, &c, 1);
	}
}

static void *echo_thread(void *arg)
{
	int *fds = arg; /* read from fds[0], write to fds[1] */
	char c;
	while (read(fds[0], &c, 1) == 1)
		write(fds[1], &c, 1);
	return NULL;
}

/* fd moved to 10 or above, close-on-exec: away from 1 and 2 (the report's
 * output) and from 3 and 4 (the child's). */
static int high(int fd)
{
	int to = fcntl(fd, F_DUPFD_CLOEXEC, 10);
	close(fd);
	return to;
}

/* Two pipes: there (the echo reads there[0]) and back (it writes back[1]). */
static int pipes(int there[2], int back[2])
{
	if (pipe(there))
		return -1;
	if (pipe(back)) {
		close(there[0]);
		close(there[1]);
		return -1;
	}
	for (int i = 0; i < 2; i++) {
		there[i] = high(there[i]);
		back[i] = high(back[i]);
	}
	to_echo = there[1];
	from_echo = back[0];
	return 0;
}

static void threads(void)
{
	int there[2], back[2];
	if (pipes(there, back))
		return;
	int echo_fds[2] = { there[0], back[1] };
	pthread_t t;
	if (pthread_create(&t, NULL, echo_thread, echo_fds) == 0) {
		bench_report("pipe_round_trip_threads", round_trips, 1000);
		close(there[1]); /* the echo sees the end of the file */
		pthread_join(t, NULL);
	} else {
		close(there[1]);
	}
	close(there[0]);
	close(back[0]);
	close(back[1]);
}

static void processes(void)
{
	int there[2], back[2];
	const void *image;
	size_t len;
	if (vg_initrd_find("bin/pipechild", &image, &len) || pipes(there, back))
		return;
	/* The child's 3 and 4; nothing else of ours is passed. */
	struct vg_startup_handle hs[8];
	size_t n = 0;
	if (dup2(there[0], 3) == 3 && dup2(back[1], 4) == 4)
		n = __vg_fd_export(hs, 8, false);
	close(3);
	close(4);
	close(there[0]);
	close(back[1]);
	static const char *const argv[] = { "pipechild", "echo", NULL };
	struct vg_spawn_req req = {
		.image = image, .len = len, .argv = argv, .handles = hs, .nhandles = n
	};
	vg_handle_t child;
	const char *why;
	if (n >= 2 && vg_spawn(&req, &child, &why) == 0) {
		bench_report("pipe_round_trip_processes", round_trips, 1000);
		vg_handle_close(child);
	}
	close(there[1]);
	close(back[0]);
}

void run_pipe_benchmarks(void)
{
	if (vfs_up())
		return;
	threads();
	processes();
}
