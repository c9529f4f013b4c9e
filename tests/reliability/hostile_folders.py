#!/usr/bin/env python3
"""Hostile scenario folders, end to end: `trustdaily validate` and the game.

Builds a folder of good scenarios mixed with entries that are not what they
seem (unreadable file, symlink loop, dangling link, named pipe, device, a
folder called x.json, a 0-byte file, a name that is not UTF-8), then:

  validate   reports each hostile entry with file:line:col and still counts
             every good file;
  churn      runs validate again and again while files are replaced (rename)
             and rewritten in place under it: never a crash, every good file
             always loads;
  many       a folder of 10,000 scenario files (--files): validate and the game's
             library load them all;
  game       the window starts on the hostile folder, its library lists each
             refused file with its first error, and play goes on;
  limits     a scenario at the format's limits (500 nodes, texts at their
             maximum lengths as far as 1 MiB allows) validates, and the game
             plays 60 of its decisions; one node or one character more is a
             located error naming the limit.

When run as root the tools run as `nobody`, so that the unreadable file is
unreadable (root reads through permissions).
"""
import argparse
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from harness import as_nobody, expect, fail, run_under_xvfb, runnable_by_nobody  # noqa: E402



def scenario_text(minimal, sid):
    return minimal.replace('"id": "minimal"', f'"id": "{sid}"')


def unprivileged():
    """preexec_fn dropping root to nobody, or None when not root."""
    if os.geteuid() != 0:
        return None

    return as_nobody


def open_to_all(path):
    os.chmod(path, 0o777 if os.path.isdir(path) else 0o644)


class Folder:
    """A scenarios folder: `good` valid files plus the hostile entries."""

    HOSTILE = {  # name -> the message its first error must carry
        "empty.json": "file is empty",
        "folder.json": "file is a directory, not a file",
        "loop.json": "Too many levels of symbolic links",
        "dangling.json": "No such file or directory",
        "pipe.json": "file is a named pipe, not a file",
        "device.json": "file is a device, not a file",
        "unreadable.json": "Permission denied",
        b"caf\xe9.json": "differs from the file name",
    }

    def __init__(self, root, minimal, framework, good):
        self.path = os.path.join(root, "scenarios")
        os.makedirs(self.path)
        shutil.copy(framework, self.path)
        self.good = good
        for i in range(good):
            with open(os.path.join(self.path, f"good-{i:05d}.json"), "w") as f:
                f.write(scenario_text(minimal, f"good-{i:05d}"))
        p = self.path
        open(os.path.join(p, "empty.json"), "w").close()
        os.mkdir(os.path.join(p, "folder.json"))
        os.symlink("loop.json", os.path.join(p, "loop.json"))
        os.symlink("nowhere.json", os.path.join(p, "dangling.json"))
        os.symlink(".", os.path.join(p, "subloop"))  # a folder loop; not .json
        os.mkfifo(os.path.join(p, "pipe.json"))
        os.symlink("/dev/zero", os.path.join(p, "device.json"))
        with open(os.path.join(p, "unreadable.json"), "w") as f:
            f.write(scenario_text(minimal, "unreadable"))
        with open(os.path.join(os.fsencode(p), b"caf\xe9.json"), "w") as f:
            f.write(scenario_text(minimal, "cafe"))
        for name in os.listdir(p):
            full = os.path.join(p, name)
            if not os.path.islink(full) and not stat.S_ISFIFO(os.lstat(full).st_mode):
                open_to_all(full)
        open_to_all(p)
        os.chmod(os.path.join(p, "unreadable.json"), 0)


def run_validate(args, folder, preexec):
    p = subprocess.run([args.trustdaily, "validate", folder.path], capture_output=True,
                       preexec_fn=preexec, timeout=120)
    expect(p.returncode in (0, 1), f"validate exited {p.returncode}: {p.stderr[-400:]!r}")
    return p


def valid_count(stderr):
    # The summary line: "N scenarios valid, E errors, W warnings".
    last = stderr.decode("utf-8", "replace").strip().splitlines()[-1]
    return int(last.split()[0])


