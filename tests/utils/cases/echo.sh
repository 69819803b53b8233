# SPDX-License-Identifier: BSD-2-Clause
t plain -o 'a b\n' -- echo a b
t none -o '\n' -- echo
t n_flag -o 'a b' -- echo -n a b
t n_only -o '' -- echo -n
t spaces -o ' x   y \n' -- echo ' x ' ' y '
t backslash -o 'a\\nb\n' -- echo 'a\nb'
t dash -o '-\n' -- echo -
t n_later -o 'a -n\n' -- echo a -n
