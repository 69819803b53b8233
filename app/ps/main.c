// SPDX-License-Identifier: BSD-2-Clause
// ps [-Aefl] [-o format]... [-p pidlist]...: the processes of the caller's
// session (default), every process (-A, -e) or those listed (-p), in the
// columns POSIX names: default PID TTY TIME CMD; -f UID PID PPID C STIME
// TTY TIME CMD with the arguments; -l S UID PID PPID C PRI NI SZ TTY TIME
// CMD; -o any of pid ppid pgid sid s stat user uid nlwp rss vsz sz time
// etime stime tty comm args cmd c pcpu ni nice pri (RSS and VSZ in KiB, SZ
// in pages, as procps shows them; the nice, and 20 + nice as
// the priority, lower running first, as Linux's), separated by
// commas or blanks, each optionally name=Header (the header of the last
// may hold commas and blanks; "name=," an empty one; all headers empty:
// no header line).
#include "../lib/users.h"
#include "../lib/util.h"
#include "procs.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum column {
	PID,
	PPID,
	PGID,
	SID,
	STATE,
	USER,
	UID,
	NLWP,
	RSS,
	VSZ,
	SZ,
	TIME,
	ETIME,
	STIME,
	TTY,
	COMM,
	ARGS,
	CPU,
	NICE,
	PRI
};

static const struct {
	const char *name, *header;
	enum column col;
	int width; /* negative: left-aligned */
} known[] = {
	{ "pid", "PID", PID, 5 },
	{ "ppid", "PPID", PPID, 5 },
	{ "pgid", "PGID", PGID, 5 },
	{ "sid", "SID", SID, 5 },
	{ "s", "S", STATE, 1 },
	{ "stat", "STAT", STATE, -4 },
	{ "state", "S", STATE, 1 },
	{ "user", "USER", USER, -8 },
	{ "uid", "UID", UID, 5 },
	{ "nlwp", "NLWP", NLWP, 4 },
	{ "thcount", "THCNT", NLWP, 5 },
	{ "rss", "RSS", RSS, 6 },
	{ "vsz", "VSZ", VSZ, 7 },
	{ "vsize", "VSZ", VSZ, 7 },
	{ "sz", "SZ", SZ, 5 },
	{ "time", "TIME", TIME, 8 },
	{ "etime", "ELAPSED", ETIME, 11 },
	{ "stime", "STIME", STIME, 5 },
	{ "start", "STIME", STIME, 5 },
	{ "tty", "TTY", TTY, -8 },
	{ "comm", "COMMAND", COMM, -15 },
	{ "ucomm", "COMMAND", COMM, -15 },
	{ "args", "COMMAND", ARGS, -27 },
	{ "cmd", "CMD", ARGS, -27 },
	{ "command", "COMMAND", ARGS, -27 },
	{ "c", "C", CPU, 2 },
	{ "pcpu", "%CPU", CPU, 4 },
	{ "ni", "NI", NICE, 3 },
	{ "nice", "NI", NICE, 3 },
	{ "pri", "PRI", PRI, 3 },
};
#define NKNOWN (sizeof(known) / sizeof(known[0]))
#define MAX_COLUMNS 32
#define MAX_PIDS 64

struct field {
	enum column col;
	int width;
	char header[64];
};

static struct field fields[MAX_COLUMNS];
static int nfields;
static pid_t pids[MAX_PIDS];
static int npids;

static bool add_field(const char *name, size_t len, const char *header)
{
	for (size_t k = 0; k < NKNOWN; k++) {
		if (strlen(known[k].name) != len || strncmp(known[k].name, name, len))
			continue;
		if (nfields == MAX_COLUMNS) {
			util_warnx("too many columns");
			return false;
		}
		struct field *f = &fields[nfields++];
		f->col = known[k].col;
		f->width = known[k].width;
		snprintf(f->header, sizeof(f->header), "%s", header ? header : known[k].header);
		return true;
	}
	util_warnx("unknown output format: %.*s", (int)len, name);
	return false;
}

/* One -o argument: names separated by commas or blanks; name=header takes
 * the rest of the argument as the header, except an empty one followed by
 * a comma (procps's "pid=,comm="). */
static bool parse_format(const char *s)
{
	while (*s) {
		size_t len = strcspn(s, ", \t=");
		if (s[len] == '=' && s[len + 1] == ',') {
			if (!add_field(s, len, ""))
				return false;
			s += len + 2;
			continue;
		}
		if (s[len] == '=')
			return add_field(s, len, s + len + 1);
		if (len && !add_field(s, len, NULL))
			return false;
		s += len;
		s += strspn(s, ", \t");
	}
	return true;
}

static bool parse_pids(const char *s)
{
	while (*s) {
		size_t len = strcspn(s, ", \t");
		char buf[16];
		long v;
		if (len >= sizeof(buf) || npids == MAX_PIDS)
			return false;
		memcpy(buf, s, len);
		buf[len] = 0;
		if (len && (!util_parse_long(buf, &v) || v <= 0)) {
			util_warnx("invalid process ID: %s", buf);
			return false;
		}
		if (len)
			pids[npids++] = (pid_t)v;
		s += len;
		s += strspn(s, ", \t");
	}
	return true;
}

/* [DD-]HH:MM:SS, or with `elapsed` [[DD-]HH:]MM:SS. */
static void duration(char *buf, size_t size, uint64_t ns, bool elapsed)
{
	unsigned long long s = ns / 1000000000ull;
	unsigned long long d = s / 86400, h = s / 3600 % 24, m = s / 60 % 60, sec = s % 60;
	if (d)
		snprintf(buf, size, "%llu-%02llu:%02llu:%02llu", d, h, m, sec);
	else if (h || !elapsed)
		snprintf(buf, size, "%02llu:%02llu:%02llu", h, m, sec);
	else
		snprintf(buf, size, "%02llu:%02llu", m, sec);
}

