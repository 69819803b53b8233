#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""The whole test run behind `make test`.

1. lint (make lint), host unit tests and fuzzers (make host-test, make host-fuzz);
2. for each architecture and each build mode (release -O2, debug -O0): build
   with -Werror, boot every QEMU variant the arch fragment lists with "ktest"
   on the command line and count each in-kernel result, then boot once with
   "crashtest" and check that a deliberate kernel fault is reported (registers,
   backtrace) and powers off with a failure status; these boots run the test
   runner (init=bin/testrun) as the root task. Then boot once with init, the
   default root task, which in a "ktest" boot starts the test services of
   rootfs/etc/services-test: they check init from the outside, and the run
   ends with init's orderly poweroff through the system_power call;
3. x86_64 only: boot the GRUB (multiboot2) ISO; each arch in release: boot
   bin/shtest as the root task, which runs the shell's script suite and the
   utilities' in-OS scripts (one KTEST line each); and boot the normal
   image (init, the console, a shell on it) and use the shell over the
   serial console as a person would (tools/scenario.py, one result a step);
4. each arch: a program brought in with IMAGE_EXTRA runs as the root task,
   and so does a POSIX-style program (tests/sdk/posix.c) built with the
   SDK's compiler driver (make sdk; build/sdk/<arch>/bin/cc); the same
   program built with `cc -dynamic` and one linked against a shared library
   made with `cc -shared -fPIC` (tests/sdk/uselib.c, sdklib.c) run through
   /lib/ld.so, started by tests/sdk/launch.c as the root task, and the three
   run from the shell at the console of the image's normal boot
   (SDK_SHELL_STEPS); the same image, its init checker told to reboot (an
   etc/services-test/initcheck of its own), checks init's orderly reboot.

