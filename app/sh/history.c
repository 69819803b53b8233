// SPDX-License-Identifier: BSD-2-Clause
// The command history of an interactive session (in memory, bounded).
#include <stdlib.h>
#include <string.h>

#include "sh.h"

#define HISTORY_MAX 1000

static char *lines[HISTORY_MAX];
static int count;

void history_add(const char *line)
{
	if (!*line || (count && !strcmp(lines[count - 1], line)))
		return;
	if (count == HISTORY_MAX) {
		free(lines[0]);
		memmove(lines, lines + 1, sizeof lines[0] * (HISTORY_MAX - 1));
		count--;
	}
	lines[count++] = xstrdup(line);
}

int history_count(void)
{
	return count;
}

const char *history_at(int i)
{
	return i >= 0 && i < count ? lines[i] : NULL;
}

void history_clear(void)
{
	for (int i = 0; i < count; i++)
		free(lines[i]);
	count = 0;
}
