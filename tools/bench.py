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

The peer's own benchmark, ../shared/peer/bench/bench.c, is built unchanged
with the SDK's compiler driver (make sdk; build/sdk/<arch>/bin/cc) as
bin/peer_bench, with the peer's static true (bench/true.c) as
bin/true_static, and put in the image (IMAGE_EXTRA); the root task runs it
after its own benchmarks (tests/user/bench_proc.c) and its RESULT lines
give a second table: the same program's figures here and on Linux.
tests/peer/fsbench.c (stat of a cached path, readdir of 1000 entries) is
built the same way as bin/fsbench and run after it; its figures go in a
third table beside Linux's, which tools/peer-fsbench.sh measures (its logs
in $PEER_W/fsbench: rerun under LINUX=1, read as they are otherwise).

--dynamic (make bench DYNAMIC=1): bench.c is linked against libc.so (the
SDK's cc -dynamic) instead of statically, to measure what a dynamically
linked program pays after its start (docs/PERFORMANCE.md).

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
import scenario  # noqa: E402

ARCHES = ["x86_64", "aarch64", "riscv64"]
BENCH_RE = re.compile(r"^BENCH (\S+) median_ns=(\d+)")
PEER_DIR = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                                         "shared", "peer"))
PEER = os.path.join(PEER_DIR, "results.md")
PEER_W = os.environ.get("PEER_W", "/tmp/peer")  # where build.sh puts its images
PEER_RE = re.compile(r"RESULT (\S+)\s+(?:MiBps=\S+\s+)?median_ns=([0-9.]+)")
PEER_MIBPS_RE = re.compile(r"RESULT (\S+)\s+MiBps=([0-9.]+)")
PEER_SKIP_RE = re.compile(r"RESULT (\S+)\s+skipped=(\S+)")
PEER_SRC = os.path.join(PEER_DIR, "bench")
# bench.c as it is: no switches (socketpair is the pipe server's).
PEER_CFLAGS = ["-O2"]
# bench.c's tests and the Linux rows of the icount table they are.
PEER_ROWS = {
    "null_syscall_getppid": "null syscall (getppid)",
    "pipe_rtt_procs": "pipe round trip, 2 processes",
    "pipe_rtt_threads": "pipe round trip, 2 threads",
    "condvar_rtt_threads": "mutex+condvar round trip, 2 threads",
    "unix_sock_rtt_threads": "AF_UNIX round trip, 2 threads",
    "thread_create_join": "pthread create+join",
    "fork_exit_wait": "fork+_exit+waitpid",
    "fork_exec_wait": "fork+execve(static)+waitpid",
    "file_create_w4k_unlink": "tmpfs create+write 4K+close+unlink",
}
FSBENCH_SRC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "peer",
                           "fsbench.c")
FSBENCH_ROWS = ["stat_cached_path", "readdir_1000"]
RUNNER = "bin/testrun"  # tests/user/testrun.c

# Our benchmark, and the Linux peer's bench.c test it is timed against.
PEER_TESTS = {
    "null_syscall": "null_syscall_getppid",
    "ipc_round_trip_cross_process": "pipe_rtt_procs",
    "ipc_call_reply_round_trip": "pipe_rtt_threads",
    "thread_switch_pair": "condvar_rtt_threads",
    "pipe_round_trip_processes": "pipe_rtt_procs",
    "pipe_round_trip_threads": "pipe_rtt_threads",
    "file_create_write4k_close_unlink": "file_create_w4k_unlink",
    "tmpfs_write_64mib": "seq_write_tmpfs_64M",
    "tmpfs_read_64mib": "seq_read_tmpfs_64M",
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
    wanted = set(LINUX_ROWS.values()) | set(PEER_ROWS.values())
    rows = {}
    try:
        text = open(PEER).read()
    except OSError:
        return rows
    section = text.split("## Guest instructions per operation", 1)[-1]
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0] in wanted:
            rows[cells[0]] = [c.replace(",", "") for c in cells[1:]]
    return rows