Every check is one test; the last line is "N passed, N failed". Serial logs
are kept under build/test-logs/.
"""
import argparse
import concurrent.futures
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import qemurun  # noqa: E402
import scenario  # noqa: E402

ARCHES = ["x86_64", "aarch64", "riscv64"]
MODES = ["release", "debug"]
BOOT_TIMEOUT = 240  # seconds: a healthy boot with every test takes 30-100 s on an idle 2-core machine, twice that under load
# The shell's suite (tests/user/shtest.c: every script of tests/sh and
# tests/utils/inos inside the OS) boots on its own, once per arch in release.
SHELL_TIMEOUT = 900
LOG_DIR = "build/test-logs"
TEST_LINE = re.compile(r"^TEST (\S+): (PASS|FAIL)(.*)$")
RUNNER = "bin/testrun"  # tests/user/testrun.c, the in-OS test runner
# What the kernel logs when init's system_power call turns the machine off
# or resets it (kernel/core/sys_power.c).
POWER_LINE = {"init": "power: off requested by user space",
              "reboot": "power: reboot requested by user space"}

results = []  # (name, passed, detail)


def record(name, passed, detail=""):
    results.append((name, passed, detail))
    if not passed:
        print("FAIL %s %s" % (name, detail), flush=True)


def make(*args):
    # errors="replace": a fuzzer's report may quote the raw bytes it tried.
    p = subprocess.run(["make", "--no-print-directory"] + list(args), stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True, errors="replace")
    return p.returncode == 0, p.stdout


def make_value(target, arch, mode, **extra):
    args = [target, "-s", "ARCH=" + arch, "MODE=" + mode]
    args += ["%s=%s" % kv for kv in extra.items()]
    ok, out = make(*args)
    if not ok:
        raise RuntimeError("make %s failed:\n%s" % (target, out))
    return out.strip()


def host_layer(target):
    ok, out = make(target)
    seen = 0
    for line in out.splitlines():
        m = TEST_LINE.match(line)
        if m:
            seen += 1
            record("host." + m.group(1), m.group(2) == "PASS", m.group(3).strip())
    if not ok or not seen:
        tail = "\n".join(out.splitlines()[-15:])
        record("host.%s-run" % target, False, "make %s failed:\n%s" % (target, tail))


def boot(name, cmd):
    log = os.path.join(LOG_DIR, name + ".log")
    timeout = SHELL_TIMEOUT if name.endswith(".shell") else BOOT_TIMEOUT
    return qemurun.run(cmd, timeout, log), log


def scenario_boot(name, cmd, steps=None):
    log = os.path.join(LOG_DIR, name + ".log")
    return scenario.run(cmd, log, steps), log


def judge_scenario(name, steps, log):
    for step, passed, detail in steps:
        record("scenario.%s.%s" % (name, step), passed,
               detail if passed else "%s (log: %s)" % (detail, log))
    print("  %-32s %s" % (name, "; ".join("%s %s" % (s, d) for s, ok, d in steps
                                           if s == "prompt")), flush=True)


def judge_ktest_boot(name, run, log):
    for test, passed, detail in run.results:
        record("ktest.%s.%s" % (name, test), passed, detail)
    probs = run.problems()
    if not run.banner:
        probs.append("no boot banner")
    if run.plan is None:
        probs.append("no KTEST-PLAN line")
    detail = "; ".join(probs)
    if probs:
        detail += " (log: %s)" % log
    record("boot.%s" % name, not probs, detail)
    if run.banner:
        print("  %-32s %5.1fs  %s" % (name, run.seconds, run.banner), flush=True)


def judge_init_boot(kind, name, run, log):
    """A ktest boot with init as the root task, which must end through
    init's own power call (not the kernel's after the root task exits)."""
    if not any(POWER_LINE[kind] in l for l in run.lines):
        run.plan = (run.plan or 0) + 1  # one more expected result: missing
        run.results.append(("init_power_call", False, "no '%s' line" % POWER_LINE[kind]))
    judge_ktest_boot(name, run, log)


def symbolize(elf, addresses):
    """Function names of kernel addresses, via llvm-symbolizer."""
    p = subprocess.run(["llvm-symbolizer", "--obj=" + elf] + addresses, stdout=subprocess.PIPE,
                       text=True, errors="replace")
    blocks = [b.splitlines() for b in p.stdout.strip().split("\n\n")]
    return [b[0] if b else "??" for b in blocks]


def judge_crash_boot(name, run, log, elf):
    text = "\n".join(run.lines)
    probs = []
    # The deliberate fault is in kernel_main: the trace must start there and
    # go on into the arch code that called it.
    frames = re.findall(r"^  #\d+ (0x[0-9a-f]+)", text, re.M)
    if frames:
        # Frames past #0 are return addresses: the call is the byte before.
        names = symbolize(elf, [frames[0]] + [hex(int(f, 16) - 1) for f in frames[1:2]])
        if names[0] != "kernel_main" or len(names) < 2 or names[1] in ("??", "kernel_main"):
            probs.append("backtrace symbolizes to %s, expected kernel_main and its caller" %
                         " <- ".join(names))
    if run.timed_out:
        probs.append("hang after the deliberate fault")
    elif run.exit_status in (0, None):
        probs.append("exit status %s: a kernel fault must power off with failure" %
                     run.exit_status)
    if not run.panic:
        probs.append("no PANIC line")
    if "backtrace:" not in text or not re.search(r"^  #1 0x", text, re.M):
        probs.append("no backtrace")
    if "PANIC-END" not in text:
        probs.append("panic report incomplete")
    detail = "; ".join(probs) + (" (log: %s)" % log if probs else "")
    record("crash.%s" % name, not probs, detail)


def judge_extra_boot(name, run, log):
    """A program brought in with IMAGE_EXTRA ran as the root task."""
    probs = run.problems()
    if not any(l.startswith("hello from user space on ") for l in run.lines):
        probs.append("the program from IMAGE_EXTRA did not run")
    detail = "; ".join(probs) + (" (log: %s)" % log if probs else "")
    record(name, not probs, detail)


# What tests/sdk/posix.c prints when all is well, in order.
def sdk_posix_lines(argv0):
    return [
        "sdk-posix: start argc=1 argv0=%s constructed=1" % argv0,
        "sdk-posix: floats 3.142 0.3 1.234568e+04",
        "sdk-posix: thread 1 tls 6",
        "sdk-posix: thread 2 tls 7",
        "sdk-posix: thread 3 tls 8",
        "sdk-posix: thread 4 tls 9",
        "sdk-posix: total 40000 main tls 5",
        "sdk-posix: coll 100 keys, key42=42",
        "sdk-posix: done, 0 problems",
        "sdk-posix: atexit ran",
    ]


# What the boot of the SDK's dynamic programs prints (tests/sdk/launch.c
# starts posix.c built with -dynamic, then uselib.c, linked against
# libsdkdemo.so from sdklib.c built with -shared -fPIC), in order.
SDK_LIB_LINES = [
    "sdk-lib: constructed=1 name=libsdkdemo.so",
    "sdk-lib: sum of squares 1..10 = 385",
    "sdk-lib: hello from libsdkdemo.so (5 letters) [36]",
    "sdk-lib: thread gave 1401, calls 3, this thread's 2",
    "sdk-lib: after the program's write, calls 14",
    "sdk-lib: distinct words 4",
    "sdk-lib: done, 0 problems",
]
SDK_DYNAMIC_LINES = (sdk_posix_lines("bin/posix-dyn") + ["sdk-launch: bin/posix-dyn exited 0"] +
                     SDK_LIB_LINES + ["sdk-launch: bin/uselib-sdk exited 0",
                                      "sdk-launch: done, 0 problems"])


# The SDK's programs run from the shell at the console, as docs/PORTING.md
# shows (scenario steps: name, input, expected output, status): static,
# dynamic, against a library of its own, and dynamic from a copy in /tmp.
def exactly(lines):
    return re.escape("\n".join(lines))


SDK_SHELL_STEPS = [
    ("sdk_static", ["posix-sdk"], exactly(sdk_posix_lines("posix-sdk")), 0),
    ("sdk_dynamic", ["posix-dyn"], exactly(sdk_posix_lines("posix-dyn")), 0),
    ("sdk_shared_library", ["uselib-sdk"], exactly(SDK_LIB_LINES), 0),
    ("sdk_dynamic_from_tmp", ["cp /bin/uselib-sdk /tmp/u && /tmp/u | tail -n 1"],
     exactly(SDK_LIB_LINES[-1:]), 0),
]


def judge_sdk_boot(name, run, log, expected):
    """An SDK-built root task ran and it (and what it started) printed
    exactly the lines expected."""
    probs = run.problems()
    seen = [l.strip() for l in run.lines if re.match(r"sdk-(posix|lib|launch): ", l)]
    if seen != expected:
        probs.append("output %r, expected %r" % (seen, expected))
    detail = "; ".join(probs) + (" (log: %s)" % log if probs else "")
    record(name, not probs, detail)


def sdk_cc(arch, *args):
    """Runs the SDK's bin/cc: (ok, output)."""
    p = subprocess.run(["build/sdk/%s/bin/cc" % arch, "-O2", "-Wall", "-Wextra", "-Werror"] +
                       list(args), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                       errors="replace")
    return p.returncode == 0, p.stdout


