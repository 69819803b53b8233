// SPDX-License-Identifier: BSD-2-Clause
// idlc [options] FILE.idl -o OUTDIR: compiles one IDL file into
// OUTDIR/<library>.h, <library>_client.c, <library>_server.c and
// <library>.md. Every output is written to a temporary file first and
// renamed into place only when all of them are written, so that a failure
// leaves no half-written output.
#define _POSIX_C_SOURCE 200809L
#include "idlc.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void usage(FILE *f)
{
	fprintf(f,
		"usage: idlc [options] FILE.idl -o OUTDIR\n"
		"  -o OUTDIR   where to write <library>.h, <library>_client.c,\n"
		"              <library>_server.c and <library>.md\n"
		"  --check     check FILE.idl only, write nothing\n"
		"  -h, --help  this text\n"
		"The language is described in docs/IPC.md.\n");
}

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "idlc: %s: %s\n", path, strerror(errno));
		return NULL;
	}
	/* One byte more than the limit, so that too big is seen. */
	size_t cap = IDLC_MAX_SOURCE + 1;
	char *buf = malloc(cap);
	if (!buf) {
		fclose(f);
		fprintf(stderr, "idlc: out of memory\n");
		return NULL;
	}
	*len = fread(buf, 1, cap, f);
	if (ferror(f)) {
		fprintf(stderr, "idlc: %s: read error\n", path);
		fclose(f);
		free(buf);
		return NULL;
	}
	fclose(f);
	return buf;
}

static int write_outputs(const char *dir, const struct idlc_output *out)
{
	char tmp[OUT_COUNT][4096], final[OUT_COUNT][4096];
	int made = 0, status = 0;
	mode_t mask = umask(0);
	umask(mask);
	for (int i = 0; i < OUT_COUNT && !status; i++) {
		snprintf(final[i], sizeof(final[i]), "%s/%s", dir, out->name[i]);
		snprintf(tmp[i], sizeof(tmp[i]), "%s/.%s.XXXXXX", dir, out->name[i]);
		int fd = mkstemp(tmp[i]);
		if (fd < 0) {
			fprintf(stderr, "idlc: %s: %s\n", tmp[i], strerror(errno));
			status = 1;
			break;
		}
		made++;
		/* mkstemp makes the file private; outputs get the usual mode. */
		if (fchmod(fd, 0666 & ~mask)) {
			fprintf(stderr, "idlc: %s: %s\n", tmp[i], strerror(errno));
			close(fd);
			status = 1;
			break;
		}
		FILE *f = fdopen(fd, "wb");
		if (!f) {
			close(fd);
			status = 1;
			break;
		}
		const struct text *t = &out->text[i];
		if ((t->len && fwrite(t->data, 1, t->len, f) != t->len) || fclose(f)) {
			fprintf(stderr, "idlc: %s: write error\n", tmp[i]);
			status = 1;
		}
	}
	for (int i = 0; i < made; i++) {
		if (!status && rename(tmp[i], final[i])) {
			fprintf(stderr, "idlc: %s: %s\n", final[i], strerror(errno));
			status = 1;
		}
		if (status)
			unlink(tmp[i]);
	}
	return status;
}

int main(int argc, char **argv)
{
	const char *in = NULL, *outdir = NULL;
	int check = 0;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-o") && i + 1 < argc) {
			outdir = argv[++i];
		} else if (!strcmp(argv[i], "--check")) {
			check = 1;
		} else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			usage(stdout);
			return 0;
		} else if (argv[i][0] == '-' || in) {
			usage(stderr);
			return 2;
		} else {
			in = argv[i];
		}
	}
	if (!in || (!outdir && !check)) {
		usage(stderr);
		return 2;
	}
	size_t len;
	char *src = read_file(in, &len);
	if (!src)
		return 1;
	struct idlc_output out;
	char err[600];
	int status = idlc_compile(in, src, len, &out, err, sizeof(err));
	free(src);
	if (status) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	if (!check)
		status = write_outputs(outdir, &out);
	idlc_output_free(&out);
	return status;
}
