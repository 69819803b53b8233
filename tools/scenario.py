#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Scenario tests: boot the normal image (init, its services, the console
and a shell on it, as `make run` does) and use the shell over the serial
console as a person would: type a command, read the screen.

Each step types its command between two markers the shell itself must
expand (`echo B@@$((n))`, `echo E@@$((n)):$?`): the typed text, which the
terminal echoes, never contains the expanded markers, so what lies between
them on the screen is the command's output, and after E@@n: its status.

A step's input is lines, each typed once the shell prompts, and Keys:
keystrokes (control characters, the escape sequences of cursor keys, tab)
typed as they are, after the prompt or after a pause (^Z while a job runs).
The last step types `poweroff`: QEMU must then end by itself, status 0.

Used by tools/testsuite.py (one result per step and arch), and by hand:
    tools/scenario.py x86_64        (after `make ARCH=x86_64`)
"""
import os
import re
import select
import subprocess
import sys
import time
from collections import namedtuple

PROMPT = b"# "
BOOT_TIMEOUT = 90  # seconds to the first prompt (TCG, a loaded machine)
STEP_TIMEOUT = 30
KERNEL_LOG = re.compile(r"\[ *\d+\.\d+\] ")
ANSI = re.compile(rb"\x1b\[[0-9;]*[A-Za-z]")

# Keystrokes typed as they are: after the shell's prompt (prompt=True), or
# `delay` seconds after the last input (a key for a running job).
Keys = namedtuple("Keys", "text prompt delay", defaults=(True, 0.0))
# A job that is running in the foreground: started, given the terminal,
# even on a loaded host.
SETTLE = 3.0
UP, LEFT, RIGHT, HOME, TAB, CTRL_C, CTRL_Z = "\x1b[A", "\x1b[D", "\x1b[C", "\x01", "\t", "\x03", "\x1a"
# The pid of service $1 as `svc status` shows it.
PID_OF = "pid_of() { svc status $1 | while read n s t p r; do [ $n = $1 ] && echo $p; done; }"
SVC_ROW = r"[a-z]+ +running +(early|drivers|services|multi-user) +\d+ +[\d.]+s +\d+ +(\d+|sig\d+(/core)?)"

# (name, input, expected output (regex, whole), expected status)
STEPS = [
    ("echo", ["echo hello world"], r"hello world", 0),
    ("pipeline_of_five", ["echo one two three | tr a-z A-Z | tr ' ' '\\n' | sort | head -n 2"],
     r"ONE\nTHREE", 0),
    ("redirections", ["echo data > /tmp/s1; echo more >> /tmp/s1; wc -l < /tmp/s1; cat /tmp/s1"],
     r"\s*2\ndata\nmore", 0),
    ("here_document", ["cat <<EOF", "alpha $((6*7))", "beta", "EOF"], r"alpha 42\nbeta", 0),
    ("expansions", ["x=$(echo 21); y=${x}1; echo $((x*2)) ${#y} ${y%1}"], r"42 3 21", 0),
    ("status_of_a_failure", ["ls /no/such/dir"], r"ls: .*no/such/dir.*", 2),
    ("syntax_error_keeps_the_shell", ["fi"], r".*syntax error.*fi.*", 2),
    ("control_flow", ["for i in 1 2 3; do if [ $i = 2 ]; then continue; fi; echo n$i; done"],
     r"n1\nn3", 0),
    ("background_job_ps_and_kill",
     ["sleep 40 & p=$!; ps -o pid,comm | grep -c sleep; kill $p; wait $p; echo st=$?; "
      "ps -o comm | grep -c sleep"], r"\[1\] \d+\n1\nst=143\n0\n\[1\]\+ +Terminated +sleep 40", 1),
    ("utilities", ["mkdir -p /tmp/d/e && touch /tmp/d/e/f && find /tmp/d | sort && rm -r /tmp/d "
                   "&& ls /tmp/d"], r"/tmp/d\n/tmp/d/e\n/tmp/d/e/f\nls: .*", 2),
    ("ctrl_c_ends_the_foreground_job", ["sleep 100", Keys(CTRL_C, False, SETTLE)], r"\^C", 130),
    # Job control: ^Z stops the foreground job, jobs lists it, bg resumes
    # it in the background, fg brings it back and gives it the terminal
    # (^C reaches it), and the shell reports each change.
    ("job_control_stop_bg_fg_ctrl_c",
     ["sleep 60", Keys(CTRL_Z, False, SETTLE), "jobs", "bg", "jobs; ps -o stat,comm | grep sleep",
      "fg", Keys(CTRL_C, False, SETTLE)],
     r"\^Z\n\[1\]\+ +Stopped +sleep 60\n\[1\]\+ +Stopped +sleep 60\n\[1\] sleep 60 &\n"
     r"\[1\]\+ +Running +sleep 60\nS +sleep\nsleep 60\n\^C", 130),
    # A stopped job is T in ps; killed by its job number; a finished
    # background job is announced before the next prompt.
    ("background_jobs_announced_and_kill_%1",
     ["sleep 60", Keys(CTRL_Z, False, SETTLE), "ps -o stat,comm | grep sleep", "kill %1",
      "sleep 1 &", Keys("sleep 2\n"), "jobs"],
     r"\^Z\n\[1\]\+ +Stopped +sleep 60\nT +sleep\n(\[1\][+-] +Terminated +sleep 60\n)?"
     r"\[\d\] \d+\n(\[1\][+-] +Terminated +sleep 60\n)?\[\d\]\+ +Done +sleep 1", 0),
    # exit(130) is an exit code, not SIGINT's end: no new line for a ^C, a
    # finished job's "Exit 130"; $? is 130 all the same, and 128 + 15 for
    # SIGTERM's end.
    ("exit_130_is_no_sigint",
     ["sh -c 'exit 130'; echo st=$?; sh -c 'kill $$'; echo st=$?", "sh -c 'exit 130' &",
      Keys("sleep 2\n"), "jobs"],
     r"st=130\nTerminated\nst=143\n\[\d\] \d+\n\[\d\]\+ +Exit 130 +sh -c .exit 130.", 0),
    # A job's end by a signal in strsignal's words, as bash and dash say
    # it: a background job's once wait has it (announced before the next
    # prompt), a foreground one's at once, with "(core dumped)" for a
    # signal whose default action dumps core (abort's SIGABRT, after its
    # crash report in the kernel log; SIGQUIT, which has none).
    ("killed_job_reads_terminated", ["sleep 100 & kill %1; wait"],
     r"\[1\] \d+\n\[1\]\+ +Terminated +sleep 100", 0),
    ("abort_reads_aborted_core_dumped",
     ["sigchild abort; echo st=$?", "sigchild raise 3 & wait; jobs", "jobs"],
     r"(.*\n)*Aborted \(core dumped\)\nst=134\n\[1\] \d+\n"
     r"\[1\]\+ +Quit \(core dumped\) +sigchild raise 3", 0),
    # A background job reading the terminal is stopped (SIGTTIN); in the
    # foreground again it reads what is typed.
    ("background_read_stops_with_sigttin",
     ["cat &", "sleep 1; jobs", "fg", Keys("typed\n", False, SETTLE), Keys("\x04", False, 1.0)],
     r"\[1\] \d+\n\[1\]\+ +Stopped +cat\ncat\ntyped\ntyped", 0),
    # The shell itself ignores ^C and ^Z at its prompt: the same shell goes on.
    ("shell_ignores_ctrl_c_and_ctrl_z", ["s=$$", Keys("echo ab" + CTRL_C), Keys(CTRL_Z + "\n"),
                                          "[ $s = $$ ] && echo same shell"], r"same shell", 0),
    # Line editing at the serial console: cursor keys, history, completion.
    ("cursor_keys_edit_the_line", [Keys("cho 245\x7f" + LEFT + "3" + HOME + "e" + RIGHT * 9 + "6\n")],
     r"2346", 0),
    ("up_arrow_recalls_the_last_command", ["echo first$((1+1))", Keys(UP + "\n")],
     r"first2\nfirst2", 0),
    ("tab_completes_a_command_and_a_path", [Keys("ech" + TAB + "/et" + TAB + "mo" + TAB + "\n")],
     r"/etc/motd", 0),
    # The wall clock, set at boot from QEMU's real-time clock (the host's
    # UTC date): the year, a new file's date as ls shows it; root's shell
    # sets it (through /dev/rtc0) and sets it back; another user (uid 1000,
    # by the test program permchild) is refused.
    ("date_shows_the_real_year", ["y=$(date +%Y); [ $y -ge 2025 ] && echo year ok"],
     r"year ok", 0),
    ("new_file_has_todays_date",
     ["touch /tmp/now; d=$(date '+%b %e'); ls -l /tmp/now | grep -c \"$d\""], r"1", 0),
    ("date_set_by_root",
     ["t=$(date +%s); date -u -s @1000000000; date -u +%Y; date -s @$((t + 1)) > /dev/null; "
      "[ $(date +%Y) -ge 2025 ] && echo restored"],
     r"Sun Sep  9 01:46:40 UTC 2001\n2001\nrestored", 0),
    ("date_set_refused_to_a_user", ["permchild as 1000 /bin/date -s @0"],
     r"date: cannot set the time: .*not permitted.*", 1),
    ("date_year_after_the_refusal", ["[ $(date +%Y) -ge 2025 ] && echo unchanged"],
     r"unchanged", 0),
    # Services from the shell: init's table, a service killed by hand and
    # started again by init (a new pid, one restart).
    # rtc set the wall clock at boot and stays, serving /dev/rtc0.
    ("svc_lists_the_services", ["svc list"],
     r"NAME +STATE +TARGET +PID +UPTIME +RESTARTS +LAST-EXIT(\n%s){16}" % SVC_ROW, 0),
    # Every service has a pid the process server lists under its name
    # (getty's has become the shell), those init starts itself included.
    ("svc_pids_are_processes_named_after_them",
     ["svc list | while read n s t p r; do [ $n = NAME -o $s != running ] && continue; c=$(ps -p $p -o comm=); "
      "if [ \"$c\" = $n ] || [ $n = getty -a \"${c%sh}\" != \"$c\" ]; then echo $n ok; "
      "else echo $n $p $c; fi; done"],
     r"([a-z]+ ok\n){15}[a-z]+ ok", 0),
    # A service init starts itself, killed by its pid: SIGTERM's default
    # action (sig15: killed by it, not exit(143)), restarted with a new
    # pid, its file system mounted again.
    ("init_started_service_killed_by_pid",
     [PID_OF, "a=$(pid_of run); kill $a; sleep 1; b=$(pid_of run)",
      "[ $b -gt 1 ] && [ $b != $a ] && echo restarted; ps -p $b -o comm=; "
      "svc status run | grep run; touch /run/k && ls /run/k"],
     r"restarted\nrun\nrun +running +early +\d+ +[\d.]+s +1 +sig15\n/run/k", 0),
    ("service_killed_by_hand_is_restarted",
     [PID_OF, "a=$(pid_of memdev); kill $a; sleep 1; b=$(pid_of memdev)",
      "[ $b -gt 0 ] && [ $b != $a ] && echo restarted; ps -A -o comm | grep -c memdev; "
      "svc status memdev | grep memdev; echo x > /dev/null; od -An -tx1 -N4 /dev/zero"],
     r"restarted\n1\nmemdev +running +drivers +\d+ +[\d.]+s +1 +sig15\n +00 00 00 00", 0),
]


class Console:
    def __init__(self, cmd, log_path):
        self.log = open(log_path, "wb")
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        self.screen = b""
        self.typed_at = 0  # where the screen was when the last line was typed

    def read_until(self, pattern, timeout, start=0):
        """Reads until the regex (bytes) matches the screen from start on;
        the match or None."""
        end = time.monotonic() + timeout
        while True:
            m = pattern.search(self.screen, start)
            if m:
                return m
            left = end - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([self.proc.stdout], [], [], min(left, 0.5))
            if ready:
                chunk = os.read(self.proc.stdout.fileno(), 65536)
                if not chunk:
                    return None
                self.log.write(chunk)
                self.log.flush()
                self.screen += chunk

    def line(self, text):
        """Types a line once the shell prompts for it (# or, within a
        command, >), as a person waits for the prompt."""
        self.keys(Keys(text + "\n"))

    def keys(self, k):
        """Types k's keystrokes after the prompt, or after its delay."""
        if k.prompt:
            self.read_until(re.compile(rb"\n(# |> )$"), STEP_TIMEOUT, self.typed_at)
        else:
            self.read_until(re.compile(rb"(?!)"), k.delay)  # the screen meanwhile
        self.typed_at = len(self.screen)
        self.type(k.text)

    def ended(self, timeout):
        """Whether QEMU ends by itself within timeout; its status."""
        self.read_until(re.compile(rb"(?!)"), timeout)  # to the end of its output
        try:
            return self.proc.wait(max(1, timeout / 10))
        except subprocess.TimeoutExpired:
            return None

    def type(self, text):
        # A person types a character at a time; the UART's FIFO is small.
        for ch in text.encode():
            self.proc.stdin.write(bytes([ch]))
            self.proc.stdin.flush()
            time.sleep(0.002)

    def close(self):
        self.proc.kill()
        self.proc.wait()
        self.log.close()


