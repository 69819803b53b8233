// SPDX-License-Identifier: BSD-2-Clause
// Starting the file system for the tests (vfs_up.h): what init will do for
// real later.
#include "../vfs_up.h"
#include <fcntl.h>
#include <fs.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

void __vg_fs_set_root(vg_handle_t vfs);

static vg_handle_t vfs_h, rootfs_h, tmpfs_h;
static long status;
static bool tried;

/* Starts bin/<prog> serving a new endpoint; *client: an unbadged handle to
 * it. */
static long start(const char *prog, const char *arg, vg_handle_t *client)
{
	char path[32];
	const void *image;
	size_t len;
	vg_snprintf(path, sizeof(path), "bin/%s", prog);
	long st = vg_initrd_find(path, &image, &len);
	if (st)
		return st;
	vg_handle_t ep, proc;
	if ((st = vg_endpoint_create(&ep)))
		return st;
	if ((st = vg_handle_duplicate(ep, VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER | VG_RIGHT_DUPLICATE,
				      client))) {
		vg_handle_close(ep);
		return st;
	}
	const char *const argv[] = { prog, arg, NULL };
	struct vg_startup_handle h = { VG_HTAG_USER, 0, ep, 0 };
	struct vg_spawn_req req = {
		.image = image, .len = len, .argv = argv, .handles = &h, .nhandles = 1
	};
	const char *why = NULL;
	if ((st = vg_spawn(&req, &proc, &why))) {
		vg_printf("vfs_up: %s: %s\n", prog, why ? why : "?");
		vg_handle_close(*client);
		return st;
	}
	vg_handle_close(proc); /* it lives until the run ends */
	return 0;
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

/* The memory devices (bin/memdev, major 1) and their nodes in /dev. */
static long devices(void)
{
	vg_handle_t mem;
	long st = start("memdev", NULL, &mem);
	if (st)
		return st;
	if ((st = fs_vfs_device(vfs_h, 1, mem)))
		return st;
	static const struct {
		const char *name;
		uint32_t minor;
	} nodes[] = { { "/dev/null", 3 },
		      { "/dev/zero", 5 },
		      { "/dev/full", 7 },
		      { "/dev/random", 8 },
		      { "/dev/urandom", 9 } };
	for (size_t i = 0; i < sizeof(nodes) / sizeof(nodes[0]) && !st; i++)
		st = fs_vfs_mknod(vfs_h, nodes[i].name, FS_KIND_CHARDEV, 0666,
				  (uint64_t)1 << 32 | nodes[i].minor);
	/* Pipes (bin/pipe, major 240): pipe() opens /dev/pipe. */
	vg_handle_t pipes;
	if (!st)
		st = start("pipe", NULL, &pipes);
	if (!st)
		st = fs_vfs_device(vfs_h, 240, pipes);
	if (!st)
		st = fs_vfs_mknod(vfs_h, "/dev/pipe", FS_KIND_CHARDEV, 0666, (uint64_t)240 << 32);
	if (!st) /* socketpair() opens /dev/socket: minor 1 */
		st = fs_vfs_mknod(vfs_h, "/dev/socket", FS_KIND_CHARDEV, 0666,
				  (uint64_t)240 << 32 | 1);
	return st;
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
