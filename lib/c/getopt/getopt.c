// SPDX-License-Identifier: BSD-2-Clause
// getopt (POSIX) and getopt_long (GNU's interface): options are scanned
// in order and scanning stops at the first operand, as POSIX says (no
// permutation; a leading '+' in optstring is accepted and ignored, a
// leading ':' reports a missing argument as ':' without a message). "::"
// after a letter is GNU's optional argument (only in the same word).
// Messages have glibc's wording.
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

char *optarg;
int optind = 1, opterr = 1, optopt;

/* Where the scan is inside a group of options ("-abc"), and the optind it
 * belongs to: a caller who resets optind starts a new scan. */
static int nextchar, scan_optind;

/* "prog: before'option'after" on descriptor 2. */
static void complain(const char *prog, const char *before, const char *dashes, const char *opt,
		     size_t optlen, const char *after)
{
	char msg[256];
	int n = snprintf(msg, sizeof(msg), "%s: %s'%s%.*s'%s\n", prog, before, dashes, (int)optlen,
			 opt, after);
	if (n > 0)
		write(2, msg, (size_t)n < sizeof(msg) ? (size_t)n : sizeof(msg) - 1);
}

static const char *skip_flags(const char *optstring, bool *colon)
{
	if (*optstring == '+')
		optstring++;
	*colon = *optstring == ':';
	return *colon ? optstring + 1 : optstring;
}

/* Moves to the next word. */
static void next_word(void)
{
	optind++;
	nextchar = 0;
}

/* The start of a scan step: false if there are no more options. */
static bool more_options(int argc, char *const argv[])
{
	if (optind == 0 || optind != scan_optind) {
		if (optind == 0)
			optind = 1;
		nextchar = 0;
	}
	if (nextchar)
		return true;
	if (optind >= argc || !argv[optind] || argv[optind][0] != '-' || !argv[optind][1])
		return false;
	if (!strcmp(argv[optind], "--")) {
		optind++;
		return false;
	}
	nextchar = 1;
	return true;
}

static int short_option(int argc, char *const argv[], const char *optstring)
{
	bool colon;
	const char *opts = skip_flags(optstring, &colon);
	const char *word = argv[optind];
	const char *letter = word + nextchar++;
	int c = (unsigned char)*letter;
	const char *spec = c == ':' ? NULL : strchr(opts, c);
	const char *rest = word + nextchar;
	optarg = NULL;
	if (!spec) {
		optopt = c;
		if (opterr && !colon)
			complain(argv[0], "invalid option -- ", "", letter, 1, "");
		if (!*rest)
			next_word();
		return '?';
	}
	if (spec[1] != ':') {
		if (!*rest)
			next_word();
		return c;
	}
	next_word();
	if (*rest) {
		optarg = (char *)rest;
	} else if (spec[2] == ':') {
		/* an optional argument is only ever in the same word */
	} else if (optind < argc) {
		optarg = argv[optind++];
	} else {
		optopt = c;
		if (colon)
			return ':';
		if (opterr)
			complain(argv[0], "option requires an argument -- ", "", letter, 1, "");
		return '?';
	}
	return c;
}

int getopt(int argc, char *const argv[], const char *optstring)
{
	int r = more_options(argc, argv) ? short_option(argc, argv, optstring) : -1;
	scan_optind = optind;
	return r;
}

/* "--name[=value]" at argv[optind]. */
static int long_option(int argc, char *const argv[], const char *optstring,
		       const struct option *longopts, int *longindex)
{
	bool colon;
	skip_flags(optstring, &colon);
	const char *name = argv[optind] + 2;
	const char *eq = strchr(name, '=');
	size_t len = eq ? (size_t)(eq - name) : strlen(name);
	int found = -1;
	bool ambiguous = false;
	for (int k = 0; longopts[k].name; k++) {
		if (strncmp(longopts[k].name, name, len))
			continue;
		if (strlen(longopts[k].name) == len) { /* exact: no ambiguity */
			found = k;
			ambiguous = false;
			break;
		}
		if (found < 0)
			found = k;
		else if (longopts[found].has_arg != longopts[k].has_arg ||
			 longopts[found].flag != longopts[k].flag ||
			 longopts[found].val != longopts[k].val)
			ambiguous = true;
	}
	next_word();
	optarg = NULL;
	optopt = 0;
	if (found < 0 || ambiguous) {
		if (opterr)
			complain(argv[0], ambiguous ? "option " : "unrecognized option ", "--",
				 name, strlen(name), ambiguous ? " is ambiguous" : "");
		return '?';
	}
	const struct option *o = &longopts[found];
	if (eq) {
		if (o->has_arg == no_argument) {
			optopt = o->flag ? 0 : o->val;
			if (opterr)
				complain(argv[0], "option ", "--", o->name, strlen(o->name),
					 " doesn't allow an argument");
			return '?';
		}
		optarg = (char *)eq + 1;
	} else if (o->has_arg == required_argument) {
		if (optind >= argc) {
			optopt = o->flag ? 0 : o->val;
			if (colon)
				return ':';
			if (opterr)
				complain(argv[0], "option ", "--", o->name, strlen(o->name),
					 " requires an argument");
			return '?';
		}
		optarg = argv[optind++];
	}
	if (longindex)
		*longindex = found;
	if (o->flag) {
		*o->flag = o->val;
		return 0;
	}
	return o->val;
}

int getopt_long(int argc, char *const argv[], const char *optstring, const struct option *longopts,
		int *longindex)
{
	int r = -1;
	if (more_options(argc, argv)) {
		const char *word = argv[optind];
		if (nextchar == 1 && word[1] == '-')
			r = long_option(argc, argv, optstring, longopts, longindex);
		else
			r = short_option(argc, argv, optstring);
	}
	scan_optind = optind;
	return r;
}