def test_validate(args, tmp, minimal):
    folder = Folder(tmp, minimal, args.framework, good=3)
    p = run_validate(args, folder, unprivileged())
    expect(p.returncode == 1, "hostile entries are errors: exit 1")
    out = p.stdout
    for name, why in Folder.HOSTILE.items():
        bname = name if isinstance(name, bytes) else name.encode()
        lines = [ln for ln in out.splitlines() if os.path.basename(ln.split(b":")[0]) == bname]
        expect(lines, f"no diagnostic for {bname!r}:\n{out.decode('utf-8', 'replace')}")
        expect(b":1:" in lines[0] or b": error:" in lines[0], f"no position: {lines[0]!r}")
        expect(why.encode() in lines[0], f"{bname!r}: expected '{why}' in {lines[0]!r}")
    expect(valid_count(p.stderr) == folder.good, f"good files lost: {p.stderr!r}")
    # The JSON report survives the non-UTF-8 name.
    pj = subprocess.run([args.trustdaily, "validate", "--format", "json", folder.path],
                        capture_output=True, preexec_fn=unprivileged(), timeout=120)
    expect(pj.returncode == 1, f"validate --format json exited {pj.returncode}")
    diags = json.loads(pj.stdout.decode("utf-8"))
    expect(len(diags) >= len(Folder.HOSTILE), f"json report has {len(diags)} entries")
    print(f"validate: {len(Folder.HOSTILE)} hostile entries reported, "
          f"{folder.good} good files loaded")


