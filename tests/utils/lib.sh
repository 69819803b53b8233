# SPDX-License-Identifier: BSD-2-Clause
# The case runner for tests/utils (sourced by run.sh). One case:
#
#   t NAME [options] -- UTILITY ARG...
#     -i TEXT    standard input (printf %b escapes: \n, \t, \0...); else /dev/null
#     -o TEXT    expected standard output (printf %b escapes), default empty
#     -s N       expected exit status, default 0
#     -e TEXT    standard error must be "UTILITY: ..." containing TEXT; without
#                -e it must be empty
#     -p SCRIPT  shell commands run first in the case's empty directory
#     -c SCRIPT  shell commands run after, in that directory; their output is
#                appended to the utility's and compared with it
#     -S         the output's order is not defined (find's on the host): the
#                lines are sorted before comparing (give -o sorted)
#     -u NAME    the case is NAME's but the command runs as written (a shell
#                pipeline, say: "$BIN/NAME" is ours); not run on the host
#     -x         our output deliberately differs from GNU's: not run against
#                the host's tool
#     -X         the host has no such tool (or it needs what the case fakes)
#
# Each case runs in a fresh directory with our build of UTILITY, prints
#   TEST utils.UTILITY.NAME: PASS|FAIL ...
# and, unless -x or -X, runs again with the host's tool (/usr/bin/UTILITY),
# which must give the same output and status: the expectation is checked
# against a reference implementation, not only against ours.

WORK=$(mktemp -d "${TMPDIR:-/tmp}/utils.XXXXXX") || exit 1
trap 'rm -rf "$WORK"' EXIT
export ASAN_OPTIONS=detect_leaks=0 LC_ALL=C TZ=UTC
unset POSIXLY_CORRECT
utils_failed=0

# _run PROGRAM ARG...: the case's setup, the program, the check. Leaves
# stdout (and the check's output) in $WORK/out, stderr in $WORK/err, the
# status in $_rc.
_run() {
	rm -rf "$WORK/d" && mkdir "$WORK/d"
	(cd "$WORK/d" && eval "$_setup") >/dev/null 2>&1
	if [ "$_has_in" = 1 ]; then
		(cd "$WORK/d" && printf '%b' "$_in" | "$@" >"$WORK/out" 2>"$WORK/err")
	else
		(cd "$WORK/d" && "$@" <"/dev/null" >"$WORK/out" 2>"$WORK/err")
	fi
	_rc=$?
	(cd "$WORK/d" && eval "$_check") >>"$WORK/out" 2>&1
	if [ "$_sort" = 1 ]; then
		sort "$WORK/out" >"$WORK/out.sorted" && mv "$WORK/out.sorted" "$WORK/out"
	fi
}

t() {
	_name=$1
	shift
	_in= _has_in=0 _out= _err= _has_err=0 _status=0 _setup=: _check=: _host=1 _sort=0 _as=
	while [ "$1" != -- ]; do
		case $1 in
		-i) _in=$2 _has_in=1; shift 2 ;;
		-o) _out=$2; shift 2 ;;
		-e) _err=$2 _has_err=1; shift 2 ;;
		-s) _status=$2; shift 2 ;;
		-p) _setup=$2; shift 2 ;;
		-c) _check=$2; shift 2 ;;
		-S) _sort=1; shift ;;
		-u) _as=$2 _host=0; shift 2 ;;
		-x | -X) _host=0; shift ;;
		*) echo "tests/utils: bad option $1 in case $_name" >&2; return 1 ;;
		esac
	done
	shift
	if [ -n "$_as" ]; then
		_util=$_as
	else
		_util=$1
		shift
		set -- "$BIN/$_util" "$@"
	fi
	_id="utils.$_util.$_name"
	printf '%b' "$_out" >"$WORK/expected"
	_run "$@"
	_why=
	if ! cmp -s "$WORK/out" "$WORK/expected"; then
		_why="output differs: $(od -c "$WORK/out" | head -5 | tr '\n' ' ')"
	elif [ "$_rc" != "$_status" ]; then
		_why="status $_rc, expected $_status"
	elif [ "$_has_err" = 1 ]; then
		case $(cat "$WORK/err") in
		"$_util: "*"$_err"*) ;;
		*) _why="stderr: $(head -3 "$WORK/err" | tr '\n' ' ')" ;;
		esac
	elif [ -s "$WORK/err" ]; then
		_why="unexpected stderr: $(head -3 "$WORK/err" | tr '\n' ' ')"
	fi
	if [ -z "$_why" ] && [ "$_host" = 1 ]; then
		shift
		_run "/usr/bin/$_util" "$@"
		if ! cmp -s "$WORK/out" "$WORK/expected"; then
			_why="the host's $_util disagrees with the expected output: $(od -c "$WORK/out" | head -3 | tr '\n' ' ')"
		elif [ "$_rc" != "$_status" ]; then
			_why="the host's $_util exits with $_rc"
		fi
	fi
	if [ -z "$_why" ]; then
		echo "TEST $_id: PASS"
	else
		echo "TEST $_id: FAIL $_why"
		utils_failed=1
	fi
}