def clean(raw):
    text = ANSI.sub(b"", raw).replace(b"\r", b"").decode("utf-8", "replace")
    return text.strip("\n")


def run(cmd, log_path, steps=None):
    """Boots cmd and runs the steps (STEPS unless given, in its form):
    [(name, passed, detail)]."""
    out = []
    con = Console(cmd, log_path)
    try:
        start = time.monotonic()
        if not con.read_until(re.compile(re.escape(PROMPT)), BOOT_TIMEOUT):
            return [("prompt", False, "no prompt within %d s (log %s)" % (BOOT_TIMEOUT, log_path))]
        out.append(("prompt", True, "%.2f s" % (time.monotonic() - start)))
        for n, (name, lines, want, status) in enumerate(steps or STEPS, 1):
            con.screen, con.typed_at = b"\n# ", 0  # the prompt the last step ended with
            con.line("echo B@@$((%d))" % n)
            for item in lines:
                con.keys(item) if isinstance(item, Keys) else con.line(item)
            con.line("echo E@@$((%d)):$?" % n)
            # The status up to its line's end: it may arrive in two pieces.
            m = con.read_until(re.compile(rb"B@@%d\r?\n(.*?)E@@%d:(\d+)\r?\n" % (n, n), re.S),
                               STEP_TIMEOUT)
            if not m:
                out.append((name, False, "no end marker in %d s: %r" %
                            (STEP_TIMEOUT, clean(con.screen)[-300:])))
                continue
            # The typed lines are echoed between the markers too: keep the
            # lines that are not a prompt's echo.
            # So are the system's log lines (init's, the kernel's).
            got = "\n".join(l for l in clean(m.group(1)).split("\n")
                            if not l.startswith(("# ", "> ", "init: ")) and l not in ("#", ">")
                            and not KERNEL_LOG.match(l))
            ok = re.fullmatch(want, got) is not None and int(m.group(2)) == status
            out.append((name, ok, "" if ok else "got %r status %s, want /%s/ status %d" %
                        (got, m.group(2).decode(), want, status)))
        # The end: init stops the services in order and powers off.
        con.screen, con.typed_at = b"\n# ", 0
        con.line("poweroff")
        status = con.ended(STEP_TIMEOUT)
        said = b"power: off requested by user space" in con.screen
        ok = status == 0 and said
        out.append(("poweroff_ends_the_run", ok, "" if ok else "QEMU status %s, %s" %
                    (status, "power-off logged" if said else "no power-off logged")))
    finally:
        con.close()
    return out


