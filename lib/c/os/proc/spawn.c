// SPDX-License-Identifier: BSD-2-Clause
// posix_spawn, posix_spawnp and the exec family through the process
// server: the fds to pass (exported by the fd table, then changed by the
// file actions) are staged with `give`, then `spawn` starts the program
// with them (or `exec` puts it in the caller's place). The server finds
// the boot archive's programs by path; any other file (a relative path, or
// an absolute one the archive does not have) is opened here and its pages
// staged too (VG_HTAG_IMAGE, exec_image.c). Staging belongs to
// the calling process as a whole, so one lock covers a spawn from staging
// to start.
#include <errno.h>
#include <fcntl.h>
#include <fs.h>
#include <proc.h>
#include <spawn.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vg/vg.h>

#include "../internal/fd.h"
#include "../internal/lock.h"
#include "../internal/proc.h"
#include "../internal/signal.h"
#include "../internal/spawn_action.h"

#define FDS_MAX 32 /* what the server stages for one spawn */

struct fds {
	size_t n;
	struct vg_startup_handle h[FDS_MAX];
};

static int spawn_lock;

/* The capabilities a program hands on to every program it starts (as a
 * root shell's children are root): init's control endpoint, VG_HTAG_INIT,
 * duplicated with its rights. One slot is kept for it below FDS_MAX. */
static size_t export_inherited(struct vg_startup_handle *out)
{
	vg_handle_t h = vg_startup_find(VG_HTAG_INIT, 0), mine;
	struct vg_handle_info info;
	if (!h || vg_handle_info(h, &info) || vg_handle_duplicate(h, info.rights, &mine))
		return 0;
	*out = (struct vg_startup_handle){ VG_HTAG_INIT, 0, mine, 0 };
	return 1;
}

static long find_fd(const struct fds *f, int fd)
{
	for (size_t i = 0; i < f->n; i++)
		if (f->h[i].tag == VG_HTAG_FD && (int)f->h[i].arg == fd)
			return (long)i;
	return -1;
}

static void drop_fd(struct fds *f, size_t i)
{
	vg_handle_close(f->h[i].handle);
	f->h[i] = f->h[--f->n];
}

static void drop_all(struct fds *f)
{
	while (f->n)
		drop_fd(f, f->n - 1);
}

/* Puts handle h in the list as fd (replacing what was there), or closes
 * it: 0 or an errno. */
static int put_fd(struct fds *f, int fd, vg_handle_t h)
{
	long j = find_fd(f, fd);
	if (j >= 0)
		drop_fd(f, (size_t)j);
	if (f->n == FDS_MAX) {
		vg_handle_close(h);
		return EMFILE;
	}
	f->h[f->n++] = (struct vg_startup_handle){ VG_HTAG_FD, (uint32_t)fd, h, 0 };
	return 0;
}

/* An addopen action: the file is opened here, in the caller (so relative
 * paths and permissions are the caller's, as the child would have them),
 * and the child gets a handle of its own to that open file. */
static int open_action(struct fds *f, const struct __spawn_action *a)
{
	int tmp = open(a->path, a->oflag | O_CLOEXEC, (mode_t)a->mode);
	if (tmp < 0)
		return errno;
	struct fd_desc *d = __fd_get(tmp);
	vg_handle_t h;
	int err = d && fs_file_clone(d->h, &h) == 0 ? put_fd(f, a->fd, h) : EBADF;
	if (d)
		__fd_put(d);
	close(tmp);
	return err;
}

/* Runs the file actions on the list of fds: 0 or an errno. */
static int apply_actions(struct fds *f, const posix_spawn_file_actions_t *fa)
{
	for (int k = 0; fa && k < fa->count; k++) {
		const struct __spawn_action *a = &fa->actions[k];
		long i = find_fd(f, a->fd);
		if (a->kind == ACTION_OPEN) {
			int err = open_action(f, a);
			if (err)
				return err;
			continue;
		}
		if (a->kind == ACTION_CLOSE) {
			if (i >= 0)
				drop_fd(f, (size_t)i);
			continue;
		}
		if (i < 0)
			return EBADF;
		if (a->fd == a->newfd)
			continue;
		/* A handle of its own to the open file (its server closes the
		 * open file with a handle's last close: one badge each). */
		vg_handle_t dup;
		if (fs_file_clone(f->h[i].handle, &dup))
			return EBADF;
		int err = put_fd(f, a->newfd, dup);
		if (err)
			return err;
	}
	return 0;
}

/* NUL-terminated strings one after the other, in memory of their own;
 * NULL (ENOMEM, E2BIG) on failure. */
