#!/usr/bin/env python3
"""progress.db under faults, in real `trustdaily play --text` processes.

Only a database SQLite itself reports as damaged is kept aside; everything
else is reported, play goes on to the debrief, nothing is saved and the file
is left as it was:

  eio-open   EIO on opening progress.db (strace fault injection)
  eio-read   EIO on every read SQLite makes of it (strace)
  enospc     ENOSPC on every write to its WAL (strace)
  eacces     progress.db unreadable, and read-only, for the player (as nobody)
  fifo       a named pipe in its place (opening one would hang)
  device     a link to /dev/zero in its place
  locked     another program holds the write lock for the whole play
  newer      a database of a newer schema: opened read-only, with a message
  damaged    a file that is not a database: kept aside, with SQLite's reason
  home       HOME and XDG_DATA_HOME unset or odd: the documented fallback or a
             message, never a file in the current folder

strace and root (to run as nobody) are needed by some; without them those
cases say they were skipped.
"""
import argparse
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from harness import as_nobody, expect, fail, runnable_by_nobody, scenarios_folder  # noqa: E402

FIXTURE = "game-fixture-01"
BEST_PATH = "1\n2\n1\n"


class Env:
    def __init__(self, args, tmp):
        self.args = args
        self.tmp = tmp
        self.scenarios = scenarios_folder(tmp, args.fixture, args.framework)
        self.strace = shutil.which("strace")

    def play(self, data, date, prefix=(), preexec=None, env=None, cwd=None, data_dir=True):
        cmd = [*prefix, self.args.trustdaily, "play", "--text", FIXTURE, "--scenarios",
               self.scenarios, "--date", date]
        if data_dir:
            cmd += ["--data-dir", data]
        return subprocess.run(cmd, input=BEST_PATH, capture_output=True, text=True, timeout=60,
                              preexec_fn=preexec, env=env, cwd=cwd)

    def history(self, data):
        h = subprocess.run([self.args.trustdaily, "history", "--format", "json", "--data-dir",
                            data, "--date", "2026-11-30"], capture_output=True, text=True,
                           timeout=60)
        expect(h.returncode == 0, f"history failed: {h.stderr}")
        return json.loads(h.stdout)

    def good_day(self, name):
        """A data folder with one recorded day, checkpointed: progress.db alone."""
        data = os.path.join(self.tmp, name)
        os.makedirs(data)
        p = self.play(data, "2026-11-20")
        expect(p.returncode == 0, f"{name}: the first play failed: {p.stdout[-400:]}{p.stderr}")
        db = sqlite3.connect(os.path.join(data, "progress.db"), isolation_level=None)
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
        return data


def snapshot(data):
    path = os.path.join(data, "progress.db")
    st = os.lstat(path)
    if not stat.S_ISREG(st.st_mode):
        return ("not a file", stat.S_IFMT(st.st_mode))
    with open(path, "rb") as f:
        return f.read()


def expect_untouched(env, name, data, before, p, said):
    out = p.stdout + p.stderr
    expect(p.returncode == 1, f"{name}: exit {p.returncode}, expected 1\n{out[-600:]}")
    expect("== Debrief ==" in out, f"{name}: play did not go on to the debrief\n{out[-600:]}")
    notes = [ln for ln in out.splitlines() if ln.startswith("Note: ")]
    expect(any(said in ln for ln in notes), f"{name}: no note saying {said!r}: {notes}")
    expect("Progress not saved: " in out, f"{name}: the failed save was not reported")
    expect(snapshot(data) == before, f"{name}: progress.db changed")
    aside = [n for n in os.listdir(data) if ".corrupt-" in n]
    expect(not aside, f"{name}: something was moved aside: {aside}")
    print(f"{name}: {notes[0][len('Note: '):]}")


def with_strace(env, name, inject, said, target="progress.db"):
    if not env.strace:
        print(f"{name}: skipped (no strace)")
        return
    data = env.good_day(name)
    before = snapshot(data)
    # -P: only calls on that path; inject: every such call fails.
    prefix = [env.strace, "-f", "-qq", "-o", "/dev/null", "-P", os.path.join(data, target),
              "-e", f"inject={inject}"]
    p = env.play(data, "2026-11-21", prefix)
    expect_untouched(env, name, data, before, p, said)
    expect(env.history(data)["days"][0]["date"] == "2026-11-20", f"{name}: history changed")


