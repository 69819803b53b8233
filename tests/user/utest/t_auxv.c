// SPDX-License-Identifier: BSD-2-Clause
// getauxval as ported programs expect Linux's auxiliary vector
// (docs/ARCHITECTURE.md 17.2, "The startup's word"): tests/user/dyn/
// auxcheck.c, linked static, static PIE, dynamic and dynamic PIE, checks
// each value against its own file, ld.so's, the ids, uname and the CPU;
// AT_RANDOM differs between programs (spawn and exec) and stays in a fork
// child; the kernel's cpu_info refuses bad arguments. AT_GID and AT_EGID
// of set-id and setgid programs: t_setuid.c and t_vfs_perm.c (credchild).
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>

#include "../permchild_run.h"
#include "../spawnout.h"
#include "../utest.h"
#include "../vfs_up.h"

static const char *const ways[] = { "/bin/auxcheck-static", "/bin/auxcheck-pie", "/bin/auxcheck",
				    "/bin/auxcheck-dynpie" };

UTEST(auxv_matches_the_loaded_program)
{
	CHECK_EQ(vfs_up(), 0);
	for (size_t i = 0; i < sizeof(ways) / sizeof(ways[0]); i++) {
		char *argv[] = { "auxcheck", "check", (char *)ways[i], NULL };
		int st = spawn_run(ways[i], argv);
		if (st)
			vg_printf("KTEST-DETAIL %s: %d\n", ways[i], st);
		CHECK_EQ(st, 0);
	}
}

/* A program's AT_RANDOM in hex (32 digits), from its output. */
static bool random_of(const char *out, char hex[33])
{
	if (strlen(out) < 33 || out[32] != '\n' || strspn(out, "0123456789abcdef") != 32)
		return false;
	memcpy(hex, out, 32);
	hex[32] = 0;
	return true;
}

UTEST(auxv_random_differs_per_program)
{
	CHECK_EQ(vfs_up(), 0);
	char out[128], a[33] = "", b[33] = "", c[33] = "";
	char *argv[] = { "auxcheck", "random", NULL };
	CHECK_EQ(spawn_output("/bin/auxcheck-static", argv, out, sizeof(out)), 0);
	CHECK(random_of(out, a));
	CHECK_EQ(spawn_output("/bin/auxcheck", argv, out, sizeof(out)), 0);
	CHECK(random_of(out, b));
	CHECK_EQ(spawn_output("/bin/auxcheck-static", argv, out, sizeof(out)), 0);
	CHECK(random_of(out, c));
	CHECK(strcmp(a, b) != 0 && strcmp(a, c) != 0 && strcmp(b, c) != 0);
	/* We are the root task, which the kernel starts: no page, so none. */
	errno = 0;
	CHECK_EQ(getauxval(AT_RANDOM), 0);
	CHECK_EQ(errno, ENOENT);
}

UTEST(auxv_random_new_at_exec)
{
	CHECK_EQ(vfs_up(), 0);
	char out[128], before[33] = "", after[33] = "";
	char *argv[] = { "auxcheck", "exec", "/bin/auxcheck", NULL };
	CHECK_EQ(spawn_output("/bin/auxcheck-static", argv, out, sizeof(out)), 0);
	CHECK(random_of(out, before));
	CHECK(random_of(out + 33, after));
	CHECK(strcmp(before, after) != 0);
}

UTEST(auxv_random_kept_in_fork_child)
{
	CHECK_EQ(vfs_up(), 0);
	char *argv[] = { "auxcheck", "fork", NULL };
	CHECK_EQ(spawn_run("/bin/auxcheck-static", argv), 0);
	CHECK_EQ(spawn_run("/bin/auxcheck", argv), 0);
}

UTEST(auxv_cpu_info_refuses_bad_arguments)
{
	struct vg_cpu_info info;
	CHECK_EQ(vg_cpu_info(&info, sizeof(info)), 0);
	CHECK_EQ(vg_cpu_info(NULL, sizeof(info)), ERR_BAD_ADDRESS);
	CHECK_EQ(vg_cpu_info((struct vg_cpu_info *)8, sizeof(info)), ERR_BAD_ADDRESS);
	/* The kernel's half of the address space is not the caller's. */
	CHECK_EQ(vg_cpu_info((struct vg_cpu_info *)(uintptr_t)VG_USER_TOP, sizeof(info)),
		 ERR_BAD_ADDRESS);
	CHECK_EQ(vg_cpu_info(&info, sizeof(info) + 8), ERR_INVALID_ARGS);
	CHECK_EQ(vg_cpu_info(&info, 0), ERR_INVALID_ARGS);
	errno = 0;
	CHECK_EQ(getauxval(AT_HWCAP), info.hwcap);
	CHECK_EQ(errno, 0);
}
