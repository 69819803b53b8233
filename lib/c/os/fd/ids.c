// SPDX-License-Identifier: BSD-2-Clause
// User and group ids: real, effective and saved. They are an entry of the
// VFS's table of credentials, named by the badge of the process's VFS
// handle (docs/ARCHITECTURE.md, section 17.2), which only the VFS mints:
// asking is `vfs.whoami`, changing is `vfs.become`, which answers with a
// new handle (the VFS applies POSIX's rules: only root takes ids it does
// not have). The new handle replaces the old one; children inherit it
// through fork, posix_spawn and exec like the rest of the file system. A
// program without a VFS is the root task, whose ids are 0.
//
// The ids of a handle never change, so they are asked once and kept until
// the handle is replaced (__fs_vfs_generation). A change is told to the
// process server, which decides kill's permission by them, through the
// VFS (tell_proc): the server believes the VFS, not us.
#include <errno.h>
#include <unistd.h>

#include "../internal/fd.h"
#include "../internal/lock.h"
#include "../internal/proc.h"

void __vg_fs_set_root(vg_handle_t vfs);

#define KEEP ((uint32_t)-1) /* (uid_t)-1: leave that id as it is */

struct creds {
	uint32_t ruid, euid, suid, rgid, egid, sgid;
};

static int lock;
static bool known;
static unsigned known_generation; /* the handle's, __fs_vfs_generation */
static struct creds cache;

static vg_handle_t exec_handle(void);

static struct creds creds(void)
{
	struct creds c = { 0, 0, 0, 0, 0, 0 };
	__fs_exec_vfs_hook = exec_handle;
	__libc_lock(&lock);
	unsigned gen = __atomic_load_n(&__fs_vfs_generation, __ATOMIC_ACQUIRE);
	known = known && known_generation == gen;
	if (!known && __fs_vfs() &&
	    !fs_vfs_whoami(__fs_vfs(), &c.ruid, &c.euid, &c.suid, &c.rgid, &c.egid, &c.sgid)) {
		cache = c;
		known = true;
		known_generation = gen;
	}
	if (known)
		c = cache;
	__libc_unlock(&lock);
	return c;
}

/* A new VFS handle for c: into *out, or an errno value. */
static int handle_for(const struct creds *c, vg_handle_t *out)
{
	if (!__fs_vfs())
		return ENOSYS;
	long st = fs_vfs_become(__fs_vfs(), c->ruid, c->euid, c->suid, c->rgid, c->egid, c->sgid,
				out);
	return st ? (__fs_error(st), errno) : 0;
}

/* Has the VFS tell the process server the ids of vfs, our new handle, as
 * ours: 0, or an errno value (then nothing changed). Nothing to tell
 * without a process server, or when the VFS knows none (not_supported). */
static int tell_proc(vg_handle_t vfs)
{
	vg_handle_t proc = __libc_proc_ep(), dup;
	if (proc == VG_HANDLE_INVALID)
		return 0;
	if (vg_handle_duplicate(proc, VG_RIGHT_TRANSFER, &dup))
		return EPERM;
	long st = fs_vfs_tell_proc(vfs, dup);
	if (st < 0) /* perhaps not sent: then the duplicate is still ours */
		vg_handle_close(dup);
	if (st == FS_FS_ERROR_NOT_SUPPORTED)
		return 0;
	return st ? EAGAIN : 0;
}

static int become(const struct creds *c)
{
	vg_handle_t h;
	int err = handle_for(c, &h);
	if (!err && (err = tell_proc(h)))
		vg_handle_close(h);
	if (err) {
		errno = err;
		return -1;
	}
	__libc_lock(&lock);
	__vg_fs_set_root(h);
	cache = *c;
	known = true;
	known_generation = __atomic_load_n(&__fs_vfs_generation, __ATOMIC_ACQUIRE);
	__libc_unlock(&lock);
	return 0;
}

static int refuse(int err)
{
	errno = err;
	return -1;
}

/* POSIX's exec: the new program's saved ids are its effective ones. When
 * the VFS cannot make the handle (its table full), the new program gets a
 * duplicate and keeps the saved ids. */
