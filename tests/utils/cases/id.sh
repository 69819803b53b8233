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
t operand -s 1 -e "extra operand" -x -- id root
t bad_option -s 2 -e "invalid option" -x -- id -Z
