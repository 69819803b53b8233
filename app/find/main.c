// SPDX-License-Identifier: BSD-2-Clause
// find [-H|-L] path... [expression]: walks the trees under the paths and
// evaluates the expression for each file. Primaries: -name pattern,
// -path pattern, -type [bcdflps], -size [+-]n[c] (512-byte blocks, or
// bytes with c), -newer file, -perm [-]mode (octal), -links [+-]n,
// -maxdepth n, -mindepth n, -prune, -print, -exec command ;, -exec
// command {} +, -true, -false; operators ( ) ! -a -o (juxtaposition is
// -a). Without -print or -exec the expression's true files are printed.
// Each directory's entries are visited in name order.
#include "../lib/util.h"
#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

enum kind {
	K_AND,
	K_OR,
	K_NOT,
	K_NAME,
	K_PATH,
	K_TYPE,
	K_SIZE,
	K_NEWER,
	K_PERM,
	K_LINKS,
	K_PRUNE,
	K_PRINT,
	K_EXEC,
	K_TRUE,
	K_FALSE
};

struct node {
	enum kind kind;
	struct node *l, *r;
	const char *s;
	long n;
	int cmp; /* -1 less than, 0 exactly, 1 more than */
	bool bytes; /* -size in bytes */
	struct timespec t;
	char **argv; /* -exec: the command, "{}" where the name goes */
	int argc;
	bool plus; /* -exec ... {} + */
	char **batch; /* names gathered for a "+" */
	size_t nbatch, batch_len;
};

static char **toks;
static int ntoks, tpos;
static bool follow_all, follow_top, need_print = true;
static long maxdepth = -1, mindepth;
static int status;
static struct node **execs;
static size_t nexecs;

static _Noreturn void bad(const char *fmt, const char *arg)
{
	util_warnx(fmt, arg);
	exit(1);
}

static struct node *new_node(enum kind k)
{
	struct node *n = calloc(1, sizeof(*n));
	if (!n)
		bad("%s", "out of memory");
	n->kind = k;
	return n;
}

static const char *arg_of(const char *primary)
{
	if (tpos >= ntoks)
		bad("missing argument to '%s'", primary);
	return toks[tpos++];
}

static void parse_number(const char *s, struct node *n, const char *primary)
{
	n->cmp = s[0] == '+' ? 1 : s[0] == '-' ? -1 : 0;
	if (n->cmp)
		s++;
	char *end;
	n->n = strtol(s, &end, 10);
	if (end == s || n->n < 0)
		bad("invalid argument to %s", primary);
	if (*end == 'c' && !end[1] && !strcmp(primary, "-size"))
		n->bytes = true;
	else if (*end)
		bad("invalid argument to %s", primary);
}

static struct node *parse_or(void);

static struct node *parse_primary(void)
{
	if (tpos >= ntoks)
		bad("%s", "expected an expression");
	const char *t = toks[tpos++];
	struct node *n;
	if (!strcmp(t, "(")) {
		n = parse_or();
		if (tpos >= ntoks || strcmp(toks[tpos], ")"))
			bad("%s", "missing ')'");
		tpos++;
		return n;
	}
	if (!strcmp(t, "!")) {
		n = new_node(K_NOT);
		n->l = parse_primary();
		return n;
	}
	if (!strcmp(t, "-name") || !strcmp(t, "-path")) {
		n = new_node(t[1] == 'n' ? K_NAME : K_PATH);
		n->s = arg_of(t);
		return n;
	}
	if (!strcmp(t, "-type")) {
		n = new_node(K_TYPE);
		n->s = arg_of(t);
		if (strlen(n->s) != 1 || !strchr("bcdflps", n->s[0]))
			bad("unknown argument to -type: %s", n->s);
		return n;
	}
	if (!strcmp(t, "-size") || !strcmp(t, "-links")) {
		n = new_node(t[1] == 's' ? K_SIZE : K_LINKS);
		parse_number(arg_of(t), n, t);
		return n;
	}
	if (!strcmp(t, "-newer")) {
		n = new_node(K_NEWER);
		const char *f = arg_of(t);
		struct stat st;
		if (stat(f, &st)) {
			util_warn(f);
			exit(1);
		}
		n->t = st.st_mtim;
		return n;
	}
	if (!strcmp(t, "-perm")) {
		n = new_node(K_PERM);
		const char *m = arg_of(t);
		n->cmp = m[0] == '-' ? -1 : 0;
		char *end;
		n->n = strtol(m + (n->cmp ? 1 : 0), &end, 8);
		if (*end || n->n < 0 || n->n > 07777)
			bad("invalid mode '%s'", m);
		return n;
	}
	if (!strcmp(t, "-maxdepth") || !strcmp(t, "-mindepth")) {
		const char *v = arg_of(t);
		long d;
		if (!util_parse_long(v, &d) || d < 0)
			bad("invalid depth '%s'", v);
		if (t[2] == 'a')
			maxdepth = d;
		else
			mindepth = d;
		return new_node(K_TRUE);
	}
	if (!strcmp(t, "-prune"))
		return new_node(K_PRUNE);
	if (!strcmp(t, "-true") || !strcmp(t, "-false"))
		return new_node(t[1] == 't' ? K_TRUE : K_FALSE);
	if (!strcmp(t, "-print")) {
		need_print = false;
		return new_node(K_PRINT);
	}
	if (!strcmp(t, "-exec")) {
		need_print = false;
		n = new_node(K_EXEC);
		n->argv = toks + tpos;
		while (tpos < ntoks && strcmp(toks[tpos], ";") &&
		       !(!strcmp(toks[tpos], "+") && tpos > 0 && !strcmp(toks[tpos - 1], "{}")))
			tpos++;
		if (tpos >= ntoks)
			bad("%s", "missing argument to '-exec'");
		n->argc = (int)(toks + tpos - n->argv);
		n->plus = !strcmp(toks[tpos], "+");
		if (n->argc == 0 || (n->plus && n->argc < 2))
			bad("%s", "missing command for '-exec'");
		tpos++;
		struct node **ne = realloc(execs, (nexecs + 1) * sizeof(*ne));
		if (!ne)
			bad("%s", "out of memory");
		execs = ne;
		execs[nexecs++] = n;
		return n;
	}
	bad("unknown predicate '%s'", t);
}

