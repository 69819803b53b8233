/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A descriptor that counts the calls made through it (tests of waiting,
 * tests/user/utest/countfile.c): its file calls go to a server in the
 * test's own process, which counts them and passes them on to the open
 * file of another descriptor. A blocked reader that sleeps until its
 * server wakes it makes no call while nothing happens; one that polls
 * makes one every millisecond or so - whatever the load of the host.
 */
#ifndef TESTS_USER_COUNTFILE_H
#define TESTS_USER_COUNTFILE_H

#include <pthread.h>
#include <stdatomic.h>
#include <vg/vg.h>

struct countfile {
	int fd; /* the counting descriptor */
	atomic_uint calls; /* file calls through it */
	atomic_uint arms; /* of them, file.arm */
	vg_handle_t ep, real;
	pthread_t server;
};

/* c->fd speaks for fd's open file (a clone of its handle); 0 or -1. Job
 * control is not checked on it (it is known as no terminal). */
int countfile_open(struct countfile *c, int fd);
/* Waits up to 5 s until a call on c->fd armed a wake-up: true if one did. */
bool countfile_armed(struct countfile *c);
/* Closes c->fd and ends its server. */
void countfile_close(struct countfile *c);

/* A read of up to want bytes, or a poll for POLLIN, in a thread of its
 * own (countwait_run), and what it got. */
struct countwait {
	int fd;
	bool poll;
	size_t want;
	ssize_t r;
	int err;
	short revents;
	char buf[64];
	atomic_bool done;
};
void *countwait_run(void *w);
/* Waits up to 5 s until w is done: true if it is. */
bool countwait_finishes(struct countwait *w);
/* Runs *w (static: a failure leaves it blocked) on a counting descriptor
 * for fd, and checks that it arms a wake-up and then makes no call at
 * all for 200 ms while nothing happens; act(arg) must then wake it. */
void countfile_sleeps_until(int fd, bool poll, void (*act)(void *), void *arg, struct countwait *w);

#endif
