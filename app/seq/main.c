// SPDX-License-Identifier: BSD-2-Clause
// seq [-w] [-s sep] [first [incr]] last: the numbers from first (1) by incr
// (1) up to (or, with a negative incr, down to) last, one per line or
// separated by sep; -w pads them with zeros to one width. Integers are
// counted exactly; with a fraction the output has as many decimals as
// first or incr.
#include "../lib/util.h"
#include <stdlib.h>
#include <string.h>

struct num {
	double v;
	int decimals;
	bool integer;
};

static bool parse_num(const char *s, struct num *n)
{
	char *end;
	n->v = strtod(s, &end);
	if (end == s || *end || n->v != n->v)
		return false;
	const char *dot = strchr(s, '.');
	n->decimals = dot ? (int)strspn(dot + 1, "0123456789") : 0;
	n->integer = !dot && !strpbrk(s, "eEnN");
	return true;
}

static bool numeric_arg(const char *s)
{
	struct num n;
	return parse_num(s, &n);
}

int main(int argc, char **argv)
{
	util_init(argv, "seq");
	const char *sep = "\n";
	bool equal_width = false;
	int i = 1;
	/* Options end at the first number: "-1" is an operand. */
	for (; i < argc && argv[i][0] == '-' && argv[i][1] && !numeric_arg(argv[i]); i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		if (!strcmp(argv[i], "-w")) {
			equal_width = true;
		} else if (!strcmp(argv[i], "-s")) {
			if (i + 1 == argc) {
				util_warnx("option requires an argument -- 's'");
				util_usage("[-w] [-s sep] [first [incr]] last");
			}
			sep = argv[++i];
		} else if (!strncmp(argv[i], "-s", 2) && argv[i][2]) {
			sep = argv[i] + 2;
		} else {
			util_warnx("invalid option '%s'", argv[i]);
			util_usage("[-w] [-s sep] [first [incr]] last");
		}
	}
	int n = argc - i;
	if (n < 1 || n > 3)
		util_usage("[-w] [-s sep] [first [incr]] last");
	struct num first = { 1, 0, true }, incr = { 1, 0, true }, last;
	const char *bad = NULL;
	if (!parse_num(argv[argc - 1], &last))
		bad = argv[argc - 1];
	if (n >= 2 && !parse_num(argv[i], &first))
		bad = argv[i];
	if (n == 3 && !parse_num(argv[i + 1], &incr))
		bad = argv[i + 1];
	if (bad) {
		util_warnx("invalid floating point argument: '%s'", bad);
		return 1;
	}
	if (incr.v == 0) {
		util_warnx("invalid Zero increment value: '%s'", argv[i + 1]);
		return 1;
	}
	int decimals = first.decimals > incr.decimals ? first.decimals : incr.decimals;
	bool integers = first.integer && incr.integer && last.integer;
	/* The width of the widest number printed, for -w. */
	int width = 0;
	if (equal_width) {
		char buf[64];
		int a = snprintf(buf, sizeof(buf), "%.*f", decimals, first.v);
		int b = snprintf(buf, sizeof(buf), "%.*f", decimals, last.v);
		width = a > b ? a : b;
	}
	bool any = false;
	for (long k = 0;; k++) {
		double v;
		if (integers)
			v = (double)((long long)first.v + k * (long long)incr.v);
		else
			v = first.v + (double)k * incr.v;
		if ((incr.v > 0 && v > last.v) || (incr.v < 0 && v < last.v))
			break;
		if (any)
			fputs(sep, stdout);
		if (integers)
			printf("%0*lld", width, (long long)v);
		else
			printf("%0*.*f", width, decimals, v);
		any = true;
		if (ferror(stdout))
			break;
	}
	if (any)
		putchar('\n');
	return util_finish(0);
}
