#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# Runs tests/peer/fsbench.c on the Linux peer (../shared/peer) in the same
# QEMU configuration as ours: it reuses the peer's kernel and busybox tree
# (run ../shared/peer/build.sh first), adds the program statically built
# with the Debian cross compilers, and boots once per arch with
# `-icount shift=0,sleep=off` (guest instructions: 1 ns per instruction)
# and once without (TCG wall clock). Prints the RESULT lines per run.
#
# Usage: tools/peer-fsbench.sh [arch...]    (default: all three)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
W=${W:-/tmp/peer}
OUT=$W/fsbench
ARCHES=${*:-x86_64 aarch64 riscv64}
mkdir -p "$OUT"

for a in $ARCHES; do
	case $a in
	x86_64) cc=gcc q=(qemu-system-x86_64 -M q35) con=ttyS0 ;;
	aarch64) cc=aarch64-linux-gnu-gcc q=(qemu-system-aarch64 -M virt -cpu cortex-a72) con=ttyAMA0 ;;
	riscv64) cc=riscv64-linux-gnu-gcc q=(qemu-system-riscv64 -M virt -bios default) con=ttyS0 ;;
	*) echo "peer-fsbench: unknown arch $a" >&2; exit 2 ;;
	esac
	base=$W/build/root-$a
	[ -d "$base" ] || { echo "peer-fsbench: no $base: run ../shared/peer/build.sh first" >&2; exit 1; }
	R=$OUT/root-$a
	rm -rf "$R" && cp -a "$base" "$R"
	$cc -static -O2 -Wall -o "$R/bin/fsbench" "$ROOT/tests/peer/fsbench.c"
	cat > "$R/init" <<-'EOF'
	#!/bin/sh
	export PATH=/bin
	mount -t proc proc /proc
	mount -t tmpfs -o size=256m tmp /tmp
	/bin/fsbench -t /tmp
	poweroff -f
	EOF
	chmod 755 "$R/init"
	(cd "$R" && find . | sort | cpio -o -H newc -R 0:0 2>/dev/null) > "$OUT/initramfs-$a.cpio"
	for mode in icount wall; do
		extra=()
		[ $mode = icount ] && extra=(-icount shift=0,sleep=off)
		log=$OUT/$a-$mode.log
		timeout 600 "${q[@]}" -accel tcg -m 512 -smp 1 -nodefaults -display none -serial stdio \
			-monitor none -no-reboot "${extra[@]}" -kernel "$W/img/kernel-$a" \
			-initrd "$OUT/initramfs-$a.cpio" -append "console=$con quiet panic=-1" > "$log" 2>&1 || true
		echo "== $a $mode"
		grep -E '^(RESULT|ERROR|FSBENCH_DONE)' "$log" | tr -d '\r' || echo "   (no results: see $log)"
	done
done
