# SPDX-License-Identifier: BSD-2-Clause
# The host's clear asks terminfo; ours writes the ECMA-48 sequences.
t sequence -o '\033[H\033[2J\033[3J' -x -- clear
t extra -s 1 -e "extra operand" -x -- clear x