def peer_image(arch, dynamic=False):
    """Builds bench.c (against libc.so when dynamic) and true.c with the SDK
    into build/bench/extra/<arch>/bin; the directory for IMAGE_EXTRA, or None
    when they cannot be built."""
    extra = "build/bench/extra/" + arch
    os.makedirs(extra + "/bin", exist_ok=True)
    if subprocess.run(["make", "-s", "--no-print-directory", "sdk", "ARCH=" + arch,
                       "MODE=release"], stdout=subprocess.DEVNULL).returncode != 0:
        print("bench: make sdk ARCH=%s failed: no peer benchmark" % arch)
        return None
    cc = "build/sdk/%s/bin/cc" % arch
    bench_flags = PEER_CFLAGS + (["-dynamic"] if dynamic else [])
    for src, out, flags in ((os.path.join(PEER_SRC, "bench.c"), "peer_bench", bench_flags),
                            (os.path.join(PEER_SRC, "true.c"), "true_static", PEER_CFLAGS),
                            (FSBENCH_SRC, "fsbench", ["-O2"])):
        p = subprocess.run([cc] + flags + ["-o", extra + "/bin/" + out, src],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if p.returncode != 0:
            print("bench: %s does not build for %s:\n%s" % (src, arch, p.stdout))
            return None
    return extra


def run(arch, icount, extra):
    """({our benchmark: median ns}, {peer test: median ns or MiB/s})."""
    subprocess.run(["make", "-s", "--no-print-directory", "all", "ARCH=" + arch,
                    "MODE=release"] + (["IMAGE_EXTRA=" + extra] if extra else []),
                   check=True, stdout=subprocess.DEVNULL)
    cmd = make_value("print-qemu", arch).split() + ["-serial", "stdio", "-monitor", "none"]
    if icount:
        cmd += ["-icount", "shift=0,sleep=off"]
    # The test runner is the root task of benchmark boots (init runs services).
    cmd += ["-append", make_value("print-cmdline", arch) + " bench init=" + RUNNER]
    log = "build/bench/%s-%s.log" % (arch, "icount" if icount else "tcg")
    r = qemurun.run(cmd, 1500, log)
    found, peer = {}, {}
    for line in r.lines:
        m = BENCH_RE.match(line)
        if m:
            found[m.group(1)] = int(m.group(2))
        m = PEER_MIBPS_RE.search(line) or PEER_RE.search(line) or PEER_SKIP_RE.search(line)
        if m:
            peer[m.group(1)] = m.group(2)
    if r.problems() or not found:
        print("bench: %s run failed: %s (log %s)" % (arch, "; ".join(r.problems()), log))
    return found, peer


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


def run_peer_fsbench(arch):
    """tests/peer/fsbench.c on the Linux peer (tools/peer-fsbench.sh: an
    -icount boot and a TCG one), right after ours."""
    if subprocess.run([os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                    "peer-fsbench.sh"), arch], env=dict(os.environ, W=PEER_W),
                      stdout=subprocess.DEVNULL).returncode != 0:
        print("bench: tools/peer-fsbench.sh %s failed" % arch)


def peer_fsbench(arch, mode):
    """{fsbench test: median ns} from the peer's last fsbench log of arch
    (mode icount or wall), {} when there is none."""
    found = {}
    try:
        for line in open(os.path.join(PEER_W, "fsbench", "%s-%s.log" % (arch, mode))):
            m = PEER_RE.search(line)
            if m:
                found[m.group(1)] = m.group(2)
    except OSError:
        pass
    return found


def fsbench_table(results):
    """tests/peer/fsbench.c here and on Linux: instructions and TCG ns."""
    out = ["| fsbench.c test | " + " | ".join(
        "%s instr | %s Linux instr | %s TCG ns | %s Linux TCG ns" % (a, a, a, a)
        for a in ARCHES) + " |", "|---|" + "---|" * (4 * len(ARCHES))]
    for n in FSBENCH_ROWS:
        cells = []
        for a in ARCHES:
            cells += [fmt(results[a][2].get(n)), fmt(peer_fsbench(a, "icount").get(n)),
                      fmt(results[a][3].get(n)), fmt(peer_fsbench(a, "wall").get(n))]
        out.append("| %s | %s |" % (n, " | ".join(cells)))
    return ("\n## tests/peer/fsbench.c, built with the SDK\n\n" + "\n".join(out) +
            "\n\nThe same program on Linux: tools/peer-fsbench.sh (its logs in " +
            PEER_W + "/fsbench; run again by LINUX=1 right after ours).\n")


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


def fmt(v):
    """A peer figure as printed: whole numbers, or the word it skipped with."""
    try:
        f = float(v)
    except (TypeError, ValueError):
        return v or "-"
    return "%.0f" % f if f >= 100 else "%.1f" % f


