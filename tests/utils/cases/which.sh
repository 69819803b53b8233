# SPDX-License-Identifier: BSD-2-Clause
t found -o '/bin/sh\n' -u which -- env PATH=/bin "$BIN/which" sh
t first -p 'mkdir a b; printf "" > a/x; printf "" > b/x; chmod +x a/x b/x' -o 'a/x\n' -u which -- env PATH=a:b "$BIN/which" x
t all -p 'mkdir a b; printf "" > a/x; printf "" > b/x; chmod +x a/x b/x' -o 'a/x\nb/x\n' -u which -- env PATH=a:b "$BIN/which" -a x
t not_executable -p 'mkdir a; touch a/x' -s 1 -u which -- env PATH=a "$BIN/which" x
t missing -s 1 -u which -- env PATH=/nonexistent "$BIN/which" sh
t slash -p 'printf "" > x; chmod +x x' -o './x\n' -- which ./x
t none -s 2 -e "usage" -x -- which
t bad_option -s 2 -e "invalid option -- 'Z'" -x -- which -Z sh
