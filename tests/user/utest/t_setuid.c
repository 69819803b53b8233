// SPDX-License-Identifier: BSD-2-Clause
// Set-user-ID and set-group-ID programs (docs/ARCHITECTURE.md, section
// 17.2: vfs.exec_setid, proc.setid_exec). Copies of bin/credchild on
// /tmp, owned by root, run by a uid-1000 process: the set-user-ID one
// runs with effective and saved uid 0 (in the VFS, which lets it read a
// root-only file, and at the process server), the set-group-ID one with
// the file's group, a plain copy with the caller's ids; by posix_spawn
// and by execve. A write by anyone but root clears the bits; a process
// cannot stage a set-id program for itself. The set-id runs' secure_getenv
// hides the environment, the plain ones' does not (credchild checks).
#include <errno.h>
#include <fcntl.h>
#include <fs.h>
#include <proc.h>
#include <spawn.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../filecopy.h"
#include "../utest.h"
#include "../vfs_up.h"

#define SUID "/tmp/setuid_cred"
#define SGID "/tmp/setgid_cred"
#define PLAIN "/tmp/plain_cred"
#define SECRET "/tmp/setuid_secret"
#define USER 1000

/* The C library's VFS handle: the caller's credentials. */
vg_handle_t __fs_vfs(void);

static int status_of(pid_t pid)
{
	int st = -1;
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 1000 + st;
}

/* credchild ids ... at path: its exit status (0: the ids matched). */
static int run(const char *path, const char *ids, const char *file)
{
	char *argv[] = {
		"credchild", "ids", NULL, NULL, NULL, NULL, NULL, NULL, (char *)file, NULL
	};
	static char copy[64];
	snprintf(copy, sizeof(copy), "%s", ids);
	/* The six ids, split at spaces into argv[2..7]. */
	char *p = copy;
	for (int i = 2; i < 8; i++) {
		argv[i] = p;
		while (*p && *p != ' ')
			p++;
		if (*p)
			*p++ = 0;
	}
	pid_t pid;
	char *envp[] = { "CRED_PROBE=1", NULL };
	if (posix_spawn(&pid, path, NULL, NULL, argv, envp))
		return 200;
	return status_of(pid);
}

/* Makes the three copies and a file only root may read. */
static void prepare(void)
{
	CHECK_EQ(vfs_up(), 0);
	CHECK_EQ(utest_copy_file("/bin/credchild", SUID, 04755, (size_t)-1), 0);
	CHECK_EQ(utest_copy_file("/bin/credchild", PLAIN, 0755, (size_t)-1), 0);
	CHECK_EQ(utest_copy_file("/bin/credchild", SGID, 0755, (size_t)-1), 0);
	CHECK_EQ(chown(SGID, 0, 300), 0);
	CHECK_EQ(chmod(SGID, 02755), 0);
	int fd = open(SECRET, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0);
	CHECK_EQ(close(fd), 0);
	struct stat st;
	CHECK_EQ(stat(SUID, &st), 0);
	CHECK_EQ(st.st_mode & 07777, 04755);
}

/* In a child that became uid and gid 1000: each check's code, 0 if all
 * passed. */
static int as_user(void)
{
	if (setgid(USER) || setuid(USER))
		return 1;
	if (run(SUID, "1000 0 0 1000 1000 1000", SECRET))
		return 2;
	if (run(PLAIN, "1000 1000 1000 1000 1000 1000", NULL))
		return 3;
	if (run(PLAIN, "1000 1000 1000 1000 1000 1000", SECRET) != 1)
		return 4; /* the plain copy may not read it */
	if (run(SGID, "1000 1000 1000 1000 300 300", NULL))
		return 5;
	/* execve: the same process becomes the set-user-ID program. */
	pid_t pid = fork();
	if (pid == 0) {
		char *argv[] = { "credchild", "ids",  "1000", "0",    "0",
				 "1000",      "1000", "1000", SECRET, NULL };
		char *envp[] = { NULL };
		execve(SUID, argv, envp);
		_exit(100);
	}
	if (pid < 0 || status_of(pid))
		return 6;
	return 0;
}

UTEST(setuid_program_runs_as_owner)
{
	prepare();
	/* Root running it: the owner is root anyway. */
	CHECK_EQ(run(SUID, "0 0 0 0 0 0", SECRET), 0);
	pid_t pid = fork();
	if (pid == 0)
		_exit(as_user());
	CHECK(pid > 0);
	CHECK_EQ(status_of(pid), 0);
}

/* Nobody but the VFS stages a set-id program: the server refuses a
 * process's own word, and the VFS one for a file without the bits or
 * without execute permission. */
static int claims(void)
{
	if (setgid(USER) || setuid(USER))
		return 1;
	vg_handle_t mine = vg_startup_find(VG_HTAG_PROC, 0), dup, vmo, vfs;
	struct vg_handle_info info;
	if (vg_handle_duplicate(mine, VG_RIGHT_TRANSFER, &dup) || vg_vmo_create(4096, 0, &vmo) ||
	    vg_handle_info(__fs_vfs(), &info) || vg_handle_duplicate(__fs_vfs(), info.rights, &vfs))
		return 2;
	if (proc_process_setid_exec(mine, dup, vmo, 4096, vfs, 0, 0, 0, true, 0, 0, 0) !=
	    PROC_PROC_ERROR_DENIED)
		return 3;
	if (vg_handle_duplicate(mine, VG_RIGHT_TRANSFER, &dup))
		return 4;
	if (fs_vfs_exec_setid(__fs_vfs(), PLAIN, dup) != FS_FS_ERROR_INVALID)
		return 5;
	if (vg_handle_duplicate(mine, VG_RIGHT_TRANSFER, &dup))
		return 6;
	if (fs_vfs_exec_setid(__fs_vfs(), "/tmp/setuid_noexec", dup) != FS_FS_ERROR_DENIED)
		return 7;
	/* And the ids stayed ours. */
	if (geteuid() != USER)
		return 8;
	return 0;
}