static vg_handle_t exec_handle(void)
{
	struct creds c = creds();
	vg_handle_t h;
	if (c.suid == c.euid && c.sgid == c.egid)
		return VG_HANDLE_INVALID;
	c.suid = c.euid, c.sgid = c.egid;
	return handle_for(&c, &h) ? VG_HANDLE_INVALID : h;
}

uid_t getuid(void)
{
	return creds().ruid;
}

uid_t geteuid(void)
{
	return creds().euid;
}

gid_t getgid(void)
{
	return creds().rgid;
}

gid_t getegid(void)
{
	return creds().egid;
}

int getresuid(uid_t *ruid, uid_t *euid, uid_t *suid)
{
	struct creds c = creds();
	*ruid = c.ruid, *euid = c.euid, *suid = c.suid;
	return 0;
}

int getresgid(gid_t *rgid, gid_t *egid, gid_t *sgid)
{
	struct creds c = creds();
	*rgid = c.rgid, *egid = c.egid, *sgid = c.sgid;
	return 0;
}

static uint32_t pick(uint32_t want, uint32_t now)
{
	return want == KEEP ? now : want;
}

/* Each id KEEP or, unless the caller is root, one of its three (the VFS
 * checks). */
int setresuid(uid_t ruid, uid_t euid, uid_t suid)
{
	struct creds c = creds();
	c.ruid = pick(ruid, c.ruid), c.euid = pick(euid, c.euid), c.suid = pick(suid, c.suid);
	return become(&c);
}

int setresgid(gid_t rgid, gid_t egid, gid_t sgid)
{
	struct creds c = creds();
	c.rgid = pick(rgid, c.rgid), c.egid = pick(egid, c.egid), c.sgid = pick(sgid, c.sgid);
	return become(&c);
}

/* Root sets all three ids; anyone else the effective one, to its real or
 * saved id. */
int setuid(uid_t uid)
{
	struct creds c = creds();
	if (uid == KEEP)
		return refuse(EINVAL);
	if (c.euid == 0)
		c.ruid = c.suid = uid;
	else if (uid != c.ruid && uid != c.suid)
		return refuse(EPERM);
	c.euid = uid;
	return become(&c);
}

/* The same for groups; "root" is still the effective uid 0. */
int setgid(gid_t gid)
{
	struct creds c = creds();
	if (gid == KEEP)
		return refuse(EINVAL);
	if (c.euid == 0)
		c.rgid = c.sgid = gid;
	else if (gid != c.rgid && gid != c.sgid)
		return refuse(EPERM);
	c.egid = gid;
	return become(&c);
}

int seteuid(uid_t uid)
{
	return uid == KEEP ? refuse(EINVAL) : setresuid(KEEP, uid, KEEP);
}

int setegid(gid_t gid)
{
	return gid == KEEP ? refuse(EINVAL) : setresgid(KEEP, gid, KEEP);
}

/* setreuid and setregid (Linux's rules): an unprivileged process may set
 * its real id to its real or effective one; when the real id is set, or
 * the effective one to anything but the old real id, the saved id becomes
 * the new effective id. */
static int set_real_effective(uint32_t *r, uint32_t *e, uint32_t *s, uint32_t want_r,
			      uint32_t want_e, bool root)
{
	if (want_r != KEEP && !root && want_r != *r && want_r != *e)
		return EPERM;
	uint32_t old_r = *r;
	*r = pick(want_r, *r);
	*e = pick(want_e, *e);
	if (want_r != KEEP || (want_e != KEEP && want_e != old_r))
		*s = *e;
	return 0;
}

int setreuid(uid_t ruid, uid_t euid)
{
	struct creds c = creds();
	int err = set_real_effective(&c.ruid, &c.euid, &c.suid, ruid, euid, c.euid == 0);
	return err ? refuse(err) : become(&c);
}

int setregid(gid_t rgid, gid_t egid)
{
	struct creds c = creds();
	int err = set_real_effective(&c.rgid, &c.egid, &c.sgid, rgid, egid, c.euid == 0);
	return err ? refuse(err) : become(&c);
}