def peer_table(results, linux, peer_linux):
    """bench.c's figures here beside Linux's (icount instructions, TCG ns)."""
    names = []
    for a in ARCHES:
        for n in list(results[a][2]) + list(results[a][3]):
            if n not in names and n not in FSBENCH_ROWS:
                names.append(n)
    if not names:
        return ""
    out = ["| bench.c test | " + " | ".join(
        "%s instr | %s Linux instr | %s TCG ns | %s Linux TCG ns" % (a, a, a, a)
        for a in ARCHES) + " |", "|---|" + "---|" * (4 * len(ARCHES))]
    for n in names:
        cells = []
        for i, a in enumerate(ARCHES):
            lin = linux.get(PEER_ROWS.get(n, ""), ["-"] * 3)[i]
            cells += [fmt(results[a][2].get(n)), lin, fmt(results[a][3].get(n)),
                      fmt(peer_linux.get(n, ["-"] * 3)[i])]
        out.append("| %s | %s |" % (n, " | ".join(cells)))
    return ("\n## ../shared/peer/bench/bench.c, built with the SDK\n\n" + "\n".join(out) +
            "\n\nThe peer's benchmark, unchanged, run in the OS; "
            "MiB/s for the seq_* rows. Linux columns: ../shared/peer/results.md (instructions: "
            "its icount table; TCG ns: its wall-clock summary, another day's host load).\n")


def linux_wall():
    """{bench.c test: [x86_64, aarch64, riscv64]} medians from the peer's
    summary table (the nokaslr column on aarch64, as the icount figures)."""
    cols = {"x86_64": "x86_64-tcg-bench", "aarch64": "aarch64-tcg-bench-nokaslr",
            "riscv64": "riscv64-tcg-bench"}
    rows = {}
    try:
        text = open(PEER).read()
    except OSError:
        return rows
    section = text.split("## Full summary", 1)[-1].split("Counter ticks", 1)[0]
    head = None
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells and cells[0] == "metric":
            head = [c.split(" (")[0] for c in cells]
        elif head and len(cells) == len(head) and (cells[0] in PEER_ROWS or
                                                   cells[0].startswith("seq_")):
            rows[cells[0]] = [cells[head.index(cols[a])].split(" [")[0].replace(",", "")
                              if cols[a] in head else "-" for a in ARCHES]
    return rows


# Linux with a busybox initramfs, launch to its shell prompt under TCG
# (../shared/peer/results.md), seconds.
LINUX_BOOT_TO_PROMPT = {"x86_64": 9.4, "aarch64": 2.6, "riscv64": 5.9}


def boot_table():
    """Launch to the shell's prompt on the normal image (init, its services,
    the console, getty and sh), median of 5 runs under TCG, and the memory
    in use at the prompt."""
    out = ["\n| boot to shell prompt (TCG wall) | Verdigris s | Linux s | memory in use at the prompt |",
           "|---|---|---|---|"]
    for a in ARCHES:
        cmd = make_value("print-qemu", a).split() + ["-serial", "stdio", "-monitor", "none",
                                                     "-append", make_value("print-cmdline", a)]
        runs = [scenario.boot_to_prompt(cmd, "build/bench/%s-boot.log" % a) for _ in range(5)]
        secs = sorted(r[0] for r in runs if r[0] is not None)
        used = [r[1] for r in runs if r[1] is not None]
        out.append("| %s | %s | %.1f | %s |" % (
            a, "%.2f" % secs[len(secs) // 2] if secs else "no prompt",
            LINUX_BOOT_TO_PROMPT[a], "%d KiB" % max(used) if used else "-"))
    return "\n".join(out) + "\n"


def main():
    os.makedirs("build/bench", exist_ok=True)
    with_linux = "--linux" in sys.argv[1:]
    linux = linux_instructions()
    results, peers = {}, {}
    for a in ARCHES:
        extra = peer_image(a, "--dynamic" in sys.argv[1:])
        (ic, peer_ic), (wall, peer_wall) = run(a, True, extra), run(a, False, extra)
        results[a] = (ic, wall, peer_ic, peer_wall)
        if with_linux:
            peers[a] = run_peer(a)
            run_peer_fsbench(a)
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
            ic, wall = results[a][:2]
            lin = linux.get(LINUX_ROWS.get(n, ""), ["-"] * 3)[i]
            cells += [str(ic.get(n, "-")), lin, str(wall.get(n, "-"))]
        out.append("| %s | %s |" % (n, " | ".join(cells)))
    table = "\n".join(out)
    notes = ("\nLinux columns: the nearest Linux operation from ../shared/peer/results.md "
             "(getppid; pipe round trips between 2 threads and between 2 processes; "
             "mutex+condvar round trip between 2 threads).\n")
    notes += peer_table(results, linux, linux_wall())
    notes += fsbench_table(results)
    notes += boot_table()
    if with_linux:
        notes += "\n" + ratio_table(results, peers)
    print(table + notes)
    with open("build/bench/results.md", "w") as f:
        f.write(table + notes)
    return 0 if all(results[a][0] for a in ARCHES) else 1


if __name__ == "__main__":
    sys.exit(main())
