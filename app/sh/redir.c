// SPDX-License-Identifier: BSD-2-Clause
// Redirections: opening, duplicating and closing descriptors, here-documents
// through a pipe, and saving the shell's own descriptors (moved above 10,
// close-on-exec) so that a builtin's redirections can be undone.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sh.h"

struct redir_save {
	struct redir_save *next; /* the earlier saves of the same apply */
	struct redir_save *older; /* the stack of pending applies (for unwinding) */
	int fd;
	int saved; /* copy of the original, or -1 if fd was closed */
};

static struct redir_save *stack;

int fd_move_high(int fd)
{
	int n = fcntl(fd, F_DUPFD_CLOEXEC, 10);
	if (n >= 0)
		close(fd);
	return n;
}

/* A pipe holding the document; a writer process if it might not fit. */
static int heredoc_fd(const struct redir *r)
{
	char *body = r->expand ? expand_string(r->word, EX_HEREDOC) : xstrdup(r->word);
	int p[2];
	if (pipe(p) < 0) {
		free(body);
		return -1;
	}
	size_t len = strlen(body);
	if (len <= 512) { /* PIPE_BUF: always fits */
		if (len)
			(void)!write(p[1], body, len);
	} else {
		struct start st = { .pgid = -1, .fd_in = -1, .fd_out = -1, .fd_close = p[0] };
		pid_t pid = sh_start(&st);
		if (pid == 0) {
			for (size_t off = 0; off < len;) {
				ssize_t w = write(p[1], body + off, len - off);
				if (w <= 0)
					break;
				off += (size_t)w;
			}
			_exit(0);
		}
		/* The writer is reaped by whoever waits next (it is no job). */
	}
	close(p[1]);
	free(body);
	return p[0];
}

static int open_target(const struct redir *r, const char *name)
{
	int fl;
	switch (r->kind) {
	case R_IN: fl = O_RDONLY; break;
	case R_RDWR: fl = O_RDWR | O_CREAT; break;
	case R_APPEND: fl = O_WRONLY | O_CREAT | O_APPEND; break;
	case R_OUT:
		if (sh.noclobber) {
			struct stat st;
			if (stat(name, &st) == 0 && S_ISREG(st.st_mode)) {
				errno = EEXIST;
				return -1;
			}
		}
		fl = O_WRONLY | O_CREAT | O_TRUNC;
		break;
	default: fl = O_WRONLY | O_CREAT | O_TRUNC; break;
	}
	return open(name, fl | O_CLOEXEC, 0666);
}

static void save_fd(struct redir_save **chain, int fd)
{
	for (struct redir_save *s = *chain; s; s = s->next)
		if (s->fd == fd)
			return;
	struct redir_save *s = xmalloc(sizeof *s);
	s->fd = fd;
	s->saved = fcntl(fd, F_DUPFD_CLOEXEC, 10);
	s->next = *chain;
	s->older = NULL;
	*chain = s;
}

struct redir_save *redir_apply(struct redir *r, int permanent, int *err)
{
	struct redir_save *chain = NULL;
	*err = 0;
	if (!r)
		return NULL;
	fflush(stdout);
	fflush(stderr);
	for (; r; r = r->next) {
		int newfd;
		char *word = NULL;
		if (r->kind == R_HEREDOC) {
			newfd = heredoc_fd(r);
		} else {
			word = expand_string(r->word, EX_STRING);
			if (r->kind == R_DUPIN || r->kind == R_DUPOUT) {
				if (!strcmp(word, "-")) {
					if (!permanent)
						save_fd(&chain, r->fd);
					close(r->fd);
					free(word);
					continue;
				}
				char *end;
				long n = strtol(word, &end, 10);
				if (*end || !*word || n < 0 || fcntl((int)n, F_GETFD) < 0) {
					sh_error("%s: %s", word,
						 *end || !*word ? "ambiguous redirect"
								: "bad file descriptor");
					free(word);
					*err = 1;
					break;
				}
				if (!permanent)
					save_fd(&chain, r->fd);
				if (n != r->fd)
					dup2((int)n, r->fd);
				free(word);
				continue;
			}
			newfd = open_target(r, word);
		}
		if (newfd < 0) {
			sh_error("%s: %s", word ? word : "here-document",
				 errno == EEXIST ? "cannot overwrite existing file"
						 : strerror(errno));
			free(word);
			*err = 1;
			break;
		}
		free(word);
		if (!permanent)
			save_fd(&chain, r->fd);
		if (newfd != r->fd) {
			dup2(newfd, r->fd);
			close(newfd);
		} else
			fcntl(newfd, F_SETFD, 0);
	}
	if (chain) {
		chain->older = stack;
		stack = chain;
	}
	return chain;
}

void redir_undo(struct redir_save *s)
{
	if (!s)
		return;
	fflush(stdout);
	fflush(stderr);
	for (struct redir_save **pp = &stack; *pp; pp = &(*pp)->older)
		if (*pp == s) {
			*pp = s->older;
			break;
		}
	while (s) {
		struct redir_save *next = s->next;
		if (s->saved >= 0) {
			dup2(s->saved, s->fd);
			close(s->saved);
		} else
			close(s->fd);
		free(s);
		s = next;
	}
}

void redir_unwind(void)
{
	while (stack)
		redir_undo(stack);
}
