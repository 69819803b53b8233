// SPDX-License-Identifier: BSD-2-Clause
// The /etc/passwd and /etc/group line parsers (lib/c/pwd/pwent.c): every
// field of well-formed lines, compared with what glibc's fgetpwent and
// fgetgrent read from the same text (random lines too); the refusal of
// each kind of malformed line, whatever the buffer; ERANGE exactly below
// the size the line needs.
#define _DEFAULT_SOURCE
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <vgc.h>
#include <vtest.h>

int vgc___pwent_parse(const char *line, size_t len, struct passwd *pw, char *buf, size_t size);
int vgc___grent_parse(const char *line, size_t len, struct group *gr, char *buf, size_t size);
#define GRENT_BUF_FOR(len) ((len) + 1 + sizeof(char *) * ((len) / 2 + 4))

static char buf[8192];

static int pw(const char *line, struct passwd *out)
{
	return vgc___pwent_parse(line, strlen(line), out, buf, sizeof(buf));
}

static int gr(const char *line, struct group *out)
{
	return vgc___grent_parse(line, strlen(line), out, buf, sizeof(buf));
}

TEST(pwent, fields)
{
	struct passwd p;
	CHECK_EQ_I(pw("user:x:1000:100:A User,,,:/home/user:/bin/sh", &p), 0);
	CHECK_STREQ(p.pw_name, "user");
	CHECK_STREQ(p.pw_passwd, "x");
	CHECK_EQ_U(p.pw_uid, 1000);
	CHECK_EQ_U(p.pw_gid, 100);
	CHECK_STREQ(p.pw_gecos, "A User,,,");
	CHECK_STREQ(p.pw_dir, "/home/user");
	CHECK_STREQ(p.pw_shell, "/bin/sh");
	CHECK_EQ_I(pw("n::4294967294:0:::", &p), 0);
	CHECK_EQ_U(p.pw_uid, 4294967294u);
	CHECK_STREQ(p.pw_passwd, "");
	CHECK_STREQ(p.pw_shell, "");
}

TEST(pwent, refused)
{
	static const char *const bad[] = {
		"",
		"# comment",
		"root:x:0:0:root:/root",
		"root:x:0:0:root:/root:/bin/sh:extra",
		":x:0:0:root:/root:/bin/sh",
		"+nis:x:0:0:::",
		"-nis:x:0:0:::",
		"a b:x:0:0:::",
		"a,b:x:0:0:::",
		"root:x::0:::",
		"root:x:0::::",
		"root:x:-1:0:::",
		"root:x:+1:0:::",
		"root:x:1a:0:::",
		"root:x: 1:0:::",
		"root:x:4294967295:0:::",
		"root:x:99999999999999999999:0:::",
		"root:x:0:4294967296:::",
		"root:x:0:0:tab\there::",
		"root:x:0:0:::\r",
		"root:x:0:0:::/bin/sh\n",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct passwd p;
		memset(buf, 0x55, sizeof(buf));
		CHECK_MSG(pw(bad[i], &p) == VGC_EINVAL, "accepted '%s'", bad[i]);
		CHECK_MSG(buf[0] == 0x55, "'%s' wrote the buffer", bad[i]);
		/* Refused also with no room at all, never ERANGE. */
		CHECK(vgc___pwent_parse(bad[i], strlen(bad[i]), &p, buf, 0) == VGC_EINVAL);
	}
	/* A NUL inside the line is refused too. */
	struct passwd p;
	CHECK(vgc___pwent_parse("r\0ot:x:0:0:::", 13, &p, buf, sizeof(buf)) == VGC_EINVAL);
}

TEST(pwent, erange)
{
	const char *line = "user:x:1000:100:gecos:/home/user:/bin/sh";
	size_t len = strlen(line);
	struct passwd p;
	char small[64];
	CHECK_EQ_I(vgc___pwent_parse(line, len, &p, small, len), VGC_ERANGE);
	CHECK_EQ_I(vgc___pwent_parse(line, len, &p, small, len + 1), 0);
	CHECK_STREQ(p.pw_shell, "/bin/sh");
}

TEST(grent, fields)
{
	struct group g;
	CHECK_EQ_I(gr("wheel:x:10:root,user", &g), 0);
	CHECK_STREQ(g.gr_name, "wheel");
	CHECK_STREQ(g.gr_passwd, "x");
	CHECK_EQ_U(g.gr_gid, 10);
	CHECK_STREQ(g.gr_mem[0], "root");
	CHECK_STREQ(g.gr_mem[1], "user");
	CHECK(g.gr_mem[2] == NULL);
	CHECK_EQ_I(gr("empty::7:", &g), 0);
	CHECK(g.gr_mem[0] == NULL);
	CHECK_EQ_I(gr("skips:x:8:,a,,b,", &g), 0);
	CHECK_STREQ(g.gr_mem[0], "a");
	CHECK_STREQ(g.gr_mem[1], "b");
	CHECK(g.gr_mem[2] == NULL);
}

