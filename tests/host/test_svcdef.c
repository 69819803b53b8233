// SPDX-License-Identifier: BSD-2-Clause
// srv/init: the service definition parser (svcdef.c) and dependency
// resolution (depgraph.c): every key, every error with its line, cycles,
// missing dependencies and the start order.
#include "../../srv/init/depgraph.h"
#include "../../srv/init/svcdef.h"
#include <string.h>
#include <vtest.h>

static struct svcdef def;
static struct svc_error err;

static int parse(const char *name, const char *text)
{
	return svcdef_parse(name, text, strlen(text), &def, &err);
}

/* text fails on line `line` with a message containing `what`. */
static void refused(const char *text, unsigned line, const char *what)
{
	CHECK_EQ_I(parse("svc", text), -1);
	CHECK_EQ_U(err.line, line);
	CHECK_MSG(strstr(err.msg, what) != NULL, "'%s' lacks '%s' (for %s)", err.msg, what, text);
}

TEST(svcdef, every_key)
{
	const char *text = "# the file system\n"
			   "description = the virtual file system\n"
			   "program = /bin/tmpfs\n"
			   "args = tmpfs 1048576\n"
			   "target = early\n"
			   "requires = vfs bus\n"
			   "after = proc\n"
			   "  restart = always   \n"
			   "restart-delay = 50ms 2s\n"
			   "restart-limit = 3 in 1min\n"
			   "limit = memory 64M\n"
			   "limit = handles 100\n"
			   "limit = threads 8\n"
			   "serve = user:0\n"
			   "mount = vfs /dev\n"
			   "grant = bus bus svc.x. *\n"
			   "grant = proc proc\n"
			   "grant = user:2 kitchen\n"
			   "grant = resource root\n"
			   "env = HOME=/\n"
			   "env = PATH=/bin:/usr/bin\n"
			   "user = 1000:50\n"
			   "start = manual\n"
			   "exit = poweroff\n";
	CHECK_EQ_I(parse("devfs", text), 0);
	CHECK_STREQ(def.name, "devfs");
	CHECK_STREQ(def.description, "the virtual file system");
	CHECK_STREQ(def.program, "bin/tmpfs");
	CHECK_EQ_U(def.nargs, 2);
	CHECK_STREQ(def.args[1], "1048576");
	CHECK_EQ_U(def.target, SVC_TARGET_EARLY);
	CHECK_EQ_U(def.restart, SVC_RESTART_ALWAYS);
	CHECK_EQ_U(def.delay_ms, 50);
	CHECK_EQ_U(def.delay_max_ms, 2000);
	CHECK_EQ_U(def.limit_count, 3);
	CHECK_EQ_U(def.limit_window_ms, 60000);
	CHECK_EQ_U(def.nlimits, 3);
	CHECK_EQ_U(def.limits[0].kind, SVC_LIMIT_MEMORY);
	CHECK_EQ_U(def.limits[0].value, 64u << 20);
	CHECK_EQ_U(def.limits[1].line, 12);
	CHECK_EQ_U(def.limits[2].kind, SVC_LIMIT_THREADS);
	CHECK_EQ_U(def.limits[2].value, 8);
	CHECK_EQ_U(def.serve, SVC_TAG_USER);
	CHECK_EQ_U(def.serve_arg, 0);
	CHECK(def.has_fs);
	CHECK_STREQ(def.mount, "/dev");
	CHECK_EQ_U(def.ngrants, 4);
	CHECK_EQ_U(def.grants[3].tag, SVC_TAG_RESOURCE); /* names no service */
	CHECK_EQ_U(def.grants[0].tag, SVC_TAG_BUS);
	CHECK_STREQ(def.grants[0].add, "svc.x.");
	CHECK_STREQ(def.grants[0].look, "");
	CHECK_EQ_U(def.grants[2].tag, SVC_TAG_USER);
	CHECK_EQ_U(def.grants[2].arg, 2);
	CHECK_STREQ(def.refs[def.grants[2].ref].name, "kitchen");
	/* vfs, bus, proc, kitchen: each once; after alone is soft. */
	CHECK_EQ_U(def.nrefs, 4);
	CHECK_STREQ(def.refs[2].name, "proc");
	CHECK(def.refs[2].hard); /* after, then granted: hard */
	CHECK_EQ_U(def.refs[2].line, 7);
	CHECK_STREQ(def.refs[def.fs_ref].name, "vfs");
	CHECK_EQ_U(def.nenv, 2);
	CHECK_STREQ(def.env[1], "PATH=/bin:/usr/bin");
	CHECK(def.has_user);
	CHECK_EQ_U(def.uid, 1000);
	CHECK_EQ_U(def.gid, 50);
	CHECK(def.manual);
	CHECK(def.poweroff_on_exit);
}

