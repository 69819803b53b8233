// SPDX-License-Identifier: BSD-2-Clause
// The device manager (bin/devmgr, docs/ARCHITECTURE.md section 20), as
// vfs_up starts it: the nodes it made at boot, a test device announced and
// withdrawn with its events on the bus, the policy's modes and owners, bad
// announcements and malformed messages refused while it serves on, a
// session's end removing its nodes, and memdev killed and started again.
#include "../utest.h"
#include "../vfs_up.h"
#include <bus.h>
#include <devmgr.h>
#include <errno.h>
#include <fcntl.h>
#include <fs.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define TEST_MAJOR 250u

/* The node at /dev/<name>: a character device of major:minor with these
 * permission bits and owner. */
static bool node_is(const char *name, uint32_t major, uint32_t minor, uint32_t mode, uint32_t uid,
		    uint32_t gid)
{
	char path[80];
	struct fs_attr a;
	vg_snprintf(path, sizeof(path), "/dev/%s", name);
	if (fs_vfs_stat(vfs_up_vfs(), path, false, &a))
		return false;
	return a.kind == FS_KIND_CHARDEV && a.rdev == ((uint64_t)major << 32 | minor) &&
		(a.mode & 07777) == mode && a.uid == uid && a.gid == gid;
}

static bool gone(const char *path)
{
	struct fs_attr a;
	return fs_vfs_stat(vfs_up_vfs(), path, false, &a) == FS_FS_ERROR_NOT_FOUND;
}

UTEST(devmgr_boot_nodes_have_their_numbers_and_modes)
{
	CHECK_EQ(vfs_up(), 0);
	CHECK(node_is("null", 1, 3, 0666, 0, 0));
	CHECK(node_is("zero", 1, 5, 0666, 0, 0));
	CHECK(node_is("full", 1, 7, 0666, 0, 0));
	CHECK(node_is("random", 1, 8, 0666, 0, 0));
	CHECK(node_is("urandom", 1, 9, 0666, 0, 0));
	CHECK(node_is("pipe", 240, 0, 0666, 0, 0));
	CHECK(node_is("socket", 240, 1, 0666, 0, 0));
}

/* A subscription to dev.events on vfs_up's bus. */
static uint32_t watch(void)
{
	vg_handle_t note, theirs;
	uint32_t sub = 0;
	if (vg_notification_create(&note) ||
	    vg_handle_duplicate(note, VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER, &theirs) ||
	    bus_names_subscribe(vfs_up_bus(), "dev.events", theirs, &sub))
		return UINT32_MAX;
	return sub;
}

/* The next event on sub is text; waits up to 2 s for it. Events about
 * test devices (TEST_MAJOR) are skipped when skip_test: an earlier test's
 * session may still be being undone, its nodes gone before the manager
 * publishes their removal. */
static bool next_event_is(uint32_t sub, const char *text, bool skip_test)
{
	char test_major[16];
	vg_snprintf(test_major, sizeof(test_major), " %u ", TEST_MAJOR);
	for (int i = 0; i < 2000; i++) {
		char msg[BUS_NAMES_FETCH_DATA_MAX + 1];
		size_t len;
		uint32_t dropped, left;
		long st = bus_names_fetch(vfs_up_bus(), sub, msg, &len, &dropped, &left);
		if (st == 0) {
			msg[len] = 0;
			if (skip_test && strstr(msg, test_major))
				continue;
			if (strcmp(msg, text))
				vg_printf("t_devmgr: event '%s', expected '%s'\n", msg, text);
			return strcmp(msg, text) == 0;
		}
		if (st != BUS_BUS_ERROR_EMPTY)
			return false;
		nanosleep(&(struct timespec){ 0, 1000000 }, NULL);
	}
	return false;
}

static bool event_is(uint32_t sub, const char *text)
{
	return next_event_is(sub, text, false);
}

/* A session holding TEST_MAJOR, served by an endpoint nobody serves (the
 * tests never open its nodes). */
static vg_handle_t test_session(void)
{
	vg_handle_t s, ep, give;
	if (devmgr_devices_session(vfs_up_devmgr(), &s))
		return VG_HANDLE_INVALID;
	if (vg_endpoint_create(&ep) ||
	    vg_handle_duplicate(ep, VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER, &give) ||
	    devmgr_devices_claim(s, TEST_MAJOR, give))
		return VG_HANDLE_INVALID;
	return s;
}