def elf_problems(path, kind, interp, needed):
    """What is wrong with path's linking, seen on the host: its ELF type
    (EXEC or DYN), its interpreter (None: it must have none) and the
    libraries it needs."""
    p = subprocess.run(["llvm-readelf", "-h", "-l", "-d", path], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True, errors="replace")
    if p.returncode:
        return ["llvm-readelf %s: %s" % (path, p.stdout.strip())]
    probs = []
    m = re.search(r"^\s*Type:\s+(\S+)", p.stdout, re.M)
    if (m.group(1) if m else None) != kind:
        probs.append("%s: type %s, expected %s" % (path, m and m.group(1), kind))
    m = re.search(r"\[Requesting program interpreter: (\S+)\]", p.stdout)
    if (m.group(1) if m else None) != interp:
        probs.append("%s: interpreter %s, expected %s" % (path, m and m.group(1), interp))
    got = re.findall(r"\(NEEDED\)\s+Shared library: \[(\S+)\]", p.stdout)
    if sorted(got) != sorted(needed):
        probs.append("%s: needs %s, expected %s" % (path, got, needed))
    return probs


def sdk_build(arch, extra):
    """make sdk, then with its bin/cc into extra: tests/sdk/posix.c static
    (bin/posix-sdk) and dynamic (bin/posix-dyn), tests/sdk/sdklib.c as a
    shared object (lib/libsdkdemo.so, where ld.so looks), tests/sdk/uselib.c
    linked against it, and the static tests/sdk/launch.c that starts the
    dynamic ones. Returns whether the static and the dynamic parts built."""
    ok, out = make("sdk", "ARCH=" + arch, "MODE=release")
    if ok:
        # With the libraries an ordinary makefile names: the SDK's are
        # empty (libc has it all).
        ok, out = sdk_cc(arch, "-o", extra + "/bin/posix-sdk", "tests/sdk/posix.c", "-lcoll",
                         "-lm", "-lpthread", "-ldl", "-lrt")
    if ok:
        # A library the SDK lacks is an error, never the host's.
        bad, why = sdk_cc(arch, "-o", extra + "-no-such-lib", "tests/sdk/posix.c", "-lcoll",
                          "-lz")
        if bad or "unable to find library -lz" not in why:
            ok, out = False, "cc ... -lz: %s" % ("linked" if bad else why)
    if ok:
        probs = elf_problems(extra + "/bin/posix-sdk", "EXEC", None, [])
        ok, out = not probs, "\n".join(probs)
    record("build.%s.sdk-posix" % arch, ok, "" if ok else "\n".join(out.splitlines()[-20:]))
    if not ok:
        return False, False
    os.makedirs(extra + "/lib", exist_ok=True)
    steps = [["-dynamic", "-o", extra + "/bin/posix-dyn", "tests/sdk/posix.c", "-lcoll"],
             ["-shared", "-fPIC", "-o", extra + "/lib/libsdkdemo.so", "tests/sdk/sdklib.c",
              "-lcoll"],
             ["-dynamic", "-o", extra + "/bin/uselib-sdk", "tests/sdk/uselib.c",
              "-L" + extra + "/lib", "-lsdkdemo"],
             ["-o", extra + "/bin/sdk-launch", "tests/sdk/launch.c"]]
    probs = []
    for step in steps:
        ok, out = sdk_cc(arch, *step)
        if not ok:
            probs.append("cc %s:\n%s" % (" ".join(step), "\n".join(out.splitlines()[-20:])))
            break
    if not probs:
        probs += elf_problems(extra + "/bin/posix-dyn", "EXEC", "/lib/ld.so", ["libc.so"])
        probs += elf_problems(extra + "/lib/libsdkdemo.so", "DYN", None, ["libc.so"])
        probs += elf_problems(extra + "/bin/uselib-sdk", "EXEC", "/lib/ld.so",
                              ["libc.so", "libsdkdemo.so"])
        probs += elf_problems(extra + "/bin/sdk-launch", "EXEC", None, [])
    record("build.%s.sdk-dynamic" % arch, not probs, "\n".join(probs))
    return True, not probs