TEST(svcdef, user_names)
{
	CHECK_EQ_I(parse("x", "program = x\nuser = 7\n"), 0);
	CHECK_STREQ(def.user_name, "");
	/* Names, for srv/init/users.c to look up in /etc/passwd and /etc/group. */
	CHECK_EQ_I(parse("x", "program = x\nuser = daemon\n"), 0);
	CHECK(def.has_user);
	CHECK_STREQ(def.user_name, "daemon");
	CHECK_STREQ(def.group_name, "");
	CHECK_EQ_I(parse("x", "program = x\nuser = www-data:wheel.2\n"), 0);
	CHECK_STREQ(def.user_name, "www-data");
	CHECK_STREQ(def.group_name, "wheel.2");
	CHECK_EQ_I(parse("x", "program = x\nuser = 1000:users\n"), 0);
	CHECK_EQ_U(def.uid, 1000);
	CHECK_STREQ(def.user_name, "");
	CHECK_STREQ(def.group_name, "users");
}

TEST(svcdef, defaults)
{
	CHECK_EQ_I(parse("x", "program = bin/x\nvia = proc"), 0); /* no final newline */
	CHECK(def.via_proc);
	CHECK(!def.has_user);
	CHECK_EQ_U(def.nlimits, 0);
	CHECK_STREQ(def.refs[def.via_ref].name, "proc");
	/* CPU time, in whole seconds rounded up: the process server's. */
	CHECK_EQ_I(parse("x",
			 "program = x\nvia = proc\nlimit = cpu 1500ms\nuser = 7\n"
			 "limit = files 12\n"),
		   0);
	CHECK_EQ_U(def.limits[0].kind, SVC_LIMIT_CPU);
	CHECK_EQ_U(def.limits[0].value, 2);
	CHECK_EQ_U(def.limits[1].kind, SVC_LIMIT_FILES); /* open descriptors */
	CHECK_EQ_U(def.limits[1].value, 12);
	CHECK_EQ_U(def.uid, 7);
	CHECK_EQ_U(def.gid, 7); /* the group defaults to the uid */
	CHECK(def.refs[def.via_ref].hard);
	/* The console's shell: init's endpoint and the kill right. */
	CHECK_EQ_I(parse("getty",
			 "program = bin/getty\nvia = proc\ngrant = init control\n"
			 "grant = kill proc\n"),
		   0);
	CHECK_EQ_U(def.ngrants, 2);
	CHECK_EQ_U(def.grants[0].tag, SVC_TAG_INIT); /* names no service */
	CHECK_EQ_U(def.grants[1].tag, SVC_TAG_KILL);
	CHECK_STREQ(def.refs[def.grants[1].ref].name, "proc");
	CHECK_EQ_U(def.stop_signal, 15); /* SIGTERM */
	CHECK_EQ_U(def.stop_timeout_ms, 3000);
	CHECK_EQ_I(parse("getty",
			 "program = bin/getty\nvia = proc\nstop-signal = hup\n"
			 "stop-timeout = 250ms\n"),
		   0);
	CHECK_EQ_U(def.stop_signal, 1); /* SIGHUP */
	CHECK_EQ_U(def.stop_timeout_ms, 250);
	/* Started by init itself: it has a pid too (init enters it in the
	 * process server's table), so a stop signal of its own. */
	CHECK_EQ_I(parse("x", "program = bin/x\nstop-signal = int\n"), 0);
	CHECK_EQ_U(def.stop_signal, 2); /* SIGINT */
	CHECK_EQ_I(parse("x", "program = bin/x"), 0);
	CHECK(!def.via_proc);
	CHECK_EQ_U(def.target, SVC_TARGET_SERVICES);
	CHECK_EQ_U(def.restart, SVC_RESTART_ON_FAILURE);
	CHECK_EQ_U(def.delay_ms, 100);
	CHECK_EQ_U(def.serve, SVC_TAG_NONE);
	CHECK(!def.manual && !def.poweroff_on_exit);
	CHECK_EQ_U(def.nrefs, 0);
	CHECK_EQ_U(def.refs[0].hard, 0);
}

