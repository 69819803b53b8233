/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The device manager's permissions policy, /etc/devmgr.rules
 * (docs/ARCHITECTURE.md, section 20): one rule a line,
 *
 *     PATTERN MODE UID GID
 *
 * PATTERN a node name under /dev where '*' matches any run of characters
 * and '?' any one; MODE octal permission bits (at most 0777); UID and GID
 * decimal ids (0..4294967294, the VFS's). Blank lines and lines starting with
 * '#' are skipped. The first rule whose pattern matches a node gives its
 * mode and owner; a node no rule matches keeps what its server proposed.
 * Pure code (no system calls): the host tests and the fuzzer run it.
 */
#ifndef SRV_DEVMGR_RULES_H
#define SRV_DEVMGR_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DEVMGR_RULES_MAX 64
#define DEVMGR_NAME_MAX 63 /* a node name, and a pattern */
#define DEVMGR_LINE_MAX 255
#define DEVMGR_ID_MAX 0xfffffffeu /* the VFS's largest id (0xffffffff is none) */

struct devmgr_rule {
	char pattern[DEVMGR_NAME_MAX + 1];
	uint32_t mode, uid, gid;
};

struct devmgr_rules {
	int count;
	struct devmgr_rule rule[DEVMGR_RULES_MAX];
};

/* Parses len bytes of text into *out: 0, or -1 with *line (1-based) and
 * *why saying what is wrong; *out is then empty (a policy is taken whole or
 * not at all). */
int devmgr_rules_parse(const char *text, size_t len, struct devmgr_rules *out, int *line,
		       const char **why);

/* The first rule matching name, or NULL. */
const struct devmgr_rule *devmgr_rules_match(const struct devmgr_rules *rules, const char *name);

/* Whether '*' and '?' in pattern match all of name. */
bool devmgr_glob(const char *pattern, const char *name);

/* Whether name (len bytes) may be a node's name: at most 63 bytes, one
 * component of [A-Za-z0-9._-], neither "." nor "..", right under /dev,
 * or two such joined by '/' (a node in a directory of /dev: pts/0). */
bool devmgr_name_valid(const char *name, size_t len);

#endif
