// SPDX-License-Identifier: BSD-2-Clause
// libFuzzer harness for srv/init's service definitions: the input is split
// at NUL bytes into up to 8 definitions (services s0, s1, ...), each parsed
// (svcdef.c); the valid ones are resolved (depgraph.c). Invariants: a
// refusal has a message and a line within the text; an accepted definition
// has NUL-terminated fields and counts within their maxima; the start order
// holds each startable service once, after every dependency that starts.
#include "../../../srv/init/depgraph.h"
#include "../../../srv/init/svcdef.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void die(const char *what, const char *name)
{
	fprintf(stderr, "FUZZ FAIL: %s (%s)\n", what, name);
	abort();
}

static bool terminated(const char *s, size_t size)
{
	return memchr(s, 0, size) != NULL;
}

static void check_def(const struct svcdef *d)
{
	if (!terminated(d->program, sizeof(d->program)) || !d->program[0])
		die("program", d->name);
	if (d->nargs > SVC_ARGS_MAX || d->nenv > SVC_ENVS_MAX || d->nrefs > SVC_REFS_MAX ||
	    d->ngrants > SVC_GRANTS_MAX || d->nlimits > SVC_LIMITS_MAX || d->target >= SVC_TARGETS)
		die("a count over its maximum", d->name);
	for (int i = 0; i < d->nrefs; i++)
		if (!svc_name_valid(d->refs[i].name, strlen(d->refs[i].name)))
			die("a reference with a bad name", d->name);
	/* init's own handles (the root resource, its control endpoint) are
	 * no other service's: those grants have no reference. */
	for (int i = 0; i < d->ngrants; i++)
		if (d->grants[i].tag != SVC_TAG_RESOURCE && d->grants[i].tag != SVC_TAG_INIT &&
		    (d->grants[i].ref >= d->nrefs || !d->refs[d->grants[i].ref].hard))
			die("a grant without its hard reference", d->name);
	if (d->has_fs && (d->fs_ref >= d->nrefs || !d->refs[d->fs_ref].hard))
		die("a file system without its hard reference", d->name);
	if (d->delay_max_ms < d->delay_ms || !d->limit_window_ms)
		die("restart policy", d->name);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct svcdef defs[8];
	static struct dep_result res[8];
	int order[8];
	int n = 0;
	size_t at = 0;
	for (int k = 0; k < 8 && at <= size; k++) {
		const uint8_t *end = memchr(data + at, 0, size - at);
		size_t len = end ? (size_t)(end - (data + at)) : size - at;
		char name[8];
		snprintf(name, sizeof(name), "s%d", k);
		struct svc_error err;
		size_t lines = 1;
		for (size_t i = 0; i < len; i++)
			lines += data[at + i] == '\n';
		if (svcdef_parse(name, (const char *)data + at, len, &defs[n], &err) == 0) {
			check_def(&defs[n]);
			n++;
		} else if (!err.msg[0] || err.line > lines) {
			die("a refusal without a message or past the text", name);
		}
		at += len + 1;
	}
	int count = dep_resolve(defs, n, res, order);
	bool placed[8] = { false };
	for (int k = 0; k < count; k++) {
		int i = order[k];
		if (i < 0 || i >= n || placed[i] || res[i].verdict != DEP_OK)
			die("order", "?");
		for (int r = 0; r < defs[i].nrefs; r++) {
			int j = dep_find(defs, n, defs[i].refs[r].name);
			if (j >= 0 && res[j].verdict == DEP_OK && !placed[j] &&
			    defs[j].target <= defs[i].target)
				die("started before a dependency", defs[i].name);
		}
		placed[i] = true;
	}
	for (int i = 0; i < n; i++)
		if ((res[i].verdict == DEP_OK) != placed[i])
			die("a startable service left out", defs[i].name);
	return 0;
}