TEST(svcdef, errors_have_lines)
{
	refused("program = a\nprogram = b\n", 2, "given twice");
	refused("\n\nbogus = 1\nprogram = a\n", 3, "unknown key");
	refused("program = a\nrestart = sometimes\n", 2, "unknown value");
	refused("program a\n", 1, "key = value");
	refused("program =\n", 1, "no value");
	refused("program = a b\n", 1, "takes 1 value");
	refused("program = a\nrestart-delay = 5 parsecs\n", 2, "restart-delay");
	refused("program = a\nrestart-delay = 5s 1s\n", 2, "cap");
	refused("program = a\nrestart-limit = 3 per 5s\n", 2, "in <duration>");
	refused("program = a\nstop-timeout = soon\n", 2, "stop-timeout");
	refused("program = a\nvia = proc\nstop-signal = usr1\n", 3, "unknown value");
	refused("program = a\nrestart-limit = 3 in 0s\n", 2, "empty window");
	refused("program = a\nlimit = memory 99999999999999999999\n", 2, "too large");
	refused("program = a\nlimit = cpu 50\nvia = proc\n", 2, "needs a unit");
	refused("program = a\nlimit = cpu 2s\n", 2, "needs via");
	refused("program = a\nlimit = files 8\n", 2, "limit files needs via");
	refused("program = a\nlimit = processes 4\n", 2, "nothing counts processes");
	refused("program = a\nlimit = handles 4294967296\n", 2, "too large");
	refused("program = a\nuser = da$mon\n", 2, "user: 'da$mon' is neither a number nor a name");
	refused("program = a\nuser = -x\n", 2, "neither a number nor a name");
	refused("program = a\nuser = 1000:\n", 2, "group: '' is neither a number nor a name");
	refused("program = a\nuser = 12ab\n", 2, "user: bad unit");
	refused("program = a\nuser = abcdefghijklmnopqrstuvwxyz0123456\n", 2, "neither");
	refused("program = a\nuser = 4294967295\n", 2, "too large");
	refused("program = a\nuser = 1:2:3\n", 2, "user's group");
	refused("program = a\nlimit = bananas 1\n", 2, "unknown resource");
	refused("program = a\nlimit = memory 0\n", 2, "of 0");
	refused("program = a\nlimit = threads 1\nlimit = threads 2\n", 3, "twice");
	refused("program = a\nrequires = Bad!\n", 2, "not a valid service name");
	refused("program = a\nrequires = svc\n", 2, "itself");
	refused("program = a\nrequires =   \n", 2, "no value");
	refused("program = a\ngrant = spoon x\n", 2, "unknown handle tag");
	refused("program = a\ngrant = server-ep x\n", 2, "use serve");
	refused("program = a\ngrant = resource uart\n", 2, "only 'root'");
	refused("program = a\ngrant = bus bus\n", 2, "takes 4 values");
	refused("program = a\ngrant = proc p\ngrant = proc q\n", 3, "granted twice");
	refused("program = a\nserve = fs-root\n", 2, "client's tag");
	refused("program = a\nserve = user:70000\n", 2, "too large");
	refused("program = a\nenv = =x\n", 2, "NAME=value");
	refused("program = a\nenv = 1A=x\n", 2, "bad variable name");
	refused("program = a\nmount = vfs tmp\n", 2, "absolute path");
	/* Nodes are the device manager's (srv/devmgr): init makes none. */
	refused("program = a\nserve = user:0\ndevice = vfs 1\n", 3, "unknown key");
	refused("program = a\nnode = /dev/x 1\n", 2, "unknown key");
	refused("program = a\n\tx\001\n", 2, "control character");
	refused("program = a\n\xc3\xa9\n", 2, "outside ASCII");
	refused("args = 1 2 3 4 5 6 7 8 9\n", 1, "more than 8 arguments");
	refused("description = x\n", 0, "no program");
	refused("program = a\nregister = fs.x\n", 0, "register without serve");
	refused("program = a\nserve = server-ep\nmount = vfs /x\n", 0, "serve = user:0");
	refused("program = a\nvia = proc\ngrant = bus bus x. *\n", 0, "not via");
	refused("program = a\nvia = proc\nvia = proc\n", 3, "given twice");
	refused("program = a\ngrant = init bus\n", 2, "only 'control'");
	refused("program = a\ngrant = kill proc\n", 0, "via = the same");
	refused("program = a\nvia = proc\ngrant = kill other\n", 0, "via = the same");
	CHECK_EQ_I(parse("Bad", "program = a\n"), -1);
	CHECK_EQ_U(err.line, 0);
}

