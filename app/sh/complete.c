// SPDX-License-Identifier: BSD-2-Clause
// Tab completion: command names (builtins, functions, aliases, programs on
// PATH) in command position, paths elsewhere.
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sh.h"

struct ctx {
	struct strlist *out;
	const char *prefix;
	size_t plen;
};

static void add_if_prefix(const char *name, void *p)
{
	struct ctx *c = p;
	if (!strncmp(name, c->prefix, c->plen))
		sl_add(c->out, xstrdup(name));
}

static void path_commands(struct ctx *c)
{
	const char *path = var_get("PATH");
	if (!path)
		return;
	char *copy = xstrdup(path);
	for (char *dir = strtok(copy, ":"); dir; dir = strtok(NULL, ":")) {
		DIR *d = opendir(dir);
		if (!d)
			continue;
		struct dirent *e;
		while ((e = readdir(d))) {
			if (e->d_name[0] == '.' || strncmp(e->d_name, c->prefix, c->plen))
				continue;
			size_t n = strlen(dir) + strlen(e->d_name) + 2;
			char *full = xmalloc(n);
			strcpy(full, dir);
			strcat(full, "/");
			strcat(full, e->d_name);
			struct stat st;
			if (stat(full, &st) == 0 && S_ISREG(st.st_mode) && access(full, X_OK) == 0)
				sl_add(c->out, xstrdup(e->d_name));
			free(full);
		}
		closedir(d);
	}
	free(copy);
}

static void path_entries(const char *word, struct strlist *out)
{
	const char *slash = strrchr(word, '/');
	char *dir = slash ? xstrndup(word, (size_t)(slash - word) + 1) : xstrdup("");
	const char *base = slash ? slash + 1 : word;
	DIR *d = opendir(*dir ? dir : ".");
	if (d) {
		struct dirent *e;
		size_t bl = strlen(base);
		while ((e = readdir(d))) {
			if (strncmp(e->d_name, base, bl))
				continue;
			if (e->d_name[0] == '.' && base[0] != '.')
				continue;
			if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
				continue;
			struct strbuf b = { 0 };
			sb_adds(&b, dir);
			sb_adds(&b, e->d_name);
			struct stat st;
			if (stat(b.s, &st) == 0 && S_ISDIR(st.st_mode))
				sb_addc(&b, '/');
			sl_add(out, sb_take(&b));
		}
		closedir(d);
	}
	free(dir);
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void complete_line(const char *buf, size_t cursor, struct strlist *cands, size_t *wordstart)
{
	size_t ws = cursor;
	while (ws > 0 && !strchr(" \t;|&()<>", buf[ws - 1]))
		ws--;
	*wordstart = ws;
	size_t k = ws;
	while (k > 0 && (buf[k - 1] == ' ' || buf[k - 1] == '\t'))
		k--;
	int command_pos = k == 0 || strchr(";|&(", buf[k - 1]);
	char *word = xstrndup(buf + ws, cursor - ws);
	if (command_pos && !strchr(word, '/')) {
		struct ctx c = { cands, word, strlen(word) };
		builtin_each(add_if_prefix, &c);
		func_each(add_if_prefix, &c);
		alias_each(add_if_prefix, &c);
		path_commands(&c);
	} else
		path_entries(word, cands);
	free(word);
	if (cands->n > 1) {
		qsort(cands->v, (size_t)cands->n, sizeof *cands->v, cmp);
		int w = 1;
		for (int r = 1; r < cands->n; r++) {
			if (!strcmp(cands->v[r], cands->v[w - 1]))
				free(cands->v[r]);
			else
				cands->v[w++] = cands->v[r];
		}
		cands->n = w;
		cands->v[w] = NULL;
	}
}
