# SPDX-License-Identifier: BSD-2-Clause
t path -o 'c\n' -- basename /a/b/c
t trailing -o 'b\n' -- basename /a/b//
t root -o '/\n' -- basename ///
t plain -o 'x\n' -- basename x
t suffix -o 'file\n' -- basename dir/file.c .c
t suffix_whole -o '.c\n' -- basename .c .c
t suffix_no -o 'file.h\n' -- basename file.h .c
t empty -o '\n' -- basename ''
t missing -s 2 -e usage -x -- basename
t dashdash -o '-a\n' -- basename -- -a
t bad_option -s 2 -e "invalid option -- 'Z'" -x -- basename -Z
