// SPDX-License-Identifier: BSD-2-Clause
// The user and group databases (lib/c/os/users) on the boot archive's
// /etc/passwd and /etc/group, and `ls -l` naming root as the owner.
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <spawn.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../utest.h"
#include "../vfs_up.h"

UTEST(users_passwd)
{
	CHECK_EQ(vfs_up(), 0);
	struct passwd *pw = getpwnam("root");
	CHECK(pw != NULL);
	CHECK_EQ(pw->pw_uid, 0);
	CHECK_EQ(pw->pw_gid, 0);
	CHECK(!strcmp(pw->pw_dir, "/root") && !strcmp(pw->pw_shell, "/bin/sh"));
	pw = getpwuid(1000);
	CHECK(pw != NULL && !strcmp(pw->pw_name, "user") && pw->pw_gid == 1000);
	CHECK(!strcmp(pw->pw_dir, "/home/user"));
	pw = getpwnam("nobody");
	CHECK(pw != NULL && pw->pw_uid == 65534);
	/* Not found: NULL, errno as it was. */
	errno = 1234;
	CHECK(getpwnam("nosuchuser") == NULL && errno == 1234);
	CHECK(getpwuid(4242) == NULL && errno == 1234);
	/* The reentrant forms: the caller's buffer, ERANGE when too small. */
	struct passwd ent, *res;
	char buf[256], small[8];
	CHECK_EQ(getpwnam_r("user", &ent, buf, sizeof(buf), &res), 0);
	CHECK(res == &ent && ent.pw_uid == 1000 && ent.pw_name >= buf &&
	      ent.pw_name < buf + sizeof(buf));
	CHECK_EQ(getpwuid_r(0, &ent, small, sizeof(small), &res), ERANGE);
	CHECK(res == NULL);
	CHECK_EQ(getpwuid_r(4242, &ent, buf, sizeof(buf), &res), 0);
	CHECK(res == NULL);
	/* Every entry once, in the file's order, and again after setpwent. */
	int n = 0;
	bool root = false, nobody = false;
	setpwent();
	while ((pw = getpwent())) {
		root |= n == 0 && pw->pw_uid == 0;
		nobody |= !strcmp(pw->pw_name, "nobody");
		n++;
	}
	CHECK(n >= 3 && root && nobody);
	setpwent();
	CHECK((pw = getpwent()) != NULL && !strcmp(pw->pw_name, "root"));
	endpwent();
	/* The root task is root. */
	char name[32];
	CHECK_EQ(getlogin_r(name, sizeof(name)), 0);
	CHECK(!strcmp(name, "root"));
	CHECK_EQ(getlogin_r(name, 4), ERANGE);
}

UTEST(users_group)
{
	CHECK_EQ(vfs_up(), 0);
	struct group *gr = getgrnam("wheel");
	CHECK(gr != NULL && gr->gr_gid == 10);
	CHECK(gr->gr_mem[0] && !strcmp(gr->gr_mem[0], "root"));
	CHECK(gr->gr_mem[1] && !strcmp(gr->gr_mem[1], "user") && !gr->gr_mem[2]);
	gr = getgrgid(65534);
	CHECK(gr != NULL && !strcmp(gr->gr_name, "nogroup") && !gr->gr_mem[0]);
	errno = 77;
	CHECK(getgrnam("nosuchgroup") == NULL && errno == 77);
	struct group ent, *res;
	char buf[256], small[12];
	CHECK_EQ(getgrgid_r(100, &ent, buf, sizeof(buf), &res), 0);
	CHECK(res == &ent && !strcmp(ent.gr_name, "users") && !strcmp(ent.gr_mem[0], "user"));
	CHECK_EQ(getgrnam_r("wheel", &ent, small, sizeof(small), &res), ERANGE);
	int n = 0;
	setgrent();
	while (getgrent())
		n++;
	endgrent();
	CHECK(n >= 4);
	/* user's groups: its login group, then those listing it. */
	gid_t g[8];
	int ng = 8;
	CHECK_EQ(getgrouplist("user", 1000, g, &ng), 3);
	CHECK(ng == 3 && g[0] == 1000 && g[1] == 10 && g[2] == 100);
	ng = 2;
	CHECK_EQ(getgrouplist("user", 1000, g, &ng), -1);
	CHECK_EQ(ng, 3);
}

/* ls -l of a file of the boot archive: owner and group root. */
UTEST(users_ls_names_root)
{
	CHECK_EQ(vfs_up(), 0);
	int p[2];
	CHECK_EQ(pipe(p), 0);
	posix_spawn_file_actions_t fa;
	CHECK_EQ(posix_spawn_file_actions_init(&fa), 0);
	CHECK_EQ(posix_spawn_file_actions_adddup2(&fa, p[1], 1), 0);
	char *argv[] = { "ls", "-l", "/etc/passwd", NULL }, *envp[] = { NULL };
	pid_t pid;
	CHECK_EQ(posix_spawn(&pid, "/bin/ls", &fa, NULL, argv, envp), 0);
	posix_spawn_file_actions_destroy(&fa);
	close(p[1]);
	char out[256];
	size_t got = 0;
	ssize_t r;
	while (got < sizeof(out) - 1 && (r = read(p[0], out + got, sizeof(out) - 1 - got)) > 0)
		got += (size_t)r;
	out[got] = 0;
	close(p[0]);
	int st;
	CHECK_EQ(waitpid(pid, &st, 0), pid);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	CHECK(strstr(out, " root root ") != NULL);
	CHECK(strstr(out, "/etc/passwd\n") != NULL);
}
