// SPDX-License-Identifier: BSD-2-Clause
// srv/init/binding.c: which services hold a handle of another's endpoint,
// and the set a restart leaves with dead handles (docs/ARCHITECTURE.md,
// section 19.2), on definitions shaped like the boot set's.
#include "../../srv/init/binding.h"
#include <string.h>
#include <vtest.h>

#define NDEFS 10

static struct svcdef defs[NDEFS];
static const struct svcdef *ptrs[NDEFS];

/* The boot set's references (rootfs/etc/services), with a test service
 * that only requires the device servers. */
static const char *const boot[] = {
	"bus",
	"program = /bin/bus\ntarget = early\nserve = server-ep\n",
	"proc",
	"program = /bin/proc\ntarget = early\nserve = proc\ngrant = resource root\n",
	"vfs",
	"program = /bin/vfs\ntarget = early\nserve = user:0\nregister = fs.vfs\n",
	"rootfs",
	"program = /bin/tmpfs\ntarget = early\nserve = user:0\nmount = vfs /\n",
	"devmgr",
	"program = /bin/devmgr\ntarget = drivers\nserve = user:0\n"
	"grant = fs-root vfs\ngrant = bus bus dev. dev.\n",
	"memdev",
	"program = /bin/memdev\ntarget = drivers\nserve = user:0\nvia = proc\n"
	"grant = user:1 devmgr\n",
	"console",
	"program = /bin/console\nserve = user:0\ngrant = resource root\n"
	"grant = proc proc\ngrant = user:1 devmgr\n",
	"getty",
	"program = /bin/getty\ntarget = multi-user\nrequires = console memdev\n"
	"via = proc\ngrant = fs-root vfs\ngrant = init control\ngrant = kill proc\n",
	"check",
	"program = /bin/check\ntarget = multi-user\nrequires = memdev devmgr\n"
	"after = console\n",
	"shell",
	"program = /bin/sh\ngrant = fs-cwd check\n",
};

static int load(void)
{
	struct svc_error err;
	for (int i = 0; i < NDEFS; i++) {
		int rc = svcdef_parse(boot[2 * i], boot[2 * i + 1], strlen(boot[2 * i + 1]),
				      &defs[i], &err);
		CHECK_MSG(rc == 0, "%s: %s", boot[2 * i], err.msg);
		ptrs[i] = &defs[i];
	}
	return NDEFS;
}

enum { BUS, PROC, VFS, ROOTFS, DEVMGR, MEMDEV, CONSOLE, GETTY, CHECKER, SHELL };

TEST(binding, what_hands_over_a_handle)
{
	load();
	CHECK(binding_holds(&defs[MEMDEV], "devmgr")); /* grant = user:1 */
	CHECK(binding_holds(&defs[MEMDEV], "proc")); /* via */
	CHECK(binding_holds(&defs[DEVMGR], "vfs")); /* grant = fs-root */
	CHECK(binding_holds(&defs[DEVMGR], "bus")); /* a bus grant */
	CHECK(binding_holds(&defs[CONSOLE], "proc")); /* grant = proc */
	CHECK(binding_holds(&defs[ROOTFS], "vfs")); /* mount */
	CHECK(binding_holds(&defs[SHELL], "check")); /* grant = fs-cwd */
	/* requires and after pass nothing; resource, init control name no
	 * service; nobody holds itself. */
	CHECK(!binding_holds(&defs[CHECKER], "memdev"));
	CHECK(!binding_holds(&defs[CHECKER], "console"));
	CHECK(!binding_holds(&defs[GETTY], "console"));
	CHECK(!binding_holds(&defs[PROC], "proc"));
	CHECK(!binding_holds(&defs[VFS], "bus")); /* register: init's own handle */
	CHECK(!binding_holds(&defs[BUS], "bus"));
}

static int closure(int root, const bool *live, bool *bound)
{
	return binding_closure(ptrs, NDEFS, root, live, bound);
}

TEST(binding, a_restart_reaches_the_holders_only)
{
	bool live[NDEFS], bound[NDEFS];
	load();
	for (int i = 0; i < NDEFS; i++)
		live[i] = true;
	/* The device manager: the device servers that announce to it. */
	CHECK_EQ_I(closure(DEVMGR, live, bound), 2);
	CHECK(bound[MEMDEV] && bound[CONSOLE]);
	CHECK(!bound[DEVMGR] && !bound[CHECKER] && !bound[GETTY]);
	/* Nobody holds the checker's but the shell; nobody the shell's. */
	CHECK_EQ_I(closure(CHECKER, live, bound), 1);
	CHECK(bound[SHELL]);
	CHECK_EQ_I(closure(SHELL, live, bound), 0);
}

TEST(binding, transitive_and_each_once)
{
	bool live[NDEFS], bound[NDEFS];
	load();
	for (int i = 0; i < NDEFS; i++)
		live[i] = true;
	/* The VFS: what has it as root or is mounted in it, then the device
	 * servers holding the (restarted) device manager's endpoint. */
	CHECK_EQ_I(closure(VFS, live, bound), 5);
	CHECK(bound[ROOTFS] && bound[DEVMGR] && bound[GETTY] && bound[MEMDEV] && bound[CONSOLE]);
	CHECK(!bound[VFS] && !bound[BUS] && !bound[PROC] && !bound[CHECKER] && !bound[SHELL]);
	/* The process server: every service started through it, and the
	 * console, which holds pid 1's handle to it. */
	CHECK_EQ_I(closure(PROC, live, bound), 3);
	CHECK(bound[MEMDEV] && bound[GETTY] && bound[CONSOLE]);
}

TEST(binding, what_is_not_live_is_neither_marked_nor_followed)
{
	bool live[NDEFS], bound[NDEFS];
	load();
	for (int i = 0; i < NDEFS; i++)
		live[i] = i != DEVMGR && i != GETTY;
	/* The device manager holds nothing (not running): the device servers
	 * keep theirs, which it will give them when it starts; getty starts
	 * with the new VFS when it starts. */
	CHECK_EQ_I(closure(VFS, live, bound), 1);
	CHECK(bound[ROOTFS]);
	CHECK(!bound[DEVMGR] && !bound[MEMDEV] && !bound[CONSOLE] && !bound[GETTY]);
}
