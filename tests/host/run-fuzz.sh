#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Bounded, deterministic fuzzing runs for `make host-fuzz`:
#   run-fuzz.sh <build dir> <fuzzer binaries...>
# Each fuzzer starts from a fresh copy of its seeds (<build dir>/fuzz-seeds/
# <name>/, filled by make), so a run never depends on what an earlier run
# found, with a fixed -seed, a fixed number of runs and no corpus reloading
# (which is timed), and prints one TEST line. Two fuzzers run at a time (the
# machines have two cores). Work happens in a directory of this run's own
# (two runs in one tree do not disturb each other), removed when all passed
# and kept, with the failing inputs, when not.
set -u

# Runs and input size per fuzzer: enough to matter, all of them together
# well under two minutes.
settings() {
	case $1 in
	fdt) echo "120000 8192" ;;
	logring) echo "200000 4096" ;;
	fmt) echo "1000000 64" ;;
	elf) echo "1000000 4096" ;;
	lddyn) echo "1000000 512" ;;
	libc_strtod) echo "500000 1024" ;;
	libc_printf) echo "150000 512" ;;
	libc_sscanf) echo "500000 512" ;;
	libc_regex) echo "100000 128" ;;
	sed_script) echo "50000 512" ;;
	idlc) echo "300000 4096" ;;
	ipcdispatch) echo "400000 4096" ;;
	ldisc) echo "100000 2048" ;;
	svcdef) echo "300000 4096" ;;
	devmgr_rules) echo "300000 2048" ;;
	libc_pwent) echo "60000 256" ;;
	*) echo "100000 4096" ;;
	esac
}

if [ "${1:-}" = --one ]; then
	dir=$2 run=$3 bin=$4
	name=${bin##*/fuzz_}
	work=$run/$name
	mkdir -p "$work/corpus"
	if [ -d "$dir/fuzz-seeds/$name" ]; then
		cp "$dir/fuzz-seeds/$name"/* "$work/corpus/" 2>/dev/null
	fi
	set -- $(settings "$name")
	# Without address randomization: compared pointer values feed the
	# fuzzer's dictionary, and would make runs differ.
	norand=
	if setarch "$(uname -m)" -R true 2>/dev/null; then
		norand="setarch $(uname -m) -R"
	fi
	$norand "$bin" -seed=1 -runs="$1" -max_len="$2" -reload=0 -timeout=10 -rss_limit_mb=2048 \
		-print_final_stats=1 -artifact_prefix="$work/" "$work/corpus" > "$work/log" 2>&1
	echo $? > "$work/rc"
	exit 0
fi

dir=$1
shift
run=$dir/fuzz/run-$$
rm -rf "$run"
mkdir -p "$run"
start=$(date +%s)
for bin in "$@"; do
	echo "$bin"
done | xargs -P 2 -I{} sh "$0" --one "$dir" "$run" {}
end=$(date +%s)

status=0
for bin in "$@"; do
	name=${bin##*/fuzz_}
	work=$run/$name
	rc=$(cat "$work/rc" 2>/dev/null || echo 99)
	if [ "$rc" -eq 0 ]; then
		execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log")
		cov=$(sed -n 's/.*DONE *\(cov: [0-9]* ft: [0-9]*\).*/\1/p' "$work/log")
		echo "TEST fuzz.$name: PASS"
		echo "# fuzz.$name: $execs runs, $cov, $(ls "$work/corpus" | wc -l) corpus inputs"
	else
		# The failing input is saved as $work/crash-* (see the log).
		detail=$(grep -m1 -E 'FUZZ FAIL|ERROR:|runtime error|deadly signal' "$work/log" | tr -d '\n')
		echo "TEST fuzz.$name: FAIL tests/host/fuzz/fuzz_$name.c:0: exit $rc: $detail"
		tail -30 "$work/log"
		status=1
	fi
done
echo "host-fuzz: $# fuzzers in $((end - start)) s"
if [ "$status" -eq 0 ]; then
	rm -rf "$run"
else
	echo "host-fuzz: logs and failing inputs kept in $run"
fi
exit $status
