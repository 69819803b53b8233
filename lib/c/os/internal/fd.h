/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The file descriptor table (docs/ARCHITECTURE.md, section 17): each
 * descriptor points at an open file description, shared by dup()ed
 * descriptors, which holds the handle to the server that serves it (a
 * filesystem's `file` handle, idl/fs.idl) and the status flags; the file
 * position lives in the server, so descriptions shared with other
 * processes share it too.
 */
#ifndef LIBC_OS_FD_H
#define LIBC_OS_FD_H

#include <fs.h>
#include <limits.h>
#include <stdbool.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <vg/vg.h>

#define FD_MAX 1024

/* FD_UNKNOWN: inherited at start-up and not used yet; __fd_get asks the
 * server what it is the first time (a program that never touches its
 * descriptors asks nothing). FD_LOG: a handle to the kernel log, write
 * only, each write a record (or several): what init and the kernel give
 * as descriptors 1 and 2 to programs with no terminal. */
enum fd_kind { FD_UNKNOWN, FD_FILE, FD_DIR, FD_PIPE, FD_LOG };

struct fd_desc {
	unsigned refs; /* descriptors pointing here */
	enum fd_kind kind;
	vg_handle_t h;
	int flags; /* O_ACCMODE | O_APPEND | O_NONBLOCK */
	char *path; /* directories: the canonical path (for *at() and fchdir) */
	uint64_t cookie; /* directories: where getdents goes on */
	vg_handle_t fork_h; /* during fork: the child's handle to the same open file */
	signed char tty; /* a terminal: 1, not one: -1, not asked yet: 0 (jobctl.c) */
	/* The bulk data window shared with the server (window.c), asked for
	 * on the first transfer larger than a message; window_lock makes
	 * its users take turns. */
	unsigned char *window;
	uint32_t window_size;
	bool window_refused; /* the server has none: messages only */
	int window_lock;
	/* The file's pages for the direct path (direct.c), asked for on the
	 * first transfer of 64 KiB or more (under window_lock). */
	vg_handle_t pages;
	bool pages_refused;
};

/* Job control at a terminal (jobctl.c): what a read, a write or a
 * change of the terminal's settings through d may do when the caller's
 * group is in the background of d's session. 0: go on (after a stop by
 * SIGTTIN or SIGTTOU and the continuation, if the group was stopped);
 * -1 with errno: EIO (a read whose SIGTTIN is ignored or blocked), EINTR
 * (the signal was caught). */
enum tty_use { TTY_READ, TTY_WRITE, TTY_CONTROL };
int __tty_jobctl(struct fd_desc *d, enum tty_use use);
/* A terminal's open without O_NOCTTY: a session leader without one takes
 * it as its controlling terminal (jobctl.c). */
void __tty_open_ctty(struct fd_desc *d);
/* TIOCSCTTY (take: the caller, a session leader, makes fd its controlling
 * terminal; steal: even from another session) and TIOCNOTTY. */
int __tty_set_ctty(int fd, bool take, bool steal);

/* The description fd names, with a reference the caller drops with
 * __fd_put; NULL and errno EBADF when fd is not open. */
struct fd_desc *__fd_get(int fd);
void __fd_put(struct fd_desc *d);
/* A new description (one reference) for h. */
struct fd_desc *__fd_desc_new(enum fd_kind kind, vg_handle_t h, int flags);
/* Installs d at the lowest free descriptor >= min; -1 with EMFILE. The
 * table takes the caller's reference. */
int __fd_install(struct fd_desc *d, int min, bool cloexec);
/* RLIMIT_NOFILE: descriptors from n up are refused (EMFILE); FD_MAX at
 * most. Until it is set, the table asks __fd_limit_source (set by the
 * process server's client; NULL: FD_MAX) when it first installs one. */
void __fd_set_limit(uint64_t n);
extern uint64_t (*__fd_limit_source)(void);

/* fork (lib/c/os/proc/fork.c): __vg_fd_fork_prepare gives child a handle
 * to every open file and to the VFS, and holds the table still until the
 * snapshot is taken; then the child's copy adopts those handles
 * (__vg_fd_forked) and the parent's lets go (__vg_fd_fork_done). */
void __vg_fd_fork_prepare(vg_handle_t child);
void __vg_fd_forked(void);
void __vg_fd_fork_done(void);
/* Moves up to n bytes of a regular file through the description's
 * window (off UINT64_MAX: at the file position); -1 with errno, or -2 when
 * the server offers no window (the caller uses messages). Stops at a short
 * transfer. */
ssize_t __fd_window_io(struct fd_desc *d, void *buf, size_t n, uint64_t off, bool writing);
/* A transfer through the file's own pages (direct.c) when it is large
 * enough and the server offers them; -1 with errno, or -2 when not (the
 * caller uses the window). Stops at a short count. */
ssize_t __fd_direct_io(struct fd_desc *d, void *buf, size_t n, uint64_t off, bool writing);
/* Lets go of the pages' handle (in a forked child, only forgets it). */
void __fd_direct_drop(struct fd_desc *d, bool forked);
/* Lets go of the window (the description ends); in a forked child,
 * whose copy of the mapping is private and unknown to the server, it is
 * only forgotten (the child asks for its own on its handle). */
void __fd_window_drop(struct fd_desc *d, bool forked);
/* Reading and writing a pipe's end (pipe_io.c): blocking unless the
 * description has O_NONBLOCK. */
ssize_t __pipe_read(struct fd_desc *d, void *buf, size_t n);
ssize_t __pipe_write(struct fd_desc *d, const void *buf, size_t n);
#define TTY_MAJOR 5 /* srv/console: /dev/tty is minor 0, /dev/console minor 1 */
#define PTY_MAJOR 136 /* srv/pty: /dev/pts/N is minor N, /dev/ptmx minor PTMX_MINOR */
#define PTMX_MINOR 0xfffff
/* The path of the terminal device rdev (/dev/tty, /dev/console,
 * /dev/ptmx, /dev/pts/N): 0, ENODEV (not a terminal this library can
 * name) or ERANGE (len too small). */
int __tty_path(uint64_t rdev, char *buf, size_t len);
/* /dev/tty (the console's node) is the caller's controlling terminal:
 * when its session's is another terminal (a pty's slave), path (PATH_MAX,
 * "/dev/tty") becomes that terminal's; a caller the process server knows
 * without one gets -1 with errno ENXIO. lib/c/os/fd/jobctl.c. */
int __tty_controlling(char *path);
/* A pty master's slave number (TIOCGPTN, ptsname) and its lock
 * (TIOCSPTLCK, unlockpt): 0, or -1 with errno (lib/c/os/fd/pty.c). */
int __pty_number(int fd, unsigned *number);
int __pty_lock(int fd, bool lock);
/* TIOCPKT: a master's packet mode; 0, or -1 with errno (ENOTTY: no master). */
int __pty_packet(int fd, bool on);
/* file.ptsowner on the master of handle master: its slave's node becomes
 * the caller's. 0 or ERR_* / FS_FS_ERROR_* (pty.c). */
long __pty_own(vg_handle_t master);
/* One more wait of a call that would block on a server that cannot wake
 * it (tcdrain, unlockpt); *round counts them from 0: yields first, then
 * sleeps growing to 1 ms, never past deadline (monotonic ns). */
void __fd_wait(unsigned *round, uint64_t deadline);

/* A blocking call's waits (wake.c): yields first, then a notification
 * the server signals (file.arm, file.lockwait), or polling where the
 * server has no arm. Each wait is a cancellation point: a thread
 * cancelled there drops the reference to d it holds (NULL: none) and the
 * notification. A signal handler that ran since __fd_wait_begin ends the
 * call with EINTR unless restartable and installed with SA_RESTART. */
struct fd_wait {
	struct fd_desc *d;
	vg_handle_t note; /* made at the first wait that needs it */
	uint64_t koid; /* the note's */
	uint64_t handled; /* __libc_sig_handled() at the start */
	unsigned round;
	bool polling; /* the server cannot arm: __fd_wait */
};
/* file.ready's bits, also file.arm's. */
enum { FD_READY_IN = 1, FD_READY_OUT = 2, FD_READY_HUP = 4, FD_READY_ERR = 8 };
uint64_t __libc_sig_handled(void); /* signal.h's */
/* Inline: every read and write begins and ends one. */
static inline void __fd_wait_begin(struct fd_wait *w, struct fd_desc *d)
{
	*w = (struct fd_wait){ .d = d, .handled = __libc_sig_handled() };
}
/* Closes the notification (every call that began ends so). */
static inline void __fd_wait_end(struct fd_wait *w)
{
	if (w->note)
		vg_handle_close(w->note);
	w->note = 0;
}
/* One wait of a call on w->d that would block until one of events
 * (file.arm's FD_READY_* bits; need: the room a write needs) may hold. 0: ask again;
 * -1 with errno EINTR. */
int __fd_block(struct fd_wait *w, uint8_t events, uint32_t need, bool restartable);
/* A duplicate of w's notification (made when missing) to hand a server;
 * after a call carrying it failed, __fd_note_unsent closes it if the
 * call did not move it. */
long __fd_note_give(struct fd_wait *w, vg_handle_t *give);
void __fd_note_unsent(struct fd_wait *w, vg_handle_t give);
/* Whether the yields are over and the server can be asked to wake us. */
bool __fd_arming(const struct fd_wait *w);
/* Sleeps on w's notification (yields or polls before arming) until a wake or
 * deadline; 0: ask again; -1 with errno EINTR. */
int __fd_sleep(struct fd_wait *w, uint64_t deadline, bool restartable);
/* A call that came back ERR_INTERRUPTED (nothing done): a cancellation
 * request acts; 0: ask again; -1 with errno EINTR. */
int __fd_interrupted(struct fd_wait *w, bool restartable);

/* The VFS handle (0 when there is none: ENOSYS). */
vg_handle_t __fs_vfs(void);
/* How many times the VFS handle was replaced (__vg_fs_set_root): ids.c
 * keeps the ids it was told for one generation. */
extern unsigned __fs_vfs_generation;
/* For a new program (exec, posix_spawn): a VFS handle whose saved ids are
 * the effective ones, as POSIX's exec sets them, or VG_HANDLE_INVALID when
 * a duplicate of the process's own will do (its saved ids are its
 * effective ones) or the VFS could not make one. Set by ids.c once the
 * program asks for or changes its ids: a program that never does keeps
 * the ids it was started with, whose saved ids are its effective ones
 * already, and so does not carry ids.c (a hook, not a weak reference:
 * RISC-V's medany code cannot reach an undefined weak symbol). */
extern vg_handle_t (*__fs_exec_vfs_hook)(void);
/* Sets errno from a status of the filesystem protocol; returns -1. */
int __fs_error(long st);
/* The absolute path of path taken relative to dirfd (AT_FDCWD: the working
 * directory) in out (PATH_MAX); 0, or -1 with errno. */
int __fs_path(int dirfd, const char *path, char *out);
/* The working directory for a child started with posix_spawn or exec
 * (VG_HTAG_FS_CWD, with the umask as its arg): a memory object holding its
 * path, in *vmo; 0 or an ERR_* (the child starts at "/"). The child adopts
 * it at start-up (__fs_cwd_import). */
long __fs_cwd_export(vg_handle_t *vmo);
void __fs_cwd_import(vg_handle_t vmo);
/* Whether the working directory is "/", where every program starts. */
bool __fs_cwd_is_root(void);
/* The file creation mask a program starts with. */
#define FS_UMASK_DEFAULT 022
/* struct stat from the protocol's attributes. */
void __fs_stat_from(const struct fs_attr *a, struct stat *st);

#endif
