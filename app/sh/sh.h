// SPDX-License-Identifier: BSD-2-Clause
// The shell's shared declarations: the syntax tree, the shell state and the
// interfaces between the parts (lexer, parser, expansion, execution, jobs,
// builtins, line editor). Portable POSIX C11.
#ifndef SH_H
#define SH_H

#include <stddef.h>
#include <sys/types.h>

/* ---- memory (mem.c) ---- */
void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

struct strbuf {
	char *s;
	size_t n, cap;
};
void sb_addc(struct strbuf *b, char c);
void sb_addn(struct strbuf *b, const char *s, size_t n);
void sb_adds(struct strbuf *b, const char *s);
char *sb_take(struct strbuf *b); /* the string (never NULL); b is reset */
void sb_free(struct strbuf *b);

struct strlist {
	char **v; /* NULL-terminated */
	int n, cap;
};
void sl_add(struct strlist *l, char *s); /* takes ownership */
void sl_free(struct strlist *l);

/* A parse tree lives in an arena; functions keep a reference to the arena
 * of their definition so the rest of the tree can be freed. */
struct arena;
struct arena *arena_new(void);
void *arena_alloc(struct arena *a, size_t n);
char *arena_strndup(struct arena *a, const char *s, size_t n);
void arena_ref(struct arena *a);
void arena_unref(struct arena *a);

/* ---- syntax tree ---- */
enum node_kind {
	N_CMD,
	N_PIPE,
	N_AND,
	N_OR,
	N_SEQ,
	N_BG,
	N_SUBSHELL,
	N_GROUP,
	N_IF,
	N_WHILE,
	N_UNTIL,
	N_FOR,
	N_CASE,
	N_FUNC,
};

enum redir_kind { R_IN, R_OUT, R_APPEND, R_CLOBBER, R_DUPIN, R_DUPOUT, R_RDWR, R_HEREDOC };

struct redir {
	struct redir *next;
	enum redir_kind kind;
	int fd;
	char *word; /* target word, or here-document body */
	char *delim; /* here-document: delimiter after quote removal */
	int expand; /* here-document: delimiter unquoted, body expanded */
	int strip_tabs; /* <<- */
};

struct case_item {
	struct case_item *next;
	char **pats;
	int npats;
	struct node *body;
};

struct node {
	enum node_kind kind;
	int line;
	struct redir *redirs;
	/* N_CMD: words and assignments; N_FOR: the word list (nwords < 0 means "$@") */
	char **words;
	int nwords;
	char **assigns;
	int nassigns;
	/* N_PIPE: the commands */
	struct node **cmds;
	int ncmds;
	int bang;
	/* binary operators, bodies: a, b, c = cond/then/else, left/right */
	struct node *a, *b, *c;
	char *name; /* N_FOR variable, N_FUNC name, N_CASE word */
	struct case_item *items; /* N_CASE */
	char *text; /* N_BG / N_PIPE: source text for job listings */
	struct arena *arena; /* N_FUNC: the tree's arena */
};

/* ---- scanning of quoted constructs (scan.c) ---- */
/* Index just past the construct that starts at s[i] ('...', "...", `...`,
 * $(...), $((...)), ${...}, \x), or -1 if the input ends first. */
long scan_construct(const char *s, size_t i, size_t len);

/* ---- parser (lex.c, parse.c) ---- */
struct parser;
enum parse_result { P_OK, P_EOF, P_ERROR, P_INCOMPLETE };
struct parser *parser_new(const char *text, size_t len, int first_line);
void parser_free(struct parser *p);
/* The next complete command (a list ended by a newline) or P_EOF; on
 * P_ERROR the message has been printed. *arena must be unref'd. */
enum parse_result parse_next(struct parser *p, struct node **out, struct arena **arena);
/* Whether a string is a complete command list (for the interactive reader). */
int parse_check_complete(const char *text);
/* For the fuzzer: parse all, quietly; returns the number of commands or -1. */
int parse_all_quiet(const char *text, size_t len);

