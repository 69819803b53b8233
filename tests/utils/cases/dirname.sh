# SPDX-License-Identifier: BSD-2-Clause
t root -o '/\n' -- dirname /a
t nested -o '/a/b\n' -- dirname /a/b/c
t trailing -o '/a\n' -- dirname /a/b//
t none -o '.\n' -- dirname file
t root_only -o '/\n' -- dirname /
t relative -o 'a\n' -- dirname a//b
t missing -s 2 -e usage -x -- dirname
t dashdash -o '-a\n' -- dirname -- -a/b
t bad_option -s 2 -e "invalid option -- 'Z'" -x -- dirname -Z
