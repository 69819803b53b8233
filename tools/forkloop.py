#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Boot the fork-hang hunt (tests/user/forkloop.c) again and again.

    tools/forkloop.py --arch x86_64 --mode debug --boots 10

Each boot runs the fork stress programs in rounds for about four minutes
of guest uptime and exits. A boot fails on a FAIL line, a HANG line (then
the kernel's watchdog prints every thread's state after a minute of
silence: the log keeps it), a panic, or no clean exit. Logs go to
build/test-logs/forkloop-<arch>-<mode>-<n>.log; one summary line a boot.
"""
import argparse
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import qemurun  # noqa: E402

ROUND_RE = re.compile(r"forkloop: round (\d+) ok free (-?\d+) KiB \((-?\d+) since round 2\) "
                      r"table (\d+)")


def make_value(target, arch, mode):
    return subprocess.run(["make", "-s", "--no-print-directory", target, "ARCH=" + arch,
                           "MODE=" + mode], stdout=subprocess.PIPE, text=True,
                          check=True).stdout.strip()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--arch", default="x86_64")
    ap.add_argument("--mode", default="debug")
    ap.add_argument("--boots", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=600)
    a = ap.parse_args()
    cmd = make_value("print-qemu", a.arch, a.mode).split()
    cmdline = make_value("print-cmdline", a.arch, a.mode)
    cmd += ["-serial", "stdio", "-append", cmdline + " ktest init=bin/forkloop"]
    os.makedirs("build/test-logs", exist_ok=True)
    bad = 0
    for n in range(a.boots):
        log = "build/test-logs/forkloop-%s-%s-%d.log" % (a.arch, a.mode, n)
        r = qemurun.run(cmd, a.timeout, log)
        rounds = [m for m in (ROUND_RE.search(l) for l in r.lines) if m]
        problems = [l for l in r.lines if "forkloop: FAIL" in l or "forkloop: HANG" in l]
        problems += r.problems()
        drift = rounds[-1].group(3) if rounds else "?"
        print("%s %s boot %d: %.0f s, %d rounds, free memory %s KiB since round 2, table %s: %s"
              % (a.arch, a.mode, n, r.seconds, len(rounds), drift,
                 rounds[-1].group(4) if rounds else "?",
                 "; ".join(problems) if problems else "ok"), flush=True)
        bad += bool(problems)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
