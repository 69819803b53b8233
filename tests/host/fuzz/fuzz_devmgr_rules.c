// SPDX-License-Identifier: BSD-2-Clause
// libFuzzer harness for the device manager's rules (srv/devmgr/rules.c):
// the input is a rules file. Invariants: a refusal names a line within the
// text and a reason, and keeps no rule; an accepted file keeps at most 64
// rules, each a valid pattern with mode <= 0777 and ids <= 4294967294; every
// rule's pattern matches a name made from it, and matching is consistent
// with the glob on names taken from the input.
#include "../../../srv/devmgr/rules.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void die(const char *what)
{
	fprintf(stderr, "FUZZ FAIL: %s\n", what);
	abort();
}

/* The pattern with '*' dropped and '?' made 'x': a name it must match. */
static void instance(const char *pattern, char *name)
{
	size_t n = 0;
	for (const char *p = pattern; *p; p++)
		if (*p != '*')
			name[n++] = *p == '?' ? 'x' : *p;
	name[n] = 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct devmgr_rules rules;
	int line;
	const char *why;
	size_t lines = 1;
	for (size_t i = 0; i < size; i++)
		lines += data[i] == '\n';
	if (devmgr_rules_parse((const char *)data, size, &rules, &line, &why)) {
		if (!why || !*why || line < 1 || (size_t)line > lines || rules.count != 0)
			die("a refusal without a reason, past the text or keeping rules");
		return 0;
	}
	if (why || rules.count < 0 || rules.count > DEVMGR_RULES_MAX)
		die("rule count");
	for (int i = 0; i < rules.count; i++) {
		const struct devmgr_rule *r = &rules.rule[i];
		const char *end = memchr(r->pattern, 0, sizeof(r->pattern));
		size_t len = end ? (size_t)(end - r->pattern) : sizeof(r->pattern);
		if (len == 0 || len > DEVMGR_NAME_MAX || r->mode > 0777 || r->uid > DEVMGR_ID_MAX ||
		    r->gid > DEVMGR_ID_MAX)
			die("a rule out of bounds");
		char name[DEVMGR_NAME_MAX + 1];
		instance(r->pattern, name);
		if (!devmgr_glob(r->pattern, name))
			die("a pattern that does not match its own instance");
		const struct devmgr_rule *m = devmgr_rules_match(&rules, name);
		if (!m || m > r)
			die("the first match comes after a matching rule");
	}
	/* Names from the input: the valid ones get a match consistent with
	 * the glob. */
	char name[DEVMGR_NAME_MAX + 1];
	size_t n = size < DEVMGR_NAME_MAX ? size : DEVMGR_NAME_MAX;
	memcpy(name, data, n);
	name[n] = 0;
	if (devmgr_name_valid(name, n)) {
		const struct devmgr_rule *m = devmgr_rules_match(&rules, name);
		if (m && !devmgr_glob(m->pattern, name))
			die("a match the glob denies");
	}
	return 0;
}
