// SPDX-License-Identifier: BSD-2-Clause
// Starting the file system for the tests (vfs_up.h): what init will do for
// real later.
#include "../vfs_up.h"
#include "../proc_server.h"
#include <bus.h>
#include <fcntl.h>
#include <fs.h>
#include <proc.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

void __vg_fs_set_root(vg_handle_t vfs);

static vg_handle_t vfs_h, rootfs_h, tmpfs_h, bus_h, devmgr_h, memdev_proc;
static long status;
static bool tried;
/* The servers started here that live as long as the run, for
 * vfs_up_servers. */
#define SERVERS_MAX 12
static struct vfs_up_server servers[SERVERS_MAX];
static size_t nservers;

/* Keeps the process of a server that lives until the run ends (closed
 * when there is no room). */
static void keep_server(const char *prog, vg_handle_t process)
{
	if (nservers < SERVERS_MAX)
		servers[nservers++] = (struct vfs_up_server){ prog, process };
	else
		vg_handle_close(process);
}

size_t vfs_up_servers(const struct vfs_up_server **out)
{
	*out = servers;
	return nservers;
}

/* Starts bin/<prog> serving a new endpoint (given under serve_tag, arg 0),
 * with at most 2 more handles (moved into it; closed on failure); *client: an
 * unbadged handle to it; *process (when not NULL) the process, else it
 * lives until the run ends. */
static long start_with(const char *prog, const char *arg, uint32_t serve_tag,
		       struct vg_startup_handle *more, size_t nmore, vg_handle_t *client,
		       vg_handle_t *process)
{
	char path[32];
	const void *image;
	size_t len;
	vg_snprintf(path, sizeof(path), "bin/%s", prog);
	vg_handle_t ep = VG_HANDLE_INVALID, proc;
	long st = nmore > 2 ? ERR_INVALID_ARGS : vg_initrd_find(path, &image, &len);
	if (!st)
		st = vg_endpoint_create(&ep);
	if (!st &&
	    (st = vg_handle_duplicate(ep, VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER | VG_RIGHT_DUPLICATE,
				      client)))
		vg_handle_close(ep);
	/* Its output to the log, as init gives a service's. */
	struct vg_startup_handle h[5] = { { serve_tag, 0, ep, 0 } };
	if (!st && (st = vg_spawn_log_fds(h + 1 + nmore))) {
		vg_handle_close(ep);
		vg_handle_close(*client);
	}
	if (st) {
		for (size_t i = 0; i < nmore; i++)
			vg_handle_close(more[i].handle);
		return st;
	}
	const char *const argv[] = { prog, arg, NULL };
	for (size_t i = 0; i < nmore; i++)
		h[i + 1] = more[i];
	struct vg_spawn_req req = {
		.image = image, .len = len, .argv = argv, .handles = h, .nhandles = 3 + nmore
	};
	const char *why = NULL;
	if ((st = vg_spawn(&req, &proc, &why))) {
		vg_printf("vfs_up: %s: %s\n", prog, why ? why : "?");
		vg_handle_close(*client);
		return st;
	}
	if (process)
		*process = proc;
	else
		keep_server(prog, proc);
	return 0;
}

static long start(const char *prog, const char *arg, vg_handle_t *client)
{
	return start_with(prog, arg, VG_HTAG_USER, NULL, 0, client, NULL);
}

/* Mounts a new tmpfs (arg: its size limit, or "initrd") on path. */
static long mount_tmpfs(const char *path, const char *arg, vg_handle_t *keep)
{
	vg_handle_t fs, give;
	long st = start("tmpfs", arg, &fs);
	if (st)
		return st;
	if ((st = vg_handle_duplicate(fs, VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER, &give)) == 0)
		st = fs_vfs_mount(vfs_h, path, give);
	if (keep && !st)
		*keep = fs;
	else
		vg_handle_close(fs);
	return st;
}

long vfs_up_mount_tmpfs(const char *path, uint64_t limit)
{
	char arg[24];
	vg_snprintf(arg, sizeof(arg), "%lu", (unsigned long)limit);
	return mount_tmpfs(path, arg, NULL);
}

/* The device manager (bin/devmgr) with root's VFS handle and a bus of
 * its own (bin/bus), on which it may publish under "dev.". */
static long device_manager(void)
{
	vg_handle_t grant, bus_proc, owner, root;
	/* The bus serves its administrator on the unbadged handle. */
	long st = start_with("bus", NULL, VG_HTAG_SERVER_EP, NULL, 0, &bus_h, &bus_proc);
	if (st)
		return st;
	/* The grant's owner, whose end ends it: the bus itself (it lives as
	 * long as the run, as the manager does). */
	st = vg_handle_duplicate(bus_proc, VG_RIGHT_WAIT | VG_RIGHT_TRANSFER, &owner);
	keep_server("bus", bus_proc);
	if (st || (st = bus_admin_grant(bus_h, "dev.", "dev.", owner, &grant)))
		return st;
	if ((st = vg_handle_duplicate(vfs_h, VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER, &root))) {
		vg_handle_close(grant);
		return st;
	}
	struct vg_startup_handle h[] = { { VG_HTAG_FS_ROOT, 0, root, 0 },
					 { VG_HTAG_BUS, 0, grant, 0 } };
	return start_with("devmgr", NULL, VG_HTAG_USER, h, 2, &devmgr_h, NULL);
}