def extra_job(arch, cmdline):
    """Builds an initrd with IMAGE_EXTRA holding bin/hello-extra (a copy of
    hello) and bin/posix-sdk (built with the SDK) and boots each as the root
    task, and init with its checker told to reboot, from a copy of that
    initrd (the build's own is made again without them)."""
    extra = "build/test-extra/%s" % arch
    os.makedirs(extra + "/bin", exist_ok=True)
    with open("build/%s/release/user/hello" % arch, "rb") as src:
        data = src.read()
    with open(extra + "/bin/hello-extra", "wb") as dst:
        dst.write(data)
    # init's checker, told to end the run with a reboot (QEMU runs with
    # -no-reboot: the reset ends it with status 0).
    os.makedirs(extra + "/etc/services-test", exist_ok=True)
    with open("rootfs/etc/services-test/initcheck") as src:
        text = src.read()
    with open(extra + "/etc/services-test/initcheck", "w") as dst:
        dst.write(text + "args = reboot\n")
    sdk_static_ok, sdk_dynamic_ok = sdk_build(arch, extra)
    ok, out = make("all", "ARCH=" + arch, "MODE=release", "IMAGE_EXTRA=" + extra)
    record("build.%s.image-extra" % arch, ok, "" if ok else "\n".join(out.splitlines()[-20:]))
    if not ok:
        return []
    # The image is these boots' own: a copy, and the build's initrd made
    # again without the extra files (the other boots run after all builds).
    initrd = "build/%s/release/initrd.cpio" % arch
    own = extra + "-initrd.cpio"
    os.replace(initrd, own)
    ok, out = make("all", "ARCH=" + arch, "MODE=release")
    record("build.%s.image-plain" % arch, ok, "" if ok else "\n".join(out.splitlines()[-20:]))
    qemu = [own if a == initrd else a for a in make_value("print-qemu", arch, "release").split()]
    base = qemu + ["-serial", "stdio", "-monitor", "none", "-append"]
    jobs = [("extra", "%s.release.image-extra" % arch,
             base + [cmdline + " ktest init=bin/hello-extra"], None),
            ("reboot", "%s.release.init-reboot" % arch, base + [cmdline + " ktest"], None)]
    if sdk_static_ok:
        jobs.append(("sdk", "%s.release.sdk-posix" % arch,
                     base + [cmdline + " ktest init=bin/posix-sdk"], None))
    if sdk_dynamic_ok:
        jobs.append(("sdkdyn", "%s.release.sdk-dynamic" % arch,
                     base + [cmdline + " ktest init=bin/sdk-launch"], None))
        # The normal boot of this image, its shell used as a person would.
        jobs.append(("sdkshell", "%s.release.sdk-shell" % arch, base + [cmdline], None))
    return jobs