static char *pack(char *const list[], size_t *len, int *err)
{
	size_t n = 0;
	for (size_t i = 0; list && list[i]; i++) {
		n += strlen(list[i]) + 1;
		if (n > PROC_PROCESS_SPAWN_ARGS_MAX) {
			*err = E2BIG;
			return NULL;
		}
	}
	char *block = malloc(n ? n : 1), *at = block;
	if (!block) {
		*err = ENOMEM;
		return NULL;
	}
	for (size_t i = 0; list && list[i]; i++) {
		size_t l = strlen(list[i]) + 1;
		memcpy(at, list[i], l);
		at += l;
	}
	*len = n;
	return block;
}

/* proc.give, asked again when an interruption withdrew it: the server
 * never saw it (ERR_INTERRUPTED means nothing was done, the handle is
 * still ours), and POSIX never fails spawn or exec with EINTR. A new
 * program flooded with signals it blocks would otherwise fail. */
static long give(vg_handle_t ep, uint32_t tag, uint32_t arg, vg_handle_t h)
{
	long st;
	while ((st = proc_process_give(ep, tag, arg, h)) == ERR_INTERRUPTED)
		;
	return st;
}

/* Four of them in one call (proc.give4), asked again as give is. */
static long give4(vg_handle_t ep, const struct vg_startup_handle *h)
{
	uint32_t tags[4], args[4];
	for (int i = 0; i < 4; i++) {
		tags[i] = h[i].tag;
		args[i] = h[i].arg;
	}
	long st;
	while ((st = proc_process_give4(ep, tags, 4, args, 4, h[0].handle, h[1].handle, h[2].handle,
					h[3].handle)) == ERR_INTERRUPTED)
		;
	return st;
}

/* What to start and how. */
struct start {
	const posix_spawn_file_actions_t *fa;
	const posix_spawnattr_t *attr;
	const char *args, *env;
	size_t args_len, env_len;
	bool exec; /* in the caller's place */
};

/* The new program's signal state, which lives in its C library: the mask
 * (POSIX_SPAWN_SETSIGMASK's, else ours), the actions that are SIG_IGN
 * (but those POSIX_SPAWN_SETSIGDEF resets) and, for exec, the pending
 * signals (execve keeps them). Staged as a VMO (VG_HTAG_SIGNALS) when
 * there is anything to pass; the new program's start-up applies it
 * (__libc_sig_inherit). 0 or the server's error. */
static long give_signals(vg_handle_t ep, const posix_spawnattr_t *attr, bool exec)
{
	short flags = attr ? attr->flags : 0;
	static struct vg_startup_signals s; /* under spawn_lock */
	s = (struct vg_startup_signals){
		.mask = flags & POSIX_SPAWN_SETSIGMASK ? attr->sigmask : __libc_sig_mask,
		.ignored = __libc_sig_ignored() &
			~(flags & POSIX_SPAWN_SETSIGDEF ? attr->sigdefault : 0),
	};
	/* Each pending signal with its arg and value, each queued real-time
	 * one on its own. */
	s.pending = exec ? __libc_sig_pending_all() & s.mask : 0;
	s.count = (uint32_t)__libc_sig_export(s.pending, s.signals, VG_STARTUP_SIGNALS_MAX);
	vg_handle_t vmo;
	if (!s.mask && !s.ignored && !s.pending)
		return 0;
	size_t size = offsetof(struct vg_startup_signals, signals) + s.count * sizeof(s.signals[0]);
	if (vg_vmo_create(sizeof(s), 0, &vmo))
		return PROC_PROC_ERROR_FULL;
	if (vg_vmo_write(vmo, 0, &s, size)) {
		vg_handle_close(vmo);
		return PROC_PROC_ERROR_FULL;
	}
	return give(ep, VG_HTAG_SIGNALS, 0, vmo);
}

/* proc.exec or proc.spawn, asked again as give is. */
static long start_call(vg_handle_t ep, const char *path, const struct start *s, int32_t pgid,
		       bool setsid, int32_t *child)
{
	long st;
	do
		st = s->exec ? proc_process_exec(ep, path, s->args, s->args_len, s->env, s->env_len)
			     : proc_process_spawn(ep, path, s->args, s->args_len, s->env,
						  s->env_len, pgid, setsid, child);
	while (st == ERR_INTERRUPTED);
	return st;
}

/* A set-user-ID or set-group-ID program at the absolute path setid: the
 * VFS checks it and hands the process server its pages and credentials
 * for our next spawn or exec (docs/ARCHITECTURE.md, section 17.2); we
 * only name our process, with a duplicate of our handle to the server.
 * Without a linked process server (not_supported) the program runs with
 * our ids, as from a nosuid mount. 0 or an errno. */
