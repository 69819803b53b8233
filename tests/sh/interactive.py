#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
# Interactive tests of the shell through a pseudo-terminal, as a person at
# a terminal would use it: the line editor (cursor keys, history, tab
# completion, ^C, ^D), job control (^Z, jobs, bg, fg, announcements of
# finished jobs) and the shell surviving failing commands.
#   interactive.py <shell>
# One line per test: TEST sh.pty_<name>: PASS|FAIL.
import os
import pty
import re
import select
import shutil
import sys
import tempfile
import time

SHELL = os.path.abspath(sys.argv[1])
PROMPT = b"$ "


class Session:
    def __init__(self, cwd):
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PS1": "$ ", "HOME": cwd,
               "TERM": "vt100", "ASAN_OPTIONS": "detect_leaks=0"}
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.chdir(cwd)
            os.execve(SHELL, [SHELL, "-i"], env)
        self.buf = b""

    def expect(self, what, timeout=10.0):
        """Read until `what` shows up; returns the text up to and including it."""
        end = time.time() + timeout
        while what not in self.buf:
            left = end - time.time()
            if left <= 0:
                raise AssertionError("timed out waiting for %r, screen: %r" % (what, self.buf[-300:]))
            r, _, _ = select.select([self.fd], [], [], left)
            if r:
                try:
                    data = os.read(self.fd, 4096)
                except OSError:
                    data = b""
                if not data:
                    raise AssertionError("shell ended while waiting for %r: %r" % (what, self.buf[-300:]))
                self.buf += data
        i = self.buf.index(what) + len(what)
        seen, self.buf = self.buf[:i], self.buf[i:]
        return seen

    def send(self, data):
        os.write(self.fd, data)

    def run(self, line):
        """Type a command line and Enter; consume the editor's echo of it."""
        self.send(line + b"\r")
        self.expect(line + b"\r\n")

    def close(self):
        try:
            os.kill(self.pid, 9)
        except ProcessLookupError:
            pass
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
        os.close(self.fd)


def t_prompt_and_command(s):
    s.expect(PROMPT)
    s.run(b"echo hello")
    s.expect(b"hello\r\n")
    s.expect(PROMPT)


def t_typing_at_the_end_is_echoed(s):
    # Each key typed at the end of the line is echoed as itself, not by
    # redrawing the line (which costs O(n^2) bytes at a serial console).
    s.expect(PROMPT)
    for ch in b"echo typed":
        s.send(bytes([ch]))
        time.sleep(0.01)
    s.send(b"\r")
    seen = s.expect(b"typed\r\n" + PROMPT)
    assert seen.startswith(b"echo typed\r\ntyped"), seen


def t_cursor_keys(s):
    s.expect(PROMPT)
    # type "echo wrld", go left three, insert "o": "echo world"
    s.send(b"echo wrld\x1b[D\x1b[D\x1b[Do\r")
    s.expect(b"world\r\n")
    # home (^A) and end (^E), delete back a word (^W)
    s.send(b"cho A\x01e\x05 extra\x17B\r")
    s.expect(b"A B\r\n")


def t_history_keys(s):
    s.expect(PROMPT)
    s.run(b"echo first-$((1+1))")
    s.expect(b"first-2\r\n")
    s.expect(PROMPT)
    s.run(b"echo second")
    s.expect(b"second\r\n")
    s.expect(PROMPT)
    s.send(b"\x1b[A\x1b[A\r")  # up twice: the first command again
    s.expect(b"first-2\r\n")
    s.expect(PROMPT)
    s.run(b"history")
    out = s.expect(PROMPT)
    assert b"1  echo first-$((1+1))" in out and b"2  echo second" in out, out


def t_tab_command(s):
    s.expect(PROMPT)
    s.send(b"histor\t\r")  # the only command starting so
    s.expect(b"history")
    s.expect(PROMPT)
    s.run(b"echo done")
    s.expect(b"done\r\n")


def t_tab_path(s):
    s.expect(PROMPT)
    s.run(b"echo contents > unique_file_name.txt")
    s.expect(PROMPT)
    s.send(b"cat uniq\t\r")
    s.expect(b"contents\r\n")
    s.run(b"mkdir -p some_dir/inner && echo made")
    s.expect(b"made\r\n")
    s.send(b"cd some_d\t\t\r")  # dir completes with '/', then "inner/"
    s.expect(PROMPT)
    s.run(b"pwd")
    s.expect(b"some_dir/inner\r\n")


def t_ctrl_c_z_at_prompt(s):
    s.expect(PROMPT)
    s.send(b"partial line\x03")
    s.expect(b"^C")
    s.expect(PROMPT)
    s.send(b"\x1a\x1c")  # ^Z and ^\ at the prompt: nothing happens
    s.run(b"echo alive")
    s.expect(b"alive\r\n")


def t_ctrl_c_kills_foreground(s):
    s.expect(PROMPT)
    s.run(b"sleep 30")
    time.sleep(0.5)
    s.send(b"\x03")
    s.expect(PROMPT)
    s.run(b"echo status $?")
    s.expect(b"status 130\r\n")


def t_ctrl_d_exits(s):
    s.expect(PROMPT)
    s.send(b"\x04")
    end = time.time() + 10
    while time.time() < end:
        pid, st = os.waitpid(s.pid, os.WNOHANG)
        if pid:
            assert os.WIFEXITED(st), st
            return
        time.sleep(0.05)
    raise AssertionError("shell did not exit on ^D")