TEST(svcdef, long_lines_and_values)
{
	char text[600];
	memset(text, 'a', sizeof(text));
	memcpy(text, "program = ", 10);
	text[sizeof(text) - 1] = 0;
	refused(text, 1, "longer than 255");
	memset(text, 0, sizeof(text));
	strcpy(text, "program = ");
	memset(text + 10, 'b', 100);
	refused(text, 1, "program longer than 63");
}

/* Resolution over several definitions given as name/text pairs. */
static struct svcdef defs[16];
static struct dep_result res[16];
static int order[16];

static int resolve(const char *const *pairs, int n)
{
	for (int i = 0; i < n; i++) {
		int rc = svcdef_parse(pairs[2 * i], pairs[2 * i + 1], strlen(pairs[2 * i + 1]),
				      &defs[i], &err);
		CHECK_MSG(rc == 0, "%s: %s", pairs[2 * i], err.msg);
	}
	return dep_resolve(defs, n, res, order);
}

TEST(depgraph, order_by_target_then_dependencies)
{
	static const char *const p[] = {
		"sh",	"program = a\ntarget = multi-user\nrequires = vfs\n",
		"vfs",	"program = a\ntarget = early\nrequires = bus\n",
		"tmp",	"program = a\ntarget = early\nrequires = vfs\nafter = late\n",
		"bus",	"program = a\ntarget = early\n",
		"late", "program = a\ntarget = services\n",
	};
	int n = resolve(p, 5);
	CHECK_EQ_I(n, 5);
	/* bus, vfs, tmp (early: bus before vfs before tmp), late, sh */
	CHECK_EQ_I(order[0], 3);
	CHECK_EQ_I(order[1], 1);
	CHECK_EQ_I(order[2], 2);
	CHECK_EQ_I(order[3], 4);
	CHECK_EQ_I(order[4], 0);
}

TEST(depgraph, missing_dependency_has_its_line)
{
	static const char *const p[] = {
		"a", "program = x\n\nrequires = b nothere\n",
		"b", "program = x\nafter = ghost\n", /* a soft reference may be absent */
		"c", "program = x\nrequires = a\n",
	};
	int n = resolve(p, 3);
	CHECK_EQ_I(n, 1);
	CHECK_EQ_I(order[0], 1);
	CHECK_EQ_U(res[0].verdict, DEP_MISSING);
	CHECK_EQ_U(res[0].line, 3);
	CHECK(strstr(res[0].msg, "nothere") != NULL);
	CHECK_EQ_U(res[2].verdict, DEP_BLOCKED);
	CHECK_EQ_U(res[2].line, 2);
}

TEST(depgraph, cycle_names_its_services_and_the_rest_boots)
{
	static const char *const p[] = {
		"a", "program = x\nrequires = b\n",
		"b", "program = x\nrequires = c\n",
		"c", "program = x\nafter = a\n",
		"d", "program = x\nrequires = a\n",
		"e", "program = x\n",
	};
	int n = resolve(p, 5);
	CHECK_EQ_I(n, 1);
	CHECK_EQ_I(order[0], 4);
	for (int i = 0; i < 3; i++) {
		CHECK_EQ_U(res[i].verdict, DEP_CYCLE);
		CHECK_MSG(strstr(res[i].msg, "a -> b -> c -> a") != NULL, "%s", res[i].msg);
	}
	CHECK_EQ_U(res[3].verdict, DEP_BLOCKED);
	CHECK_EQ_U(res[4].verdict, DEP_OK);
}

TEST(depgraph, later_target_is_refused)
{
	static const char *const p[] = {
		"early",
		"program = x\ntarget = early\nrequires = late\n",
		"late",
		"program = x\ntarget = multi-user\n",
	};
	CHECK_EQ_I(resolve(p, 2), 1);
	CHECK_EQ_U(res[0].verdict, DEP_LATER_TARGET);
	CHECK_EQ_U(res[0].line, 3);
}
