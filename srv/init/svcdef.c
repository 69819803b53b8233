// SPDX-License-Identifier: BSD-2-Clause
// The service definition parser (svcdef.h). One pass over the lines; each
// key has a small handler that checks its value completely, so a definition
// is either whole and valid or refused with the line at fault.
#include "svcdef.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

struct parser {
	struct svcdef *d;
	struct svc_error *err;
	unsigned line;
	uint32_t seen; /* bit per key that may appear once */
};

/* A value split into words: pointers into a copy of the line. */
#define WORDS_MAX 16
struct words {
	const char *w[WORDS_MAX];
	unsigned n;
};

static int fail(struct parser *p, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	p->err->line = p->line;
	vsnprintf(p->err->msg, sizeof(p->err->msg), fmt, ap);
	va_end(ap);
	return -1;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t';
}

bool svc_name_valid(const char *name, size_t len)
{
	if (len == 0 || len > SVC_NAME_MAX || name[0] == '.' || name[0] == '-')
		return false;
	for (size_t i = 0; i < len; i++) {
		char c = name[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
		      c == '-'))
			return false;
	}
	return true;
}

const char *svc_target_name(unsigned target)
{
	static const char *const names[SVC_TARGETS] = { "early", "drivers", "services",
							"multi-user" };
	return target < SVC_TARGETS ? names[target] : "?";
}

/* Splits s (modified: words are NUL-terminated in place). */
static int split(struct parser *p, char *s, struct words *w)
{
	w->n = 0;
	for (;;) {
		while (is_space(*s))
			*s++ = 0;
		if (!*s)
			return 0;
		if (w->n == WORDS_MAX)
			return fail(p, "more than %d words", WORDS_MAX);
		w->w[w->n++] = s;
		while (*s && !is_space(*s))
			s++;
	}
}

static int copy(struct parser *p, char *dst, size_t size, const char *src, const char *what)
{
	size_t n = strlen(src);
	if (n >= size)
		return fail(p, "%s longer than %u characters", what, (unsigned)size - 1);
	memcpy(dst, src, n + 1);
	return 0;
}

/* A decimal number up to max, then an optional suffix from units (each a
 * name and a multiplier); no suffix means unit 1. */
struct unit {
	const char *name;
	uint64_t mul;
};

static int number(struct parser *p, const char *s, uint64_t max, const struct unit *units,
		  const char *what, uint64_t *out)
{
	uint64_t v = 0;
	const char *q = s;
	if (*q < '0' || *q > '9')
		return fail(p, "%s: '%s' is not a number", what, s);
	for (; *q >= '0' && *q <= '9'; q++) {
		if (v > (UINT64_MAX - 9) / 10)
			return fail(p, "%s: '%s' is too large", what, s);
		v = v * 10 + (uint64_t)(*q - '0');
	}
	uint64_t mul = 1;
	if (*q) {
		const struct unit *u = units;
		while (u && u->name && strcmp(u->name, q))
			u++;
		if (!u || !u->name)
			return fail(p, "%s: bad unit in '%s'", what, s);
		mul = u->mul;
	}
	if (v > max / mul)
		return fail(p, "%s: '%s' is too large", what, s);
	*out = v * mul;
	return 0;
}

static const struct unit time_units[] = { { "ms", 1 }, { "s", 1000 }, { "min", 60000 }, { 0, 0 } };
static const struct unit size_units[] = {
	{ "K", 1ull << 10 }, { "M", 1ull << 20 }, { "G", 1ull << 30 }, { 0, 0 }
};

static int duration(struct parser *p, const char *s, const char *what, uint32_t *out)
{
	uint64_t v;
	if (number(p, s, 24ull * 3600 * 1000, time_units, what, &v))
		return -1;
	*out = (uint32_t)v;
	return 0;
}

static int word_count(struct parser *p, const struct words *w, unsigned lo, unsigned hi,
		      const char *key)
{
	if (w->n < lo || w->n > hi) {
		if (lo == hi)
			return fail(p, "%s takes %u value%s", key, lo, lo == 1 ? "" : "s");
		return fail(p, "%s takes %u to %u values", key, lo, hi);
	}
	return 0;
}

