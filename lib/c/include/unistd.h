// SPDX-License-Identifier: BSD-2-Clause
// <unistd.h>: files and descriptors (through the VFS; descriptors 1 and 2
// write to the kernel log while they are not open), sleeping, _exit;
// process identity, groups and sessions through the process server
// (lib/c/os/proc).
#ifndef _UNISTD_H
#define _UNISTD_H
#include <stddef.h>
#include <sys/types.h>

#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2

ssize_t write(int fd, const void *buf, size_t n);

/* Files and descriptors (lib/c/os/fd). */
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#define F_OK 0
#define X_OK 1
#define W_OK 2
#define R_OK 4
ssize_t read(int fd, void *buf, size_t n);
ssize_t pread(int fd, void *buf, size_t n, off_t offset);
ssize_t pwrite(int fd, const void *buf, size_t n, off_t offset);
off_t lseek(int fd, off_t offset, int whence);
int close(int fd);
int dup(int fd);
int dup2(int fd, int to);
int dup3(int fd, int to, int flags);
int pipe(int fds[2]);
int pipe2(int fds[2], int flags);
int unlink(const char *path);
int unlinkat(int dirfd, const char *path, int flags);
int rmdir(const char *path);
int link(const char *from, const char *to);
int linkat(int fromfd, const char *from, int tofd, const char *to, int flags);
int symlink(const char *target, const char *path);
int symlinkat(const char *target, int dirfd, const char *path);
ssize_t readlink(const char *restrict path, char *restrict buf, size_t len);
ssize_t readlinkat(int dirfd, const char *restrict path, char *restrict buf, size_t len);
int chown(const char *path, uid_t uid, gid_t gid);
int lchown(const char *path, uid_t uid, gid_t gid);
int fchown(int fd, uid_t uid, gid_t gid);
int fchownat(int dirfd, const char *path, uid_t uid, gid_t gid, int flags);
int truncate(const char *path, off_t size);
int ftruncate(int fd, off_t size);
int fsync(int fd);
int fdatasync(int fd);
int access(const char *path, int mode);
int faccessat(int dirfd, const char *path, int mode, int flags);
char *getcwd(char *buf, size_t size);
int chdir(const char *path);
int fchdir(int fd);
int isatty(int fd);
char *ttyname(int fd);
int ttyname_r(int fd, char *buf, size_t len);
unsigned sleep(unsigned seconds);
int usleep(unsigned long usec);
_Noreturn void _exit(int status);
int pause(void);
unsigned alarm(unsigned seconds);

/* Command-line options (lib/c/getopt). */
extern char *optarg;
extern int optind, opterr, optopt;
int getopt(int argc, char *const argv[], const char *optstring);

extern char **environ;
pid_t fork(void);
int execve(const char *path, char *const argv[], char *const envp[]);
int execv(const char *path, char *const argv[]);
int execvp(const char *file, char *const argv[]);
int execl(const char *path, const char *arg, ...);
int execlp(const char *file, const char *arg, ...);
int execle(const char *path, const char *arg, ...); /* ..., NULL, envp */
pid_t getpid(void);
/* nice(incr): adds incr to the nice (sys/resource.h); the new one, or -1
 * with errno (EPERM: below 0 but in pid 1). */
int nice(int incr);
pid_t getppid(void);
pid_t getpgrp(void);
pid_t getpgid(pid_t pid);
int setpgid(pid_t pid, pid_t pgid);
pid_t setsid(void);
pid_t getsid(pid_t pid);
/* User and group ids (lib/c/os/fd/ids.c: carried by the VFS handle). */
uid_t getuid(void);
uid_t geteuid(void);
gid_t getgid(void);
gid_t getegid(void);
int setuid(uid_t uid);
int setgid(gid_t gid);
int seteuid(uid_t uid);
int setegid(gid_t gid);
int setreuid(uid_t ruid, uid_t euid);
int setregid(gid_t rgid, gid_t egid);
int getgroups(int size, gid_t list[]);
int setresuid(uid_t ruid, uid_t euid, uid_t suid);
int setresgid(gid_t rgid, gid_t egid, gid_t sgid);
int getresuid(uid_t *ruid, uid_t *euid, uid_t *suid);
/* 1 in a set-id program, as the process server said at its start
 * (getauxval(AT_SECURE), lib/c/os/start/auxv.c). */
int issetugid(void);
int getresgid(gid_t *rgid, gid_t *egid, gid_t *sgid);
/* The name of the real uid in /etc/passwd (lib/c/os/proc/users.c): there
 * are no login records, so this is the user, not a terminal's login. */
char *getlogin(void);
int getlogin_r(char *name, size_t size);

/* The system's configuration (lib/c/os/start/sysconf.c) and a file's
 * (lib/c/os/fd/pathconf.c); Linux's numbers. -1 without errno: no definite
 * limit; -1 with EINVAL: a name we do not know. */
#define _SC_ARG_MAX 0 /* bytes of arguments to a new program (the environment: as many) */
#define _SC_CHILD_MAX 1
#define _SC_CLK_TCK 2
#define _SC_NGROUPS_MAX 3
#define _SC_OPEN_MAX 4 /* RLIMIT_NOFILE */
#define _SC_SIGQUEUE_MAX 34 /* queued signals waiting in a process (sigqueue: EAGAIN) */
#define _SC_PAGESIZE 30
#define _SC_PAGE_SIZE _SC_PAGESIZE
#define _SC_LINE_MAX 43
#define _SC_NPROCESSORS_CONF 83
#define _SC_NPROCESSORS_ONLN 84
#define _SC_PHYS_PAGES 85
#define _SC_AVPHYS_PAGES 86
#define _SC_HOST_NAME_MAX 180
long sysconf(int name);
int getpagesize(void);
#define _PC_LINK_MAX 0
#define _PC_NAME_MAX 3
#define _PC_PATH_MAX 4
#define _PC_PIPE_BUF 5
long pathconf(const char *path, int name);
long fpathconf(int fd, int name);
/* The node name of uname (ENAMETOOLONG when it does not fit with its NUL,
 * the part that fits copied). */
int gethostname(char *name, size_t len);

#endif
