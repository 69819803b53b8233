#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Boot a Verdigris image under QEMU, read its serial console, judge it.

Used by tools/testsuite.py, and by hand:
    tools/qemurun.py --timeout 30 --log out.log -- qemu-system-x86_64 ...

The serial console must be on QEMU's stdout (-serial stdio). A run passes
when QEMU exits with status 0 before the timeout, no PANIC line appeared,
and, if the kernel printed KTEST-PLAN n, exactly n KTEST results were seen.

A line "KTTY-TYPE <hex>" on the console makes the harness type those bytes
into the serial port (QEMU's stdin), as a person at the terminal would: the
in-OS console tests (tests/user/utest/t_tty.c) write that line through
/dev/console and read the bytes back from it.
"""
import argparse
import os
import re
import select
import signal
import subprocess
import sys
import time

# The console's shell prompt ("# ", from bin/getty's sh in a boot with init)
# may land at the start of a kernel log line: both write the UART.
RESULT_RE = re.compile(r"^(?:# )?KTEST (\S+): (PASS|FAIL)(.*)$")
PLAN_RE = re.compile(r"^(?:# )?KTEST-PLAN (\d+)")
DETAIL_RE = re.compile(r"^(?:# )?KTEST-DETAIL (.*)$")
TYPE_RE = re.compile(r"KTTY-TYPE ([0-9a-f]+)$")
BANNER_RE = re.compile(r"^Verdigris \S+ \| arch (\S+) \|.*\| boot (\d+) ms")


class Run:
    def __init__(self):
        self.lines = []
        self.results = []  # (name, passed, detail)
        self.details = []  # KTEST-DETAIL lines since the last result
        self.plan = None
        self.panic = False
        self.banner = None
        self.exit_status = None
        self.timed_out = False
        self.seconds = 0.0

    def feed(self, line):
        self.lines.append(line)
        m = DETAIL_RE.match(line)
        if m:
            self.details.append(m.group(1).strip())
        m = RESULT_RE.match(line)
        if m:
            # A failure's detail names the checks that failed, so that a
            # summary (CI's) says where without the log.
            detail = "; ".join([m.group(3).strip()] + self.details).strip("; ")[:400]
            self.results.append((m.group(1), m.group(2) == "PASS", detail))
            self.details = []
        m = PLAN_RE.match(line)
        if m:
            # Kernel and user space each announce their own plan.
            self.plan = (self.plan or 0) + int(m.group(1))
        if line.startswith("PANIC"):
            self.panic = True
        m = BANNER_RE.match(line)
        if m and not self.banner:
            self.banner = line

    def problems(self, expect_exit=0):
        """Why the run failed, as a list of messages (empty: it passed)."""
        out = []
        if self.timed_out:
            out.append("hang: no power-off within the timeout")
        elif self.exit_status != expect_exit:
            out.append("QEMU exit status %s, expected %s" % (self.exit_status, expect_exit))
        if self.panic and expect_exit == 0:
            out.append("kernel panic")
        if self.plan is not None and len(self.results) != self.plan:
            out.append("%d of %d planned results seen" % (len(self.results), self.plan))
        return out


def type_into(proc, data):
    """Types data into the guest's serial port; a QEMU gone is no error."""
    try:
        proc.stdin.write(data)
        proc.stdin.flush()
    except (BrokenPipeError, OSError):
        pass


def run(cmd, timeout, log_path=None, echo=False):
    """Runs cmd (a list), returns a Run. Kills QEMU on timeout."""
    r = Run()
    start = time.monotonic()
    log = open(log_path, "w", errors="replace") if log_path else None
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, start_new_session=True)
    buf = b""
    try:
        while True:
            left = timeout - (time.monotonic() - start)
            if left <= 0:
                r.timed_out = True
                break
            ready, _, _ = select.select([proc.stdout], [], [], min(left, 0.5))
            if not ready:
                if proc.poll() is not None:
                    break
                continue
            chunk = os.read(proc.stdout.fileno(), 65536)
            if not chunk:
                break
            buf += chunk
            while b"\n" in buf:
                raw, buf = buf.split(b"\n", 1)
                line = raw.decode("utf-8", "replace").rstrip("\r")
                r.feed(line)
                if log:
                    log.write(line + "\n")
                if echo:
                    print(line, flush=True)
                m = TYPE_RE.search(line)
                if m and len(m.group(1)) % 2 == 0:
                    type_into(proc, bytes.fromhex(m.group(1)))
    finally:
        if buf:
            line = buf.decode("utf-8", "replace").rstrip("\r")
            r.feed(line)
            if log:
                log.write(line + "\n")
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        try:
            proc.stdin.close()
        except (BrokenPipeError, OSError):
            pass
        if log:
            log.close()
    r.exit_status = None if r.timed_out else proc.returncode
    r.seconds = time.monotonic() - start
    return r


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--log")
    ap.add_argument("--expect-exit", type=int, default=0)
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    r = run(cmd, a.timeout, a.log, echo=True)
    probs = r.problems(a.expect_exit)
    for p in probs:
        print("qemurun: " + p, file=sys.stderr)
    return 1 if probs else 0


if __name__ == "__main__":
    sys.exit(main())