def arch_jobs(arch, mode):
    """Builds arch/mode and returns the boots to run as (kind, name, cmd)."""
    ok, out = make("all", "ARCH=" + arch, "MODE=" + mode)
    record("build.%s.%s" % (arch, mode), ok, "" if ok else "\n".join(out.splitlines()[-20:]))
    if not ok:
        return []
    qemu = make_value("print-qemu", arch, mode).split()
    cmdline = make_value("print-cmdline", arch, mode)
    base = qemu + ["-serial", "stdio", "-monitor", "none"]
    jobs = []
    for variant in make_value("print-variants", arch, mode).split():
        extra = make_value("print-variant-args", arch, mode, VARIANT=variant).split()
        jobs.append(("ktest", "%s.%s.%s" % (arch, mode, variant),
                     base + extra + ["-append", cmdline + " ktest init=" + RUNNER], None))
    jobs.append(("init", "%s.%s.init" % (arch, mode), base + ["-append", cmdline + " ktest"],
                 None))
    jobs.append(("crash", "%s.%s" % (arch, mode), base + ["-append", cmdline + " crashtest"],
                 "build/%s/%s/kernel.elf" % (arch, mode)))
    if mode == "release":
        jobs.append(("ktest", "%s.release.shell" % arch,
                     base + ["-append", cmdline + " ktest init=bin/shtest"], None))
        # The normal boot, used at its console as a person would.
        jobs.append(("scenario", "%s.release.scenario" % arch, base + ["-append", cmdline],
                     None))
    if arch == "x86_64" and mode == "release":
        ok, out = make("iso", "ARCH=x86_64", "MODE=release",
                       "ISO_CMDLINE=%s ktest init=%s" % (cmdline, RUNNER))
        record("build.x86_64.iso", ok, "" if ok else "\n".join(out.splitlines()[-20:]))
        if ok:
            iso = make_value("print-iso", arch, mode)
            qemu_base = make_value("print-qemu-base", arch, mode).split()
            jobs.append(("ktest", "x86_64.release.grub-iso",
                         qemu_base + ["-cdrom", iso, "-serial", "stdio", "-monitor", "none"],
                         None))
    return jobs


def main():
    ap = argparse.ArgumentParser(description="Verdigris test suite")
    ap.add_argument("--arch", action="append", choices=ARCHES)
    ap.add_argument("--mode", action="append", choices=MODES)
    ap.add_argument("--no-host", action="store_true", help="skip host tests and fuzzers")
    a = ap.parse_args()
    os.makedirs(LOG_DIR, exist_ok=True)
    start = time.monotonic()

    if not a.no_host:
        print("== lint (clang-format, cppcheck)", flush=True)
        p = subprocess.run(["tools/lint.sh"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           text=True, errors="replace")
        record("lint", p.returncode == 0, "\n".join(p.stdout.splitlines()[-20:]))
        print("== host unit tests", flush=True)
        host_layer("host-test")
        print("== host fuzzers", flush=True)
        host_layer("host-fuzz")

    print("== build and boot", flush=True)
    jobs = []
    for arch in a.arch or ARCHES:
        for mode in a.mode or MODES:
            jobs += arch_jobs(arch, mode)
    for arch in a.arch or ARCHES:
        if "release" in (a.mode or MODES):
            jobs += extra_job(arch, make_value("print-cmdline", arch, "release"))
    # Two QEMUs at a time: the CI machine has two cores.
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        futures = [(kind, name, elf,
                    pool.submit(scenario_boot, name, cmd, SDK_SHELL_STEPS)
                    if kind == "sdkshell" else
                    pool.submit(scenario_boot if kind == "scenario" else boot, name, cmd))
                   for kind, name, cmd, elf in jobs]
        for kind, name, elf, fut in futures:
            run, log = fut.result()
            if kind == "ktest":
                judge_ktest_boot(name, run, log)
            elif kind in ("scenario", "sdkshell"):
                judge_scenario(name, run, log)
            elif kind in ("init", "reboot"):
                judge_init_boot(kind, name, run, log)
            elif kind == "extra":
                judge_extra_boot(name, run, log)
            elif kind == "sdk":
                judge_sdk_boot(name, run, log, sdk_posix_lines("bin/posix-sdk"))
            elif kind == "sdkdyn":
                judge_sdk_boot(name, run, log, SDK_DYNAMIC_LINES)
            else:
                judge_crash_boot(name, run, log, elf)

    passed = sum(1 for r in results if r[1])
    failed = len(results) - passed
    print("== done in %.0f s" % (time.monotonic() - start))
    for name, ok, detail in results:
        if not ok:
            print("FAILED: %s\n  %s" % (name, detail.replace("\n", "\n  ")))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
