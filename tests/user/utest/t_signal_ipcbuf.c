// SPDX-License-Identifier: BSD-2-Clause
// A signal handler's IPC calls leave the interrupted code's IPC buffer
// alone (lib/c/os/signal/ipcbuf.c). The case that made it matter: a
// server holds a call while the caller is signalled, so the signal comes
// right after the reply (docs/ARCHITECTURE.md section 11), before the
// caller has read the reply's words from its buffer; the handler writes
// to a file, a call whose request fills the same words.
#include "../utest.h"
#include "../vfs_up.h"
#include <fcntl.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#define MS 1000000ull
#define NOW() ((uint64_t)vg_clock_monotonic())
#define REPLY_WORDS 64
#define PATTERN(i) (0xab5e000000000000ull | (uint64_t)(i))

static vg_handle_t ep;
static uint32_t received, go;
static int null_fd = -1;
static volatile int handled;

static void wait_word(uint32_t *w)
{
	uint64_t until = NOW() + 2000 * MS;
	while (!__atomic_load_n(w, __ATOMIC_ACQUIRE) && NOW() < until)
		vg_futex_wait(w, 0, until);
}

static void set_word(uint32_t *w)
{
	__atomic_store_n(w, 1, __ATOMIC_RELEASE);
	vg_futex_wake(w, 1);
}

/* Takes one call, reports it, and once told replies with REPLY_WORDS
 * words of pattern; then receives until the endpoint closes. */
static void holding_server(uint64_t arg)
{
	(void)arg;
	struct vg_ipc_buffer *b = vg_ipc_buffer();
	uint64_t tag;
	long st = vg_ipc_reply_recv_msg(ep, VG_IPC_NO_REPLY, b, &tag);
	set_word(&received);
	wait_word(&go);
	for (int i = 0; i < REPLY_WORDS; i++)
		b->words[i] = PATTERN(i);
	if (st >= 0)
		vg_ipc_reply_recv_msg(ep, VG_IPC_TAG(1, REPLY_WORDS, 0), b, &tag);
	vg_thread_exit(0);
}

static void writing_handler(int sig)
{
	(void)sig;
	static char junk[1024];
	memset(junk, 0x5a, sizeof(junk));
	/* A small write travels in the IPC message: words 4 and up. */
	handled += write(null_fd, junk, sizeof(junk)) == (ssize_t)sizeof(junk);
}

static int bad_words;

static void *caller(void *arg)
{
	(void)arg;
	struct vg_ipc_buffer *b = vg_ipc_buffer();
	b->words[0] = 7;
	uint64_t tag;
	long st = vg_ipc_call_msg(ep, VG_IPC_TAG(1, 4, 0), b, &tag);
	/* The handler ran on the way out of the call: now read the reply. */
	bad_words = st ? -1 : 0;
	for (int i = 0; !st && i < REPLY_WORDS; i++)
		bad_words += b->words[i] != PATTERN(i);
	/* The buffer is this thread's registered one again: a call works. */
	CHECK(vg_ipc_buffer() == b);
	return NULL;
}

UTEST(signal_handler_calls_keep_the_interrupted_reply)
{
	CHECK_EQ(vfs_up(), 0);
	null_fd = open("/dev/null", O_WRONLY);
	CHECK(null_fd >= 0);
	struct sigaction sa = { .sa_handler = writing_handler };
	CHECK_EQ(sigaction(SIGUSR1, &sa, NULL), 0);
	received = go = 0;
	handled = 0;
	CHECK_EQ(vg_endpoint_create(&ep), 0);
	vg_handle_t server;
	CHECK_EQ(vg_thread_start(holding_server, 0, &server), 0);
	pthread_t t;
	CHECK_EQ(pthread_create(&t, NULL, caller, NULL), 0);
	wait_word(&received);
	/* Held by the server: the signal waits for the reply. */
	CHECK_EQ(pthread_kill(t, SIGUSR1), 0);
	vg_thread_sleep_until(NOW() + 20 * MS);
	set_word(&go);
	CHECK_EQ(pthread_join(t, NULL), 0);
	CHECK_EQ(handled, 1);
	CHECK_EQ(bad_words, 0);
	vg_handle_close(ep); /* ends the server's receive */
	vg_handle_close(server);
	signal(SIGUSR1, SIG_DFL);
	close(null_fd);
}

/* A handler that leaves by siglongjmp: the code it jumps to has its own
 * IPC buffer back, registered, and calls work. */
static sigjmp_buf back;

static void jumping_handler(int sig)
{
	(void)sig;
	char c = 'x';
	handled += write(null_fd, &c, 1) == 1; /* the handler makes its buffer */
	siglongjmp(back, 1);
}

UTEST(signal_handler_siglongjmp_restores_the_ipc_buffer)
{
	CHECK_EQ(vfs_up(), 0);
	null_fd = open("/dev/null", O_WRONLY);
	CHECK(null_fd >= 0);
	struct vg_ipc_buffer *mine = vg_ipc_buffer();
	struct sigaction sa = { .sa_handler = jumping_handler };
	CHECK_EQ(sigaction(SIGUSR2, &sa, NULL), 0);
	handled = 0;
	if (!sigsetjmp(back, 1))
		raise(SIGUSR2);
	CHECK_EQ(handled, 1);
	CHECK(vg_ipc_buffer() == mine);
	char c = 'y';
	CHECK_EQ(write(null_fd, &c, 1), 1); /* the kernel's registration is mine again */
	signal(SIGUSR2, SIG_DFL);
	close(null_fd);
}