/* Adds a reference to service name; its index in *idx. The same service
 * named twice keeps one reference, hard if either is. */
static int add_ref(struct parser *p, const char *name, bool hard, uint8_t *idx)
{
	struct svcdef *d = p->d;
	size_t len = strlen(name);
	if (!svc_name_valid(name, len))
		return fail(p, "'%s' is not a valid service name", name);
	if (!strcmp(name, d->name))
		return fail(p, "%s refers to itself", name);
	for (uint8_t i = 0; i < d->nrefs; i++)
		if (!strcmp(d->refs[i].name, name)) {
			d->refs[i].hard |= hard;
			if (idx)
				*idx = i;
			return 0;
		}
	if (d->nrefs == SVC_REFS_MAX)
		return fail(p, "more than %d other services named", SVC_REFS_MAX);
	struct svc_ref *r = &d->refs[d->nrefs];
	memcpy(r->name, name, len + 1);
	r->line = (uint16_t)(p->line > UINT16_MAX ? UINT16_MAX : p->line);
	r->hard = hard;
	if (idx)
		*idx = d->nrefs;
	d->nrefs++;
	return 0;
}

/* One of names, by index; -1 when none matches. */
static int pick(const char *s, const char *const *names, int n)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(s, names[i]))
			return i;
	return -1;
}

static int choose(struct parser *p, const struct words *w, const char *key,
		  const char *const *names, int n, uint8_t *out)
{
	if (word_count(p, w, 1, 1, key))
		return -1;
	int i = pick(w->w[0], names, n);
	if (i < 0)
		return fail(p, "%s: unknown value '%s'", key, w->w[0]);
	*out = (uint8_t)i;
	return 0;
}

/* "server-ep", "proc", "bus", "fs-root", "fs-cwd", "resource", "init",
 * "kill" or "user:N". */
static int tag(struct parser *p, const char *s, uint8_t *t, uint32_t *arg)
{
	static const char *const names[] = { "",	"server-ep", "proc",	 "",	 "bus",
					     "fs-root", "fs-cwd",    "resource", "init", "kill" };
	*arg = 0;
	if (!strncmp(s, "user:", 5)) {
		uint64_t v;
		if (number(p, s + 5, 0xffff, NULL, "user tag", &v))
			return -1;
		*t = SVC_TAG_USER;
		*arg = (uint32_t)v;
		return 0;
	}
	int i = pick(s, names, (int)(sizeof(names) / sizeof(names[0])));
	if (i <= 0 || i == SVC_TAG_USER)
		return fail(p, "unknown handle tag '%s'", s);
	*t = (uint8_t)i;
	return 0;
}

static int bus_prefix(struct parser *p, const char *s, char *out)
{
	/* "*": every name (the bus's empty prefix). */
	if (!strcmp(s, "*")) {
		out[0] = 0;
		return 0;
	}
	return copy(p, out, SVC_TEXT_MAX + 1, s, "bus prefix");
}

static int key_grant(struct parser *p, const struct words *w)
{
	struct svcdef *d = p->d;
	if (w->n < 2)
		return fail(p, "grant takes a tag and a service");
	if (d->ngrants == SVC_GRANTS_MAX)
		return fail(p, "more than %d grants", SVC_GRANTS_MAX);
	struct svc_grant *g = &d->grants[d->ngrants];
	memset(g, 0, sizeof(*g));
	if (tag(p, w->w[0], &g->tag, &g->arg))
		return -1;
	if (g->tag == SVC_TAG_SERVER_EP)
		return fail(p, "server-ep is the service's own endpoint: use serve");
	if (g->tag == SVC_TAG_BUS) {
		/* grant = bus <bus service> <add prefix> <look prefix> */
		if (word_count(p, w, 4, 4, "grant = bus") || bus_prefix(p, w->w[2], g->add) ||
		    bus_prefix(p, w->w[3], g->look))
			return -1;
	} else if (word_count(p, w, 2, 2, "grant")) {
		return -1;
	} else if (g->tag == SVC_TAG_RESOURCE && strcmp(w->w[1], "root")) {
		/* The only resource init holds; narrower ones may come. */
		return fail(p, "grant = resource: only 'root' is known, not '%s'", w->w[1]);
	} else if (g->tag == SVC_TAG_INIT && strcmp(w->w[1], "control")) {
		/* What init serves: its control protocol, nothing else yet. */
		return fail(p, "grant = init: only 'control' is known, not '%s'", w->w[1]);
	}
	for (uint8_t i = 0; i < d->ngrants; i++)
		if (d->grants[i].tag == g->tag && d->grants[i].arg == g->arg)
			return fail(p, "handle tag '%s' granted twice", w->w[0]);
	if (g->tag != SVC_TAG_RESOURCE && g->tag != SVC_TAG_INIT &&
	    add_ref(p, w->w[1], true, &g->ref))
		return -1;
	d->ngrants++;
	return 0;
}

