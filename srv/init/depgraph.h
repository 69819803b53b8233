/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Dependency resolution over parsed service definitions: which services can
 * start, in which order (by boot target, then dependencies), and why the
 * others cannot: a missing dependency (with the line naming it), a
 * dependency cycle (with the services on it), a dependency on a later
 * target, or a dependency that itself cannot start. Pure, for the host
 * tests.
 */
#ifndef INIT_DEPGRAPH_H
#define INIT_DEPGRAPH_H

#include "svcdef.h"

#define DEP_SERVICES_MAX 64

enum dep_verdict { DEP_OK, DEP_MISSING, DEP_CYCLE, DEP_LATER_TARGET, DEP_BLOCKED };

struct dep_result {
	uint8_t verdict; /* enum dep_verdict */
	unsigned line; /* the line of the reference at fault (0: none) */
	char msg[160];
};

/* defs[0..n) (n <= DEP_SERVICES_MAX, names distinct). Fills res[i] for
 * each, and order[] with the indices of the DEP_OK ones in start order;
 * returns how many that is. */
int dep_resolve(const struct svcdef *defs, int n, struct dep_result *res, int *order);

/* The index of the definition called name, or -1. */
int dep_find(const struct svcdef *defs, int n, const char *name);

#endif