static struct node *parse_and(void)
{
	struct node *l = parse_primary();
	while (tpos < ntoks && strcmp(toks[tpos], "-o") && strcmp(toks[tpos], ")")) {
		if (!strcmp(toks[tpos], "-a"))
			tpos++;
		struct node *n = new_node(K_AND);
		n->l = l;
		n->r = parse_primary();
		l = n;
	}
	return l;
}

static struct node *parse_or(void)
{
	struct node *l = parse_and();
	while (tpos < ntoks && !strcmp(toks[tpos], "-o")) {
		tpos++;
		struct node *n = new_node(K_OR);
		n->l = l;
		n->r = parse_and();
		l = n;
	}
	return l;
}

static int run(char **argv)
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0) {
		util_warn("fork");
		return -1;
	}
	if (pid == 0) {
		execvp(argv[0], argv);
		util_warn(argv[0]);
		_exit(127);
	}
	int st;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static void flush_batch(struct node *n)
{
	if (!n->nbatch)
		return;
	int argc = n->argc - 1; /* without the "{}" */
	char **argv = calloc((size_t)argc + n->nbatch + 1, sizeof(char *));
	if (!argv)
		bad("%s", "out of memory");
	memcpy(argv, n->argv, (size_t)argc * sizeof(char *));
	for (size_t k = 0; k < n->nbatch; k++)
		argv[argc + (int)k] = n->batch[k];
	if (run(argv) != 0)
		status = 1;
	for (size_t k = 0; k < n->nbatch; k++)
		free(n->batch[k]);
	free(argv);
	n->nbatch = n->batch_len = 0;
}

/* "{}" inside an argument is replaced too (as GNU does). */
static char *substitute(const char *arg, const char *path)
{
	size_t count = 0, alen = strlen(arg), plen = strlen(path);
	for (const char *p = strstr(arg, "{}"); p; p = strstr(p + 2, "{}"))
		count++;
	char *out = malloc(alen + count * plen + 1), *o = out;
	if (!out)
		bad("%s", "out of memory");
	for (const char *p = arg; *p;) {
		if (p[0] == '{' && p[1] == '}') {
			memcpy(o, path, plen);
			o += plen;
			p += 2;
		} else {
			*o++ = *p++;
		}
	}
	*o = 0;
	return out;
}

static bool exec_node(struct node *n, const char *path)
{
	if (n->plus) {
		char **nb = realloc(n->batch, (n->nbatch + 1) * sizeof(char *));
		if (!nb)
			bad("%s", "out of memory");
		n->batch = nb;
		n->batch[n->nbatch++] = strdup(path);
		n->batch_len += strlen(path) + 1;
		if (n->batch_len > 65536)
			flush_batch(n);
		return true;
	}
	char **argv = calloc((size_t)n->argc + 1, sizeof(char *));
	if (!argv)
		bad("%s", "out of memory");
	for (int k = 0; k < n->argc; k++)
		argv[k] = substitute(n->argv[k], path);
	int rc = run(argv);
	for (int k = 0; k < n->argc; k++)
		free(argv[k]);
	free(argv);
	return rc == 0;
}

