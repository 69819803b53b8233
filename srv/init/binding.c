// SPDX-License-Identifier: BSD-2-Clause
// Bindings (binding.h): who holds a handle of whose endpoint, from the
// definitions alone, and the transitive set a restart reaches.
#include "binding.h"
#include <string.h>

/* The grant tags that hand over a handle made from the named service's
 * endpoint. `kill S` is a right kept in S, which only comes with `via S`;
 * `resource root` and `init control` name no service. */
static bool grant_of_endpoint(uint8_t tag)
{
	return tag == SVC_TAG_USER || tag == SVC_TAG_FS_ROOT || tag == SVC_TAG_FS_CWD ||
		tag == SVC_TAG_PROC || tag == SVC_TAG_BUS;
}

bool binding_holds(const struct svcdef *d, const char *server)
{
	for (int g = 0; g < d->ngrants; g++)
		if (grant_of_endpoint(d->grants[g].tag) &&
		    !strcmp(d->refs[d->grants[g].ref].name, server))
			return true;
	if (d->via_proc && !strcmp(d->refs[d->via_ref].name, server))
		return true;
	return d->has_fs && !strcmp(d->refs[d->fs_ref].name, server);
}

/* Whether d holds the endpoint of root or of a service marked already. */
static bool holds_any(const struct svcdef *const *defs, int n, int root, const bool *bound,
		      const struct svcdef *d)
{
	for (int j = 0; j < n; j++)
		if ((j == root || bound[j]) && binding_holds(d, defs[j]->name))
			return true;
	return false;
}

int binding_closure(const struct svcdef *const *defs, int n, int root, const bool *live,
		    bool *bound)
{
	/* Until nothing changes: each pass marks at least one more service
	 * or ends, so at most n passes (n is at most DEP_SERVICES_MAX). */
	int marked = 0;
	for (int i = 0; i < n; i++)
		bound[i] = false;
	for (bool changed = true; changed;) {
		changed = false;
		for (int i = 0; i < n; i++) {
			if (i == root || bound[i] || !live[i] ||
			    !holds_any(defs, n, root, bound, defs[i]))
				continue;
			bound[i] = true;
			marked++;
			changed = true;
		}
	}
	return marked;
}
