#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# The shell's script suite: every tests/sh/NAME.sh runs in a fresh empty
# directory with our shell, its stdout must equal NAME.out and its status
# NAME.status (0 if there is none); then the same with dash, the reference,
# so that every expectation is one a real POSIX shell agrees with. Scripts
# that test our extensions or our own messages say "# dash: skip".
# $SH is the shell under test, for scripts that start a nested shell.
#   run.sh <our shell> [name...]
# One line per script: TEST sh.NAME: PASS|FAIL.
set -u
ours=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift
here=$(cd "$(dirname "$0")" && pwd)
ref=$(command -v dash || true)
work=$(mktemp -d "${TMPDIR:-/tmp}/sh-test.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
if [ -z "$ref" ]; then
	echo "TEST sh.reference: FAIL dash is not installed (apt-get install dash)"
fi

# run <shell> <script> <output file>: prints the exit status
run() {
	rm -rf "$work/cwd"
	mkdir "$work/cwd"
	(cd "$work/cwd" && SH=$1 ASAN_OPTIONS=detect_leaks=0 timeout 20 "$1" "$2" >"$3" \
		2>"$3.err" </dev/null)
	echo $?
}

if [ $# -eq 0 ]; then
	set -- $(cd "$here" && ls *.sh | sed 's/\.sh$//' | grep -v '^run$')
fi
for name; do
	t=$here/$name.sh
	want=0
	[ -f "$here/$name.status" ] && want=$(cat "$here/$name.status")
	why=
	st=$(run "$ours" "$t" "$work/out")
	cmp -s "$work/out" "$here/$name.out" || why="stdout differs"
	[ "$st" = "$want" ] || why="$why status $st, expected $want"
	if [ -z "$why" ] && [ -n "$ref" ] && ! grep -q '^# dash: skip' "$t"; then
		rst=$(run "$ref" "$t" "$work/ref")
		cmp -s "$work/ref" "$here/$name.out" || why="dash's stdout differs"
		[ "$rst" = "$want" ] || why="$why dash's status $rst, expected $want"
		[ -z "$why" ] || cp "$work/ref" "$work/out"
	fi
	if [ -z "$why" ]; then
		echo "TEST sh.$name: PASS"
	else
		echo "TEST sh.$name: FAIL tests/sh/$name.sh: $why"
		diff "$here/$name.out" "$work/out" | head -10 | sed 's/^/#   /'
		head -5 "$work/out.err" | sed 's/^/#   stderr: /'
	fi
done