static int stage_setid(vg_handle_t ep, const char *setid)
{
	vg_handle_t dup;
	if (!__fs_vfs() || vg_handle_duplicate(ep, VG_RIGHT_TRANSFER, &dup))
		return EPERM;
	long st = fs_vfs_exec_setid(__fs_vfs(), setid, dup);
	if (st < 0) /* perhaps not sent: then the duplicate is still ours */
		vg_handle_close(dup);
	if (st == FS_FS_ERROR_NOT_SUPPORTED)
		return 0;
	return st ? (__fs_error(st), errno) : 0;
}

/* One attempt with one path (and the program's pages, image, unless
 * VG_HANDLE_INVALID: consumed; for a set-id file, setid its absolute
 * path, else NULL): 0 or an errno; *refused tells whether the process
 * server gave it (not the staging of the descriptors). */
static int start_once(pid_t *pid, const char *path, const struct start *s, vg_handle_t image,
		      uint32_t image_len, const char *setid, bool *refused)
{
	*refused = false;
	const posix_spawn_file_actions_t *fa = s->fa;
	const posix_spawnattr_t *attr = s->attr;
	vg_handle_t ep = __libc_proc_ep();
	short flags = attr ? attr->flags : 0;
	int early = !ep ? ENOSYS : strlen(path) > PROC_PROCESS_SPAWN_PATH_MAX ? ENAMETOOLONG : 0;
	if (early) {
		if (image != VG_HANDLE_INVALID)
			vg_handle_close(image);
		return early;
	}
	int32_t pgid = flags & POSIX_SPAWN_SETPGROUP ? attr->pgroup : -1;
	static struct fds f; /* under spawn_lock */
	__libc_lock(&spawn_lock);
	f.n = __vg_fd_export(f.h, FDS_MAX - 1, s->exec);
	f.n += export_inherited(&f.h[f.n]);
	int err = apply_actions(&f, fa);
	if (!err && setid)
		err = stage_setid(ep, setid);
	long st = 0;
	if (image != VG_HANDLE_INVALID) {
		if (!err)
			st = give(ep, VG_HTAG_IMAGE, image_len, image);
		else
			vg_handle_close(image);
	}
	/* Each give moves its handle, whatever the answer; four at a time
	 * while there are (a call each costs more than the staging). */
	size_t i = 0;
	for (; !err && !st && f.n - i >= 4; i += 4)
		st = give4(ep, &f.h[i]);
	for (; i < f.n; i++)
		if (!err && !st)
			st = give(ep, f.h[i].tag, f.h[i].arg, f.h[i].handle);
		else
			vg_handle_close(f.h[i].handle);
	f.n = 0;
	if (!err && !st)
		st = give_signals(ep, attr, s->exec);
	int32_t child = 0;
	if (!err && !st)
		st = start_call(ep, path, s, pgid, (flags & POSIX_SPAWN_SETSID) != 0, &child);
	if (!err && !st && s->exec) {
		/* Replaced: the server has ended this process (its threads do
		 * not come back to user mode). The new program holds duplicates
		 * of our descriptors' handles: ours go with the process, never
		 * with fs_file_close, which would close its files too. */
		for (;;)
			vg_thread_exit(0);
	} else if (err)
		drop_all(&f);
	if (!err && st)
		proc_process_unstage(ep); /* what a failed staging left */
	__libc_unlock(&spawn_lock);
	if (err)
		return err;
	if (st) {
		*refused = true;
		__libc_proc_fail(st);
		return errno;
	}
	if (pid)
		*pid = child;
	return 0;
}

static int start_path(pid_t *pid, const char *path, const struct start *s, char *const argv[],
		      bool interpreted);

/* A "#!" script: run by its interpreter as execve does (interpreter [one
 * argument] path args...); ENOEXEC when it is not one, which a shell takes
 * as a script of its own. */