def boot_to_prompt(cmd, log_path):
    """Seconds from QEMU's launch to the shell's first prompt, and the
    memory in use then (KiB, `free`'s used column), or (None, None)."""
    con = Console(cmd, log_path)
    try:
        start = time.monotonic()
        if not con.read_until(re.compile(re.escape(PROMPT)), BOOT_TIMEOUT):
            return None, None
        seconds = time.monotonic() - start
        con.screen, con.typed_at = b"\n# ", 0
        con.line("free -k | while read a b c d; do [ $a = Mem: ] && echo U@@$((c)); done")
        m = con.read_until(re.compile(rb"\nU@@(\d+)\r?\n"), STEP_TIMEOUT)
        return seconds, int(m.group(1)) if m else None
    finally:
        con.close()


def main():
    arch = sys.argv[1] if len(sys.argv) > 1 else "x86_64"
    def value(target):
        return subprocess.run(["make", "-s", "--no-print-directory", target, "ARCH=" + arch],
                              stdout=subprocess.PIPE, text=True).stdout.strip()
    cmd = value("print-qemu").split() + ["-serial", "stdio", "-monitor", "none",
                                         "-append", value("print-cmdline")]
    os.makedirs("build/test-logs", exist_ok=True)
    bad = 0
    for name, ok, detail in run(cmd, "build/test-logs/%s.scenario.log" % arch):
        print("TEST scenario.%s.%s: %s %s" % (arch, name, "PASS" if ok else "FAIL", detail))
        bad += not ok
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