/* ---- variables (vars.c) ---- */
enum { V_EXPORT = 1, V_READONLY = 2 };
const char *var_get(const char *name);
void var_set(const char *name, const char *value, int flags); /* readonly: sh_abort */
void var_unset(const char *name); /* readonly: sh_abort */
void var_addflags(const char *name, int flags);
int is_name(const char *s, size_t n);
char **var_environ(struct strlist *extra); /* "NAME=value" for exported vars + extra */
void var_print(int flags, const char *prefix); /* set / export -p / readonly -p */
void var_import(char **envp);
/* Function-local scopes (the `local` builtin). */
void var_push_scope(void);
void var_pop_scope(void);
int var_make_local(const char *name);
/* Positional parameters. */
struct posparams {
	char **v;
	int n;
};
extern struct posparams pos;
void pos_set(char **v, int n); /* copies */
struct posparams pos_save(void); /* the current ones (ownership moves) */
void pos_restore(struct posparams p);

/* ---- aliases (alias.c) ---- */
const char *alias_get(const char *name);
void alias_set(const char *name, const char *value);
int alias_unset(const char *name);
void alias_print(const char *name);
void alias_each(void (*fn)(const char *name, void *ctx), void *ctx);

/* ---- expansion (expand.c, arith.c, pattern.c) ---- */
enum expand_mode { EX_FIELDS, EX_STRING, EX_ASSIGN, EX_PATTERN, EX_HEREDOC };
/* 0 or -1 after an error (message printed; sh_expand_error decides). */
int expand_word(const char *w, enum expand_mode mode, struct strlist *out);
char *expand_string(const char *w, enum expand_mode mode); /* NULL on error */
int expand_words(char **words, int n, struct strlist *out);
int arith_eval(const char *expr, long *result);
int pattern_match(const char *pat, const char *s); /* pat: backslash escapes quoted chars */
void pattern_unescape(char *pat);
void glob_expand(const char *pat, struct strlist *out); /* adds matches, sorted; none if no match */
char *cmdsubst(const char *text, size_t len); /* output without trailing newlines */

/* ---- execution (exec.c, redir.c, spawn.c) ---- */
int exec_node(struct node *n, int flags);
enum { EF_LAST = 1 /* in a forked child: the last command may exec directly */ };
#define CONTROL_PENDING() (sh.breaks || sh.continues || sh.returning)
int exec_simple(struct node *n, int flags);
int exec_pipeline(struct node *n);
int exec_background(struct node *n);
int exec_subshell(struct node *n, int flags);
int call_function(struct node *def, char **argv);
int exec_argv(char **argv, struct strlist *assigns, int flags, int nofunc);
int exec_string(const char *text); /* eval, sh -c, traps, each input line */
int exec_file(int fd); /* a script or . file, read whole */
char *path_search(const char *name); /* malloc'd path or NULL */
void exec_external(char **argv, char **envp); /* in a child: never returns */

struct redir_save;
/* Apply redirections; returns a save record to undo them (or NULL if
 * permanent is set) and sets *err on failure. */
struct redir_save *redir_apply(struct redir *r, int permanent, int *err);
void redir_undo(struct redir_save *s);
void redir_unwind(void); /* undo every pending redirection (after an abort) */
int fd_move_high(int fd); /* dup to >= 10, close-on-exec, close the original */

/* Starting processes: the one place that chooses posix_spawn or fork. */
struct start {
	char **argv; /* exec this (path in path), or NULL: fork and return 0 */
	const char *path;
	char **envp;
	pid_t pgid; /* process group to join (0: a new one), -1: none */
	int foreground; /* take the terminal */
	int fd_in, fd_out; /* dup onto 0 / 1 in the child, or -1 */
	int fd_close; /* the parent's next pipe end: closed in a forked child, or -1 */
};
/* Returns the child pid (or 0 in a forked child), -1 with errno on failure. */
pid_t sh_start(const struct start *st);
void child_reset(void); /* in a forked child: signals and state for a subshell */
_Noreturn void run_script_child(const char *path, char **argv); /* ENOEXEC: a script */

