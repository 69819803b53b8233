/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Which services a restart leaves holding a dead handle (docs/
 * ARCHITECTURE.md, section 19.2). A restarted server gets a new endpoint;
 * whoever was given the old one at its own start (a grant, its process
 * server, the VFS it is mounted in) cannot reach the new server, so init
 * restarts it too. Pure, over parsed definitions, for the host tests.
 */
#ifndef INIT_BINDING_H
#define INIT_BINDING_H

#include "svcdef.h"

/* Whether d is given, at its start, a handle made from the endpoint of the
 * service called server: a grant of it (user:N, fs-root, fs-cwd, proc, a
 * bus grant), `via` it, or `mount` in it. `requires` and `after` alone
 * pass nothing: such a service finds the new server as it found the old
 * (a bus name, a path). */
bool binding_holds(const struct svcdef *d, const char *server);

/* Marks bound[i] for each service of defs[0..n) (n at most
 * DEP_SERVICES_MAX) that a restart of defs[root] leaves with a dead
 * handle: the live[i] ones holding root's endpoint and, transitively, the
 * live ones holding theirs (each restarts with a new endpoint too). One
 * that is not live holds nothing yet: it is neither marked nor followed.
 * root itself is not marked. Returns how many were marked. */
int binding_closure(const struct svcdef *const *defs, int n, int root, const bool *live,
		    bool *bound);

#endif