/* limit = <resource> <value>. Memory, handles and threads are the
 * kernel's per-process limits, set before the program runs; cpu is CPU
 * time (a duration, whole seconds rounded up), the process server's
 * RLIMIT_CPU, and files the open descriptors, RLIMIT_NOFILE, which the C
 * library's descriptor table learns from the process server: both need
 * via (checked once the file is read). Processes has no enforcer:
 * refused rather than kept and ignored. */
static int key_limit(struct parser *p, const struct words *w)
{
	static const char *const names[] = { "memory",	  "handles", "threads",
					     "processes", "cpu",     "files" };
	struct svcdef *d = p->d;
	if (word_count(p, w, 2, 2, "limit"))
		return -1;
	int k = pick(w->w[0], names, 6);
	if (k < 0)
		return fail(p, "limit: unknown resource '%s'", w->w[0]);
	if (k == SVC_LIMIT_PROCESSES)
		return fail(p, "limit processes: nothing counts processes yet");
	for (uint8_t i = 0; i < d->nlimits; i++)
		if (d->limits[i].kind == k)
			return fail(p, "limit %s given twice", names[k]);
	uint64_t v;
	if (k == SVC_LIMIT_CPU) {
		uint32_t ms;
		size_t n = strlen(w->w[1]);
		if (w->w[1][n - 1] >= '0' && w->w[1][n - 1] <= '9')
			return fail(p, "limit cpu: '%s' needs a unit (ms, s, min): CPU time",
				    w->w[1]);
		if (duration(p, w->w[1], "limit cpu", &ms))
			return -1;
		v = (ms + 999) / 1000;
	} else if (number(p, w->w[1], k == SVC_LIMIT_MEMORY ? UINT64_MAX : UINT32_MAX,
			  k == SVC_LIMIT_MEMORY ? size_units : NULL, "limit", &v)) {
		return -1;
	}
	if (v == 0)
		return fail(p, "limit %s of 0", names[k]);
	d->limits[d->nlimits].kind = (uint8_t)k;
	d->limits[d->nlimits].value = v;
	d->limits[d->nlimits].line = (uint16_t)(p->line > UINT16_MAX ? UINT16_MAX : p->line);
	d->nlimits++;
	return 0;
}

/* One side of user = ...: a number, or a name (letters, digits, '_', '.',
 * '-', not first) for srv/init/users.c to look up; "" when a number. */