static bool type_is(const struct stat *st, char t)
{
	switch (t) {
	case 'b': return S_ISBLK(st->st_mode);
	case 'c': return S_ISCHR(st->st_mode);
	case 'd': return S_ISDIR(st->st_mode);
	case 'f': return S_ISREG(st->st_mode);
	case 'l': return S_ISLNK(st->st_mode);
	case 'p': return S_ISFIFO(st->st_mode);
	default: return S_ISSOCK(st->st_mode);
	}
}

static bool compare_num(long have, const struct node *n)
{
	return n->cmp > 0 ? have > n->n : n->cmp < 0 ? have < n->n : have == n->n;
}

static bool eval(struct node *n, const char *path, const char *base, const struct stat *st,
		 bool *prune)
{
	switch (n->kind) {
	case K_AND: return eval(n->l, path, base, st, prune) && eval(n->r, path, base, st, prune);
	case K_OR: return eval(n->l, path, base, st, prune) || eval(n->r, path, base, st, prune);
	case K_NOT: return !eval(n->l, path, base, st, prune);
	case K_NAME: return fnmatch(n->s, base, 0) == 0;
	case K_PATH: return fnmatch(n->s, path, 0) == 0;
	case K_TYPE: return type_is(st, n->s[0]);
	case K_SIZE:
		/* in 512-byte blocks, rounded up */
		return compare_num(n->bytes ? (long)st->st_size : (long)((st->st_size + 511) / 512),
				   n);
	case K_LINKS: return compare_num((long)st->st_nlink, n);
	case K_NEWER:
		return st->st_mtim.tv_sec > n->t.tv_sec ||
			(st->st_mtim.tv_sec == n->t.tv_sec && st->st_mtim.tv_nsec > n->t.tv_nsec);
	case K_PERM:
		return n->cmp ? ((long)st->st_mode & n->n) == n->n
			      : ((long)st->st_mode & 07777) == n->n;
	case K_PRUNE: *prune = true; return true;
	case K_PRINT: puts(path); return true;
	case K_EXEC: return exec_node(n, path);
	case K_TRUE: return true;
	case K_FALSE: return false;
	}
	return false;
}

static struct node *expr;

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk(const char *path, long depth, bool top)
{
	struct stat st;
	if ((follow_all || (top && follow_top)) ? stat(path, &st) : lstat(path, &st)) {
		util_warn(path);
		status = 1;
		return;
	}
	const char *base = strrchr(path, '/');
	base = base && base[1] ? base + 1 : path;
	bool prune = false;
	if (depth >= mindepth) {
		bool v = eval(expr, path, base, &st, &prune);
		if (v && need_print)
			puts(path);
	}
	if (!S_ISDIR(st.st_mode) || prune || (maxdepth >= 0 && depth >= maxdepth))
		return;
	DIR *d = opendir(path);
	if (!d) {
		util_warn(path);
		status = 1;
		return;
	}
	char **names = NULL;
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		char **nn = realloc(names, (n + 1) * sizeof(*nn));
		if (!nn)
			bad("%s", "out of memory");
		names = nn;
		size_t pl = strlen(path);
		names[n] = malloc(pl + strlen(e->d_name) + 2);
		if (!names[n])
			bad("%s", "out of memory");
		sprintf(names[n++], "%s%s%s", path, pl && path[pl - 1] == '/' ? "" : "/",
			e->d_name);
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), by_name);
	for (size_t k = 0; k < n; k++) {
		walk(names[k], depth + 1, false);
		free(names[k]);
	}
	free(names);
}

int main(int argc, char **argv)
{
	util_init(argv, "find");
	int i = 1;
	for (; i < argc && (!strcmp(argv[i], "-H") || !strcmp(argv[i], "-L")); i++)
		if (argv[i][1] == 'L')
			follow_all = true;
		else
			follow_top = true;
	int first_path = i;
	while (i < argc && argv[i][0] != '-' && strcmp(argv[i], "(") && strcmp(argv[i], "!"))
		i++;
	int npaths = i - first_path;
	toks = argv + i;
	ntoks = argc - i;
	expr = ntoks ? parse_or() : new_node(K_TRUE);
	if (tpos < ntoks)
		bad("unexpected '%s'", toks[tpos]);
	if (npaths == 0)
		walk(".", 0, true);
	for (int k = 0; k < npaths; k++)
		walk(argv[first_path + k], 0, true);
	for (size_t k = 0; k < nexecs; k++)
		flush_batch(execs[k]);
	return util_finish(status);
}