def test_eio_open(env):
    with_strace(env, "eio-open", "openat:error=EIO",
                "Progress will not be saved: cannot open ")


def test_eio_read(env):
    with_strace(env, "eio-read", "pread64:error=EIO", "disk I/O error")


def test_enospc(env):
    if not env.strace:
        print("enospc: skipped (no strace)")
        return
    data = env.good_day("enospc")
    before = snapshot(data)
    prefix = [env.strace, "-f", "-qq", "-o", "/dev/null", "-P",
              os.path.join(data, "progress.db-wal"), "-e", "inject=pwrite64:error=ENOSPC"]
    p = env.play(data, "2026-11-21", prefix)
    out = p.stdout + p.stderr
    expect(p.returncode == 1, f"enospc: exit {p.returncode}\n{out[-600:]}")
    said = [ln for ln in out.splitlines() if ln.startswith("Progress not saved: ")]
    expect(said and "full" in said[0], f"enospc: {said}")
    expect("== Debrief ==" in out, "enospc: no debrief")
    expect(snapshot(data) == before, "enospc: progress.db changed")
    expect([d["date"] for d in env.history(data)["days"]] == ["2026-11-20"],
           "enospc: the history changed")
    print(f"enospc: {said[0]}")


def test_eacces(env):
    if os.geteuid() != 0:
        print("eacces: skipped (needs root to run the game as nobody)")
        return
    for mode, said in ((0o000, "cannot open "), (0o444, "cannot be written")):
        name = f"eacces-{mode:o}"
        data = env.good_day(name)
        os.chmod(data, 0o777)  # only the file is refused
        os.chmod(os.path.join(data, "progress.db"), mode)
        before = snapshot(data)
        p = env.play(data, "2026-11-21", preexec=as_nobody)
        expect_untouched(env, name, data, before, p, said)


def test_fifo(env):
    data = os.path.join(env.tmp, "fifo")
    os.makedirs(data)
    os.mkfifo(os.path.join(data, "progress.db"))
    p = env.play(data, "2026-11-21")  # a hang would time out
    expect_untouched(env, "fifo", data, snapshot(data), p, "is a named pipe, not a file")


def test_device(env):
    data = os.path.join(env.tmp, "device")
    os.makedirs(data)
    os.symlink("/dev/zero", os.path.join(data, "progress.db"))
    p = env.play(data, "2026-11-21")
    expect_untouched(env, "device", data, snapshot(data), p, "is a device, not a file")
    expect(os.readlink(os.path.join(data, "progress.db")) == "/dev/zero", "device: link changed")


