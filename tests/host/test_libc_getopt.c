// SPDX-License-Identifier: BSD-2-Clause
// lib/c's getopt and getopt_long against glibc's (told not to permute, as
// POSIX scans): random command lines of short options with and without
// arguments, groups, "--", "-", operands and long options (exact,
// abbreviated, ambiguous, unknown, with "=value"), comparing every return
// value, optarg, optind and optopt. Messages are off (opterr = 0) except in
// the case that checks one goes to stderr's descriptor.
#define _GNU_SOURCE
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <vgc_regex.h>
#include <vtest.h>

static int flagvar_ours, flagvar_host;

static const struct vgc_option ours_long[] = {
	{ "verbose", 0, NULL, 'v' }, { "file", 1, NULL, 'f' },	      { "color", 2, NULL, 'C' },
	{ "colour", 2, NULL, 'C' },  { "flag", 0, &flagvar_ours, 7 }, { "fast", 0, NULL, 'F' },
	{ NULL, 0, NULL, 0 },
};
static const struct option host_long[] = {
	{ "verbose", 0, NULL, 'v' }, { "file", 1, NULL, 'f' },	      { "color", 2, NULL, 'C' },
	{ "colour", 2, NULL, 'C' },  { "flag", 0, &flagvar_host, 7 }, { "fast", 0, NULL, 'F' },
	{ NULL, 0, NULL, 0 },
};

static void compare(int argc, char **argv, const char *optstring, bool longopts)
{
	char host_opts[32];
	snprintf(host_opts, sizeof(host_opts), "+%s", optstring);
	vgc_optind = 0;
	optind = 0;
	vgc_opterr = opterr = 0;
	flagvar_ours = flagvar_host = 0;
	for (int step = 0; step < 64; step++) {
		int li1 = -1, li2 = -1;
		int r1 = longopts ? vgc_getopt_long(argc, argv, optstring, ours_long, &li1)
				  : vgc_getopt(argc, argv, optstring);
		int r2 = longopts ? getopt_long(argc, argv, host_opts, host_long, &li2)
				  : getopt(argc, argv, host_opts);
		CHECK_MSG(r1 == r2 && vgc_optind == optind && li1 == li2,
			  "step %d (\"%s\", argv[1] \"%s\"): returned %d/%d, optind %d/%d", step,
			  optstring, argc > 1 ? argv[1] : "", r1, r2, vgc_optind, optind);
		CHECK(flagvar_ours == flagvar_host);
		if (r1 == -1)
			return;
		CHECK_MSG((vgc_optarg == NULL) == (optarg == NULL) &&
				  (!optarg || !strcmp(vgc_optarg, optarg)),
			  "step %d: optarg \"%s\" vs \"%s\"", step,
			  vgc_optarg ? vgc_optarg : "(null)", optarg ? optarg : "(null)");
		if (r1 == '?' || r1 == ':')
			CHECK_MSG(vgc_optopt == optopt, "optopt %d vs %d", vgc_optopt, optopt);
	}
	FAIL("no end");
}

TEST(libc_getopt, random)
{
	static const char *const words[] = {
		"-a",	     "-b",     "x",	 "-ab",		"-bx", "--",   "-",	   "-c",
		"-cy",	     "-z",     "-abc",	 "--verbose",	"--v", "--f",  "--file=q", "--col",
		"--color=r", "--flag", "--nope", "--verbose=1", "-:",  "--fa", "--fas"
	};
	static const char *const optstrings[] = { "ab:c::", ":ab:c::", "abc", ":a", "a:b:" };
	uint64_t rng = 31;
	for (int i = 0; i < 50000; i++) {
		char *argv[10];
		int argc = 1 + (int)vtest_below(&rng, 8);
		argv[0] = "prog";
		for (int k = 1; k < argc; k++)
			argv[k] =
				(char *)words[vtest_below(&rng, sizeof(words) / sizeof(words[0]))];
		argv[argc] = NULL;
		compare(argc, argv, optstrings[vtest_below(&rng, 5)], vtest_below(&rng, 2));
	}
}

/* With opterr set, the message goes to descriptor 2 in glibc's words. */
TEST(libc_getopt, message)
{
	int fds[2];
	CHECK(pipe(fds) == 0);
	int saved = dup(2);
	dup2(fds[1], 2);
	char *argv[] = { "prog", "-q", "-b", NULL };
	vgc_optind = 0;
	vgc_opterr = 1;
	int r1 = vgc_getopt(3, argv, "b:");
	int r2 = vgc_getopt(3, argv, "b:");
	dup2(saved, 2);
	close(saved);
	close(fds[1]);
	char buf[200] = { 0 };
	CHECK(read(fds[0], buf, sizeof(buf) - 1) > 0);
	close(fds[0]);
	CHECK(r1 == '?' && r2 == '?');
	CHECK_STREQ(buf, "prog: invalid option -- 'q'\nprog: option requires an argument -- 'b'\n");
}

/* The long options' messages, in glibc's words. */
TEST(libc_getopt, long_messages)
{
	int fds[2];
	CHECK(pipe(fds) == 0);
	int saved = dup(2);
	dup2(fds[1], 2);
	char *argv[] = { "prog", "--nope", "--verbose=1", "--file", NULL };
	vgc_optind = 0;
	vgc_opterr = 1;
	int r[3];
	for (int k = 0; k < 3; k++)
		r[k] = vgc_getopt_long(4, argv, "", ours_long, NULL);
	dup2(saved, 2);
	close(saved);
	close(fds[1]);
	char buf[300] = { 0 };
	CHECK(read(fds[0], buf, sizeof(buf) - 1) > 0);
	close(fds[0]);
	CHECK(r[0] == '?' && r[1] == '?' && r[2] == '?');
	CHECK_STREQ(buf,
		    "prog: unrecognized option '--nope'\n"
		    "prog: option '--verbose' doesn't allow an argument\n"
		    "prog: option '--file' requires an argument\n");
}
