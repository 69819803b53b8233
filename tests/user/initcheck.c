// SPDX-License-Identifier: BSD-2-Clause
// init's in-OS tests, from the outside (rootfs/etc/services-test/): started
// by init as a service in a "ktest" boot, it checks through idl/init.idl
// and the file system what init did, prints one KTEST line per check, then
// asks init to power off (init's own line, the orderly stop, follows). The
// same program is the test boot's misbehaving services: "crash" crashes at
// once, "sleep" runs until stopped, "stubborn" ignores SIGTERM, "exit"
// exits 0, "env" checks its environment, "stoplog" and "stopcheck" record
// and check the order of the stop at poweroff. "reboot"
// (tools/testsuite.py gives it in an image of its own) ends the run with a
// reboot instead.
#include <bus.h>
#include <errno.h>
#include <fcntl.h>
#include <fs.h>
#include <init.h>
#include <proc.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <vg/vg.h>

static int failed_checks;

#define CHECK(c)                                                                                   \
	do {                                                                                       \
		if (!(c)) {                                                                        \
			vg_printf("initcheck: %s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #c); \
			failed_checks++;                                                           \
		}                                                                                  \
	} while (0)

/* The bus (a grant), init (svc.init on it) and the process server (pid
 * 1's handle: grant = proc proc, to read its table and to kill). */
static vg_handle_t bus, ctl, procsrv;

static uint64_t deadline_in(uint64_t ms)
{
	return (uint64_t)vg_clock_monotonic() + ms * 1000000;
}

/* Polls until service name reaches state (or the deadline): its info. */
static bool wait_state(const char *name, init_state_t state, struct init_service *info)
{
	uint64_t end = deadline_in(20000);
	do {
		if (init_control_status(ctl, name, info) == 0 && info->state == state)
			return true;
		vg_thread_sleep_until(deadline_in(10));
	} while ((uint64_t)vg_clock_monotonic() < end);
	vg_printf("initcheck: %s did not reach state %u (it is %u)\n", name, state, info->state);
	return false;
}

static bool why_contains(const char *name, const char *text)
{
	char why[INIT_CONTROL_WHY_TEXT_MAX + 1];
	if (init_control_why(ctl, name, why))
		return false;
	bool ok = strstr(why, text) != NULL;
	if (!ok)
		vg_printf("initcheck: why(%s) = '%s', expected '%s' in it\n", name, why, text);
	return ok;
}

static void report(const char *name, void (*fn)(void))
{
	failed_checks = 0;
	fn();
	vg_printf("KTEST init_%s: %s\n", name, failed_checks ? "FAIL" : "PASS");
}

/* Polls until path exists (or not), up to 5 s. */
static bool wait_node(const char *path, bool present)
{
	uint64_t end = deadline_in(5000);
	while ((access(path, F_OK) == 0) != present) {
		if ((uint64_t)vg_clock_monotonic() > end)
			return false;
		vg_thread_sleep_until(deadline_in(1));
	}
	return true;
}

static void real_services_up(void)
{
	static const char *const names[] = { "bus",   "proc",	"vfs",	  "rootfs", "tmp", "run",
					     "devfs", "devmgr", "memdev", "pipe",   "rtc" };
	struct init_service info;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		CHECK(init_control_status(ctl, names[i], &info) == 0);
		CHECK(info.state == INIT_STATE_RUNNING && info.pid != 0);
	}
	/* What they serve: the boot layout, through the VFS we were granted.
	 * Device nodes are there once their servers have announced them to
	 * the device manager, which init does not wait for. */
	CHECK(wait_node("/dev/null", true));
	CHECK(wait_node("/dev/pipe", true));
	int fd = open("/dev/null", O_WRONLY);
	CHECK(fd >= 0 && write(fd, "x", 1) == 1);
	close(fd);
	fd = open("/tmp/initcheck", O_RDWR | O_CREAT, 0644);
	char buf[8] = { 0 };
	CHECK(fd >= 0 && write(fd, "init", 4) == 4 && pread(fd, buf, 4, 0) == 4);
	CHECK(!strcmp(buf, "init"));
	close(fd);
	CHECK(access("/run", F_OK) == 0 && access("/bin/init", F_OK) == 0);
	int p[2];
	CHECK(pipe(p) == 0 && write(p[1], "ok", 2) == 2 && read(p[0], buf, 2) == 2);
	/* The rtc service set the wall clock from QEMU's real-time clock (the
	 * host's date: 2025-01-01 or later) before it announced /dev/rtc0,
	 * which it serves. */
	CHECK(wait_node("/dev/rtc0", true));
	CHECK(time(NULL) >= 1735689600);
}

/* The next message on sub (up to 5 s): true and text, or false. */
static bool next_event(uint32_t sub, char *text, size_t size)
{
	uint64_t end = deadline_in(5000);
	do {
		size_t len;
		uint32_t dropped, left;
		long st = bus_names_fetch(bus, sub, text, &len, &dropped, &left);
		if (st == 0) {
			text[len < size ? len : size - 1] = 0;
			return true;
		}
		vg_thread_sleep_until(deadline_in(1));
	} while ((uint64_t)vg_clock_monotonic() < end);
	return false;
}

/* A subscription to topic on the bus, signalling note: whether it worked. */
static bool subscribe(const char *topic, vg_handle_t *note, uint32_t *sub)
{
	vg_handle_t theirs;
	return vg_notification_create(note) == 0 &&
		vg_handle_duplicate(*note, VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER, &theirs) == 0 &&
		bus_names_subscribe(bus, topic, theirs, sub) == 0;
}

/* A device server restarted by init: the device manager removes its nodes
 * when it ends and makes them again when the new one announces them
 * (dev.events says so), and they work. */
static void device_server_restarted(void)
{
	vg_handle_t note;
	uint32_t sub;
	CHECK(subscribe("dev.events", &note, &sub));
	struct init_service before, after;
	CHECK(init_control_status(ctl, "memdev", &before) == 0);
	int old = open("/dev/zero", O_RDONLY); /* held across the restart */
	CHECK(old >= 0);
	CHECK(init_control_restart(ctl, "memdev") == 0);
	bool removed = false, added = false;
	char text[BUS_NAMES_FETCH_DATA_MAX + 1];
	while (!added && next_event(sub, text, sizeof(text))) {
		removed |= !strcmp(text, "remove zero 1 5");
		added = removed && !strcmp(text, "add urandom 1 9"); /* the last one */
	}
	CHECK(removed && added);
	CHECK(wait_state("memdev", INIT_STATE_RUNNING, &after) && after.pid != before.pid);
	char buf[4] = { 1, 1, 1, 1 };
	/* The old server's file fails (EIO, not a hang), and closes. */
	errno = 0;
	CHECK(read(old, buf, 4) == -1 && errno == EIO);
	CHECK(close(old) == 0);
	int fd = open("/dev/zero", O_RDONLY);
	CHECK(fd >= 0 && read(fd, buf, 4) == 4 && (buf[0] | buf[3]) == 0);
	close(fd);
	bus_names_unsubscribe(bus, sub);
	vg_handle_close(note);
}

/* A subscription to a bus topic whose notification is not waited on (the
 * tests poll). */
static uint32_t subscribe_polled(const char *topic)
{
	vg_handle_t note;
	uint32_t sub = 0;
	CHECK(subscribe(topic, &note, &sub));
	vg_handle_close(note);
	return sub;
}

/* The device manager restarted (a new endpoint): the device servers
 * granted the old one (`grant = user:1 devmgr`) are restarted after it,
 * once each, counted and announced, and announce their devices to the
 * new manager, so their nodes work again. Without that they would keep
 * serving with a dead manager handle, and a device server's next restart
 * could not announce anything. */
static void grant_holders_restarted(void)
{
	static const char *const holders[] = { "memdev", "pipe", "console", "pty", "rtc" };
	enum { N = sizeof(holders) / sizeof(holders[0]) };
	struct init_service mgr, before[N], after;
	uint32_t init_sub = subscribe_polled("init.events"),
		 dev_sub = subscribe_polled("dev.events");
	CHECK(init_control_status(ctl, "devmgr", &mgr) == 0);
	for (int i = 0; i < N; i++)
		CHECK(init_control_status(ctl, holders[i], &before[i]) == 0 &&
		      before[i].state == INIT_STATE_RUNNING);
	CHECK(init_control_restart(ctl, "devmgr") == 0);
	/* Announced to the new manager: the last node of each server. */
	static const char *const nodes[] = { "add urandom 1 9", "add socket 240 ",
					     "add console 5 1", "add ptmx 136 1048575",
					     "add rtc0 254 0" };
	bool seen[N] = { false };
	int left = N;
	uint64_t end = deadline_in(10000);
	while (left && (uint64_t)vg_clock_monotonic() < end) {
		char text[BUS_NAMES_FETCH_DATA_MAX + 1];
		size_t len;
		uint32_t dropped, more;
		if (bus_names_fetch(bus, dev_sub, text, &len, &dropped, &more)) {
			vg_thread_sleep_until(deadline_in(1));
			continue;
		}
		text[len] = 0;
		for (int i = 0; i < N; i++)
			if (!seen[i] && !strncmp(text, nodes[i], strlen(nodes[i]))) {
				seen[i] = true;
				left--;
			}
	}
	for (int i = 0; i < N; i++)
		if (!seen[i])
			vg_printf("initcheck: no '%s' on dev.events\n", nodes[i]);
	CHECK(left == 0);
	CHECK(wait_state("devmgr", INIT_STATE_RUNNING, &after) &&
	      after.restarts == mgr.restarts + 1);
	for (int i = 0; i < N; i++) {
		CHECK(wait_state(holders[i], INIT_STATE_RUNNING, &after));
		CHECK(after.pid != before[i].pid && after.restarts == before[i].restarts + 1);
	}
	/* Each restart announced like any other, and once. */
	int restarts[N] = { 0 };
	char text[BUS_NAMES_FETCH_DATA_MAX + 1], prefix[48];
	size_t len;
	uint32_t dropped, more;
	while (bus_names_fetch(bus, init_sub, text, &len, &dropped, &more) == 0) {
		text[len] = 0;
		CHECK(dropped == 0);
		for (int i = 0; i < N; i++) {
			snprintf(prefix, sizeof(prefix), "restart %s ", holders[i]);
			restarts[i] += !strncmp(text, prefix, strlen(prefix));
		}
	}
	for (int i = 0; i < N; i++)
		if (restarts[i] != 1)
			vg_printf("initcheck: %d restarts of %s on init.events\n", restarts[i],
				  holders[i]);
	for (int i = 0; i < N; i++)
		CHECK(restarts[i] == 1);
	char buf[4] = { 1, 1, 1, 1 };
	int fd = open("/dev/zero", O_RDONLY);
	CHECK(fd >= 0 && read(fd, buf, 4) == 4 && (buf[0] | buf[3]) == 0);
	close(fd);
	int p[2];
	CHECK(pipe(p) == 0 && write(p[1], "ok", 2) == 2 && read(p[0], buf, 2) == 2);
	close(p[0]);
	close(p[1]);
	/* The new pty server makes terminals whose slave echoes. */
	int m, s;
	CHECK(openpty(&m, &s, NULL, NULL, NULL) == 0 && write(m, "x\n", 2) == 2);
	CHECK(read(m, buf, 3) == 3 && !memcmp(buf, "x\r\n", 3));
	close(s);
	close(m);
	bus_names_unsubscribe(bus, init_sub);
	bus_names_unsubscribe(bus, dev_sub);
}

/* Polls until service name runs again after restart number `restarts`
 * (or 10 s pass): its info. */
static bool wait_restarted(const char *name, uint32_t restarts, struct init_service *info)
{
	uint64_t end = deadline_in(10000);
	while (init_control_status(ctl, name, info) || info->state != INIT_STATE_RUNNING ||
	       info->restarts == restarts) {
		if ((uint64_t)vg_clock_monotonic() > end) {
			vg_printf("initcheck: %s was not restarted\n", name);
			return false;
		}
		vg_thread_sleep_until(deadline_in(5));
	}
	return true;
}

/* A chain of holders: bound-b holds bound-a's endpoint, bound-c
 * bound-b's. Restarting bound-a restarts both after it, each once (bound-c
 * is reached through bound-b's new endpoint, not restarted again when
 * bound-b starts), bound-b first, each with a new pid. */
static void holders_restarted_in_order(void)
{
	static const char *const chain[] = { "bound-a", "bound-b", "bound-c" };
	enum { N = sizeof(chain) / sizeof(chain[0]) };
	struct init_service before[N], after;
	for (int i = 0; i < N; i++) {
		CHECK(init_control_start(ctl, chain[i]) == 0);
		CHECK(wait_state(chain[i], INIT_STATE_RUNNING, &before[i]));
	}
	uint32_t sub = subscribe_polled("init.events");
	CHECK(init_control_restart(ctl, "bound-a") == 0);
	for (int i = 0; i < N; i++) {
		CHECK(wait_restarted(chain[i], before[i].restarts, &after));
		CHECK(after.pid != before[i].pid && after.restarts == before[i].restarts + 1);
	}
	/* In order, once each: "restart bound-a 1", then b's, then c's. */
	char text[BUS_NAMES_FETCH_DATA_MAX + 1], want[48];
	size_t len;
	uint32_t dropped, more;
	int next = 0, extra = 0;
	while (bus_names_fetch(bus, sub, text, &len, &dropped, &more) == 0) {
		text[len] = 0;
		if (strncmp(text, "restart bound-", 14))
			continue;
		snprintf(want, sizeof(want), "restart %s 1", next < N ? chain[next] : "");
		if (!strcmp(text, want))
			next++;
		else
			extra++;
		vg_printf("initcheck: init.events: %s\n", text);
	}
	CHECK(next == N && extra == 0);
	bus_names_unsubscribe(bus, sub);
	for (int i = N - 1; i >= 0; i--) {
		CHECK(init_control_stop(ctl, chain[i]) == 0);
		CHECK(wait_state(chain[i], INIT_STATE_STOPPED, &after));
	}
}

/* A mounted file system's server restarted (`svc restart run`): a file
 * open in the old one fails with EIO and closes; init mounts the new one
 * in the old one's place (the VFS takes it there: the old server is
 * gone), empty and working. */
static void mounted_server_restarted(void)
{
	struct init_service before, after;
	char c = 0;
	CHECK(init_control_status(ctl, "run", &before) == 0);
	int fd = open("/run/initcheck", O_RDWR | O_CREAT | O_TRUNC, 0644);
	CHECK(fd >= 0 && write(fd, "x", 1) == 1);
	CHECK(init_control_restart(ctl, "run") == 0);
	/* Asked to end (SIGTERM), it runs a while yet: until the restart. */
	CHECK(wait_restarted("run", before.restarts, &after) &&
	      after.restarts == before.restarts + 1);
	errno = 0;
	CHECK(pread(fd, &c, 1, 0) == -1 && errno == EIO);
	CHECK(close(fd) == 0);
	errno = 0;
	CHECK(access("/run/initcheck", F_OK) == -1 && errno == ENOENT);
	fd = open("/run/initcheck", O_RDWR | O_CREAT, 0644);
	CHECK(fd >= 0 && write(fd, "y", 1) == 1 && pread(fd, &c, 1, 0) == 1 && c == 'y');
	CHECK(close(fd) == 0 && unlink("/run/initcheck") == 0);
}

static void bad_definition_reported(void)
{
	struct init_service info;
	CHECK(init_control_status(ctl, "broken", &info) == 0);
	CHECK(info.state == INIT_STATE_INVALID && info.pid == 0);
	CHECK(why_contains("broken", "/etc/services-test/broken:2: restart: unknown value"));
	CHECK(init_control_start(ctl, "broken") == INIT_INIT_ERROR_NOT_STARTABLE);
	/* A user name init cannot find (srv/init/users.c). */
	CHECK(init_control_status(ctl, "nouser", &info) == 0);
	CHECK(info.state == INIT_STATE_INVALID);
	CHECK(why_contains("nouser", "user 'nosuchuser' is not in /etc/passwd"));
}

static void cycle_reported(void)
{
	struct init_service info;
	CHECK(init_control_status(ctl, "cycle-a", &info) == 0 &&
	      info.state == INIT_STATE_UNSTARTABLE);
	CHECK(init_control_status(ctl, "cycle-b", &info) == 0 &&
	      info.state == INIT_STATE_UNSTARTABLE);
	CHECK(why_contains("cycle-a", "cycle-a -> cycle-b -> cycle-a"));
	CHECK(why_contains("cycle-b", "cycle-a -> cycle-b -> cycle-a"));
	CHECK(init_control_start(ctl, "cycle-b") == INIT_INIT_ERROR_NOT_STARTABLE);
}

static void missing_dependency_reported(void)
{
	struct init_service info;
	CHECK(init_control_status(ctl, "orphan", &info) == 0 &&
	      info.state == INIT_STATE_UNSTARTABLE);
	CHECK(why_contains("orphan", "/etc/services-test/orphan:3: requires ghost"));
	CHECK(init_control_status(ctl, "ghost", &info) == INIT_INIT_ERROR_NOT_FOUND);
}

/* Listens to init.events (note, sub), then starts service name. */
static bool start_heard(const char *name, vg_handle_t *note, uint32_t *sub)
{
	return subscribe("init.events", note, sub) && init_control_start(ctl, name) == 0;
}

static void stop_hearing(vg_handle_t note, uint32_t sub)
{
	bus_names_unsubscribe(bus, sub);
	vg_handle_close(note);
}

/* The crasher, started now that we listen: three restarts announced on
 * the bus, then init gives up. */
static void crash_restarted_and_counted(void)
{
	vg_handle_t note;
	uint32_t sub;
	CHECK(start_heard("crasher", &note, &sub));
	struct init_service info;
	CHECK(wait_state("crasher", INIT_STATE_FAILED, &info));
	CHECK(info.restarts == 3);
	/* SIGSEGV's default action: killed by it, the core-dump bit set. */
	CHECK(WIFSIGNALED(info.last_exit) && WTERMSIG(info.last_exit) == SIGSEGV &&
	      WCOREDUMP(info.last_exit));
	CHECK(why_contains("crasher", "3 restarts within 60000 ms; gave up"));
	int restarts = 0, exits = 0, gave_up = 0;
	for (;;) {
		char msg[BUS_NAMES_FETCH_DATA_MAX + 1];
		size_t len;
		uint32_t dropped, left;
		if (bus_names_fetch(bus, sub, msg, &len, &dropped, &left))
			break;
		msg[len] = 0;
		CHECK(dropped == 0);
		restarts += !strncmp(msg, "restart crasher ", 16);
		exits += !strcmp(msg, "killed crasher 11");
		gave_up += !strcmp(msg, "failed crasher");
	}
	vg_printf("initcheck: init.events: %d restarts, %d exits, %d give-ups of crasher\n",
		  restarts, exits, gave_up);
	CHECK(restarts == 3 && exits == 4 && gave_up == 1);
	stop_hearing(note, sub);
}

static void stop_start_restart(void)
{
	struct init_service a, b;
	CHECK(wait_state("sleeper", INIT_STATE_RUNNING, &a));
	CHECK(init_control_restart(ctl, "sleeper") == 0);
	uint64_t end = deadline_in(20000);
	do {
		vg_thread_sleep_until(deadline_in(10));
		CHECK(init_control_status(ctl, "sleeper", &b) == 0);
	} while ((b.state != INIT_STATE_RUNNING || b.pid == a.pid) &&
		 (uint64_t)vg_clock_monotonic() < end);
	CHECK(b.state == INIT_STATE_RUNNING && b.pid != a.pid && b.restarts == a.restarts + 1);
	CHECK(init_control_stop(ctl, "sleeper") == 0);
	CHECK(wait_state("sleeper", INIT_STATE_STOPPED, &b));
	/* Started by init itself, asked to end all the same: its C library's
	 * default action for SIGTERM, not a kill. */
	CHECK(WIFSIGNALED(b.last_exit) && WTERMSIG(b.last_exit) == SIGTERM &&
	      !WCOREDUMP(b.last_exit));
	CHECK(init_control_stop(ctl, "sleeper") == INIT_INIT_ERROR_BAD_STATE);
	CHECK(init_control_start(ctl, "sleeper") == 0);
	CHECK(init_control_status(ctl, "sleeper", &b) == 0 && b.state == INIT_STATE_RUNNING);
	CHECK(init_control_start(ctl, "sleeper") == INIT_INIT_ERROR_BAD_STATE);
	CHECK(init_control_start(ctl, "nosuch") == INIT_INIT_ERROR_NOT_FOUND);
}

static void list_and_svc(void)
{
	char name[INIT_CONTROL_GET_NAME_MAX + 1];
	struct init_service info;
	struct vg_handle_info self;
	CHECK(vg_handle_info(vg_startup()->self, &self) == 0);
	uint32_t n = 0;
	bool me = false;
	while (init_control_get(ctl, n, name, &info) == 0) {
		if (!strcmp(name, "initcheck"))
			me = info.state == INIT_STATE_RUNNING && info.koid == self.koid &&
				info.pid > 1 && info.target == 3;
		n++;
	}
	/* 16 services of the boot, 27 of the tests (two of them invalid, one
	 * broken). */
	CHECK(n == 43);
	CHECK(me);
	/* bin/svc, run as services: a list (its table is in the log) and a
	 * start of a service that does not exist, refused. */
	CHECK(wait_state("svc-list", INIT_STATE_EXITED, &info) && info.last_exit == 0);
	CHECK(wait_state("svc-refused", INIT_STATE_FAILED, &info) && WIFEXITED(info.last_exit) &&
	      WEXITSTATUS(info.last_exit) == 1);
}

/* The process server's entry of pid: true and its info and name. */
static bool proc_entry(int32_t pid, struct proc_info *info, char *args)
{
	return proc_process_next(procsrv, pid - 1, info, args) == 0 && info->pid == pid;
}

/* Every running service has a pid of the process server's, the services
 * init started itself (the process server among them) as much as those
 * started through it: a child of init in a session of its own, named
 * after the service (if init started it), started when svc says it was,
 * not a zombie. */
static void services_have_pids(void)
{
	char name[INIT_CONTROL_GET_NAME_MAX + 1];
	static char args[PROC_PROCESS_NEXT_ARGS_MAX + 1];
	struct init_service svc;
	struct proc_info info;
	int running = 0;
	for (uint32_t i = 0; init_control_get(ctl, i, name, &svc) == 0; i++) {
		if (svc.state != INIT_STATE_RUNNING)
			continue;
		running++;
		uint64_t now = (uint64_t)vg_clock_monotonic();
		bool found = svc.pid > 1 && proc_entry((int32_t)svc.pid, &info, args);
		/* One started through the server may have exec'd another
		 * program (getty, the shell); one init started itself cannot. */
		size_t len = strlen(name);
		bool named = found &&
			(!svc.koid ||
			 (!strncmp(args, name, len) && (!args[len] || args[len] == ' ')));
		/* Both clocks read here and in init: a second covers the time
		 * between the two calls on a loaded host. */
		uint64_t age_ms = found ? (now - info.start_ns) / 1000000 : 0;
		bool aged =
			found && age_ms + 1000 >= svc.uptime_ms && age_ms <= svc.uptime_ms + 1000;
		bool ok = named && aged && info.ppid == 1 && info.sid == info.pid &&
			info.state != PROC_STATE_ZOMBIE;
		struct init_service again;
		if (!ok && init_control_status(ctl, name, &again) == 0 && again.pid != svc.pid)
			continue; /* restarted between the two questions (getty's shell) */
		if (!ok)
			vg_printf(
				"initcheck: %s: pid %llu, in the table: %s '%s', ppid %d, age %llu "
				"ms, uptime %llu ms\n",
				name, (unsigned long long)svc.pid, found ? "yes" : "no",
				found ? args : "", found ? (int)info.ppid : 0,
				(unsigned long long)age_ms, (unsigned long long)svc.uptime_ms);
		CHECK(ok);
	}
	CHECK(running >= 12); /* the boot's services at least */
	/* The process server lists itself, and refuses signals to itself. */
	struct init_service ps;
	CHECK(init_control_status(ctl, "proc", &ps) == 0 && ps.pid > 1);
	CHECK(proc_process_kill(procsrv, (int32_t)ps.pid, 0) == PROC_PROC_ERROR_DENIED);
}

/* via = proc: a pid of the process server's, stopped through it. */
static void via_process_server(void)
{
	struct init_service info;
	CHECK(wait_state("viaproc", INIT_STATE_EXITED, &info) && info.last_exit == 0);
	CHECK(wait_state("viasleeper", INIT_STATE_RUNNING, &info) && info.pid > 1);
	CHECK(init_control_stop(ctl, "viasleeper") == 0);
	CHECK(wait_state("viasleeper", INIT_STATE_STOPPED, &info));
	/* Asked, not killed: a wait status (the process server's) of SIGTERM. */
	CHECK(WIFSIGNALED(info.last_exit) && WTERMSIG(info.last_exit) == SIGTERM);
	CHECK(init_control_start(ctl, "viasleeper") == 0);
	CHECK(wait_state("viasleeper", INIT_STATE_RUNNING, &info) && info.pid > 1);
}

/* limit = ...: bin/svccheck, started with limits by init (limited) and
 * through the process server (limited-via), exits 0 only if it could not
 * go past any of them. */
static void limits_enforced(void)
{
	struct init_service info;
	CHECK(wait_state("limited", INIT_STATE_EXITED, &info) && info.last_exit == 0);
	CHECK(wait_state("limited-via", INIT_STATE_EXITED, &info) && info.last_exit == 0);
}

/* user = 1000:1000: a root file of mode 0600 is closed to the service,
 * started by init (asuser) or through the process server (asuser-via,
 * which the server must know as 1000 too). */
static void user_enforced(void)
{
	static const char secret[] = "/tmp/svccheck-secret";
	int fd = open(secret, O_CREAT | O_TRUNC | O_WRONLY, 0600);
	CHECK(fd >= 0 && write(fd, "root", 4) == 4 && close(fd) == 0);
	CHECK(access(secret, R_OK) == 0); /* to us, root */
	struct init_service info;
	CHECK(init_control_start(ctl, "asuser") == 0);
	CHECK(wait_state("asuser", INIT_STATE_EXITED, &info) && info.last_exit == 0);
	CHECK(init_control_start(ctl, "asuser-via") == 0);
	CHECK(wait_state("asuser-via", INIT_STATE_EXITED, &info) && info.last_exit == 0);
	unlink(secret);
}

/* In a child with uid and gid id: 0 if it could create path, 2 if that
 * was EACCES, 1 otherwise. */
static int create_as(uid_t id, const char *path)
{
	pid_t pid = fork();
	if (pid == 0) {
		if (setgid(id) || setuid(id))
			_exit(1);
		int fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0644);
		_exit(fd >= 0 && write(fd, "home", 4) == 4 ? 0 : errno == EACCES ? 2 : 1);
	}
	int st;
	return pid > 0 && waitpid(pid, &st, 0) == pid && WIFEXITED(st) ? WEXITSTATUS(st) : 1;
}

/* The homes (rootfs/etc/services/home and roothome) are writable tmpfs:
 * /home/user is user 1000's (/etc/passwd), who may create files there and
 * another user may not; /root is root's alone. */
static void homes_writable_by_their_owners(void)
{
	struct init_service info;
	CHECK(init_control_status(ctl, "home", &info) == 0 && info.state == INIT_STATE_RUNNING);
	CHECK(init_control_status(ctl, "roothome", &info) == 0 && info.state == INIT_STATE_RUNNING);
	struct stat st;
	CHECK(stat("/home/user", &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == 1000 &&
	      st.st_gid == 1000 && (st.st_mode & 07777) == 0755);
	CHECK(stat("/root", &st) == 0 && st.st_uid == 0 && (st.st_mode & 07777) == 0700);
	CHECK(create_as(1000, "/home/user/initcheck") == 0);
	CHECK(stat("/home/user/initcheck", &st) == 0 && st.st_uid == 1000 && st.st_size == 4);
	CHECK(create_as(1001, "/home/user/other") == 2);
	CHECK(create_as(1000, "/root/initcheck") == 2);
	CHECK(create_as(1000, "/home/initcheck") == 2);
	int fd = open("/root/initcheck", O_CREAT | O_WRONLY, 0600);
	CHECK(fd >= 0 && write(fd, "root", 4) == 4 && close(fd) == 0);
	CHECK(unlink("/root/initcheck") == 0 && unlink("/home/user/initcheck") == 0);
}

/* A service that ignores SIGTERM: `svc stop` kills it once its stop
 * timeout (300 ms) is over, not before; started through the process
 * server (stubborn) or by init itself (stubborn-own): killed by SIGKILL
 * either way. */
static void stop_timeout_kills(void)
{
	static const char *const names[] = { "stubborn", "stubborn-own" };
	for (int i = 0; i < 2; i++) {
		struct init_service info;
		CHECK(init_control_start(ctl, names[i]) == 0);
		CHECK(wait_state(names[i], INIT_STATE_RUNNING, &info) && info.pid > 1);
		vg_thread_sleep_until(deadline_in(100)); /* its SIGTERM ignored by then */
		uint64_t t0 = (uint64_t)vg_clock_monotonic();
		CHECK(init_control_stop(ctl, names[i]) == 0);
		CHECK(wait_state(names[i], INIT_STATE_STOPPED, &info));
		uint64_t ms = ((uint64_t)vg_clock_monotonic() - t0) / 1000000;
		vg_printf("initcheck: %s stopped after %llu ms, code %lld\n", names[i],
			  (unsigned long long)ms, (long long)info.last_exit);
		CHECK(ms >= 300);
		CHECK(WIFSIGNALED(info.last_exit) && WTERMSIG(info.last_exit) == SIGKILL);
	}
}

/* exiter (restart = always, 150 ms doubling, 2 restarts a minute), seen on
 * init.events: when each exit and restart arrived. */
static uint64_t exit_at[4], restart_at[4];
static int exits, restarts, give_ups;

static void always_restarts_clean_exit(void)
{
	vg_handle_t note;
	uint32_t sub;
	CHECK(start_heard("exiter", &note, &sub));
	char msg[BUS_NAMES_FETCH_DATA_MAX + 1];
	while (!give_ups && next_event(sub, msg, sizeof(msg))) {
		uint64_t now = (uint64_t)vg_clock_monotonic();
		if (!strcmp(msg, "exit exiter 0") && exits < 4)
			exit_at[exits++] = now;
		else if (!strncmp(msg, "restart exiter ", 15) && restarts < 4)
			restart_at[restarts++] = now;
		else if (!strcmp(msg, "failed exiter"))
			give_ups++;
	}
	struct init_service info;
	CHECK(init_control_status(ctl, "exiter", &info) == 0);
	CHECK(info.state == INIT_STATE_FAILED && info.restarts == 2 && info.last_exit == 0);
	CHECK(exits == 3 && restarts == 2 && give_ups == 1);
	stop_hearing(note, sub);
}

/* exit130 exits 130: an exit code, which init reports as one (the bus,
 * why, last_exit), not as SIGINT's end; a failure all the same. */
static void exit_130_is_an_exit_code(void)
{
	vg_handle_t note;
	uint32_t sub;
	CHECK(start_heard("exit130", &note, &sub));
	char msg[BUS_NAMES_FETCH_DATA_MAX + 1];
	int exited = 0, killed = 0;
	while (!exited && !killed && next_event(sub, msg, sizeof(msg))) {
		exited += !strcmp(msg, "exit exit130 130");
		killed += !strncmp(msg, "killed exit130 ", 15);
	}
	CHECK(exited == 1 && killed == 0);
	struct init_service info;
	CHECK(wait_state("exit130", INIT_STATE_FAILED, &info));
	CHECK(WIFEXITED(info.last_exit) && !WIFSIGNALED(info.last_exit) &&
	      WEXITSTATUS(info.last_exit) == 130);
	CHECK(why_contains("exit130", "exited with code 130"));
	stop_hearing(note, sub);
}

/* The second restart waited longer than the first (loosely: 300 ms after
 * 150 ms, whatever the machine's load adds to both). */
static void backoff_grows(void)
{
	CHECK(exits >= 2 && restarts >= 2);
	if (exits < 2 || restarts < 2)
		return;
	uint64_t first = (restart_at[0] - exit_at[0]) / 1000000;
	uint64_t second = (restart_at[1] - exit_at[1]) / 1000000;
	vg_printf("initcheck: exiter restarted after %llu ms, then %llu ms\n",
		  (unsigned long long)first, (unsigned long long)second);
	CHECK(first >= 100);
	CHECK(second > first);
}

/* envcheck exits 0 when its environment is what its definition says. */
static void env_reaches_service(void)
{
	struct init_service info;
	CHECK(wait_state("envcheck", INIT_STATE_EXITED, &info) && info.last_exit == 0);
}

/* Exactly what the definition grants: the VFS, a bus grant and the
 * process server, besides descriptors 1 and 2 on the log, write-only. */
static void least_privilege(void)
{
	const struct vg_startup *su = vg_startup();
	const struct vg_startup_handle *h = (const void *)(uintptr_t)su->handles;
	int fs = 0, bus_grants = 0, procs = 0, logs = 0, other = 0;
	struct vg_handle_info info;
	for (uint64_t i = 0; i < su->nhandles; i++) {
		bool log = h[i].tag == VG_HTAG_FD && (h[i].arg == 1 || h[i].arg == 2) &&
			!vg_handle_info(h[i].handle, &info) && info.type == VG_OBJ_LOG &&
			!(info.rights & VG_RIGHT_READ);
		fs += h[i].tag == VG_HTAG_FS_ROOT;
		bus_grants += h[i].tag == VG_HTAG_BUS;
		procs += h[i].tag == VG_HTAG_PROC;
		logs += log;
		other += h[i].tag != VG_HTAG_FS_ROOT && h[i].tag != VG_HTAG_BUS &&
			h[i].tag != VG_HTAG_PROC && !log;
	}
	CHECK(fs == 1 && bus_grants == 1 && procs == 1 && logs == 2 && other == 0);
	vg_handle_t ep;
	CHECK(vg_endpoint_create(&ep) == 0);
	CHECK(bus_names_add(bus, "fs.evil", ep) == BUS_BUS_ERROR_DENIED);
}

/* Whether the bus's `fs.vfs` (the name vfs's definition registers) is
 * there and answers. */
static bool vfs_named(void)
{
	vg_handle_t vfs;
	struct fs_attr attr;
	bool ok = bus_names_lookup(bus, "fs.vfs", &vfs) == 0 &&
		fs_vfs_stat(vfs, "/bin/init", true, &attr) == 0;
	if (ok)
		vg_handle_close(vfs);
	return ok;
}

#define BUS_RESTART_CHECK "init_bus_names_after_restart"

/* The bus killed by its pid (SIGKILL, through the process server): init
 * starts it again, adds the `register` names again, and restarts the
 * holders of grants of the old bus, this program among them: its next run
 * checks the names (bus_restarted). If no new run comes, this one fails
 * the check and ends the test. */
static void kill_the_bus(bool reboot)
{
	struct init_service info;
	CHECK(vfs_named());
	CHECK(init_control_status(ctl, "bus", &info) == 0 && info.pid > 1);
	CHECK(proc_process_kill(procsrv, (int32_t)info.pid, SIGKILL) == 0);
	if (failed_checks == 0)
		vg_thread_sleep_until(deadline_in(30000)); /* init stops us meanwhile */
	vg_printf("KTEST %s: FAIL (initcheck was not restarted after the bus)\n",
		  BUS_RESTART_CHECK);
	init_control_poweroff(ctl, reboot);
}

/* This program's run after the bus restarted (its bus grant was the old
 * bus's): the bus runs again, once restarted, and the name of another
 * service resolves to a server that answers. */
static void bus_restarted(void)
{
	struct init_service info;
	CHECK(init_control_status(ctl, "bus", &info) == 0);
	CHECK(info.state == INIT_STATE_RUNNING && info.restarts == 1 && info.pid > 1);
	CHECK(vfs_named());
}

#define PROC_RESTART_CHECK "init_services_reentered_after_proc_restart"

/* The process server restarted by hand (svc restart proc): init starts it
 * again, enters every service it started itself in the new server's table
 * (their old pids went with the old server), and restarts what was bound
 * to the old one: the services started through it, and this program (its
 * `proc` grant). Its next run checks that (process_server_restarted). */
static void restart_the_process_server(bool reboot)
{
	CHECK(init_control_restart(ctl, "proc") == 0);
	if (failed_checks == 0)
		vg_thread_sleep_until(deadline_in(30000)); /* init stops us meanwhile */
	vg_printf("KTEST %s: FAIL (initcheck was not restarted after the process server)\n",
		  PROC_RESTART_CHECK);
	init_control_poweroff(ctl, reboot);
	for (;;)
		vg_thread_sleep_until(deadline_in(1000));
}

/* This program's run after the process server restarted: the server runs
 * again, restarted once, and answers; every running service, those init
 * started itself as much as those started through the new server, has a
 * pid in the new table (services_have_pids); a service started through it
 * runs and takes a signal through it. */
static void process_server_restarted(void)
{
	struct init_service info;
	CHECK(init_control_status(ctl, "proc", &info) == 0);
	CHECK(info.state == INIT_STATE_RUNNING && info.restarts == 1 && info.pid > 1);
	services_have_pids();
	CHECK(wait_state("viasleeper", INIT_STATE_RUNNING, &info) && info.pid > 1);
	CHECK(proc_process_kill(procsrv, (int32_t)info.pid, 0) == 0);
	CHECK(wait_state("memdev", INIT_STATE_RUNNING, &info) && info.pid > 1);
}

static int check(bool reboot)
{
	bus = vg_startup_find(VG_HTAG_BUS, 0);
	procsrv = vg_startup_find(VG_HTAG_PROC, 0);
	struct init_service me;
	if (!bus || !procsrv || bus_names_lookup(bus, "svc.init", &ctl) ||
	    init_control_status(ctl, "initcheck", &me)) {
		vg_printf("initcheck: no bus, process server, or svc.init on the bus\n");
		return 1;
	}
	if (me.restarts == 1) {
		/* Restarted: the bus was, and took our grant along. */
		failed_checks = 0;
		bus_restarted();
		vg_printf("KTEST %s: %s\n", BUS_RESTART_CHECK, failed_checks ? "FAIL" : "PASS");
		restart_the_process_server(reboot);
	}
	if (me.restarts == 2) {
		/* Restarted again: the process server was, our grant with it. */
		failed_checks = 0;
		process_server_restarted();
		vg_printf("KTEST %s: %s\n", PROC_RESTART_CHECK, failed_checks ? "FAIL" : "PASS");
		if (init_control_poweroff(ctl, reboot))
			return 1;
		for (;;) /* init stops us */
			vg_thread_sleep_until(deadline_in(1000));
	}
	/* 22 here, the bus's and the process server's restarts after, and
	 * stop-check's at poweroff (planned here: a run of it that the
	 * process server's restart cuts short reports nothing). */
	vg_printf("KTEST-PLAN 25\n");
	report("real_services_up", real_services_up);
	report("bad_definition_reported", bad_definition_reported);
	report("cycle_reported", cycle_reported);
	report("missing_dependency_reported", missing_dependency_reported);
	report("crash_restarted_and_counted", crash_restarted_and_counted);
	report("stop_start_restart", stop_start_restart);
	report("list_and_svc", list_and_svc);
	report("least_privilege", least_privilege);
	report("via_process_server", via_process_server);
	report("stop_timeout_kills", stop_timeout_kills);
	report("always_restarts_clean_exit", always_restarts_clean_exit);
	report("backoff_grows", backoff_grows);
	report("exit_130_is_an_exit_code", exit_130_is_an_exit_code);
	report("env_reaches_service", env_reaches_service);
	report("device_server_restarted", device_server_restarted);
	report("mounted_server_restarted", mounted_server_restarted);
	report("limits_enforced", limits_enforced);
	report("user_enforced", user_enforced);
	report("grant_holders_restarted", grant_holders_restarted);
	report("holders_restarted_in_order", holders_restarted_in_order);
	report("services_have_pids", services_have_pids);
	report("homes_writable_by_their_owners", homes_writable_by_their_owners);
	/* Last: it ends this run. */
	failed_checks = 0;
	kill_the_bus(reboot);
	for (;;) /* init stops us */
		vg_thread_sleep_until(deadline_in(1000));
}

static volatile sig_atomic_t terminated;

static void on_term(int sig)
{
	(void)sig;
	terminated = 1;
}

static void await_sigterm(void)
{
	signal(SIGTERM, on_term);
	while (!terminated)
		vg_thread_sleep_until(deadline_in(10));
}

#define STOP_ORDER "/run/stoporder"

/* stoplog NAME: at SIGTERM, NAME appended to STOP_ORDER. */
static int stop_log(const char *name)
{
	await_sigterm();
	int fd = open(STOP_ORDER, O_WRONLY | O_CREAT | O_APPEND, 0644);
	size_t len = strlen(name);
	bool ok = fd >= 0 && write(fd, name, len) == (ssize_t)len && write(fd, "\n", 1) == 1;
	close(fd);
	return ok ? 0 : 1;
}

/* stopcheck: stopped after both stoplog services (they depend on it, one
 * on the other): they must have gone first, in dependency order. */
static int stop_check(void)
{
	await_sigterm();
	char buf[64] = { 0 };
	int fd = open(STOP_ORDER, O_RDONLY);
	ssize_t n = fd >= 0 ? read(fd, buf, sizeof(buf) - 1) : -1;
	close(fd);
	bool ok = n > 0 && !strcmp(buf, "first\nsecond\n");
	for (char *c = buf; *c; c++)
		*c = *c == '\n' ? ' ' : *c;
	vg_printf("KTEST init_stop_order_at_poweroff: %s (%s: '%s')\n", ok ? "PASS" : "FAIL",
		  STOP_ORDER, buf);
	return 0;
}

/* env: what envcheck's definition gives, and not what sleeper's does. */
static int env_check(void)
{
	const char *greeting = getenv("GREETING"), *second = getenv("SECOND");
	bool ok = greeting && !strcmp(greeting, "hello from init") && second &&
		!strcmp(second, "2") && !getenv("MODE");
	if (!ok)
		vg_printf("initcheck: env: GREETING '%s', SECOND '%s', MODE '%s'\n",
			  greeting ? greeting : "(none)", second ? second : "(none)",
			  getenv("MODE") ? getenv("MODE") : "(none)");
	return ok ? 0 : 1;
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";
	if (!strcmp(mode, "stoplog") && argc > 2)
		return stop_log(argv[2]);
	if (!strcmp(mode, "stopcheck"))
		return stop_check();
	if (!strcmp(mode, "env"))
		return env_check();
	if (!strcmp(mode, "exit"))
		return argc > 2 ? atoi(argv[2]) : 0;
	if (!strcmp(mode, "stubborn")) {
		signal(SIGTERM, SIG_IGN);
		for (;;)
			vg_thread_sleep_until(deadline_in(1000));
	}
	if (argc > 1 && !strcmp(argv[1], "crash")) {
		volatile int *volatile nowhere = NULL;
		*nowhere = 1;
	}
	if (argc > 1 && !strcmp(argv[1], "pid")) {
		/* Started through the process server, child of init. */
		bool ok = getpid() > 1 && getppid() == 1 && access("/bin/init", F_OK) == 0 &&
			vg_startup_find(VG_HTAG_PROC, 0) != VG_HANDLE_INVALID;
		vg_printf("initcheck: pid %d, parent %d%s\n", (int)getpid(), (int)getppid(),
			  ok ? "" : ": wrong");
		return ok ? 0 : 1;
	}
	if (argc > 1 && !strcmp(argv[1], "sleep"))
		for (;;)
			vg_thread_sleep_until(deadline_in(1000));
	return check(argc > 1 && !strcmp(argv[1], "reboot"));
}
