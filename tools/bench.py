#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""make bench: kernel microbenchmarks on the three architectures, beside Linux.

Each architecture's release build boots with "bench" on the command line; the
root task runs the benchmarks (tests/user/bench.c) and prints one BENCH line
each with the median. Two runs per architecture, the measures the project
uses:
  - under -icount shift=0,sleep=off the guest clock advances 1 ns per guest
    instruction, so the medians are guest instructions per operation
    (deterministic);
  - under plain TCG they are wall-clock nanoseconds (they move with host load:
    compare ratios run back to back, not absolute figures).
Linux's figures come from ../shared/peer/results.md (same QEMU settings).
The table is printed and written to build/bench/results.md.

--linux (make bench LINUX=1): after each architecture's TCG run, the Linux
peer (../shared/peer: Debian's kernel and bench/bench.c, same QEMU
settings: TCG, 1 vCPU, 512 MiB) runs right away on the same host, so that
both see the same host load; the wall-clock ratios (ours / Linux's) go into
a second table. The peer's images are built first when missing
(../shared/peer/build.sh, about 15 s with the .debs reachable). Benchmarks
are never pass/fail: a peer that cannot run just leaves its cells empty.
"""
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
import qemurun  # noqa: E402

ARCHES = ["x86_64", "aarch64", "riscv64"]
BENCH_RE = re.compile(r"^BENCH (\S+) median_ns=(\d+)")
PEER_DIR = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                                         "shared", "peer"))
PEER = os.path.join(PEER_DIR, "results.md")
PEER_W = os.environ.get("PEER_W", "/tmp/peer")  # where build.sh puts its images
PEER_RE = re.compile(r"RESULT (\S+)\s+median_ns=([0-9.]+)")
RUNNER = "bin/testrun"  # tests/user/testrun.c

# Our benchmark, and the Linux peer's bench.c test it is timed against.
PEER_TESTS = {
    "null_syscall": "null_syscall_getppid",
    "ipc_round_trip_cross_process": "pipe_rtt_procs",
    "ipc_call_reply_round_trip": "pipe_rtt_threads",
    "thread_switch_pair": "condvar_rtt_threads",
    "pipe_round_trip_processes": "pipe_rtt_procs",
    "pipe_round_trip_threads": "pipe_rtt_threads",
}
# Our benchmark, and the Linux row it is put beside (the nearest equivalent).
LINUX_ROWS = {
    "null_syscall": "null syscall (getppid)",
    "ipc_call_reply_round_trip": "pipe round trip, 2 threads",
    "ipc_round_trip_cross_process": "pipe round trip, 2 processes",
    "pipe_round_trip_threads": "pipe round trip, 2 threads",
    "pipe_round_trip_processes": "pipe round trip, 2 processes",
    "thread_switch_pair": "mutex+condvar round trip, 2 threads",
    "pthread_condvar_round_trip": "mutex+condvar round trip, 2 threads",
    "pthread_create_join": "pthread create+join",
    "file_create_write4k_close_unlink": "tmpfs create+write 4K+close+unlink",
    "fork_exit_wait": "fork+_exit+waitpid",
    "fork_exec_wait": "fork+execve(static)+waitpid",
    "posix_spawn_wait": "fork+execve(static)+waitpid",
}


def make_value(target, arch):
    out = subprocess.run(["make", "-s", "--no-print-directory", target, "ARCH=" + arch,
                          "MODE=release"], stdout=subprocess.PIPE, text=True, check=True)
    return out.stdout.strip()


def linux_instructions():
    """{row name: [x86_64, aarch64, riscv64]} from the peer's icount table."""
    rows = {}
    try:
        text = open(PEER).read()
    except OSError:
        return rows
    section = text.split("## Guest instructions per operation", 1)[-1]
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0] in LINUX_ROWS.values():
            rows[cells[0]] = [c.replace(",", "") for c in cells[1:]]
    return rows