def stop_a_job(s, line):
    """Runs line in the foreground and stops it with ^Z."""
    s.expect(PROMPT)
    s.run(line)
    time.sleep(0.5)
    s.send(b"\x1a")
    s.expect(b"Stopped")
    s.expect(PROMPT)


def t_ctrl_z_jobs_bg_fg(s):
    stop_a_job(s, b"sleep 30")
    s.run(b"jobs")
    out = s.expect(PROMPT)
    assert b"[1]+" in out and b"Stopped" in out and b"sleep 30" in out, out
    s.run(b"bg")
    s.expect(b"[1] sleep 30 &")
    s.expect(PROMPT)
    s.run(b"jobs")
    out = s.expect(PROMPT)
    assert b"Running" in out, out
    s.run(b"fg")
    s.expect(b"sleep 30\r\n")
    time.sleep(0.3)
    s.send(b"\x03")  # the job is in the foreground again: ^C reaches it
    s.expect(PROMPT)
    s.run(b"echo after $?; jobs")
    out = s.expect(PROMPT)
    assert b"after 130" in out and b"sleep" not in out.split(b"after 130")[1], out


def t_pipeline_stop_and_fg(s):
    stop_a_job(s, b"sleep 30 | cat")
    s.run(b"fg %1")
    s.expect(b"sleep 30 | cat\r\n")
    time.sleep(0.3)
    s.send(b"\x03")
    s.expect(PROMPT)
    s.run(b"echo back")
    s.expect(b"back\r\n")


def t_background_done(s):
    s.expect(PROMPT)
    s.run(b"sleep 0.2 &")
    s.expect(b"[1] ")
    s.expect(PROMPT)
    time.sleep(0.6)
    s.run(b"")
    s.expect(b"Done")
    s.expect(b"sleep 0.2")
    s.expect(PROMPT)


def t_kill_background_job(s):
    s.expect(PROMPT)
    s.run(b"sleep 30 &")
    s.expect(PROMPT)
    s.run(b"kill %1; wait %1; echo st=$?")
    s.expect(b"st=143\r\n")


def t_kill_stopped_job(s):
    # kill %1 of a stopped job continues it, so that it acts on the signal
    # (it ends), and the end is announced.
    stop_a_job(s, b"sleep 30")
    s.run(b"kill %1")
    out = s.expect(PROMPT)
    time.sleep(0.3)
    s.run(b"jobs; echo listed")
    out += s.expect(b"listed\r\n")
    out += s.expect(PROMPT)
    s.run(b"jobs; echo again")
    out += s.expect(b"again\r\n")
    assert out.count(b"Terminated") == 1 and b"Stopped" not in out, out


def t_waited_job_end_announced(s):
    # A background job that wait collected is still announced before the
    # next prompt, in strsignal's words, as bash and dash do; once.
    s.expect(PROMPT)
    s.run(b"sleep 30 & kill %1; wait; echo waited")
    s.expect(b"waited\r\n")
    out = s.expect(PROMPT)
    assert re.search(rb"\[1\]\+  Terminated +sleep 30\r\n", out), out
    s.run(b"jobs; echo listed")
    out = s.expect(b"listed\r\n")
    assert b"Terminated" not in out, out


def t_foreground_signal_said(s):
    # A foreground command killed by a signal other than SIGINT and SIGPIPE
    # is told on the terminal (the core-dump note depends on the host).
    s.expect(PROMPT)
    s.run(b"sh -c 'kill -SEGV $$'; echo st=$?")
    out = s.expect(b"st=139\r\n")
    assert re.fullmatch(rb"Segmentation fault( \(core dumped\))?\r\nst=139\r\n", out), out


def t_failures_keep_shell(s):
    s.expect(PROMPT)
    s.run(b"nosuch_command_q")
    s.expect(b"not found")
    s.run(b"echo ${unset_var_q?gone}")
    s.expect(b"gone")
    s.run(b"if then")
    s.expect(b"syntax error near 'then'")
    s.run(b"echo $((1/0))")
    s.expect(b"division by zero")
    s.run(b"echo still here")
    s.expect(b"still here\r\n")


def t_continuation_prompt(s):
    s.expect(PROMPT)
    s.run(b"for i in 1 2")
    s.expect(b"> ")
    s.run(b"do echo item$i")
    s.expect(b"> ")
    s.run(b"done")
    s.expect(b"item1\r\n")
    s.expect(b"item2\r\n")


def t_raw_mode_restored_for_commands(s):
    s.expect(PROMPT)
    # A program reading the terminal gets a canonical line, echoed.
    s.run(b"read x; echo got=$x")
    time.sleep(0.3)  # typed after the prompt is gone, as a person would
    s.send(b"typed\r")
    s.expect(b"got=typed\r\n")


TESTS = [(n[2:], f) for n, f in sorted(globals().items()) if n.startswith("t_")]

failed = 0
for name, fn in TESTS:
    cwd = tempfile.mkdtemp(prefix="sh-pty.")
    s = Session(cwd)
    try:
        fn(s)
        print("TEST sh.pty_%s: PASS" % name)
    except AssertionError as e:
        failed += 1
        print("TEST sh.pty_%s: FAIL tests/sh/interactive.py: %s" % (name, e))
    finally:
        s.close()
        shutil.rmtree(cwd, ignore_errors=True)
    sys.stdout.flush()
sys.exit(1 if failed else 0)