/* The program's name: the first word of the arguments, without its path. */
static void command_name(char *buf, size_t size, const char *args)
{
	size_t len = strcspn(args, " ");
	const char *slash = memchr(args, '/', len);
	while (slash) {
		len -= (size_t)(slash + 1 - args);
		args = slash + 1;
		slash = memchr(args, '/', len);
	}
	snprintf(buf, size, "%.*s", (int)len, args);
}

static void cell(char *buf, size_t size, enum column col, const struct ps_proc *p)
{
	switch (col) {
	case PID: snprintf(buf, size, "%d", (int)p->pid); break;
	case PPID: snprintf(buf, size, "%d", (int)p->ppid); break;
	case NICE: snprintf(buf, size, "%d", p->nice); break;
	case PRI: snprintf(buf, size, "%d", 20 + p->nice); break;
	case PGID: snprintf(buf, size, "%d", (int)p->pgid); break;
	case SID: snprintf(buf, size, "%d", (int)p->sid); break;
	case STATE: snprintf(buf, size, "%c", p->state); break;
	case USER: util_user_name(buf, size, p->uid); break;
	case UID: snprintf(buf, size, "%u", (unsigned)p->uid); break;
	case NLWP: snprintf(buf, size, "%u", p->threads); break;
	case RSS: snprintf(buf, size, "%llu", (unsigned long long)(p->rss / 1024)); break;
	case VSZ: snprintf(buf, size, "%llu", (unsigned long long)(p->vsz / 1024)); break;
	/* procps's SZ (-l): the address space in pages, not KiB. */
	case SZ: {
		long page = sysconf(_SC_PAGESIZE);
		snprintf(buf, size, "%llu",
			 (unsigned long long)(p->vsz / (uint64_t)(page > 0 ? page : 4096)));
		break;
	}
	case TIME: duration(buf, size, p->cpu_ns, false); break;
	case ETIME: duration(buf, size, p->age_ns, true); break;
	case STIME: {
		time_t start = time(NULL) - (time_t)(p->age_ns / 1000000000ull);
		struct tm tm;
		if (!gmtime_r(&start, &tm) || !strftime(buf, size, "%H:%M", &tm))
			snprintf(buf, size, "?");
		break;
	}
	case TTY: snprintf(buf, size, "?"); break; /* no terminals in the table yet */
	case COMM: command_name(buf, size, p->args); break;
	case ARGS: snprintf(buf, size, "%s", p->args); break;
	case CPU: {
		/* Integer percent of CPU over its lifetime, as procps's C. */
		unsigned long long pct = p->age_ns ? p->cpu_ns * 100 / p->age_ns : 0;
		snprintf(buf, size, "%llu", pct > 99 ? 99 : pct);
		break;
	}
	}
}

static void print_row(const char *const *cells)
{
	for (int i = 0; i < nfields; i++) {
		int w = fields[i].width;
		bool last = i + 1 == nfields;
		if (last && w < 0)
			printf("%s", cells[i]); /* no padding at the end of the line */
		else
			printf("%*s%s", w, cells[i], last ? "" : " ");
	}
	putchar('\n');
}

static bool selected(const struct ps_proc *p, bool all, pid_t session)
{
	if (npids) {
		for (int i = 0; i < npids; i++)
			if (pids[i] == p->pid)
				return true;
		return false;
	}
	return all || p->sid == session;
}

int main(int argc, char **argv)
{
	util_init(argv, "ps");
	bool all = false, full = false, lng = false;
	int c;
	while ((c = getopt(argc, argv, "Aeflo:p:")) != -1) {
		switch (c) {
		case 'A':
		case 'e': all = true; break;
		case 'f': full = true; break;
		case 'l': lng = true; break;
		case 'o':
			if (!parse_format(optarg))
				return 1;
			break;
		case 'p':
			if (!parse_pids(optarg))
				return 1;
			break;
		default: util_usage("[-Aefl] [-o format]... [-p pidlist]...");
		}
	}
	if (optind < argc)
		util_usage("[-Aefl] [-o format]... [-p pidlist]...");
	if (!nfields && lng) {
		parse_format("s,uid,pid,ppid,c,pri,ni");
		parse_format("sz");
		parse_format("tty,time");
		parse_format("comm=CMD");
	} else if (!nfields && full) {
		parse_format("user=UID");
		parse_format("pid,ppid,c,stime,tty,time");
		parse_format("args=CMD");
	} else if (!nfields) {
		parse_format("pid,tty,time");
		parse_format("comm=CMD");
	}
	bool header = false;
	const char *cells[MAX_COLUMNS];
	for (int i = 0; i < nfields; i++) {
		cells[i] = fields[i].header;
		header |= fields[i].header[0] != 0;
	}
	if (header)
		print_row(cells);
	pid_t session = ps_my_session();
	static char text[MAX_COLUMNS][1024];
	struct ps_proc p;
	int found = 0;
	for (pid_t after = 0; !ps_next(after, &p); after = p.pid) {
		if (!selected(&p, all, session))
			continue;
		for (int i = 0; i < nfields; i++) {
			cell(text[i], sizeof(text[i]), fields[i].col, &p);
			cells[i] = text[i];
		}
		print_row(cells);
		found++;
	}
	if (errno) {
		util_warn("reading the process table");
		return util_finish(1);
	}
	/* procps: 1 when nothing was selected. */
	return util_finish(found ? 0 : 1);
}