def run(arch, icount):
    subprocess.run(["make", "-s", "--no-print-directory", "all", "ARCH=" + arch,
                    "MODE=release"], check=True, stdout=subprocess.DEVNULL)
    cmd = make_value("print-qemu", arch).split() + ["-serial", "stdio", "-monitor", "none"]
    if icount:
        cmd += ["-icount", "shift=0,sleep=off"]
    # The test runner is the root task of benchmark boots (init runs services).
    cmd += ["-append", make_value("print-cmdline", arch) + " bench init=" + RUNNER]
    log = "build/bench/%s-%s.log" % (arch, "icount" if icount else "tcg")
    r = qemurun.run(cmd, 600, log)
    found = {}
    for line in r.lines:
        m = BENCH_RE.match(line)
        if m:
            found[m.group(1)] = int(m.group(2))
    if r.problems() or not found:
        print("bench: %s run failed: %s (log %s)" % (arch, "; ".join(r.problems()), log))
    return found


def run_peer(arch):
    """The Linux peer's medians (ns) under plain TCG, {test: ns}; {} if it cannot run."""
    image = os.path.join(PEER_W, "img", "kernel-" + arch)
    env = dict(os.environ, W=PEER_W)
    if not os.path.exists(image):
        print("bench: building the Linux peer for %s (%s/build.sh)" % (arch, PEER_DIR))
        if subprocess.run([os.path.join(PEER_DIR, "build.sh"), arch], env=env,
                          stdout=subprocess.DEVNULL).returncode != 0 or not os.path.exists(image):
            print("bench: the Linux peer for %s could not be built" % arch)
            return {}
    out = os.path.abspath("build/bench/peer")
    os.makedirs(out, exist_ok=True)
    cfg = arch + "-tcg-bench"
    subprocess.run([os.path.join(PEER_DIR, "run.sh"), "-n", "1", "-o", out, cfg], env=env,
                   stdout=subprocess.DEVNULL)
    found = {}
    try:
        for line in open(os.path.join(out, cfg + "-1.log")):
            m = PEER_RE.search(line)
            if m:
                found[m.group(1)] = float(m.group(2))
    except OSError:
        pass
    if not found:
        print("bench: the Linux peer run for %s failed (log in %s)" % (arch, out))
    return found


def ratio_table(results, peers):
    out = ["| benchmark (ours vs Linux) | " + " | ".join(
        "%s ours ns | %s Linux ns | %s ratio" % (a, a, a) for a in ARCHES) + " |",
        "|---|" + "---|" * (3 * len(ARCHES))]
    for n, test in PEER_TESTS.items():
        cells = []
        for a in ARCHES:
            ours = results[a][1].get(n)
            lin = peers[a].get(test)
            cells += [str(ours) if ours is not None else "-",
                      "%.0f" % lin if lin is not None else "-",
                      "%.3f" % (ours / lin) if ours is not None and lin else "-"]
        out.append("| %s (Linux: %s) | %s |" % (n, test, " | ".join(cells)))
    return "\n".join(out) + ("\n\nWall-clock ns under plain TCG, each architecture's Linux run "
                             "right after ours on the same host (ratio: ours / Linux; lower is "
                             "better for us).\n")


def main():
    os.makedirs("build/bench", exist_ok=True)
    with_linux = "--linux" in sys.argv[1:]
    linux = linux_instructions()
    results, peers = {}, {}
    for a in ARCHES:
        results[a] = (run(a, True), run(a, False))
        if with_linux:
            peers[a] = run_peer(a)
    names = []
    for a in ARCHES:
        for n in results[a][0]:
            if n not in names:
                names.append(n)
    out = ["| benchmark | " + " | ".join(
        "%s instr | %s Linux instr | %s TCG ns" % (a, a, a) for a in ARCHES) + " |",
        "|---|" + "---|" * (3 * len(ARCHES))]
    for n in names:
        cells = []
        for i, a in enumerate(ARCHES):
            ic, wall = results[a]
            lin = linux.get(LINUX_ROWS.get(n, ""), ["-"] * 3)[i]
            cells += [str(ic.get(n, "-")), lin, str(wall.get(n, "-"))]
        out.append("| %s | %s |" % (n, " | ".join(cells)))
    table = "\n".join(out)
    notes = ("\nLinux columns: the nearest Linux operation from ../shared/peer/results.md "
             "(getppid; pipe round trips between 2 threads and between 2 processes; "
             "mutex+condvar round trip between 2 threads).\n")
    if with_linux:
        notes += "\n" + ratio_table(results, peers)
    print(table + notes)
    with open("build/bench/results.md", "w") as f:
        f.write(table + notes)
    return 0 if all(results[a][0] for a in ARCHES) else 1


if __name__ == "__main__":
    sys.exit(main())
