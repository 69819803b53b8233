// SPDX-License-Identifier: BSD-2-Clause
// The builtin commands (bi_*.c), listed in bi_table.c.
#ifndef SH_BUILTINS_H
#define SH_BUILTINS_H

#include "sh.h"

int bi_true(int argc, char **argv);
int bi_false(int argc, char **argv);
int bi_exit(int argc, char **argv);
int bi_return(int argc, char **argv);
int bi_break(int argc, char **argv);
int bi_continue(int argc, char **argv);
int bi_eval(int argc, char **argv);
int bi_dot(int argc, char **argv);
int bi_exec(int argc, char **argv);
int bi_export(int argc, char **argv);
int bi_readonly(int argc, char **argv);
int bi_unset(int argc, char **argv);
int bi_set(int argc, char **argv);
int bi_shift(int argc, char **argv);
int bi_local(int argc, char **argv);
int bi_cd(int argc, char **argv);
int bi_pwd(int argc, char **argv);
int bi_umask(int argc, char **argv);
int bi_echo(int argc, char **argv);
int bi_printf(int argc, char **argv);
int bi_test(int argc, char **argv);
int bi_read(int argc, char **argv);
int bi_getopts(int argc, char **argv);
int bi_jobs(int argc, char **argv);
int bi_fg(int argc, char **argv);
int bi_bg(int argc, char **argv);
int bi_wait(int argc, char **argv);
int bi_kill(int argc, char **argv);
int bi_type(int argc, char **argv);
int bi_command(int argc, char **argv);
int bi_alias(int argc, char **argv);
int bi_unalias(int argc, char **argv);
int bi_trap(int argc, char **argv);
int bi_history(int argc, char **argv);

#endif