static int start_script(pid_t *pid, const char *path, const struct start *s, char *const argv[])
{
	char head[256] = { 0 };
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errno;
	ssize_t n = read(fd, head, sizeof(head) - 1);
	close(fd);
	if (n < 2 || head[0] != '#' || head[1] != '!')
		return ENOEXEC;
	/* "#!interpreter [argument]" up to the end of the line */
	head[strcspn(head, "\n")] = 0;
	char *interp = head + 2 + strspn(head + 2, " \t");
	char *arg = interp + strcspn(interp, " \t");
	if (*arg) {
		*arg++ = 0;
		arg += strspn(arg, " \t");
		arg[strcspn(arg, " \t")] = 0; /* one argument, as Linux takes it */
	}
	if (!*interp)
		return ENOEXEC;
	int err = 0;
	size_t argc = 0;
	while (argv && argv[argc])
		argc++;
	char **args = malloc((argc + 3) * sizeof(*args));
	if (!args)
		return ENOMEM;
	size_t k = 0;
	args[k++] = interp;
	if (*arg)
		args[k++] = arg;
	args[k++] = (char *)path;
	for (size_t i = 1; i < argc; i++)
		args[k++] = argv[i];
	args[k] = NULL;
	struct start again = *s;
	char *packed = pack(args, &again.args_len, &err);
	free(args);
	if (!packed)
		return err;
	again.args = packed;
	err = start_path(pid, interp, &again, NULL, true);
	free(packed);
	return err;
}

/* One path: a boot archive program through the server by its path; else
 * (or first, for a relative path) the file in the VFS, whose pages the
 * server loads; a file that is no program may be a script. 0 or an errno. */
static int start_path(pid_t *pid, const char *path, const struct start *s, char *const argv[],
		      bool interpreted)
{
	bool absolute = path[0] == '/';
	bool refused = true;
	int err =
		absolute ? start_once(pid, path, s, VG_HANDLE_INVALID, 0, NULL, &refused) : ENOENT;
	if (err != ENOENT || !refused)
		return err;
	vg_handle_t image;
	uint32_t len;
	bool setid;
	err = __libc_exec_image(path, &image, &len, &setid);
	/* No file system to ask: the archive by the path as it is. */
	if (!absolute && err == ENOSYS)
		return start_once(pid, path, s, VG_HANDLE_INVALID, 0, NULL, &refused);
	if (err)
		return err;
	char *abs = setid ? malloc(PATH_MAX) : NULL;
	if (setid && (!abs || __fs_path(AT_FDCWD, path, abs))) {
		err = abs ? errno : ENOMEM;
		free(abs);
		vg_handle_close(image);
		return err;
	}
	err = start_once(pid, path, s, image, len, abs, &refused);
	free(abs);
	if (err != ENOEXEC || !refused || interpreted)
		return err;
	return start_script(pid, path, s, argv);
}

/* Starts file, searched for along PATH if search and it has no '/'. */
static int start_search(pid_t *pid, const char *file, bool search, struct start *s,
			char *const argv[], char *const envp[])
{
	int err = 0;
	char *args = pack(argv, &s->args_len, &err);
	char *env = args ? pack(envp, &s->env_len, &err) : NULL;
	s->args = args;
	s->env = env;
	if (!env)
		goto out;
	if (!search || strchr(file, '/')) {
		err = start_path(pid, file, s, argv, false);
		goto out;
	}
	const char *dirs = getenv("PATH");
	if (!dirs)
		dirs = "/bin";
	err = ENOENT;
	for (const char *d = dirs; err == ENOENT;) {
		size_t dlen = strcspn(d, ":");
		char path[PROC_PROCESS_SPAWN_PATH_MAX + 1];
		size_t flen = strlen(file);
		if (dlen + 1 + flen <= PROC_PROCESS_SPAWN_PATH_MAX) {
			memcpy(path, d, dlen);
			path[dlen] = '/';
			memcpy(path + dlen + 1, file, flen + 1);
			err = start_path(pid, path, s, argv, false);
		}
		if (!d[dlen])
			break;
		d += dlen + 1;
	}
out:
	free(args);
	free(env);
	return err;
}

int posix_spawn(pid_t *pid, const char *path, const posix_spawn_file_actions_t *fa,
		const posix_spawnattr_t *attr, char *const argv[], char *const envp[])
{
	struct start s = { .fa = fa, .attr = attr };
	return start_search(pid, path, false, &s, argv, envp);
}

int posix_spawnp(pid_t *pid, const char *file, const posix_spawn_file_actions_t *fa,
		 const posix_spawnattr_t *attr, char *const argv[], char *const envp[])
{
	struct start s = { .fa = fa, .attr = attr };
	return start_search(pid, file, true, &s, argv, envp);
}

/* The exec family: only a failure returns. */
static int exec(const char *file, bool search, char *const argv[], char *const envp[])
{
	struct start s = { .exec = true };
	errno = start_search(NULL, file, search, &s, argv, envp);
	return -1;
}

int execve(const char *path, char *const argv[], char *const envp[])
{
	return exec(path, false, argv, envp);
}

int execv(const char *path, char *const argv[])
{
	return exec(path, false, argv, environ);
}

int execvp(const char *file, char *const argv[])
{
	return exec(file, true, argv, environ);
}
