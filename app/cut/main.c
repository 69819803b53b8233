// SPDX-License-Identifier: BSD-2-Clause
// cut -b list [-n] [file...], cut -c list [file...], cut -f list [-d delim]
// [-s] [file...]: the selected bytes, characters (bytes in the C locale)
// or fields (separated by delim, a tab by default) of each line. A list is
// comma-separated numbers and ranges (N, N-M, N-, -M) counted from 1;
// -s drops lines without a delimiter (by default they are printed whole).
#include "../lib/util.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct range {
	long lo, hi;
};

static struct range *ranges;
static size_t nranges;

static bool parse_list(const char *s)
{
	while (s) {
		const char *comma = strchr(s, ',');
		size_t len = comma ? (size_t)(comma - s) : strlen(s);
		char item[64];
		if (len == 0 || len >= sizeof(item))
			return false;
		memcpy(item, s, len);
		item[len] = 0;
		struct range r;
		char *dash = strchr(item, '-'), *end;
		if (!dash) {
			r.lo = r.hi = strtol(item, &end, 10);
			if (*end)
				return false;
		} else {
			*dash = 0;
			r.lo = item[0] ? strtol(item, &end, 10) : 1;
			if (item[0] && *end)
				return false;
			r.hi = dash[1] ? strtol(dash + 1, &end, 10) : -1;
			if (dash[1] && *end)
				return false;
			if (!item[0] && !dash[1])
				return false;
		}
		if (r.lo < 1 || (r.hi != -1 && r.hi < r.lo))
			return false;
		struct range *n = realloc(ranges, (nranges + 1) * sizeof(*n));
		if (!n)
			return false;
		ranges = n;
		ranges[nranges++] = r;
		if (!comma)
			return true;
		s = comma + 1;
	}
	return false;
}

static bool selected(long k)
{
	for (size_t i = 0; i < nranges; i++)
		if (k >= ranges[i].lo && (ranges[i].hi == -1 || k <= ranges[i].hi))
			return true;
	return false;
}

int main(int argc, char **argv)
{
	util_init(argv, "cut");
	char mode = 0, delim = '\t';
	bool only_delimited = false;
	int c;
	const char *list = NULL;
	while ((c = getopt(argc, argv, "b:c:f:d:sn")) != -1) {
		switch (c) {
		case 'b':
		case 'c':
		case 'f':
			if (mode) {
				util_warnx("only one type of list may be specified");
				return 1;
			}
			mode = (char)c;
			list = optarg;
			break;
		case 'd':
			if (strlen(optarg) != 1) {
				util_warnx("the delimiter must be a single character");
				return 1;
			}
			delim = optarg[0];
			break;
		case 's': only_delimited = true; break;
		case 'n': break;
		default: util_usage("-b list | -c list | -f list [-d delim] [-s] [file...]");
		}
	}
	if (!mode || !list) {
		util_warnx("you must specify a list of bytes, characters, or fields");
		util_usage("-b list | -c list | -f list [-d delim] [-s] [file...]");
	}
	if (!parse_list(list)) {
		util_warnx("invalid list '%s'", list);
		return 1;
	}
	static char *dash[] = { "-", NULL };
	char **files = optind < argc ? argv + optind : dash;
	int status = 0;
	for (; *files; files++) {
		bool is_stdin = !strcmp(*files, "-");
		FILE *f = is_stdin ? stdin : fopen(*files, "r");
		if (!f) {
			util_warn(*files);
			status = 1;
			continue;
		}
		char *line = NULL;
		size_t cap = 0;
		ssize_t n;
		while ((n = getline(&line, &cap, f)) >= 0) {
			size_t len = (size_t)n;
			if (len && line[len - 1] == '\n')
				len--;
			if (mode != 'f') {
				for (size_t k = 0; k < len; k++)
					if (selected((long)k + 1))
						putchar(line[k]);
				putchar('\n');
				continue;
			}
			if (!memchr(line, delim, len)) {
				if (!only_delimited) {
					fwrite(line, 1, len, stdout);
					putchar('\n');
				}
				continue;
			}
			long field = 1;
			bool first = true;
			size_t start = 0;
			for (size_t k = 0; k <= len; k++) {
				if (k < len && line[k] != delim)
					continue;
				if (selected(field)) {
					if (!first)
						putchar(delim);
					fwrite(line + start, 1, k - start, stdout);
					first = false;
				}
				field++;
				start = k + 1;
			}
			putchar('\n');
		}
		if (ferror(f)) {
			util_warn(*files);
			status = 1;
		}
		free(line);
		if (!is_stdin)
			fclose(f);
	}
	return util_finish(status);
}
