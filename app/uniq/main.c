// SPDX-License-Identifier: BSD-2-Clause
// uniq [-c|-d|-u] [input [output]]: one line of each run of equal adjacent
// lines; -c with the run's length before it, -d only lines that repeat, -u
// only lines that do not.
#include "../lib/util.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static bool opt_c, opt_d, opt_u;

static void emit(FILE *out, const char *line, size_t len, long count)
{
	if ((opt_d && count < 2) || (opt_u && count > 1))
		return;
	if (opt_c)
		fprintf(out, "%7ld ", count);
	fwrite(line, 1, len, out);
	fputc('\n', out);
}

int main(int argc, char **argv)
{
	util_init(argv, "uniq");
	int c;
	while ((c = getopt(argc, argv, "cdu")) != -1) {
		if (c == 'c')
			opt_c = true;
		else if (c == 'd')
			opt_d = true;
		else if (c == 'u')
			opt_u = true;
		else
			util_usage("[-c|-d|-u] [input [output]]");
	}
	if (argc - optind > 2)
		util_usage("[-c|-d|-u] [input [output]]");
	FILE *in = stdin, *out = stdout;
	if (optind < argc && strcmp(argv[optind], "-")) {
		in = fopen(argv[optind], "r");
		if (!in) {
			util_warn(argv[optind]);
			return 1;
		}
	}
	if (optind + 1 < argc) {
		out = fopen(argv[optind + 1], "w");
		if (!out) {
			util_warn(argv[optind + 1]);
			return 1;
		}
	}
	char *prev = NULL, *line = NULL;
	size_t pcap = 0, cap = 0, plen = 0;
	long count = 0;
	ssize_t n;
	while ((n = getline(&line, &cap, in)) >= 0) {
		size_t len = (size_t)n;
		if (len && line[len - 1] == '\n')
			len--;
		if (count && len == plen && !memcmp(line, prev, len)) {
			count++;
			continue;
		}
		if (count)
			emit(out, prev, plen, count);
		/* the new run's first line becomes prev */
		char *t = prev;
		size_t tc = pcap;
		prev = line;
		pcap = cap;
		line = t;
		cap = tc;
		plen = len;
		count = 1;
	}
	if (count)
		emit(out, prev, plen, count);
	int status = 0;
	if (ferror(in)) {
		util_warn(optind < argc ? argv[optind] : "standard input");
		status = 1;
	}
	free(prev);
	free(line);
	if (out != stdout && fclose(out)) {
		util_warn(argv[optind + 1]);
		status = 1;
	}
	return util_finish(status);
}
