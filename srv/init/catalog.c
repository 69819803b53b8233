// SPDX-License-Identifier: BSD-2-Clause
// The service definitions in the boot archive: every regular file directly
// under etc/services/ (and etc/services-test/ in a test boot), parsed and
// resolved. What cannot start is logged with its file and line and kept in
// the table, so that `svc` shows it too.
#include "initd.h"
#include <kernel/cpio.h>
#include <stdio.h>
#include <string.h>

static struct svcdef defs[SVCS_MAX];
static const char *def_dir[SVCS_MAX]; /* the directory each came from */

/* The definitions that failed to parse, kept until the valid ones are all
 * in (the table holds valid ones first). */
static struct {
	char name[SVC_NAME_MAX + 1];
	char why[192];
} bad[SVCS_MAX];
static int nbad;

static void take(struct init *in, const char *dir, const char *name, const void *text, size_t len)
{
	struct svc_error err;
	char why[192];
	if (in->nvalid + nbad == SVCS_MAX) {
		printf("init: /%s%s: more than %d services; ignored\n", dir, name, SVCS_MAX);
		return;
	}
	for (int i = 0; i < in->nvalid; i++)
		if (!strcmp(defs[i].name, name)) {
			printf("init: /%s%s: %s is defined twice; ignored\n", dir, name, name);
			return;
		}
	if (svcdef_parse(name, text, len, &defs[in->nvalid], &err) == 0) {
		if (users_resolve(&defs[in->nvalid], err.msg, sizeof(err.msg)) == 0) {
			def_dir[in->nvalid++] = dir;
			return;
		}
		err.line = 0;
	}
	if (err.line)
		snprintf(why, sizeof(why), "/%s%s:%u: %s", dir, name, err.line, err.msg);
	else
		snprintf(why, sizeof(why), "/%s%s: %s", dir, name, err.msg);
	printf("init: %s; not started\n", why);
	snprintf(bad[nbad].name, sizeof(bad[nbad].name), "%.31s", name);
	memcpy(bad[nbad].why, why, sizeof(why));
	nbad++;
}

static void read_dir(struct init *in, const char *dir)
{
	const void *rd;
	size_t rd_len, off = 0, dlen = strlen(dir);
	struct cpio_entry e;
	if (vg_initrd_map(&rd, &rd_len))
		return;
	while (cpio_next(rd, rd_len, &off, &e, NULL) == 1) {
		const char *n = e.name;
		if (n[0] == '.' && n[1] == '/')
			n += 2;
		if (strncmp(n, dir, dlen) || CPIO_TYPE(e.mode) != CPIO_S_IFREG ||
		    strchr(n + dlen, '/'))
			continue;
		take(in, dir, n + dlen, e.data, e.size);
	}
}

void catalog_load(struct init *in)
{
	read_dir(in, "etc/services/");
	if (in->testing)
		read_dir(in, "etc/services-test/");
	static struct dep_result res[SVCS_MAX];
	in->nordered = dep_resolve(defs, in->nvalid, res, in->order);
	for (int i = 0; i < in->nvalid; i++) {
		struct service *s = &in->svcs[i];
		memcpy(s->name, defs[i].name, sizeof(s->name));
		s->def = &defs[i];
		s->state = INIT_STATE_STOPPED;
		s->delay_ms = defs[i].delay_ms;
		if (res[i].verdict == DEP_OK)
			continue;
		s->state = INIT_STATE_UNSTARTABLE;
		if (res[i].line)
			snprintf(s->why, sizeof(s->why), "/%s%s:%u: %s", def_dir[i], s->name,
				 res[i].line, res[i].msg);
		else
			snprintf(s->why, sizeof(s->why), "%s: %s", s->name, res[i].msg);
		printf("init: %s; not started\n", s->why);
	}
	for (int k = 0; k < nbad; k++) {
		struct service *s = &in->svcs[in->nvalid + k];
		memcpy(s->name, bad[k].name, sizeof(s->name));
		memcpy(s->why, bad[k].why, sizeof(s->why));
		s->state = INIT_STATE_INVALID;
	}
	in->nsvcs = in->nvalid + nbad;
}
