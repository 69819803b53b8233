/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The user-mode tests the root task runs when the kernel runs its tests.
 * Each test is a function defined with UTEST(name) in a file under
 * tests/user/utest/; the macro places it in the "utests" section, which the
 * runner in init.c walks, printing one "KTEST user_<name>: PASS|FAIL" line
 * per test. A test fails when any of its CHECKs does.
 */
#ifndef UTEST_H
#define UTEST_H

#include <kernel/string.h>
#include <vg/vg.h>

struct utest {
	const char *name;
	void (*fn)(void);
};

#define UTEST(name)                                                                         \
	static void t_##name(void);                                                         \
	static const struct utest utest_##name                                              \
		__attribute__((used, section("utests"), aligned(8))) = { #name, t_##name }; \
	static void t_##name(void)

/* Checks that failed in the test running now. */
extern int utest_checks_failed;

#define CHECK_EQ(a, b)                                                                     \
	do {                                                                               \
		long a_ = (long)(a), b_ = (long)(b);                                       \
		if (a_ != b_) {                                                            \
			vg_printf("KTEST-DETAIL %s:%d: %s == %s (%ld != %ld)\n", __FILE__, \
				  __LINE__, #a, #b, a_, b_);                               \
			utest_checks_failed++;                                             \
		}                                                                          \
	} while (0)
#define CHECK(c) CHECK_EQ(!!(c), 1)

/* The root task's handles: the kernel log, its own process, and the root
 * resource (every physical range, irq and I/O port). */
extern vg_handle_t log_h, self_h, resource_h;

/* A tag and four words, as IPC moves them in registers. */
struct msg {
	uint64_t tag, w[4];
};

/* ipc_call: returns the status, the reply in *reply. */
long call(vg_handle_t ep, const struct msg *m, struct msg *reply);
/* ipc_recv (reply NULL) or ipc_reply_recv: the badge or an error, the
 * message in *m. */
long reply_recv(vg_handle_t ep, const struct msg *reply, struct msg *m);

/* A child process running a copy of this program (at the same addresses)
 * whose one thread serves ep_to_give (moved into it): it replies tag + 1
 * with its copy of isolation_probe in word 0; tag 2 makes it write through
 * NULL, tag 3 sets its probe to word 0, tag 4 runs fpu_serve (t_fpu.c), tag
 * 8 writes word 1 at address word 0, tag 9 jumps to address word 0, tag 10
 * reads I/O port word 0 (x86), tag 0 ends it. */
long spawn_child(vg_handle_t ep_to_give, vg_handle_t *child_out);
/* The same with another server function (it gets the endpoint handle). */
long spawn_child_running(void (*server)(uint64_t), vg_handle_t ep_to_give, vg_handle_t *child_out);
extern volatile int isolation_probe;
/* Maps a copy of this program's image, as it is now, into child at the same
 * addresses. */
long copy_image_into(vg_handle_t child);
/* Starts the program path of the boot archive ("bin/bus") as a server in
 * a process of its own: serve (moved into it, whether or not this succeeds)
 * is tagged VG_HTAG_SERVER_EP, the endpoint it is to serve. */
long spawn_server(const char *path, vg_handle_t serve, vg_handle_t *child_out);

/* Starts one more thread in child serving ep_to_give (moved into it);
 * *thread_out (if not NULL) gets its handle. */
long child_add_server(vg_handle_t child, vg_handle_t ep_to_give, vg_handle_t *thread_out);

/* Starts a thread in child that echoes whole messages (label 0 ends it)
 * through an IPC buffer mapped for it, serving ep_to_give (moved in). */
long child_add_buffer_server(vg_handle_t child, vg_handle_t ep_to_give);

/* Waits up to timeout_ns for a packet on port: the wait's error, or the
 * packet's status. */
long next_packet(vg_handle_t port, uint64_t timeout_ns, struct vg_port_packet *pkt);

/* t_fpu.c: with a call of tag 4 just received on ep, fills the FP registers
 * with a pattern from seed and serves n more calls on ep (the first reply
 * answers the tag 4 call, tag 5), checking the registers after each; the
 * n-th call stays unanswered. Returns how many calls found them changed. */
long fpu_serve(vg_handle_t ep, uint64_t seed, long n);

#endif
