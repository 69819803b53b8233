// SPDX-License-Identifier: BSD-2-Clause
// Credentials and permissions (docs/ARCHITECTURE.md, section 17.2): the
// root task prepares /tmp/perm and starts tests/user/permchild.c, which
// drops to uid and gid 1000 and checks what it may do there; unmount's
// busy check; the working directory across posix_spawn; supplementary
// groups and saved ids (tests/user/credchild.c).
#include <errno.h>
#include <fcntl.h>
#include <fs.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../permchild_run.h"
#include "../proc_server.h"
#include "../utest.h"
#include "../vfs_up.h"

/* posix_spawn of permchild with two arguments: its exit status, or -1. */
static int permchild(const char *a1, const char *a2)
{
	char *argv[] = { "permchild", (char *)a1, (char *)a2, NULL };
	return permchild_run(argv);
}

static void file(const char *path, mode_t mode, uid_t uid)
{
	CHECK_EQ(vfs_put(path, "x", 1), 0);
	CHECK_EQ(chmod(path, mode), 0);
	CHECK_EQ(chown(path, uid, uid), 0);
}

static void dir(const char *path, mode_t mode, uid_t uid)
{
	CHECK_EQ(mkdir(path, mode), 0);
	CHECK_EQ(chmod(path, mode), 0);
	CHECK_EQ(chown(path, uid, uid), 0);
}

UTEST(vfs_perm_user_1000)
{
	CHECK_EQ(vfs_up(), 0);
	CHECK(proc_server());
	CHECK_EQ(getuid(), 0);
	CHECK_EQ(geteuid(), 0);
	dir("/tmp/perm", 0755, 0);
	file("/tmp/perm/secret", 0600, 1000); /* 1000's own, but 0600 and root reads it */
	CHECK_EQ(chown("/tmp/perm/secret", 0, 0), 0);
	file("/tmp/perm/public", 0644, 0);
	file("/tmp/perm/shared", 0666, 0);
	file("/tmp/perm/script", 0644, 0);
	file("/tmp/perm/exe", 0755, 0);
	dir("/tmp/perm/closed", 0700, 0);
	file("/tmp/perm/closed/f", 0644, 0);
	dir("/tmp/perm/mine", 0755, 1000);
	dir("/tmp/perm/sticky", 01777, 0);
	file("/tmp/perm/sticky/rootfile", 0666, 0);
	dir("/tmp/perm/listonly", 0744, 0);
	dir("/tmp/perm/sgid", 02777, 0);
	CHECK_EQ(chown("/tmp/perm/sgid", 0, 50), 0);
	/* Root reads what it does not own, whatever the mode. */
	CHECK_EQ(chown("/tmp/perm/script", 1000, 1000), 0);
	CHECK_EQ(chmod("/tmp/perm/script", 0), 0);
	int fd = open("/tmp/perm/script", O_RDWR);
	CHECK(fd >= 0);
	close(fd);
	CHECK_EQ(chmod("/tmp/perm/script", 0644), 0);
	CHECK_EQ(chown("/tmp/perm/script", 0, 0), 0);
	CHECK_EQ(permchild("drop", NULL), 0);
	/* The root task is root still: the child's ids were its own. */
	CHECK_EQ(geteuid(), 0);
	CHECK_ERRNO(setuid((uid_t)-1), EINVAL); /* no id */
	CHECK_EQ(getuid(), 0);
}

