// SPDX-License-Identifier: BSD-2-Clause
// Dependency resolution (depgraph.h): references to indices, a depth-first
// search that reports each cycle it closes, then blocking propagated to
// whatever needs a service that cannot start, then a topological order per
// target.
#include "depgraph.h"
#include <stdio.h>
#include <string.h>

struct graph {
	const struct svcdef *defs;
	int n;
	struct dep_result *res;
	/* dep[i][k]: the index refs[k] of service i names, or -1 (absent). */
	int dep[DEP_SERVICES_MAX][SVC_REFS_MAX];
	uint8_t color[DEP_SERVICES_MAX]; /* 0 unvisited, 1 on the stack, 2 done */
	int stack[DEP_SERVICES_MAX];
	int depth;
};

int dep_find(const struct svcdef *defs, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(defs[i].name, name))
			return i;
	return -1;
}

static void cycle(struct graph *g, int from)
{
	/* The stack from `from` to the top, and back to `from`. */
	int at = g->depth - 1;
	while (at > 0 && g->stack[at] != from)
		at--;
	char path[160] = "on a dependency cycle:";
	for (int k = at; k <= g->depth; k++) {
		int s = k < g->depth ? g->stack[k] : from;
		size_t len = strlen(path);
		snprintf(path + len, sizeof(path) - len, "%s%s", k == at ? " " : " -> ",
			 g->defs[s].name);
	}
	for (int k = at; k < g->depth; k++) {
		struct dep_result *r = &g->res[g->stack[k]];
		if (r->verdict == DEP_CYCLE)
			continue; /* on two cycles: the first found is reported */
		r->verdict = DEP_CYCLE;
		r->line = 0;
		memcpy(r->msg, path, sizeof(path));
	}
}

static void visit(struct graph *g, int i)
{
	g->color[i] = 1;
	g->stack[g->depth++] = i;
	for (int k = 0; k < g->defs[i].nrefs; k++) {
		int j = g->dep[i][k];
		if (j < 0)
			continue;
		if (g->color[j] == 1)
			cycle(g, j);
		else if (g->color[j] == 0)
			visit(g, j);
	}
	g->depth--;
	g->color[i] = 2;
}

static void set(struct dep_result *r, uint8_t verdict, unsigned line, const char *fmt,
		const char *a, const char *b)
{
	r->verdict = verdict;
	r->line = line;
	snprintf(r->msg, sizeof(r->msg), fmt, a, b);
}

/* Hard references to services that cannot start block the referrer, until
 * nothing changes. */
static void propagate(struct graph *g)
{
	for (bool changed = true; changed;) {
		changed = false;
		for (int i = 0; i < g->n; i++) {
			if (g->res[i].verdict != DEP_OK)
				continue;
			for (int k = 0; k < g->defs[i].nrefs; k++) {
				int j = g->dep[i][k];
				if (j < 0 || !g->defs[i].refs[k].hard ||
				    g->res[j].verdict == DEP_OK)
					continue;
				set(&g->res[i], DEP_BLOCKED, g->defs[i].refs[k].line,
				    "requires %s, which cannot start%s", g->defs[j].name, "");
				changed = true;
				break;
			}
		}
	}
}

/* Whether every dependency of i that will start is placed already. */
static bool ready(const struct graph *g, const bool *placed, int i)
{
	for (int k = 0; k < g->defs[i].nrefs; k++) {
		int j = g->dep[i][k];
		if (j >= 0 && g->res[j].verdict == DEP_OK && !placed[j] &&
		    g->defs[j].target <= g->defs[i].target)
			return false;
	}
	return true;
}

int dep_resolve(const struct svcdef *defs, int n, struct dep_result *res, int *order)
{
	static struct graph g; /* large: not on a small stack */
	memset(&g, 0, sizeof(g));
	g.defs = defs;
	g.n = n;
	g.res = res;
	for (int i = 0; i < n; i++)
		res[i] = (struct dep_result){ DEP_OK, 0, "" };
	for (int i = 0; i < n; i++) {
		const struct svcdef *d = &defs[i];
		for (int k = 0; k < d->nrefs; k++) {
			const struct svc_ref *r = &d->refs[k];
			int j = g.dep[i][k] = dep_find(defs, n, r->name);
			if (res[i].verdict != DEP_OK || !r->hard)
				continue;
			if (j < 0)
				set(&res[i], DEP_MISSING, r->line,
				    "requires %s, which is not defined%s", r->name, "");
			else if (defs[j].target > d->target)
				set(&res[i], DEP_LATER_TARGET, r->line,
				    "requires %s of the later target %s", r->name,
				    svc_target_name(defs[j].target));
		}
	}
	for (int i = 0; i < n; i++)
		if (!g.color[i])
			visit(&g, i);
	propagate(&g);
	/* Target by target, each service once all of its dependencies are. */
	bool placed[DEP_SERVICES_MAX] = { false };
	int count = 0;
	for (unsigned t = 0; t < SVC_TARGETS; t++)
		for (bool progress = true; progress;) {
			progress = false;
			for (int i = 0; i < n; i++) {
				if (placed[i] || res[i].verdict != DEP_OK || defs[i].target != t ||
				    !ready(&g, placed, i))
					continue;
				placed[i] = true;
				order[count++] = i;
				progress = true;
			}
		}
	return count;
}
