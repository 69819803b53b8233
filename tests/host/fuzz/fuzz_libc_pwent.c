// SPDX-License-Identifier: BSD-2-Clause
// libFuzzer harness for the /etc/passwd and /etc/group line parsers
// (lib/c/pwd/pwent.c). The input is one line, in a heap buffer of exactly
// its length (ASan catches any read past it), parsed as both kinds into
// buffers of every size from the input's first byte up: an accepted line
// must give strings inside the buffer, terminated there, with no ':' or
// control character, members none empty and the array NULL-terminated
// inside the buffer; the result must not depend on the size except as
// ERANGE below a least size, and a refusal must leave the buffer alone.
#include <grp.h>
#include <pwd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <vgc.h>

int vgc___pwent_parse(const char *line, size_t len, struct passwd *pw, char *buf, size_t size);
int vgc___grent_parse(const char *line, size_t len, struct group *gr, char *buf, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void die(const char *what)
{
	fprintf(stderr, "FUZZ FAIL: %s\n", what);
	abort();
}

/* s must lie in buf[0..size), end there, and hold no ':' or control. */
static void check_str(const char *s, const char *buf, size_t size, int allow_colon)
{
	if (s < buf || s >= buf + size)
		die("string outside the buffer");
	for (const char *p = s;; p++) {
		if (p >= buf + size)
			die("string not terminated inside the buffer");
		if (!*p)
			return;
		if ((unsigned char)*p < 0x20 || *p == 0x7f || (!allow_colon && *p == ':'))
			die("bad character in a field");
	}
}

static void one(const char *line, size_t len, size_t size, int group)
{
	char *buf = malloc(size ? size : 1);
	memset(buf, 0x5a, size);
	int r;
	if (group) {
		struct group g;
		r = vgc___grent_parse(line, len, &g, buf, size);
		if (!r) {
			check_str(g.gr_name, buf, size, 0);
			check_str(g.gr_passwd, buf, size, 0);
			char **m = g.gr_mem;
			if ((char *)m < buf || (char *)m >= buf + size)
				die("gr_mem outside the buffer");
			for (;; m++) {
				if ((char *)(m + 1) > buf + size)
					die("gr_mem not terminated inside the buffer");
				if (!*m)
					break;
				check_str(*m, buf, size, 0);
				if (!**m || strchr(*m, ','))
					die("bad member");
			}
		}
	} else {
		struct passwd p;
		r = vgc___pwent_parse(line, len, &p, buf, size);
		if (!r) {
			if (p.pw_uid == UINT32_MAX || p.pw_gid == UINT32_MAX)
				die("id -1 accepted");
			check_str(p.pw_name, buf, size, 0);
			check_str(p.pw_passwd, buf, size, 0);
			check_str(p.pw_gecos, buf, size, 0);
			check_str(p.pw_dir, buf, size, 0);
			check_str(p.pw_shell, buf, size, 0);
			if (!*p.pw_name)
				die("empty name");
		}
	}
	if (r && r != VGC_EINVAL && r != VGC_ERANGE)
		die("unexpected result");
	if (r)
		for (size_t i = 0; i < size; i++)
			if (buf[i] != 0x5a)
				die("refused, yet the buffer was written");
	free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *line = malloc(size ? size : 1);
	memcpy(line, data, size);
	for (int group = 0; group < 2; group++) {
		/* The verdict with room to spare decides what every size may say. */
		size_t big = size * 8 + 64;
		char *buf = malloc(big);
		int r = group ? vgc___grent_parse(line, size, &(struct group){ 0 }, buf, big)
			      : vgc___pwent_parse(line, size, &(struct passwd){ 0 }, buf, big);
		free(buf);
		if (r && r != VGC_EINVAL)
			die("refused with room to spare, not as malformed");
		size_t from = size ? data[0] % (size + 1) : 0;
		for (size_t s = from; s <= big && s < from + 12; s++) {
			char *b = malloc(s ? s : 1);
			int rs = group ? vgc___grent_parse(line, size, &(struct group){ 0 }, b, s)
				       : vgc___pwent_parse(line, size, &(struct passwd){ 0 }, b, s);
			free(b);
			if (r ? rs != r : rs && rs != VGC_ERANGE)
				die("verdict depends on the buffer");
			one(line, size, s, group);
		}
	}
	free(line);
	return 0;
}
