// SPDX-License-Identifier: BSD-2-Clause
// yes [string...]: the arguments (or "y") on a line, for ever, until the
// output can no longer be written.
#include "../lib/util.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	util_init(argv, "yes");
	/* One line, repeated to fill a buffer, written whole each time. */
	size_t len = 0;
	for (int i = 1; i < argc; i++)
		len += strlen(argv[i]) + 1;
	if (argc < 2)
		len = 2;
	char *line = malloc(len + 1);
	if (!line) {
		util_warn("memory");
		return 1;
	}
	line[0] = 0;
	if (argc < 2)
		strcpy(line, "y ");
	for (int i = 1; i < argc; i++) {
		strcat(line, argv[i]);
		strcat(line, " ");
	}
	line[len - 1] = '\n';
	size_t reps = len < 8192 ? 8192 / len : 1;
	char *buf = malloc(len * reps);
	if (!buf) {
		util_warn("memory");
		return 1;
	}
	for (size_t k = 0; k < reps; k++)
		memcpy(buf + k * len, line, len);
	while (util_write_all(STDOUT_FILENO, buf, len * reps) == 0)
		;
	return 1;
}