static int user_id(struct parser *p, const char *s, const char *what, uint32_t *id,
		   char name[SVC_USER_NAME_MAX + 1])
{
	name[0] = 0;
	if (*s >= '0' && *s <= '9') {
		uint64_t v;
		if (number(p, s, UINT32_MAX - 1, NULL, what, &v))
			return -1;
		*id = (uint32_t)v;
		return 0;
	}
	size_t n = strlen(s);
	if (!n || n > SVC_USER_NAME_MAX || *s == '-' ||
	    strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-") != n)
		return fail(p, "%s: '%s' is neither a number nor a name", what, s);
	memcpy(name, s, n + 1);
	return 0;
}

/* user = <uid>[:<gid>], numbers or names; without a group, a number's
 * group is the uid, a name's its login group (users.c). 0xffffffff is
 * no id to the VFS. */
static int key_user(struct parser *p, const struct words *w)
{
	struct svcdef *d = p->d;
	if (word_count(p, w, 1, 1, "user"))
		return -1;
	char uid[SVC_TEXT_MAX + 1];
	const char *colon = strchr(w->w[0], ':');
	size_t n = colon ? (size_t)(colon - w->w[0]) : strlen(w->w[0]);
	if (n >= sizeof(uid))
		return fail(p, "user: '%s' is too long", w->w[0]);
	memcpy(uid, w->w[0], n);
	uid[n] = 0;
	if (user_id(p, uid, "user", &d->uid, d->user_name))
		return -1;
	if (colon && user_id(p, colon + 1, "user's group", &d->gid, d->group_name))
		return -1;
	if (!colon)
		d->gid = d->uid;
	d->has_user = true;
	return 0;
}

static int key_env(struct parser *p, const char *value)
{
	struct svcdef *d = p->d;
	const char *eq = strchr(value, '=');
	if (!eq || eq == value)
		return fail(p, "env takes NAME=value");
	for (const char *c = value; c < eq; c++)
		if (!((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') ||
		      (*c >= '0' && *c <= '9' && c != value) || *c == '_'))
			return fail(p, "env: bad variable name");
	if (d->nenv == SVC_ENVS_MAX)
		return fail(p, "more than %d env entries", SVC_ENVS_MAX);
	return copy(p, d->env[d->nenv++], SVC_ENV_MAX + 1, value, "env entry");
}

static int key_restart_limit(struct parser *p, const struct words *w)
{
	/* restart-limit = <count> in <duration> */
	uint64_t n;
	if (word_count(p, w, 3, 3, "restart-limit"))
		return -1;
	if (strcmp(w->w[1], "in"))
		return fail(p, "restart-limit takes '<count> in <duration>'");
	if (number(p, w->w[0], 1000, NULL, "restart-limit", &n) ||
	    duration(p, w->w[2], "restart-limit", &p->d->limit_window_ms))
		return -1;
	if (p->d->limit_window_ms == 0)
		return fail(p, "restart-limit: an empty window");
	p->d->limit_count = (uint32_t)n;
	return 0;
}

static int fs_service(struct parser *p, const char *name)
{
	struct svcdef *d = p->d;
	uint8_t idx;
	if (add_ref(p, name, true, &idx))
		return -1;
	d->has_fs = true;
	d->fs_ref = idx;
	return 0;
}

static int absolute_path(struct parser *p, const char *s, char *out, const char *what)
{
	if (s[0] != '/')
		return fail(p, "%s: '%s' is not an absolute path", what, s);
	return copy(p, out, SVC_TEXT_MAX + 1, s, what);
}

/* Keys that may appear once: their bit in parser.seen. */
enum once {
	K_DESCRIPTION,
	K_PROGRAM,
	K_ARGS,
	K_TARGET,
	K_START,
	K_RESTART,
	K_DELAY,
	K_LIMIT,
	K_SERVE,
	K_REGISTER,
	K_MOUNT,
	K_USER,
	K_EXIT,
	K_VIA,
	K_STOP_TIMEOUT,
	K_STOP_SIGNAL
};

static int key_value(struct parser *p, const char *key, char *value)
{
	static const char *const once[] = {
		"description",	 "program",	  "args",	  "target",	"start", "restart",
		"restart-delay", "restart-limit", "serve",	  "register",	"mount", "user",
		"exit",		 "via",		  "stop-timeout", "stop-signal"
	};
	struct svcdef *d = p->d;
	int k = pick(key, once, (int)(sizeof(once) / sizeof(once[0])));
	if (k >= 0) {
		if (p->seen & (1u << k))
			return fail(p, "%s given twice", key);
		p->seen |= 1u << k;
	}
	if (k == K_DESCRIPTION)
		return copy(p, d->description, sizeof(d->description), value, "description");
	if (!strcmp(key, "env"))
		return key_env(p, value);
	struct words w;
	if (split(p, value, &w))
		return -1;
	switch (k) {
	case K_PROGRAM:
		if (word_count(p, &w, 1, 1, key))
			return -1;
		if (w.w[0][0] == '/')
			w.w[0]++; /* the initrd's paths have no leading slash */
		return copy(p, d->program, sizeof(d->program), w.w[0], "program");
	case K_ARGS:
		if (w.n > SVC_ARGS_MAX)
			return fail(p, "more than %d arguments", SVC_ARGS_MAX);
		for (unsigned i = 0; i < w.n; i++)
			if (copy(p, d->args[i], sizeof(d->args[i]), w.w[i], "argument"))
				return -1;
		d->nargs = (uint8_t)w.n;
		return 0;
	case K_TARGET: {
		static const char *const t[] = { "early", "drivers", "services", "multi-user" };
		return choose(p, &w, key, t, 4, &d->target);
	}
	case K_START: {
		static const char *const s[] = { "boot", "manual" };
		uint8_t v;
		if (choose(p, &w, key, s, 2, &v))
			return -1;
		d->manual = v == 1;
		return 0;
	}
	case K_RESTART: {
		static const char *const r[] = { "never", "on-failure", "always" };
		return choose(p, &w, key, r, 3, &d->restart);
	}
	case K_DELAY:
		/* restart-delay = <first> [<cap>] */
		if (word_count(p, &w, 1, 2, key) || duration(p, w.w[0], key, &d->delay_ms))
			return -1;
		d->delay_max_ms = d->delay_ms;
		if (w.n == 2 && duration(p, w.w[1], key, &d->delay_max_ms))
			return -1;
		if (d->delay_max_ms < d->delay_ms)
			return fail(p, "restart-delay: the cap is below the first delay");
		return 0;
	case K_LIMIT: return key_restart_limit(p, &w);
	case K_SERVE:
		if (word_count(p, &w, 1, 1, key) || tag(p, w.w[0], &d->serve, &d->serve_arg))
			return -1;
		if (d->serve == SVC_TAG_BUS || d->serve == SVC_TAG_FS_ROOT ||
		    d->serve == SVC_TAG_FS_CWD)
			return fail(p, "serve: '%s' is a client's tag", w.w[0]);
		return 0;
	case K_REGISTER:
		if (word_count(p, &w, 1, 1, key))
			return -1;
		return copy(p, d->bus_name, sizeof(d->bus_name), w.w[0], "bus name");
	case K_MOUNT:
		/* mount = <vfs service> <path> */
		if (word_count(p, &w, 2, 2, key) || fs_service(p, w.w[0]))
			return -1;
		return absolute_path(p, w.w[1], d->mount, key);
	case K_USER: return key_user(p, &w);
	case K_VIA:
		if (word_count(p, &w, 1, 1, key) || add_ref(p, w.w[0], true, &d->via_ref))
			return -1;
		d->via_proc = true;
		return 0;
	case K_STOP_TIMEOUT:
		return word_count(p, &w, 1, 1, key) || duration(p, w.w[0], key, &d->stop_timeout_ms)
			? -1
			: 0;
	case K_STOP_SIGNAL: {
		/* The POSIX numbers, as the process server takes them. */
		static const char *const names[] = { "term", "hup", "int", "kill" };
		static const uint8_t numbers[] = { 15, 1, 2, 9 };
		uint8_t v;
		if (choose(p, &w, key, names, 4, &v))
			return -1;
		d->stop_signal = numbers[v];
		return 0;
	}
	case K_EXIT: {
		static const char *const e[] = { "nothing", "poweroff" };
		uint8_t v;
		if (choose(p, &w, key, e, 2, &v))
			return -1;
		d->poweroff_on_exit = v == 1;
		return 0;
	}
	default: break;
	}
	if (!strcmp(key, "requires") || !strcmp(key, "after")) {
		if (w.n == 0)
			return fail(p, "%s names no service", key);
		for (unsigned i = 0; i < w.n; i++)
			if (add_ref(p, w.w[i], key[0] == 'r', NULL))
				return -1;
		return 0;
	}
	if (!strcmp(key, "grant"))
		return key_grant(p, &w);
	if (!strcmp(key, "limit"))
		return key_limit(p, &w);
	return fail(p, "unknown key '%s'", key);
}

static void defaults(struct svcdef *d)
{
	memset(d, 0, sizeof(*d));
	d->target = SVC_TARGET_SERVICES;
	d->restart = SVC_RESTART_ON_FAILURE;
	d->delay_ms = 100;
	d->delay_max_ms = 5000;
	d->limit_count = 5;
	d->limit_window_ms = 30000;
	d->stop_timeout_ms = 3000;
	d->stop_signal = 15; /* SIGTERM */
}

/* One line (without its newline): blank, a comment, or key = value. */
static int parse_line(struct parser *p, char *s)
{
	while (is_space(*s))
		s++;
	if (!*s || *s == '#')
		return 0;
	char *key = s;
	while ((*s >= 'a' && *s <= 'z') || *s == '-')
		s++;
	char *key_end = s;
	while (is_space(*s))
		s++;
	if (key_end == key || *s != '=')
		return fail(p, "expected 'key = value'");
	*key_end = 0;
	s++;
	while (is_space(*s))
		s++;
	size_t n = strlen(s);
	while (n && is_space(s[n - 1]))
		s[--n] = 0;
	if (!n)
		return fail(p, "%s has no value", key);
	return key_value(p, key, s);
}

int svcdef_parse(const char *name, const char *text, size_t len, struct svcdef *out,
		 struct svc_error *err)
{
	struct parser p = { out, err, 0, 0 };
	defaults(out);
	err->line = 0;
	err->msg[0] = 0;
	size_t nlen = strlen(name);
	if (!svc_name_valid(name, nlen))
		return fail(&p, "'%s' is not a valid service name", name);
	memcpy(out->name, name, nlen + 1);
	if (len > SVC_FILE_MAX)
		return fail(&p, "longer than %d bytes", SVC_FILE_MAX);
	for (size_t at = 0; at < len;) {
		char line[SVC_LINE_MAX + 1];
		size_t n = 0;
		p.line++;
		for (; at < len && text[at] != '\n'; at++) {
			char c = text[at];
			if ((unsigned char)c < 0x20 && c != '\t')
				return fail(&p, "a control character");
			if ((unsigned char)c >= 0x7f)
				return fail(&p, "a character outside ASCII");
			if (n == SVC_LINE_MAX)
				return fail(&p, "longer than %d characters", SVC_LINE_MAX);
			line[n++] = c;
		}
		at++; /* the newline */
		line[n] = 0;
		if (parse_line(&p, line))
			return -1;
	}
	p.line = 0;
	if (!out->program[0])
		return fail(&p, "no program");
	if (out->bus_name[0] && out->serve == SVC_TAG_NONE)
		return fail(&p, "register without serve: no endpoint to name");
	if (out->mount[0] && out->serve != SVC_TAG_USER)
		return fail(&p, "mount needs serve = user:0");
	for (int k = 0; k < out->nlimits; k++)
		if (!out->via_proc &&
		    (out->limits[k].kind == SVC_LIMIT_CPU ||
		     out->limits[k].kind == SVC_LIMIT_FILES)) {
			p.line = out->limits[k].line;
			return fail(
				&p,
				out->limits[k].kind == SVC_LIMIT_CPU
					? "limit cpu needs via (the process server keeps CPU time)"
					: "limit files needs via (the C library asks the "
					  "process server for it)");
		}
	for (int g = 0; g < out->ngrants; g++)
		if (out->via_proc && out->grants[g].tag == SVC_TAG_BUS)
			/* Its owner would be the process, which only the
			 * process server holds. */
			return fail(&p, "a bus grant needs a start by init, not via");
		else if (out->grants[g].tag == SVC_TAG_KILL &&
			 (!out->via_proc ||
			  strcmp(out->refs[out->grants[g].ref].name, out->refs[out->via_ref].name)))
			/* The right is a pid's, in the server that gave it. */
			return fail(&p, "grant = kill needs via = the same process server");
	return 0;
}
