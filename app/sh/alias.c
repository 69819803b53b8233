// SPDX-License-Identifier: BSD-2-Clause
// Aliases: a name's text substituted by the parser in command position.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

struct alias {
	struct alias *next;
	char *name, *value;
};
static struct alias *aliases; /* sorted by name */

const char *alias_get(const char *name)
{
	for (struct alias *a = aliases; a; a = a->next)
		if (!strcmp(a->name, name))
			return a->value;
	return NULL;
}

void alias_set(const char *name, const char *value)
{
	struct alias **pp = &aliases;
	while (*pp && strcmp((*pp)->name, name) < 0)
		pp = &(*pp)->next;
	if (*pp && !strcmp((*pp)->name, name)) {
		free((*pp)->value);
		(*pp)->value = xstrdup(value);
		return;
	}
	struct alias *a = xmalloc(sizeof *a);
	a->name = xstrdup(name);
	a->value = xstrdup(value);
	a->next = *pp;
	*pp = a;
}

int alias_unset(const char *name)
{
	for (struct alias **pp = &aliases; *pp; pp = &(*pp)->next)
		if (!strcmp((*pp)->name, name)) {
			struct alias *a = *pp;
			*pp = a->next;
			free(a->name);
			free(a->value);
			free(a);
			return 0;
		}
	return -1;
}

static void print_one(const struct alias *a)
{
	printf("%s='", a->name);
	for (const char *s = a->value; *s; s++)
		fputs(*s == '\'' ? "'\\''" : (char[]){ *s, 0 }, stdout);
	puts("'");
}

void alias_print(const char *name)
{
	for (struct alias *a = aliases; a; a = a->next)
		if (!name || !strcmp(a->name, name))
			print_one(a);
}

void alias_each(void (*fn)(const char *name, void *ctx), void *ctx)
{
	for (struct alias *a = aliases; a; a = a->next)
		fn(a->name, ctx);
}
