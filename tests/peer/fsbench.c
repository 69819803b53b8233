// SPDX-License-Identifier: BSD-2-Clause
// File-system figures that ../shared/peer/bench/bench.c does not measure:
// stat of a cached path and readdir of a directory of 1000 entries. Plain
// POSIX, compiled unchanged for Verdigris (with the SDK's bin/cc, run by
// `make bench`) and for Linux (tools/peer-fsbench.sh, in the peer's
// initramfs), and printed in bench.c's RESULT format so that one parser
// reads both.
//
// Usage: fsbench [-t dir]   (a directory on tmpfs; default /tmp)
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define SAMPLES 21
#define ENTRIES 1000

static uint64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* Median, 10th and 90th percentiles and minimum of per-operation times. */
static void report(const char *name, double *ns, int batch)
{
	qsort(ns, SAMPLES, sizeof(*ns), by_value);
	printf("RESULT %-22s median_ns=%.1f p10_ns=%.1f p90_ns=%.1f min_ns=%.1f samples=%d "
	       "batch=%d\n",
	       name, ns[SAMPLES / 2], ns[SAMPLES / 10], ns[SAMPLES * 9 / 10], ns[0], SAMPLES,
	       batch);
}

static int fail(const char *what, const char *path)
{
	printf("ERROR %s %s: %s\n", what, path, strerror(errno));
	return 1;
}

/* stat of a file three directories down: every component cached. */
static int bench_stat(const char *dir)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/fsb_a", dir);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/fsb_a/b", dir);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/fsb_a/b/c", dir);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/fsb_a/b/c/file", dir);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || close(fd))
		return fail("create", path);
	enum { BATCH = 200 };
	double ns[SAMPLES];
	struct stat st;
	if (stat(path, &st)) /* warm */
		return fail("stat", path);
	for (int s = 0; s < SAMPLES; s++) {
		uint64_t t0 = now_ns();
		for (int i = 0; i < BATCH; i++)
			if (stat(path, &st))
				return fail("stat", path);
		ns[s] = (double)(now_ns() - t0) / BATCH;
	}
	report("stat_cached_path", ns, BATCH);
	unlink(path);
	for (int depth = 0; depth < 3; depth++) {
		*strrchr(path, '/') = 0;
		rmdir(path);
	}
	return 0;
}

/* Reads a directory of ENTRIES files through: the names it saw. */
static int read_all(const char *path)
{
	DIR *d = opendir(path);
	if (!d)
		return -1;
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)))
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

static int bench_readdir(const char *dir)
{
	char path[512], file[600];
	snprintf(path, sizeof(path), "%s/fsb_dir", dir);
	if (mkdir(path, 0755) && errno != EEXIST)
		return fail("mkdir", path);
	for (int i = 0; i < ENTRIES; i++) {
		snprintf(file, sizeof(file), "%s/entry-%04d", path, i);
		int fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (fd < 0 || close(fd))
			return fail("create", file);
	}
	enum { BATCH = 4 };
	double ns[SAMPLES];
	if (read_all(path) != ENTRIES) /* warm, and checked */
		return fail("readdir", path);
	for (int s = 0; s < SAMPLES; s++) {
		uint64_t t0 = now_ns();
		for (int i = 0; i < BATCH; i++)
			if (read_all(path) != ENTRIES)
				return fail("readdir", path);
		ns[s] = (double)(now_ns() - t0) / BATCH;
	}
	report("readdir_1000", ns, BATCH);
	for (int i = 0; i < ENTRIES; i++) {
		snprintf(file, sizeof(file), "%s/entry-%04d", path, i);
		unlink(file);
	}
	rmdir(path);
	return 0;
}

int main(int argc, char **argv)
{
	const char *dir = "/tmp";
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-t") && i + 1 < argc) {
			dir = argv[++i];
		} else {
			fprintf(stderr, "usage: %s [-t dir]\n", argv[0]);
			return 2;
		}
	}
	printf("FSBENCH_START\n");
	int bad = bench_stat(dir) + bench_readdir(dir);
	printf("FSBENCH_DONE errors=%d\n", bad);
	return bad != 0;
}