TEST(grent, refused)
{
	static const char *const bad[] = {
		"",	  "#x:x:1:",   "g:x:1",	   "g:x:1::",	      ":x:1:",	    "g:x::",
		"g:x:x:", "g:x:1:a b", "g:x:1:+a", "g:x:4294967295:", "g\x01:x:1:",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct group g;
		CHECK_MSG(gr(bad[i], &g) == VGC_EINVAL, "accepted '%s'", bad[i]);
	}
}

TEST(grent, erange)
{
	const char *line = "g:x:5:a,b,c,d";
	size_t len = strlen(line);
	struct group g;
	static char small[256];
	/* The least size that works (it depends on the buffer's alignment). */
	size_t least = 0;
	for (size_t s = 0; s <= GRENT_BUF_FOR(len) && !least; s++)
		if (vgc___grent_parse(line, len, &g, small + 1, s) == 0)
			least = s;
	CHECK(least > len + 4 * sizeof(char *));
	CHECK_EQ_I(vgc___grent_parse(line, len, &g, small + 1, least - 1), VGC_ERANGE);
	CHECK_STREQ(g.gr_mem[3], "d");
}

/* Random well-formed lines: ours and glibc's reading of them agree. */
static void random_name(char *out, unsigned *seed)
{
	static const char chars[] = "abcdefghijklmnopqrstuvwxyz0123456789_.-";
	int n = 1 + rand_r(seed) % 12;
	for (int i = 0; i < n; i++)
		out[i] = chars[rand_r(seed) % (i ? sizeof(chars) - 1 : 26)];
	out[n] = 0;
}

TEST(pwent, like_glibc)
{
	unsigned seed = 7;
	for (int i = 0; i < 2000; i++) {
		char name[16], pass[16], line[256];
		random_name(name, &seed);
		random_name(pass, &seed);
		unsigned uid = (unsigned)rand_r(&seed) % 4000000000u,
			 gid = (unsigned)rand_r(&seed) % 70000;
		snprintf(line, sizeof(line), "%s:%s:%u:%u:G %d,x:/h/%s:/bin/%s", name, pass, uid,
			 gid, i, name, pass);
		struct passwd ours;
		CHECK_MSG(pw(line, &ours) == 0, "refused '%s'", line);
		FILE *f = fmemopen(line, strlen(line), "r");
		struct passwd *theirs = fgetpwent(f);
		CHECK(theirs != NULL);
		CHECK_STREQ(ours.pw_name, theirs->pw_name);
		CHECK_STREQ(ours.pw_passwd, theirs->pw_passwd);
		CHECK_EQ_U(ours.pw_uid, theirs->pw_uid);
		CHECK_EQ_U(ours.pw_gid, theirs->pw_gid);
		CHECK_STREQ(ours.pw_gecos, theirs->pw_gecos);
		CHECK_STREQ(ours.pw_dir, theirs->pw_dir);
		CHECK_STREQ(ours.pw_shell, theirs->pw_shell);
		fclose(f);
	}
}

TEST(grent, like_glibc)
{
	unsigned seed = 11;
	for (int i = 0; i < 2000; i++) {
		char name[16], line[512];
		random_name(name, &seed);
		int n = snprintf(line, sizeof(line), "%s:x:%u:", name, (unsigned)rand_r(&seed));
		int members = rand_r(&seed) % 6;
		for (int k = 0; k < members; k++) {
			char m[16];
			random_name(m, &seed);
			n += snprintf(line + n, sizeof(line) - (size_t)n, "%s%s", k ? "," : "", m);
		}
		struct group ours;
		CHECK_MSG(gr(line, &ours) == 0, "refused '%s'", line);
		FILE *f = fmemopen(line, strlen(line), "r");
		struct group *theirs = fgetgrent(f);
		CHECK(theirs != NULL);
		CHECK_STREQ(ours.gr_name, theirs->gr_name);
		CHECK_EQ_U(ours.gr_gid, theirs->gr_gid);
		int k = 0;
		for (; theirs->gr_mem[k]; k++) {
			CHECK(ours.gr_mem[k] != NULL);
			CHECK_STREQ(ours.gr_mem[k], theirs->gr_mem[k]);
		}
		CHECK(ours.gr_mem[k] == NULL);
		fclose(f);
	}
}