UTEST(devmgr_announce_withdraw_and_events)
{
	CHECK_EQ(vfs_up(), 0);
	uint32_t sub = watch();
	CHECK(sub != UINT32_MAX);
	vg_handle_t s = test_session();
	CHECK(s != VG_HANDLE_INVALID);
	/* The rules give vgtest* 0640 and owner 7:8 whatever the server
	 * proposes; a name no rule matches keeps the proposal. */
	CHECK_EQ(devmgr_devices_announce(s, "vgtest0", TEST_MAJOR, 7, 0600, 0, 0), 0);
	CHECK(node_is("vgtest0", TEST_MAJOR, 7, 0640, 7, 8));
	CHECK(event_is(sub, "add vgtest0 250 7"));
	CHECK_EQ(devmgr_devices_announce(s, "plain250", TEST_MAJOR, 1, 0604, 3, 4), 0);
	CHECK(node_is("plain250", TEST_MAJOR, 1, 0604, 3, 4));
	CHECK(event_is(sub, "add plain250 250 1"));
	CHECK_EQ(devmgr_devices_withdraw(s, "vgtest0"), 0);
	CHECK(gone("/dev/vgtest0"));
	CHECK(event_is(sub, "remove vgtest0 250 7"));
	/* The session's end (its server died: here we close it) removes the
	 * rest and gives the major back. */
	vg_handle_close(s);
	CHECK_EQ(vfs_up_wait_node("/dev/plain250", false), 0);
	CHECK(event_is(sub, "remove plain250 250 1"));
	s = test_session();
	CHECK(s != VG_HANDLE_INVALID);
	vg_handle_close(s);
	bus_names_unsubscribe(vfs_up_bus(), sub);
}