def test_locked(env):
    data = env.good_day("locked")
    holder = sqlite3.connect(os.path.join(data, "progress.db"), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        p = env.play(data, "2026-11-21")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    out = p.stdout + p.stderr
    expect(p.returncode == 1, f"locked: exit {p.returncode}\n{out[-600:]}")
    expect("== Debrief ==" in out, "locked: no debrief")
    said = [ln for ln in out.splitlines() if "stayed locked by another program for 5 s" in ln]
    expect(said, f"locked: no message about the lock\n{out[-800:]}")
    # The finished play waits three times as long as a choice's save.
    final = [ln for ln in out.splitlines() if "stayed locked by another program for 15 s" in ln]
    expect(final, f"locked: the finished play did not wait 15 s\n{out[-800:]}")
    expect([d["date"] for d in env.history(data)["days"]] == ["2026-11-20"],
           "locked: the history changed")
    print(f"locked: {said[-1]}")


def test_newer(env):
    data = env.good_day("newer")
    db = sqlite3.connect(os.path.join(data, "progress.db"), isolation_level=None)
    db.execute("PRAGMA user_version = 99")
    db.execute("PRAGMA journal_mode = DELETE")
    db.close()
    before = snapshot(data)
    p = env.play(data, "2026-11-21")
    expect_untouched(env, "newer", data, before, p,
                     "progress.db was written by a newer Trust Daily (schema 99")
    expect([d["date"] for d in env.history(data)["days"]] == ["2026-11-20"],
           "newer: history cannot read it")


def test_damaged(env):
    data = os.path.join(env.tmp, "damaged")
    os.makedirs(data)
    junk = b"not a database" * 1000
    with open(os.path.join(data, "progress.db"), "wb") as f:
        f.write(junk)
    p = env.play(data, "2026-11-21")
    out = p.stdout
    expect(p.returncode == 0, f"damaged: exit {p.returncode}\n{out[-600:]}")
    note = [ln for ln in out.splitlines() if "progress.db is damaged" in ln]
    expect(note and "file is not a database" in note[0] and "it was kept as " in note[0],
           f"damaged: {note}")
    aside = [n for n in os.listdir(data) if n.startswith("progress.db.corrupt-")]
    expect(len(aside) == 1, f"damaged: kept aside {aside}")
    with open(os.path.join(data, aside[0]), "rb") as f:
        expect(f.read() == junk, "damaged: the copy kept aside differs")
    expect([d["date"] for d in env.history(data)["days"]] == ["2026-11-21"], "damaged: no fresh day")
    print(f"damaged: {note[0][len('Note: '):]}")


def test_home(env):
    cwd = os.path.join(env.tmp, "cwd")
    os.makedirs(cwd)
    os.chmod(cwd, 0o777)
    base = {k: v for k, v in os.environ.items() if k not in ("HOME", "XDG_DATA_HOME",
                                                              "XDG_CONFIG_HOME")}
    # A relative XDG_DATA_HOME is ignored (the specification says so): HOME is used.
    home = os.path.join(env.tmp, "home")
    os.makedirs(home)
    p = env.play(None, "2026-11-21", env=dict(base, HOME=home, XDG_DATA_HOME="relative/data",
                                              XDG_CONFIG_HOME="relative"),
                 cwd=cwd, data_dir=False)
    expect(p.returncode == 0, f"home: exit {p.returncode}\n{p.stdout[-400:]}{p.stderr}")
    expect(os.path.isfile(os.path.join(home, ".local/share/trustdaily/progress.db")),
           "home: not saved under HOME")
    expect(os.listdir(cwd) == [], f"home: files in the current folder: {os.listdir(cwd)}")
    print("home: a relative XDG_DATA_HOME is ignored; saved under $HOME/.local/share/trustdaily")
    if os.geteuid() != 0:
        print("home: HOME unset skipped (needs root to run as nobody, whose home does not exist)")
        return
    # No HOME: the account's home folder (nobody's does not exist): a message, never cwd.
    p = env.play(None, "2026-11-21", env=base, cwd=cwd, data_dir=False, preexec=as_nobody)
    out = p.stdout + p.stderr
    expect(p.returncode == 1 and "== Debrief ==" in out, f"home unset: exit {p.returncode}")
    note = [ln for ln in out.splitlines() if ln.startswith("Note: Progress will not be saved")]
    expect(note and "cannot create folder /nonexistent/.local/share/trustdaily" in note[0],
           f"home unset: {note}")
    expect(os.listdir(cwd) == [], f"home unset: files in the current folder: {os.listdir(cwd)}")
    print(f"home unset: {note[0][len('Note: '):]}")


TESTS = {"eio-open": test_eio_open, "eio-read": test_eio_read, "enospc": test_enospc,
         "eacces": test_eacces, "fifo": test_fifo, "device": test_device, "locked": test_locked,
         "newer": test_newer, "damaged": test_damaged, "home": test_home}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--trustdaily", required=True)
    ap.add_argument("--fixture", required=True, help="tests/game/fixtures/game-fixture-01.json")
    ap.add_argument("--framework", required=True)
    ap.add_argument("tests", nargs="*", default=list(TESTS))
    args = ap.parse_args()
    args.trustdaily = os.path.abspath(args.trustdaily)
    tmp = tempfile.mkdtemp(prefix="trustdaily-store-faults-")
    if os.geteuid() == 0:
        args.trustdaily = runnable_by_nobody(args.trustdaily, tmp)
    try:
        env = Env(args, tmp)
        for t in args.tests:
            TESTS[t](env)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("OK")


if __name__ == "__main__":
    main()
