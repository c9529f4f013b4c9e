#!/usr/bin/env python3
"""Saves that cannot be written, in real processes: the terminal mode and the
window each say so, keep the last good save byte for byte, and go on.

Faults:
  full      the data folder is on a 1 MiB tmpfs filled to the last byte
            (ENOSPC); needs root to mount, otherwise reported as skipped;
  fsize     RLIMIT_FSIZE of 64 bytes (EFBIG on the temporary file's write),
            terminal mode only;
  readonly  the data folder is read-only (EACCES), run as nobody when root.

Each first plays a day with a working folder (the last good save), then plays
the next day under the fault; afterwards `trustdaily history` shows exactly
the history of before, and nothing was moved aside.
"""
import argparse
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from harness import (as_nobody, expect, fail, run_under_xvfb, runnable_by_nobody,  # noqa: E402
                     scenarios_folder)

FIXTURE = "game-fixture-01"
TEXT_CHOICES = "1\n2\n1\n"          # the fixture's best path, in the terminal
WINDOW_KEYS = "enter 1 2 enter 1 enter"  # the same, home to debrief, in the window


def limit_file_size():
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # write() fails with EFBIG instead
    resource.setrlimit(resource.RLIMIT_FSIZE, (64, 64))


class Setup:
    def __init__(self, args, tmp):
        self.args = args
        self.tmp = tmp
        self.scenarios = scenarios_folder(tmp, args.fixture, args.framework)

    def text_play(self, data, date, preexec=None):
        return subprocess.run(
            [self.args.trustdaily, "play", "--text", FIXTURE, "--scenarios", self.scenarios,
             "--data-dir", data, "--date", date], input=TEXT_CHOICES, capture_output=True,
            text=True, timeout=60, preexec_fn=preexec)

    def window_play(self, data, date, preexec=None):
        out = os.path.join(self.tmp, "out")  # writable by nobody too
        os.makedirs(out, exist_ok=True)
        os.chmod(out, 0o777)
        dump = os.path.join(out, "dump.json")
        config = os.path.join(self.tmp, "config")
        os.makedirs(config, exist_ok=True)
        os.chmod(config, 0o777)
        cmd = [self.args.trustdaily, "--date", date, "--data-dir", data,
               "--scenarios", self.scenarios, "--scenario", FIXTURE,
               "--keys", WINDOW_KEYS[len("enter "):] + f" dump:{dump} escape",
               "--screenshot", os.path.join(out, "shot.png")]
        env = dict(os.environ, XDG_CONFIG_HOME=config, HOME=self.tmp)
        if os.path.exists(dump):
            os.remove(dump)
        p = run_under_xvfb(self.args.xvfb_run, cmd, timeout=120, preexec_fn=preexec, env=env,
                           cwd=self.tmp)
        expect(os.path.exists(dump), f"no state dump: the window did not go on\n{p.stderr}")
        with open(dump, encoding="utf-8") as f:
            return p, json.load(f)


def history(setup, data):
    h = subprocess.run([setup.args.trustdaily, "history", "--format", "json", "--data-dir", data,
                        "--date", "2026-11-21"], capture_output=True, text=True, timeout=60)
    expect(h.returncode == 0, f"history failed: {h.stderr}")
    return json.loads(h.stdout)


def good_save(setup, data):
    os.makedirs(data, exist_ok=True)
    p = setup.text_play(data, "2026-11-20")
    expect(p.returncode == 0, f"the first play failed: {p.stdout[-300:]} {p.stderr}")
    return history(setup, data)


def check_kept(setup, data, before, what):
    expect(history(setup, data) == before, f"{what}: the recorded history changed")
    left = os.listdir(data)
    expect(not [n for n in left if "tmp" in n or "corrupt" in n],
           f"{what}: temporary or moved-aside files: {left}")


def under_fault(setup, data, before, name, preexec, window=True, window_preexec=None,
                lift=lambda: None, again=lambda: None):
    """lift() ends the fault before the history is read (a full disk lets no
    process open the database), again() brings it back for the window."""
    p = setup.text_play(data, "2026-11-21", preexec)
    out = p.stdout + p.stderr
    expect(p.returncode == 1, f"{name}, terminal: exit {p.returncode}, expected 1\n{out[-400:]}")
    expect("Progress not saved:" in out, f"{name}, terminal: no message\n{out[-400:]}")
    said = [ln for ln in out.splitlines() if "Progress not saved:" in ln][0]
    lift()
    check_kept(setup, data, before, f"{name}, terminal")
    print(f"{name}, terminal: {said.strip()}")
    if not setup.args.xvfb_run or not window:
        return
    again()
    p, state = setup.window_play(data, "2026-11-21", window_preexec)
    expect(state["screen"] == "debrief", f"{name}, window: ended on {state['screen']}")
    expect("Progress not saved:" in state["notice"],
           f"{name}, window: no notice, got {state['notice']!r}")
    lift()
    check_kept(setup, data, before, f"{name}, window")
    print(f"{name}, window: the debrief showed, the notice says: {state['notice']}")


def test_fsize(setup):
    data = os.path.join(setup.tmp, "fsize")
    before = good_save(setup, data)
    # Terminal only: in the window the limit would also stop the state dump
    # the test reads (the full disk and read-only cases cover the window).
    under_fault(setup, data, before, "file size limit", limit_file_size, window=False)


def test_readonly(setup):
    data = os.path.join(setup.tmp, "readonly")
    before = good_save(setup, data)
    for name in os.listdir(data):
        os.chmod(os.path.join(data, name), 0o644)
    os.chmod(data, 0o555)
    try:
        drop = as_nobody if os.geteuid() == 0 else None
        under_fault(setup, data, before, "read-only folder", drop, window_preexec=drop)
    finally:
        os.chmod(data, 0o755)


def test_full(setup):
    mnt = os.path.join(setup.tmp, "full")
    os.makedirs(mnt)
    m = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m,mode=0755", "tmpfs", mnt],
                       capture_output=True, text=True)
    if m.returncode != 0:
        print(f"full disk: skipped, cannot mount a tmpfs here ({m.stderr.strip()})")
        return
    try:
        data = os.path.join(mnt, "data")
        before = good_save(setup, data)
        filler = os.path.join(mnt, "filler")

        def fill():  # every remaining byte
            fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o644)
            try:
                while os.write(fd, b"\0" * 512) > 0:
                    pass
            except OSError:
                pass
            finally:
                os.close(fd)
            expect(os.statvfs(mnt).f_bavail == 0, "the tmpfs is not full")

        fill()
        under_fault(setup, data, before, "full disk", None, lift=lambda: os.remove(filler),
                    again=fill)
    finally:
        subprocess.run(["umount", mnt])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--trustdaily", required=True)
    ap.add_argument("--fixture", required=True, help="tests/game/fixtures/game-fixture-01.json")
    ap.add_argument("--framework", required=True)
    ap.add_argument("--xvfb-run", default="")
    args = ap.parse_args()
    args.trustdaily = os.path.abspath(args.trustdaily)
    tmp = tempfile.mkdtemp(prefix="trustdaily-faults-")
    if os.geteuid() == 0:
        args.trustdaily = runnable_by_nobody(args.trustdaily, tmp)
    try:
        setup = Setup(args, tmp)
        test_full(setup)
        test_fsize(setup)
        test_readonly(setup)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
