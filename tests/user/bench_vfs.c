// SPDX-License-Identifier: BSD-2-Clause
// File benchmarks for `make bench` (the file system of vfs_up.h: tmpfs on
// /tmp behind the VFS): create + write 4 KiB + close + unlink, 64 MiB
// written and read sequentially in 1 MiB calls (as the Linux peer's
// bench.c does), stat of a cached path,
// readdir of a directory of 1000 entries.
#include "bench.h"
#include "vfs_up.h"
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#define BIG (64 << 20)
#define PIECE (1 << 20)

static unsigned char block[PIECE];

static void create_write_close_unlink(int batch)
{
	for (int i = 0; i < batch; i++) {
		int fd = open("/tmp/bench.f", O_WRONLY | O_CREAT | O_TRUNC, 0644);
		write(fd, block, 4096);
		close(fd);
		unlink("/tmp/bench.f");
	}
}

static int big_fd = -1;

static void write_64mib(int batch)
{
	for (int i = 0; i < batch; i++) {
		ftruncate(big_fd, 0);
		lseek(big_fd, 0, SEEK_SET);
		for (int off = 0; off < BIG; off += PIECE)
			write(big_fd, block, PIECE);
	}
}

static void read_64mib(int batch)
{
	for (int i = 0; i < batch; i++) {
		lseek(big_fd, 0, SEEK_SET);
		for (int off = 0; off < BIG; off += PIECE)
			read(big_fd, block, PIECE);
	}
}

static void stat_cached(int batch)
{
	struct stat st;
	for (int i = 0; i < batch; i++)
		stat("/tmp/bench.dir/entry-500", &st);
}

static void readdir_1000(int batch)
{
	for (int i = 0; i < batch; i++) {
		DIR *d = opendir("/tmp/bench.dir");
		while (d && readdir(d))
			;
		if (d)
			closedir(d);
	}
}

void run_vfs_benchmarks(void)
{
	if (vfs_up())
		return;
	bench_report("file_create_write4k_close_unlink", create_write_close_unlink, 100);
	big_fd = open("/tmp/bench.big", O_RDWR | O_CREAT | O_TRUNC, 0644);
	bench_report("tmpfs_write_64mib", write_64mib, 1);
	bench_report("tmpfs_read_64mib", read_64mib, 1);
	close(big_fd);
	unlink("/tmp/bench.big");
	mkdir("/tmp/bench.dir", 0755);
	char name[64];
	for (int i = 0; i < 1000; i++) {
		snprintf(name, sizeof(name), "/tmp/bench.dir/entry-%d", i);
		close(open(name, O_WRONLY | O_CREAT, 0644));
	}
	bench_report("file_stat_cached_path", stat_cached, 1000);
	bench_report("readdir_1000_entries", readdir_1000, 1);
}