/* The same with a plain longjmp, a thousand times: each handler maps a
 * buffer of its own for its call, and each jump must let go of it (and put
 * ours back), or 8 KiB stays mapped per jump. */
static jmp_buf plain_back;

static void plain_jumping_handler(int sig)
{
	(void)sig;
	char c = 'x';
	handled += write(null_fd, &c, 1) == 1;
	longjmp(plain_back, 1);
}

UTEST(signal_handler_longjmp_leaks_no_ipc_buffer)
{
	CHECK_EQ(vfs_up(), 0);
	null_fd = open("/dev/null", O_WRONLY);
	CHECK(null_fd >= 0);
	struct vg_ipc_buffer *mine = vg_ipc_buffer();
	/* SA_NODEFER: a plain longjmp leaves the mask as the handler had it. */
	struct sigaction sa = { .sa_handler = plain_jumping_handler, .sa_flags = SA_NODEFER };
	CHECK_EQ(sigaction(SIGUSR2, &sa, NULL), 0);
	handled = 0;
	struct vg_process_info before, after;
	CHECK_EQ(vg_process_info(self_h, &before), 0);
	for (volatile int i = 0; i < 1000; i++)
		if (!setjmp(plain_back))
			raise(SIGUSR2);
	CHECK_EQ(vg_process_info(self_h, &after), 0);
	CHECK_EQ(handled, 1000);
	vg_printf("KTEST-DETAIL longjmp: 1000 jumps out of handlers, mapped %llu -> %llu bytes\n",
		  (unsigned long long)before.mapped, (unsigned long long)after.mapped);
	CHECK(after.mapped <= before.mapped + 64 * 1024); /* a leak would be 8 MiB */
	CHECK(vg_ipc_buffer() == mine);
	char c = 'y';
	CHECK_EQ(write(null_fd, &c, 1), 1); /* the kernel's registration is mine again */
	signal(SIGUSR2, SIG_DFL);
	close(null_fd);
}

/* Jumps out of nested handlers: each level's handler makes an IPC call or
 * not (calls[level]), then raises the next level's signal, whose handler
 * runs nested in it; the innermost jumps back to the code they all
 * interrupted. Every left handler's buffer must go, not only the
 * innermost's: 1000 jumps out of (with a call, without), (without, with)
 * and (with, without, with), mapped bytes unchanged. */
#define NEST_MAX 3
static int nest_depth;
static bool nest_calls[NEST_MAX];
static bool nest_siglongjmp;
static jmp_buf nest_back;
static sigjmp_buf nest_sigback;

static void nested_handler(int sig)
{
	int level = sig - SIGRTMIN - 4;
	char c = 'n';
	if (nest_calls[level])
		handled += write(null_fd, &c, 1) == 1;
	if (level + 1 < nest_depth)
		raise(sig + 1);
	else if (nest_siglongjmp)
		siglongjmp(nest_sigback, 1);
	else
		longjmp(nest_back, 1);
}

static void jump_out_of_nested(const bool *calls, int depth, bool use_siglongjmp)
{
	struct vg_ipc_buffer *mine = vg_ipc_buffer();
	nest_depth = depth;
	nest_siglongjmp = use_siglongjmp;
	int calls_each = 0;
	for (int i = 0; i < depth; i++) {
		nest_calls[i] = calls[i];
		calls_each += calls[i];
		/* SA_NODEFER: a plain longjmp leaves the mask as the handler had
		 * it (siglongjmp puts ours back). */
		struct sigaction sa = { .sa_handler = nested_handler,
					.sa_flags = use_siglongjmp ? 0 : SA_NODEFER };
		CHECK_EQ(sigaction(SIGRTMIN + 4 + i, &sa, NULL), 0);
	}
	handled = 0;
	struct vg_process_info before, after;
	CHECK_EQ(vg_process_info(self_h, &before), 0);
	for (volatile int i = 0; i < 1000; i++) {
		if (use_siglongjmp ? !sigsetjmp(nest_sigback, 1) : !setjmp(nest_back))
			raise(SIGRTMIN + 4);
	}
	CHECK_EQ(vg_process_info(self_h, &after), 0);
	CHECK_EQ(handled, 1000 * calls_each);
	vg_printf("KTEST-DETAIL nested %s (%d levels, calls %d%d%d): 1000 jumps, mapped %llu -> "
		  "%llu bytes\n",
		  use_siglongjmp ? "siglongjmp" : "longjmp", depth, calls[0], calls[1],
		  depth > 2 && calls[2], (unsigned long long)before.mapped,
		  (unsigned long long)after.mapped);
	CHECK(after.mapped <= before.mapped + 64 * 1024); /* a leak would be 8 MiB */
	CHECK(vg_ipc_buffer() == mine);
	char c = 'y';
	CHECK_EQ(write(null_fd, &c, 1), 1); /* the kernel's registration is mine again */
	for (int i = 0; i < depth; i++)
		signal(SIGRTMIN + 4 + i, SIG_DFL);
}

UTEST(signal_jump_out_of_nested_handlers_leaks_no_ipc_buffer)
{
	CHECK_EQ(vfs_up(), 0);
	null_fd = open("/dev/null", O_WRONLY);
	CHECK(null_fd >= 0);
	static const bool outer_calls[] = { true, false }, inner_calls[] = { false, true },
			  both_ends[] = { true, false, true };
	jump_out_of_nested(outer_calls, 2, false);
	jump_out_of_nested(inner_calls, 2, false);
	jump_out_of_nested(outer_calls, 2, true);
	jump_out_of_nested(inner_calls, 2, true);
	jump_out_of_nested(both_ends, 3, false);
	jump_out_of_nested(both_ends, 3, true);
	close(null_fd);
}