def test_churn(args, tmp, minimal):
    folder = Folder(tmp, minimal, args.framework, good=20)
    stop = threading.Event()
    counts = {"renames": 0, "rewrites": 0}
    good_text = scenario_text(minimal, "churn")
    bad_text = good_text[: len(good_text) // 2]

    def churn():
        churn_path = os.path.join(folder.path, "churn.json")
        inplace_path = os.path.join(folder.path, "inplace.json")
        tmp_path = os.path.join(folder.path, ".churn.tmp")
        flip = False
        while not stop.is_set():
            flip = not flip
            with open(tmp_path, "w") as f:  # replaced whole, by rename
                f.write(good_text if flip else bad_text)
            os.chmod(tmp_path, 0o644)
            os.replace(tmp_path, churn_path)
            counts["renames"] += 1
            with open(inplace_path, "w") as f:  # truncated and rewritten in place
                f.write(scenario_text(minimal, "inplace") if flip else "{")
            os.chmod(inplace_path, 0o644)
            counts["rewrites"] += 1

    t = threading.Thread(target=churn)
    t.start()
    runs = 0
    try:
        deadline = time.time() + args.churn_seconds
        while time.time() < deadline:
            p = run_validate(args, folder, unprivileged())
            n = valid_count(p.stderr)
            expect(folder.good <= n <= folder.good + 2,
                   f"run {runs}: {n} valid, expected {folder.good} to {folder.good + 2}")
            runs += 1
    finally:
        stop.set()
        t.join()
    expect(runs >= 5, f"only {runs} runs")
    print(f"churn: {runs} validate runs during {counts['renames']} replacements and "
          f"{counts['rewrites']} in-place rewrites; every run loaded all {folder.good} good files")


def test_many(args, tmp, minimal):
    path = os.path.join(tmp, "many")
    os.makedirs(path)
    shutil.copy(args.framework, path)
    n = args.files
    for i in range(n):
        with open(os.path.join(path, f"gen-{i:05d}.json"), "w") as f:
            f.write(scenario_text(minimal, f"gen-{i:05d}"))
    start = time.time()
    p = subprocess.run([args.trustdaily, "validate", path], capture_output=True, timeout=300)
    took = time.time() - start
    expect(p.returncode == 0, f"validate exited {p.returncode}: {p.stderr[-300:]!r}")
    expect(valid_count(p.stderr) == n, f"expected {n} valid: {p.stderr!r}")
    print(f"many: validate loaded {n} files in {took:.2f} s")
    if args.xvfb_run:
        data = os.path.join(tmp, "many-data")
        dump = os.path.join(tmp, "many-dump.json")
        start = time.time()
        game(args, path, data, "l wait:50 end", dump, os.path.join(tmp, "many.png"), None)
        took = time.time() - start
        with open(dump, encoding="utf-8") as f:
            state = json.load(f)
        expect(state["screen"] == "library", f"screen {state['screen']}")
        expect(state["library"]["playable"] == n, f"library has {state['library']['playable']}")
        print(f"many: the game opened its library on {n} scenarios in {took:.2f} s")


def game(args, scenarios, data, keys, dump, png, preexec):
    os.makedirs(data, exist_ok=True)
    open_to_all(data)
    config = os.path.join(data, "config")
    os.makedirs(config, exist_ok=True)
    open_to_all(config)
    env = dict(os.environ, XDG_CONFIG_HOME=config, HOME=data)
    p = run_under_xvfb(args.xvfb_run,
                       [args.trustdaily, "--date", "2026-11-23", "--data-dir", data,
                        "--scenarios", scenarios, "--size", "1280x800", "--keys", keys,
                        "--dump-state", dump, "--screenshot", png],
                       env=env, timeout=120, preexec_fn=preexec, cwd=data)
    expect(p.returncode == 0, f"the game exited {p.returncode}\n{p.stdout}\n{p.stderr}")
    return p


def test_game(args, tmp, minimal):
    folder = Folder(tmp, minimal, args.framework, good=3)
    data = os.path.join(tmp, "data")
    dump = os.path.join(data, "dump.json")
    png = os.path.join(data, "library.png")
    # Home, the library (scrolled to its end, where the refused files are),
    # back home, and into today's scenario: play goes on.
    game(args, folder.path, data, f"l wait:50 end dump:{dump}", dump, png, unprivileged())
    with open(dump, encoding="utf-8") as f:
        state = json.load(f)
    expect(state["screen"] == "library", f"screen {state['screen']}")
    expect(state["library"]["playable"] == folder.good, f"playable {state['library']}")
    problems = state["library"]["problems"]
    for name, why in Folder.HOSTILE.items():
        shown = name.decode("latin-1").replace("\xe9", "\ufffd") if isinstance(name, bytes) \
            else name
        hits = [p for p in problems if p.startswith(shown + ":")]
        expect(hits, f"library does not list {shown}: {problems}")
        expect(why in hits[0], f"{shown}: expected '{why}' in {hits[0]}")
    game(args, folder.path, data, "enter wait:50", dump, png, unprivileged())
    with open(dump, encoding="utf-8") as f:
        state = json.load(f)
    expect(state["screen"] == "play", f"today's scenario did not start: {state['screen']}")
    print(f"game: library listed {len(problems)} refused files with their first error; "
          f"today's scenario played")


def limits_scenario(sid, nodes, text_len=1500, full_choices=100, extra_node=False):
    """A chain of two-way decisions, `nodes` nodes in all (3 endings). The
    first `full_choices` scenes carry choice and feedback texts at their
    maximum lengths; later ones shorter, so the file stays under 1 MiB."""
    def text(n, tag):
        base = f"{tag}: " + "words that fill a scene to its limit " * (n // 37 + 1)
        return base[:n]
    scenes = nodes - 3
    body = {}
    for i in range(scenes):
        nxt = f"n{i + 1}" if i + 1 < scenes else "end-good"
        full = i < full_choices
        ct, fb = (300, 800) if full else (60, 80)
        body[f"n{i}"] = {
            "speaker": "narrator", "text": text(text_len if full else 1000, f"scene {i}"),
            "choices": [
                {"text": text(ct, f"steady {i}"), "next": nxt, "score": {"context": 1},
                 "feedback": text(fb, "why steady")},
                {"text": text(ct, f"rash {i}"), "next": nxt if i % 50 else "end-bad",
                 "score": {"influence": -1}, "feedback": text(fb, "why rash")},
            ]}
    body["end-good"] = {"ending": "success", "text": text(1500, "good"),
                        "lesson": text(600, "lesson")}
    body["end-mixed"] = {"ending": "mixed", "text": text(1500, "mixed"),
                         "lesson": text(600, "lesson")}
    body["end-bad"] = {"ending": "failure", "text": text(1500, "bad"),
                       "lesson": text(600, "lesson")}
    # Reach the mixed ending from the first scene's third choice.
    body["n0"]["choices"].append({"text": "Leave it for now.", "next": "end-mixed",
                                  "score": {"transparency": -1}, "feedback": "Nothing moved."})
    if extra_node:
        body["n0"]["choices"].append({"text": "One more.", "next": "extra"})
        body["extra"] = {"ending": "mixed", "text": "x", "lesson": "x"}
    return {
        "format": 1, "id": sid, "title": text(80, "Limits"), "summary": text(400, "summary"),
        "partners": ["engineering"], "situation": "estimate-pushback", "difficulty": 3,
        "minutes": 30, "cast": {}, "start": "n0", "nodes": body}


def test_limits(args, tmp, minimal):
    path = os.path.join(tmp, "scenarios")
    os.makedirs(path)
    shutil.copy(args.framework, path)
    at = os.path.join(path, "at-limits.json")
    with open(at, "w") as f:
        json.dump(limits_scenario("at-limits", 500), f, indent=1)
    size = os.path.getsize(at)
    expect(size <= 1048576, f"the limits file is {size} bytes, over 1 MiB")
    start = time.time()
    p = subprocess.run([args.trustdaily, "validate", at], capture_output=True, timeout=60)
    took = time.time() - start
    expect(p.returncode == 0, f"at-limits does not validate: {p.stdout[-600:]!r}")
    print(f"limits: 500 nodes, {size} bytes: validate {took * 1000:.0f} ms")

    over = os.path.join(tmp, "over")
    os.makedirs(over)
    shutil.copy(args.framework, over)
    cases = {
        "too-many-nodes": (limits_scenario("too-many-nodes", 500, extra_node=True),
                           "/nodes"),
        "text-too-long": (limits_scenario("text-too-long", 20, text_len=1501), "/text"),
    }
    for sid, (doc, where) in cases.items():
        with open(os.path.join(over, sid + ".json"), "w") as f:
            json.dump(doc, f, indent=1)
        p = subprocess.run([args.trustdaily, "validate", os.path.join(over, sid + ".json")],
                           capture_output=True, timeout=60)
        out = p.stdout.decode()
        expect(p.returncode == 1 and f"{sid}.json:" in out and ": error:" in out and where in out,
               f"{sid}: expected a located error at {where}: {out[:600]}")
        print(f"limits: {sid} refused: {out.splitlines()[0].split(': error: ')[1][:90]}")

    if args.xvfb_run:
        data = os.path.join(tmp, "data")
        dump = os.path.join(tmp, "limits-dump.json")
        keys = "enter" + " 1 enter" * 60
        start = time.time()
        game(args, path, data, keys, dump, os.path.join(tmp, "limits.png"), None)
        took = time.time() - start
        with open(dump, encoding="utf-8") as f:
            state = json.load(f)
        expect(state["screen"] in ("play", "feedback"), f"screen {state['screen']}")
        steps = len(state["play"]["path"])
        expect(steps >= 60, f"only {steps} choices made")
        print(f"limits: the game played {steps} decisions of the 500-node scenario "
              f"in {took:.2f} s (start to exit, 1280x800)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("test", choices=["validate", "churn", "many", "game", "limits"])
    ap.add_argument("--trustdaily", required=True)
    ap.add_argument("--fixture", required=True, help="tests/fixtures/valid/minimal.json")
    ap.add_argument("--framework", required=True)
    ap.add_argument("--xvfb-run", default="")
    ap.add_argument("--churn-seconds", type=float, default=5)
    ap.add_argument("--files", type=int, default=10000, help="size of the 'many' folder")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder (to look)")
    args = ap.parse_args()
    with open(args.fixture, encoding="utf-8") as f:
        minimal = f.read()
    tmp = tempfile.mkdtemp(prefix="trustdaily-hostile-")
    os.chmod(tmp, 0o755)
    if os.geteuid() == 0:
        args.trustdaily = runnable_by_nobody(args.trustdaily, tmp)
    try:
        {"validate": test_validate, "churn": test_churn, "many": test_many,
         "game": test_game, "limits": test_limits}[args.test](args, tmp, minimal)
    finally:
        if args.keep:
            print("kept", tmp)
            return
        for root, dirs, files in os.walk(tmp):
            for d in dirs:
                p = os.path.join(root, d)
                if not os.path.islink(p):
                    os.chmod(p, 0o755)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
