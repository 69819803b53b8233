# SPDX-License-Identifier: BSD-2-Clause
# The host's own ids and names are the expectation: the same calls.
t full -o "$(id)\n" -- id
t u -o "$(id -u)\n" -- id -u
t g -o "$(id -g)\n" -- id -g
t G -o "$(id -G)\n" -- id -G
t un -o "$(id -un)\n" -- id -un
t gn -o "$(id -gn)\n" -- id -gn
t Gn -o "$(id -Gn)\n" -- id -Gn
t ur -o "$(id -ur)\n" -- id -u -r
t gr -o "$(id -gr)\n" -- id -g -r
t two_choices -s 1 -e "more than one choice" -x -- id -u -g
t n_alone -s 1 -e "requires -u, -g, or -G" -- id -n
t user -o "$(id root)\n" -- id root
t user_un -o "$(id -un 0)\n" -- id -un 0
t user_G -o "$(id -G root)\n" -- id -G root
t no_user -s 1 -e "no such user" -x -- id no_such_user_here
t two_operands -s 1 -e "extra operand" -x -- id root root
t bad_option -s 2 -e "invalid option" -x -- id -Z