UTEST(vfs_perm_mount_is_root_only)
{
	CHECK_EQ(vfs_up(), 0);
	vg_handle_t user;
	CHECK_EQ(fs_vfs_become(vfs_up_vfs(), 1000, 1000, 1000, 1000, 1000, 1000, &user), 0);
	uint32_t r, e, s, rg, eg, sg;
	CHECK_EQ(fs_vfs_whoami(user, &r, &e, &s, &rg, &eg, &sg), 0);
	CHECK(r == 1000 && e == 1000 && s == 1000 && rg == 1000 && eg == 1000 && sg == 1000);
	CHECK_EQ(fs_vfs_unmount(user, "/tmp"), FS_FS_ERROR_NOT_PERMITTED);
	CHECK_EQ(fs_vfs_undevice(user, 1), FS_FS_ERROR_NOT_PERMITTED);
	vg_handle_t fs;
	CHECK_EQ(vg_handle_duplicate(vfs_up_tmpfs(), VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER, &fs), 0);
	CHECK_EQ(fs_vfs_mount(user, "/run", fs), FS_FS_ERROR_NOT_PERMITTED);
	CHECK_EQ(vg_handle_duplicate(vfs_up_tmpfs(), VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER, &fs), 0);
	CHECK_EQ(fs_vfs_device(user, 99, fs), FS_FS_ERROR_NOT_PERMITTED);
	/* The ids cannot be forged: a client's handle cannot mint, and a
	 * duplicate carries the same ids. */
	vg_handle_t forged, copy;
	CHECK_EQ(vg_endpoint_mint(user, VG_RIGHT_SIGNAL, 0, &forged), ERR_ACCESS_DENIED);
	CHECK_EQ(vg_handle_duplicate(user, VG_RIGHT_SIGNAL, &copy), 0);
	CHECK_EQ(fs_vfs_whoami(copy, &r, &e, &s, &rg, &eg, &sg), 0);
	CHECK(r == 1000 && e == 1000 && s == 1000 && rg == 1000 && eg == 1000 && sg == 1000);
	CHECK_EQ(vg_handle_close(copy), 0);
	vg_handle_t back;
	CHECK_EQ(fs_vfs_become(user, 0, 0, 0, 0, 0, 0, &back), FS_FS_ERROR_NOT_PERMITTED);
	CHECK_EQ(fs_vfs_become(user, 1000, 1000, 1000, 1000, 1000, ~0u, &back),
		 FS_FS_ERROR_INVALID);
	CHECK_EQ(vg_handle_close(user), 0);
}

/* credchild groups: the groups it takes decide for the group class. */
UTEST(vfs_perm_groups_and_saved_ids)
{
	CHECK_EQ(vfs_up(), 0);
	CHECK(proc_server());
	dir("/tmp/grp", 0755, 0);
	file("/tmp/grp/g300", 0640, 0);
	CHECK_EQ(chown("/tmp/grp/g300", 0, 300), 0);
	file("/tmp/grp/g301", 0640, 0);
	CHECK_EQ(chown("/tmp/grp/g301", 0, 301), 0);
	file("/tmp/grp/g400", 0640, 0);
	CHECK_EQ(chown("/tmp/grp/g400", 0, 400), 0);
	file("/tmp/grp/g300none", 0604, 0);
	CHECK_EQ(chown("/tmp/grp/g300none", 0, 300), 0);
	dir("/tmp/grp/mine", 0755, 1000);
	char *argv[] = { "credchild", "groups", NULL }, *envp[] = { NULL };
	pid_t pid;
	int st;
	CHECK_EQ(posix_spawn(&pid, "/bin/credchild", NULL, NULL, argv, envp), 0);
	CHECK_EQ(waitpid(pid, &st, 0), pid);
	CHECK(WIFEXITED(st));
	CHECK_EQ(WEXITSTATUS(st), 0);
	/* The root task's own ids and groups are untouched. */
	uid_t r, e, s;
	CHECK_EQ(getresuid(&r, &e, &s), 0);
	CHECK(r == 0 && e == 0 && s == 0);
	CHECK_EQ(getgroups(0, NULL), 0);
}

/* Bad requests about credentials are refused and the VFS goes on. */
UTEST(vfs_perm_bad_credentials_refused)
{
	CHECK_EQ(vfs_up(), 0);
	vg_handle_t vfs = vfs_up_vfs(), h;
	uint32_t list[FS_VFS_SETGROUPS_LIST_MAX + 1] = { 0 };
	/* More groups than the message may carry: the VFS's decoder refuses. */
	struct msg m = { VG_IPC_TAG(FS_VFS_SETGROUPS_LABEL, 1, 0),
			 { FS_VFS_SETGROUPS_LIST_MAX + 1 } },
		   rep;
	CHECK_EQ(call(vfs, &m, &rep), 0);
	CHECK_EQ((long)(int32_t)VG_IPC_TAG_LABEL(rep.tag), ERR_OUT_OF_RANGE);
	CHECK_EQ(fs_vfs_setgroups(vfs, list, 3, &h), 0); /* root may; then closed */
	CHECK_EQ(vg_handle_close(h), 0);
	list[1] = ~0u; /* no id */
	CHECK_EQ(fs_vfs_setgroups(vfs, list, 2, &h), FS_FS_ERROR_INVALID);
	CHECK_EQ(fs_vfs_become(vfs, 0, 0, ~0u, 0, 0, 0, &h), FS_FS_ERROR_INVALID);
	/* Ids wider than u32: the decoder refuses. */
	m = (struct msg){ VG_IPC_TAG(FS_VFS_BECOME_LABEL, 2, 0), { 1ull << 32, 0 } };
	CHECK_EQ(call(vfs, &m, &rep), 0);
	CHECK_EQ((long)(int32_t)VG_IPC_TAG_LABEL(rep.tag), ERR_OUT_OF_RANGE);
	uint32_t id[6];
	CHECK_EQ(fs_vfs_whoami(vfs, &id[0], &id[1], &id[2], &id[3], &id[4], &id[5]), 0);
	CHECK(!id[0] && !id[1] && !id[2] && !id[3] && !id[4] && !id[5]);
	struct stat sb;
	CHECK_EQ(stat("/tmp", &sb), 0); /* still serving */
}