UTEST(devmgr_bad_announcements_refused)
{
	CHECK_EQ(vfs_up(), 0);
	vg_handle_t mgr = vfs_up_devmgr(), s = test_session(), again;
	CHECK(s != VG_HANDLE_INVALID);
	static const char *const bad[] = {
		"a/b/c",
		"a/",
		"../x",
		"vgtest/..",
		"..",
		".",
		"",
		"/dev/x",
		"sp ace",
		"star*",
		"0123456789012345678901234567890123456789012345678901234567890123" /* 64 */
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		CHECK_EQ(devmgr_devices_announce(s, bad[i], TEST_MAJOR, 0, 0600, 0, 0),
			 DEVMGR_DEV_ERROR_BAD_NAME);
	CHECK_EQ(devmgr_devices_announce(s, "vgtest-dup", TEST_MAJOR, 0, 0600, 0, 0), 0);
	CHECK_EQ(devmgr_devices_announce(s, "vgtest-dup", TEST_MAJOR, 1, 0600, 0, 0),
		 DEVMGR_DEV_ERROR_EXISTS);
	CHECK_EQ(devmgr_devices_announce(s, "null", TEST_MAJOR, 2, 0600, 0, 0),
		 DEVMGR_DEV_ERROR_EXISTS);
	/* Majors not claimed, or claimed by another server. */
	CHECK_EQ(devmgr_devices_announce(s, "vgother", 1, 3, 0600, 0, 0),
		 DEVMGR_DEV_ERROR_NOT_OWNER);
	CHECK_EQ(devmgr_devices_announce(s, "vgother", 251, 0, 0600, 0, 0),
		 DEVMGR_DEV_ERROR_NOT_OWNER);
	vg_handle_t ep, give;
	CHECK_EQ(vg_endpoint_create(&ep), 0);
	static const uint32_t majors[] = { 1, 240, 0, 4096 };
	static const long want[] = { DEVMGR_DEV_ERROR_BUSY, DEVMGR_DEV_ERROR_BUSY,
				     DEVMGR_DEV_ERROR_BAD_MAJOR, DEVMGR_DEV_ERROR_BAD_MAJOR };
	for (int i = 0; i < 4; i++) {
		CHECK_EQ(vg_handle_duplicate(ep, VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER, &give), 0);
		CHECK_EQ(devmgr_devices_claim(s, majors[i], give), want[i]);
	}
	CHECK_EQ(devmgr_devices_withdraw(s, "null"), DEVMGR_DEV_ERROR_NOT_OWNER);
	CHECK_EQ(devmgr_devices_withdraw(s, "vgnothing"), DEVMGR_DEV_ERROR_NOT_FOUND);
	CHECK_EQ(devmgr_devices_withdraw(s, "../null"), DEVMGR_DEV_ERROR_BAD_NAME);
	CHECK_EQ(devmgr_devices_announce(s, "vgmode", TEST_MAJOR, 0, 01777, 0, 0),
		 ERR_INVALID_ARGS);
	CHECK_EQ(devmgr_devices_announce(s, "vguid", TEST_MAJOR, 0, 0600, 0xffffffffu, 0),
		 ERR_INVALID_ARGS);
	/* Calls on the wrong handle: sessions are made on the unbadged one
	 * only, and everything else needs one. */
	CHECK_EQ(devmgr_devices_session(s, &again), DEVMGR_DEV_ERROR_NO_SESSION);
	CHECK_EQ(devmgr_devices_announce(mgr, "vgx", TEST_MAJOR, 0, 0600, 0, 0),
		 DEVMGR_DEV_ERROR_NO_SESSION);
	CHECK_EQ(devmgr_devices_withdraw(mgr, "vgtest-dup"), DEVMGR_DEV_ERROR_NO_SESSION);
	/* Malformed messages: another interface, an unknown method, missing
	 * words, a string past the message. */
	struct msg r;
	CHECK_EQ(call(mgr, &(struct msg){ VG_IPC_TAG(0x12345, 0, 0), { 0 } }, &r), 0);
	CHECK_EQ((long)(int32_t)VG_IPC_TAG_LABEL(r.tag), ERR_NOT_SUPPORTED);
	CHECK_EQ(
		call(s, &(struct msg){ VG_IPC_TAG(DEVMGR_DEVICES_ID << 16 | 99, 0, 0), { 0 } }, &r),
		0);
	CHECK(VG_IPC_TAG_LABEL(r.tag) != 0);
	CHECK_EQ(call(s, &(struct msg){ VG_IPC_TAG(DEVMGR_DEVICES_ANNOUNCE_LABEL, 0, 0), { 0 } },
		      &r),
		 0);
	CHECK(VG_IPC_TAG_LABEL(r.tag) != 0);
	CHECK_EQ(call(s,
		      &(struct msg){ VG_IPC_TAG(DEVMGR_DEVICES_WITHDRAW_LABEL, 2, 0), { 5000, 0 } },
		      &r),
		 0);
	CHECK(VG_IPC_TAG_LABEL(r.tag) != 0);
	/* It serves on: the node it made is there, a good one goes through. */
	CHECK(node_is("vgtest-dup", TEST_MAJOR, 0, 0640, 7, 8));
	CHECK_EQ(devmgr_devices_announce(s, "vgtest-after", TEST_MAJOR, 9, 0600, 0, 0), 0);
	CHECK(node_is("vgtest-after", TEST_MAJOR, 9, 0640, 7, 8));
	CHECK(node_is("null", 1, 3, 0666, 0, 0));
	vg_handle_close(s);
	CHECK_EQ(vfs_up_wait_node("/dev/vgtest-after", false), 0);
	CHECK(gone("/dev/vgtest-dup"));
}

UTEST(devmgr_killed_memdev_comes_back)
{
	CHECK_EQ(vfs_up(), 0);
	/* Files open on it when it dies ... */
	int zero = open("/dev/zero", O_RDONLY), null = open("/dev/null", O_WRONLY);
	CHECK(zero >= 0 && null >= 0);
	/* Its nodes go with it ... */
	uint32_t sub = watch();
	CHECK(sub != UINT32_MAX);
	CHECK_EQ(vg_process_kill(vfs_up_memdev(), 0), 0);
	CHECK_EQ(vfs_up_wait_node("/dev/urandom", false), 0); /* the last one */
	CHECK(gone("/dev/null") && gone("/dev/zero"));
	CHECK(next_event_is(sub, "remove null 1 3", true));
	CHECK(next_event_is(sub, "remove zero 1 5", true));
	/* ... fail with EIO (nobody can answer: no hang) and still close. */
	char buf[16];
	errno = 0;
	CHECK(read(zero, buf, sizeof(buf)) == -1 && errno == EIO);
	errno = 0;
	CHECK(write(null, "x", 1) == -1 && errno == EIO);
	CHECK_EQ(close(zero), 0);
	CHECK_EQ(close(null), 0);
	/* ... and come back with a new memdev; a client reopens. */
	CHECK_EQ(vfs_up_start_memdev(), 0);
	CHECK(node_is("zero", 1, 5, 0666, 0, 0));
	int fd = open("/dev/zero", O_RDONLY);
	CHECK(fd >= 0);
	memset(buf, 1, sizeof(buf));
	CHECK_EQ(read(fd, buf, sizeof(buf)), (ssize_t)sizeof(buf));
	CHECK_EQ(buf[0] | buf[15], 0);
	close(fd);
	fd = open("/dev/null", O_WRONLY);
	CHECK(fd >= 0 && write(fd, "x", 1) == 1);
	close(fd);
	bus_names_unsubscribe(vfs_up_bus(), sub);
}
