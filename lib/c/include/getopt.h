// SPDX-License-Identifier: BSD-2-Clause
// <getopt.h>: getopt (also in <unistd.h>) and GNU's getopt_long
// (lib/c/getopt).
#ifndef _GETOPT_H
#define _GETOPT_H

extern char *optarg;
extern int optind, opterr, optopt;
int getopt(int argc, char *const argv[], const char *optstring);

#define no_argument 0
#define required_argument 1
#define optional_argument 2

struct option {
	const char *name;
	int has_arg;
	int *flag;
	int val;
};

int getopt_long(int argc, char *const argv[], const char *optstring, const struct option *longopts,
		int *longindex);

#endif