UTEST(vfs_unmount_busy_while_open)
{
	CHECK_EQ(vfs_up(), 0);
	CHECK(proc_server());
	vg_handle_t vfs = vfs_up_vfs();
	CHECK_EQ(mkdir("/tmp/busy", 0755), 0);
	CHECK_EQ(vfs_up_mount_tmpfs("/tmp/busy", 1 << 20), 0);
	CHECK_EQ(vfs_put("/tmp/busy/f", "abc", 3), 0);
	int fd = open("/tmp/busy/f", O_RDONLY), dup_fd = dup(fd);
	CHECK(fd >= 0 && dup_fd >= 0);
	CHECK_EQ(fs_vfs_unmount(vfs, "/tmp/busy"), FS_FS_ERROR_BUSY);
	CHECK_EQ(close(fd), 0);
	CHECK_EQ(fs_vfs_unmount(vfs, "/tmp/busy"), FS_FS_ERROR_BUSY); /* the dup holds it */
	int d = open("/tmp/busy", O_RDONLY | O_DIRECTORY);
	CHECK_EQ(close(dup_fd), 0);
	CHECK_EQ(fs_vfs_unmount(vfs, "/tmp/busy"), FS_FS_ERROR_BUSY); /* a directory too */
	CHECK_EQ(close(d), 0);
	/* A process killed with a file open there: busy until the kernel
	 * tells the filesystem its handle is gone. */
	pid_t holder = 0;
	char *argv[] = { "permchild", "lock", "/tmp/busy/f", NULL }, *envp[] = { NULL };
	CHECK_EQ(posix_spawn(&holder, "/bin/permchild", NULL, NULL, argv, envp), 0);
	bool locked = false; /* the child has the file open (and locked) */
	for (int i = 0; i < 5000 && !locked; i++) {
		struct flock q = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
		int probe = open("/tmp/busy/f", O_RDWR);
		locked = probe >= 0 && fcntl(probe, F_GETLK, &q) == 0 && q.l_type != F_UNLCK;
		close(probe);
		if (!locked)
			nanosleep(&(struct timespec){ 0, 1000 * 1000 }, NULL);
	}
	CHECK(locked);
	CHECK_EQ(fs_vfs_unmount(vfs, "/tmp/busy"), FS_FS_ERROR_BUSY);
	CHECK_EQ(kill(holder, SIGKILL), 0);
	int ws;
	CHECK_EQ(waitpid(holder, &ws, 0), holder);
	CHECK_EQ(fs_vfs_unmount(vfs, "/tmp/busy"), 0);
	struct stat st;
	CHECK_ERRNO(stat("/tmp/busy/f", &st), ENOENT);
	CHECK_EQ(rmdir("/tmp/busy"), 0);
}

UTEST(vfs_cwd_travels_to_spawned_children)
{
	CHECK_EQ(vfs_up(), 0);
	CHECK(proc_server());
	CHECK_EQ(mkdir("/tmp/cwdt", 0755), 0);
	CHECK_EQ(vfs_put("/tmp/cwdt/public", "x", 1), 0);
	CHECK_EQ(chdir("/tmp/cwdt"), 0);
	CHECK_EQ(permchild("cwd", "/tmp/cwdt"), 0);
	CHECK_EQ(chdir("/"), 0);
	CHECK(permchild("cwd", "/tmp/cwdt") != 0); /* it sees where we are now */
	CHECK_EQ(unlink("/tmp/cwdt/public"), 0);
	CHECK_EQ(rmdir("/tmp/cwdt"), 0);
}