/* ---- the terminal (term.c): -1 with errno ENOTTY where there is none ---- */
int term_raw(int fd); /* raw mode for the line editor; the old mode is kept */
void term_restore(int fd); /* back to the mode term_raw replaced */
pid_t term_getpgrp(int fd);
int term_setpgrp(int fd, pid_t pgid);

/* ---- jobs (jobs.c) ---- */
struct job;
struct job *job_new(const char *text, int bg);
void job_add_pid(struct job *j, pid_t pid);
pid_t job_pgid(struct job *j);
int job_wait_fg(struct job *j); /* status; stopped jobs stay in the table */
void job_background(struct job *j); /* announce and keep */
void job_discard(struct job *j);
void jobs_reap(int announce);
void jobs_list(int argc, char **argv);
int jobs_fg(const char *spec, int fg);
int jobs_wait(const char *spec); /* 127 if unknown */
int jobs_wait_all(void);
/* %n etc.: the job's group, 0 if none; *stopped whether it is stopped. */
pid_t jobs_spec_pgid(const char *spec, int *stopped);
void jobs_forget_all(void); /* in a subshell: the parent's jobs are not ours */

/* ---- traps and signals (trap.c) ---- */
void signals_init(void);
int sig_from_name(const char *s); /* -1 unknown, 0 EXIT */
const char *sig_name(int sig);
void sig_list(void);
int trap_set(const char *action, const char *sigspec);
void trap_print(void);
void traps_run(void);
void trap_exit_run(void);
int trap_exit_set(void);
void traps_reset_in_child(void);
extern volatile int sig_pending;
#include <signal.h>
void sig_child_defaults(sigset_t *set); /* signals a new program must get back at default */

/* ---- builtins (bi_*.c) ---- */
typedef int (*builtin_fn)(int argc, char **argv);
struct builtin {
	const char *name;
	builtin_fn fn;
	int special;
};
const struct builtin *builtin_find(const char *name);
void builtin_each(void (*fn)(const char *name, void *ctx), void *ctx);

/* ---- functions (exec.c) ---- */
struct node *func_get(const char *name);
void func_set(const char *name, struct node *def);
int func_unset(const char *name);
void func_each(void (*fn)(const char *name, void *ctx), void *ctx);

/* ---- interactive (lineedit.c, history.c, complete.c) ---- */
char *line_read(const char *prompt); /* NULL at end of input */
void history_add(const char *line);
int history_count(void);
const char *history_at(int i); /* 0 = oldest */
void history_clear(void);
void complete_line(const char *buf, size_t cursor, struct strlist *cands, size_t *wordstart);

/* ---- shell state (main.c) ---- */
struct shell {
	int status; /* $? */
	pid_t pid; /* $$ */
	pid_t lastbg; /* $! */
	char *arg0; /* $0 */
	const char *errname; /* before error messages: "sh", or the script's name */
	int interactive;
	int jobctl; /* -m */
	int errexit, nounset, xtrace, noglob, noclobber, verbose, noexec;
	int subshell; /* in a forked child */
	int tty_fd; /* the terminal, for job control, or -1 */
	pid_t shell_pgid;
	int loop_depth;
	int breaks, continues; /* pending break / continue levels */
	int returning;
	int func_depth;
	int dot_depth;
	int errexit_off; /* in a condition: set -e does not apply */
	int cmdsubst_status;
};
extern struct shell sh;
void sh_error(const char *fmt, ...);
_Noreturn void sh_exit(int status);
/* A fatal error in a command: a non-interactive shell exits, an interactive
 * one abandons the command and returns to the prompt. */
_Noreturn void sh_abort(int status);
const char *sh_options(void); /* $- */
int sh_set_option(char c, int on);
int sh_set_long_option(const char *name, int on);
void sh_print_options(void);

#endif
