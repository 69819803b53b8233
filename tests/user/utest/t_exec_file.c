// SPDX-License-Identifier: BSD-2-Clause
// Programs stored in the file system rather than the boot archive: a copy
// of bin/proc_child on tmpfs runs through posix_spawn and execve (by
// absolute and relative paths); a file without execute permission is
// EACCES, one that is not a program ENOEXEC.
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../filecopy.h"
#include "../permchild_run.h"
#include "../proc_server.h"
#include "../utest.h"
#include "../vfs_up.h"

#define COPY "/tmp/exec_copy"

/* posix_spawn of path as proc_child "exit 42": its exit status, or -errno. */
static int spawn_status(const char *path)
{
	char *argv[] = { "proc_child", "exit", "42", NULL };
	char *envp[] = { NULL };
	pid_t pid;
	int st, err = posix_spawn(&pid, path, NULL, NULL, argv, envp);
	if (err)
		return -err;
	return waitpid(pid, &st, 0) == pid && WIFEXITED(st) ? WEXITSTATUS(st) : -1000;
}

/* bin/memchild execve-ing path: its exit status (7: proc_child ran,
 * 100 + errno: execve failed). */
static int exec_status(const char *path)
{
	char *argv[] = { "memchild", "exec-file", (char *)path, NULL };
	return spawn_run("/bin/memchild", argv);
}

UTEST(exec_program_from_tmpfs)
{
	CHECK(proc_server());
	CHECK_EQ(vfs_up(), 0);
	CHECK_EQ(utest_copy_file("/bin/proc_child", COPY, 0755, (size_t)-1), 0);
	CHECK_EQ(spawn_status(COPY), 42);
	CHECK_EQ(exec_status(COPY), 7);
	/* Relative paths are the caller's: from /tmp. */
	CHECK_EQ(chdir("/tmp"), 0);
	CHECK_EQ(spawn_status("./exec_copy"), 42);
	CHECK_EQ(spawn_status("exec_copy"), 42);
	CHECK_EQ(spawn_status("proc_child"), -ENOENT); /* no /tmp/proc_child */
	CHECK_EQ(chdir("/"), 0);
	CHECK_EQ(spawn_status("bin/proc_child"), 42);
	CHECK_EQ(unlink(COPY), 0);
}

UTEST(exec_refuses_what_is_not_an_executable_program)
{
	CHECK(proc_server());
	CHECK_EQ(vfs_up(), 0);
	/* No execute permission, a directory: EACCES. */
	CHECK_EQ(utest_copy_file("/bin/proc_child", COPY, 0644, (size_t)-1), 0);
	CHECK_EQ(spawn_status(COPY), -EACCES);
	CHECK_EQ(exec_status(COPY), 100 + EACCES);
	CHECK_EQ(spawn_status("/tmp"), -EACCES);
	/* Executable but not a program: text, a cut-off ELF file, nothing. */
	int fd = open(COPY, O_WRONLY | O_TRUNC);
	CHECK_EQ(write(fd, "not a program\n", 14), 14);
	close(fd);
	CHECK_EQ(chmod(COPY, 0755), 0);
	CHECK_EQ(spawn_status(COPY), -ENOEXEC);
	CHECK_EQ(exec_status(COPY), 100 + ENOEXEC);
	CHECK_EQ(utest_copy_file("/bin/proc_child", COPY, 0755, 200), 0);
	CHECK_EQ(spawn_status(COPY), -ENOEXEC);
	CHECK_EQ(truncate(COPY, 0), 0);
	CHECK_EQ(spawn_status(COPY), -ENOEXEC);
	CHECK_EQ(spawn_status("/tmp/no_such_program"), -ENOENT);
	CHECK_EQ(unlink(COPY), 0);
	/* The server goes on serving. */
	CHECK_EQ(spawn_status("/bin/proc_child"), 42);
}
