// SPDX-License-Identifier: BSD-2-Clause
// A signal that keeps arriving while its handler runs (lib/c/os/signal/
// signal.c, entry): each arrival waits in the pending set while the
// handler masks it, and runs after it in the same frame, so the stack
// stays bounded however long the flood lasts. Before, the entry sent each
// one back to the thread itself, one nested frame per arrival, and a flood
// used up the stack. Made deterministic by a handler that signals its own
// thread again, as a sender faster than the handler would.
#include "../utest.h"
#include <pthread.h>
#include <signal.h>

#define ROUNDS 2000

static volatile int runs;
static volatile uintptr_t lowest_sp, highest_sp;

static void again_handler(int sig)
{
	uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
	if (!lowest_sp || sp < lowest_sp)
		lowest_sp = sp;
	if (sp > highest_sp)
		highest_sp = sp;
	/* Arrives while this handler runs: masked until it returns. */
	if (++runs < ROUNDS)
		pthread_kill(pthread_self(), sig);
}

static void *flooded(void *arg)
{
	(void)arg;
	raise(SIGUSR1);
	return NULL;
}

UTEST(signal_flood_keeps_the_stack_bounded)
{
	struct sigaction sa = { .sa_handler = again_handler };
	CHECK_EQ(sigaction(SIGUSR1, &sa, NULL), 0);
	runs = 0;
	lowest_sp = highest_sp = 0;
	pthread_t t;
	CHECK_EQ(pthread_create(&t, NULL, flooded, NULL), 0);
	CHECK_EQ(pthread_join(t, NULL), 0);
	vg_printf("KTEST-DETAIL flood: %d handled, handler frames within %lu bytes\n", runs,
		  (unsigned long)(highest_sp - lowest_sp));
	CHECK_EQ(runs, ROUNDS);
	/* Every run in the same frame: nested, 2000 would span megabytes. */
	CHECK(highest_sp - lowest_sp < 4096);
	signal(SIGUSR1, SIG_DFL);
}
