# SPDX-License-Identifier: BSD-2-Clause
TREE='mkdir -p d/sub/deep; touch d/a.c d/b.h d/sub/c.c d/sub/deep/e.c; echo 12345 > d/five; ln -s a.c d/link'
t all -p "$TREE" -S -o 'd\nd/a.c\nd/b.h\nd/five\nd/link\nd/sub\nd/sub/c.c\nd/sub/deep\nd/sub/deep/e.c\n' -- find d
t name -p "$TREE" -S -o 'd/a.c\nd/sub/c.c\nd/sub/deep/e.c\n' -- find d -name '*.c'
t name_print -p "$TREE" -S -o 'd/a.c\nd/sub/c.c\nd/sub/deep/e.c\n' -- find d -name '*.c' -print
t type_d -p "$TREE" -S -o 'd\nd/sub\nd/sub/deep\n' -- find d -type d
t type_f -p "$TREE" -S -o 'd/a.c\nd/b.h\nd/five\nd/sub/c.c\nd/sub/deep/e.c\n' -- find d -type f
t type_l -p "$TREE" -o 'd/link\n' -- find d -type l
t maxdepth -p "$TREE" -S -o 'd\nd/a.c\nd/b.h\nd/five\nd/link\nd/sub\n' -- find d -maxdepth 1
t mindepth -p "$TREE" -S -o 'd/sub/c.c\nd/sub/deep\nd/sub/deep/e.c\n' -- find d -mindepth 2
t not -p "$TREE" -S -o 'd/b.h\nd/five\n' -- find d -type f ! -name '*.c'
t or -p "$TREE" -S -o 'd/a.c\nd/b.h\n' -- find d -maxdepth 1 '(' -name a.c -o -name b.h ')'
t size_bytes -p "$TREE" -o 'd/five\n' -- find d -type f -size 6c
t size_more -p "$TREE" -o 'd/five\n' -- find d -type f -size +0
t newer -p "$TREE; touch -d 2000-01-01T00:00:00 old; touch -d 2000-01-01T00:00:00 d/a.c" -S -o 'd/b.h\n' -- find d -maxdepth 1 -type f -name '*.?' -newer old
t prune -p "$TREE" -S -o 'd\nd/a.c\nd/b.h\nd/five\nd/link\n' -- find d -name sub -prune -o -print
t exec -p "$TREE" -S -o 'found d/a.c\nfound d/sub/c.c\nfound d/sub/deep/e.c\n' -- find d -name '*.c' -exec echo found '{}' ';'
t exec_plus -p "$TREE" -o 'd/sub/c.c d/sub/deep/e.c\n' -- find d/sub -name '*.c' -exec echo '{}' +
t exec_false -p "$TREE" -o '' -- find d -name a.c -exec false ';'
t path -p "$TREE" -o 'd/sub/c.c\n' -- find d -path '*/sub/*.c' ! -path '*deep*'
t dot -p 'touch x' -S -o '.\n./x\n' -- find .
t missing -s 1 -e "nothere: No such file or directory" -- find nothere
t bad_primary -s 1 -e "unknown predicate" -x -- find . -bogus
t missing_arg -s 1 -e "missing argument" -x -- find . -name
t bad_type -s 1 -e "-type" -x -- find . -type q
t follow -p 'mkdir real; touch real/f; ln -s real l' -S -o 'l\nl/f\n' -- find -L l
t bad_option -s 1 -e "unknown predicate '-Z'" -- find -Z .