long vfs_up_start_device(const char *prog, const struct vg_startup_handle *more,
			 vg_handle_t *process)
{
	vg_handle_t mgr, server;
	long st = vg_handle_duplicate(devmgr_h, VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER, &mgr);
	if (st) {
		if (more)
			vg_handle_close(more->handle);
		return st;
	}
	struct vg_startup_handle h[2] = { { VG_HTAG_USER, 1, mgr, 0 } };
	if (more)
		h[1] = *more;
	if ((st = start_with(prog, NULL, VG_HTAG_USER, h, more ? 2 : 1, &server, process)))
		return st;
	vg_handle_close(server); /* the VFS reaches it through the manager */
	return 0;
}

/* A device server announcing its devices to the device manager; one
 * that signals process groups (a terminal's) gets the process server's
 * handle too, pid 1's, as init's `grant = proc proc` gives. */
static long device_server(const char *prog, bool signals, vg_handle_t *process)
{
	struct vg_startup_handle proc = { VG_HTAG_PROC, 0, VG_HANDLE_INVALID, 0 };
	long st;
	if (signals && proc_server() &&
	    (st = vg_handle_duplicate(proc_server(), VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER,
				      &proc.handle)))
		return st;
	return vfs_up_start_device(prog, signals ? &proc : NULL, process);
}

long vfs_up_start_memdev(void)
{
	if (memdev_proc != VG_HANDLE_INVALID)
		vg_handle_close(memdev_proc); /* a test killed it */
	long st = device_server("memdev", false, &memdev_proc);
	/* Its nodes appear once it has announced them: pipe() needs them. */
	return st ? st : vfs_up_wait_node("/dev/urandom", true);
}

/* The memory devices (bin/memdev, major 1) and pipes (bin/pipe, major
 * 240: pipe() opens /dev/pipe, socketpair() /dev/socket), announced to
 * the device manager, which makes their nodes in /dev. */
static long devices(void)
{
	long st = device_manager();
	if (!st)
		st = device_server("pipe", false, NULL);
	if (!st)
		st = vfs_up_start_memdev();
	return st ? st : vfs_up_wait_node("/dev/socket", true);
}

long vfs_up_pty(void)
{
	static long status = 1;
	static bool tried;
	static vg_handle_t process;
	if (tried)
		return status;
	tried = true;
	status = vfs_up();
	if (!status && !proc_server())
		status = ERR_NOT_FOUND;
	if (!status)
		status = device_server("pty", true, &process);
	return status = status ? status : vfs_up_wait_node("/dev/ptmx", true);
}

long vfs_up_wait_node(const char *path, bool present)
{
	/* Polled: a test helper, bounded by 5 s. */
	for (int i = 0; i < 5000; i++) {
		struct fs_attr attr;
		if ((fs_vfs_stat(vfs_h, path, true, &attr) == 0) == present)
			return 0;
		nanosleep(&(struct timespec){ 0, 1000000 }, NULL);
	}
	return ERR_TIMED_OUT;
}

/* As init does: the VFS tells the process server each process's user ids
 * (docs/ARCHITECTURE.md, section 15). */
static long link_proc(void)
{
	vg_handle_t proc = proc_server(), link;
	if (!proc)
		return ERR_NOT_FOUND;
	long st = proc_process_link_vfs(proc, &link);
	return st ? st : fs_vfs_link_proc(vfs_h, link);
}

/* The boot layout: the boot archive on /, tmpfs on /tmp and /run, devfs
 * (a tmpfs holding device nodes) on /dev. */
long vfs_up(void)
{
	if (tried)
		return status;
	tried = true;
	const char *step = "start the vfs";
	status = start("vfs", NULL, &vfs_h);
	if (!status && (step = "link the process server")) /* as init: before / */
		status = link_proc();
	if (!status && (step = "mount /"))
		status = mount_tmpfs("/", "initrd", &rootfs_h);
	if (!status && (step = "mount /tmp"))
		status = mount_tmpfs("/tmp", "335544320", &tmpfs_h);
	if (!status && (step = "mount /run"))
		status = vfs_up_mount_tmpfs("/run", 16 << 20);
	if (!status && (step = "mount /dev"))
		status = vfs_up_mount_tmpfs("/dev", 1 << 20);
	if (!status && (step = "devices"))
		status = devices();
	if (!status) {
		vg_handle_t mine;
		status = vg_handle_duplicate(
			vfs_h, VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER | VG_RIGHT_DUPLICATE, &mine);
		if (!status)
			__vg_fs_set_root(mine);
	}
	if (status)
		vg_printf("vfs_up: the file system did not start: %s: %ld\n", step, status);
	return status;
}

vg_handle_t vfs_up_vfs(void)
{
	return vfs_h;
}

vg_handle_t vfs_up_rootfs(void)
{
	return rootfs_h;
}

vg_handle_t vfs_up_tmpfs(void)
{
	return tmpfs_h;
}

vg_handle_t vfs_up_devmgr(void)
{
	return devmgr_h;
}

vg_handle_t vfs_up_bus(void)
{
	return bus_h;
}

vg_handle_t vfs_up_memdev(void)
{
	return memdev_proc;
}

int vfs_put(const char *path, const void *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return -1;
	ssize_t n = write(fd, data, len);
	close(fd);
	return n == (ssize_t)len ? 0 : -1;
}

long vfs_size(const char *path)
{
	struct stat st;
	return stat(path, &st) ? -1 : (long)st.st_size;
}

unsigned char vfs_pattern(uint64_t i)
{
	return (unsigned char)(i * 7 + (i >> 12));
}

unsigned char *vfs_patterned(size_t n)
{
	unsigned char *p = malloc(n);
	for (size_t i = 0; p && i < n; i++)
		p[i] = vfs_pattern(i);
	return p;
}

int vfs_pattern_bad(const unsigned char *p, uint64_t at, size_t n)
{
	int bad = 0;
	for (size_t i = 0; i < n; i++)
		bad += p[i] != vfs_pattern(at + i);
	return bad;
}
