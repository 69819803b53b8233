#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Runs every host test binary given as an argument (from `make host-test`),
# passing their TEST lines through, and fails if any case failed or any
# binary exited abnormally (a sanitizer report after the last case, a leak
# found by LeakSanitizer at exit, a crash outside any case). The output is
# collected in a private temporary file, so that two runs at once (two
# people in one tree) do not count each other's lines.
log=$(mktemp "${TMPDIR:-/tmp}/host-test.XXXXXX") || exit 1
trap 'rm -f "$log" "$log.one"' EXIT
status=0
for t in "$@"; do
	"$t" > "$log.one" 2>&1
	rc=$?
	cat "$log.one"
	cat "$log.one" >> "$log"
	if [ "$rc" -ne 0 ]; then
		echo "host-test: $t exited with status $rc"
		status=1
	fi
done
pass=$(grep -c '^TEST .*: PASS$' "$log")
fail=$(grep -c '^TEST .*: FAIL' "$log")
echo "host-test: $pass passed, $fail failed"
[ "$fail" -eq 0 ] || status=1
exit $status