UTEST(setuid_not_claimable)
{
	prepare();
	CHECK_EQ(utest_copy_file("/bin/credchild", "/tmp/setuid_noexec", 04644, (size_t)-1), 0);
	pid_t pid = fork();
	if (pid == 0)
		_exit(claims());
	CHECK(pid > 0);
	CHECK_EQ(status_of(pid), 0);
}

static mode_t mode_of(const char *path)
{
	struct stat st;
	return stat(path, &st) ? (mode_t)-1 : st.st_mode & 07777;
}

/* A write by anyone but root clears the bits (Linux's rule): opening for
 * writing, truncating. Root's keeps them. */
UTEST(setuid_cleared_by_write)
{
	CHECK_EQ(vfs_up(), 0);
	CHECK_EQ(utest_copy_file("/bin/credchild", "/tmp/setuid_w", 06777, 64), 0);
	CHECK_EQ(utest_copy_file("/bin/credchild", "/tmp/setuid_t", 04777, 64), 0);
	int fd = open("/tmp/setuid_w", O_WRONLY);
	CHECK(fd >= 0);
	CHECK_EQ(close(fd), 0);
	CHECK_EQ(mode_of("/tmp/setuid_w"), 06777);
	pid_t pid = fork();
	if (pid == 0) {
		if (setuid(USER))
			_exit(1);
		int w = open("/tmp/setuid_w", O_WRONLY);
		if (w < 0)
			_exit(2);
		if (write(w, "x", 1) != 1 || close(w))
			_exit(3);
		_exit(truncate("/tmp/setuid_t", 10) ? 4 : 0);
	}
	CHECK(pid > 0);
	CHECK_EQ(status_of(pid), 0);
	CHECK_EQ(mode_of("/tmp/setuid_w"), 0777);
	CHECK_EQ(mode_of("/tmp/setuid_t"), 0777);
}

#define DYN_SUID "/tmp/setuid_dyn"
#define DYN_PLAIN "/tmp/plain_dyn"

/* Runs path (a copy of bin/dynmissing, which needs lib/alt's
 * libnotinstalled.so, or of another dynamic program) with env: its exit
 * status. */
static int run_dyn(const char *path, char *env)
{
	char *argv[] = { "dyn", NULL };
	char *envp[] = { env, NULL };
	pid_t pid;
	if (posix_spawn(&pid, path, NULL, NULL, argv, env ? envp : NULL))
		return 200;
	return status_of(pid);
}

/* In a child that became uid 1000: each check's code, 0 if all passed. */
static int dyn_as_user(void)
{
	if (setgid(USER) || setuid(USER))
		return 1;
	if (run_dyn(DYN_PLAIN, "LD_LIBRARY_PATH=/lib/alt"))
		return 2;
	if (run_dyn(DYN_PLAIN, NULL) != 127)
		return 3;
	/* Set-user-ID: ld.so is in secure mode and ignores the path. */
	if (run_dyn(DYN_SUID, "LD_LIBRARY_PATH=/lib/alt") != 127)
		return 4;
	return 0;
}

/* ld.so's secure mode (lib/ld/env.c): a set-id program's LD_LIBRARY_PATH
 * is ignored; a plain copy run by the same user honours it, and root (the
 * owner) running the set-user-ID copy is not set-id. */
UTEST(setuid_dynamic_ignores_library_path)
{
	CHECK_EQ(vfs_up(), 0);
	CHECK_EQ(utest_copy_file("/bin/dynmissing", DYN_SUID, 04755, (size_t)-1), 0);
	CHECK_EQ(utest_copy_file("/bin/dynmissing", DYN_PLAIN, 0755, (size_t)-1), 0);
	CHECK_EQ(run_dyn(DYN_SUID, "LD_LIBRARY_PATH=/lib/alt"), 0);
	pid_t pid = fork();
	if (pid == 0)
		_exit(dyn_as_user());
	CHECK(pid > 0);
	CHECK_EQ(status_of(pid), 0);
}

#define PRE_SUID "/tmp/setuid_pre"
#define PRE_PLAIN "/tmp/plain_pre"
#define PRELOAD "LD_PRELOAD=libdynpre.so"

/* bin/dynpreload (tests/user/dyn/preload.c) exits 42 when libdynpre.so
 * was preloaded, 0 when not. As uid 1000: each check's code, 0 if all
 * passed. */
static int preload_as_user(void)
{
	if (setgid(USER) || setuid(USER))
		return 1;
	if (run_dyn(PRE_PLAIN, PRELOAD) != 42)
		return 2;
	if (run_dyn(PRE_SUID, PRELOAD) != 0)
		return 3; /* secure mode: not preloaded */
	return 0;
}

/* LD_PRELOAD is ignored in a set-id program, honoured in a plain copy, and
 * in the set-user-ID copy run by its owner (not set-id). */
UTEST(setuid_dynamic_ignores_preload)
{
	CHECK_EQ(vfs_up(), 0);
	CHECK_EQ(utest_copy_file("/bin/dynpreload", PRE_SUID, 04755, (size_t)-1), 0);
	CHECK_EQ(utest_copy_file("/bin/dynpreload", PRE_PLAIN, 0755, (size_t)-1), 0);
	CHECK_EQ(run_dyn(PRE_SUID, PRELOAD), 42);
	pid_t pid = fork();
	if (pid == 0)
		_exit(preload_as_user());
	CHECK(pid > 0);
	CHECK_EQ(status_of(pid), 0);
}
