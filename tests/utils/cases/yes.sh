# SPDX-License-Identifier: BSD-2-Clause
# yes runs until its output closes: head takes what it needs.
t default -o 'y\ny\ny\n' -u yes -- sh -c '"$0" | head -n 3' "$BIN/yes"
t string -o 'a b\na b\n' -u yes -- sh -c '"$0" a b | head -n 2' "$BIN/yes"
