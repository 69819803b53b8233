#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Runs the cases of tests/utils/cases (one file per utility) against the
# utilities built in BINDIR (make host-test builds them in build/host/app):
#   sh tests/utils/run.sh BINDIR [UTILITY...]
# Run from the top of the tree. See lib.sh for the form of a case.
set -u
BIN=$(cd "$1" && pwd) || exit 1
export BIN
shift
. tests/utils/lib.sh
for f in tests/utils/cases/*.sh; do
	name=${f##*/}
	name=${name%.sh}
	if [ $# -gt 0 ]; then
		case " $* " in
		*" $name "*) ;;
		*) continue ;;
		esac
	fi
	. "$f"
done
exit $utils_failed
