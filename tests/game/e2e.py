#!/usr/bin/env python3
"""End-to-end tests of the window, run by CTest under Xvfb.

Each test drives the real `trustdaily` binary with --keys (the same input path
as the keyboard), then checks what it saved (progress.db), what it reports
with --dump-state, and the screenshot (via screenshot_check).

  e2e.py daily|replay|mouse|no-display|playtest|playtest-start-broken|documents|playtest-debug
         --trustdaily BIN --checker BIN
         --xvfb-run PATH --fixture SCENARIO.json --framework framework.json
"""
import argparse
import json
import os
import re
import select
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from harness import expect, fail, run_under_xvfb, xvfb_command  # noqa: E402

SIZE = "1280x800"
DAY1 = "2025-06-14"
DAY2 = "2025-06-15"
GAP_DAY = "2025-06-17"
FIXTURE = "game-fixture-01"
# The fixture: intro beat, decision "ask" (1 = misstep, 2 = good), decision
# "plan" (1 = good, 2 = failure). Scored choices open the feedback overlay,
# which Enter closes.
STRONG = "enter 1 2 enter 1 enter"        # home -> play -> ... -> debrief
WITH_MISSTEP = "enter 1 1 enter 1 enter"  # misstep at step 1


class Env:
    def __init__(self, args):
        self.args = args
        self.tmp = tempfile.mkdtemp(prefix="trustdaily-e2e-")
        self.scenarios = os.path.join(self.tmp, "scenarios")
        os.makedirs(self.scenarios)
        shutil.copy(args.fixture, self.scenarios)
        shutil.copy(args.framework, self.scenarios)
        # Settings go to a private config folder, never the user's.
        self.env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(self.tmp, "config"))

    def data(self, name):
        d = os.path.join(self.tmp, name)
        os.makedirs(d, exist_ok=True)
        return d

    def run(self, data_dir, date, keys, screenshot=None, extra=()):
        dump = os.path.join(self.tmp, "state.json")
        if os.path.exists(dump):
            os.remove(dump)
        cmd = [self.args.trustdaily,
               "--date", date, "--data-dir", data_dir, "--scenarios", self.scenarios,
               "--size", SIZE, "--keys", keys, "--dump-state", dump,
               "--screenshot", screenshot or os.path.join(self.tmp, "last.png"), *extra]
        p = run_under_xvfb(self.args.xvfb_run, cmd, env=self.env, timeout=60)
        if p.returncode != 0:
            fail(f"trustdaily exited {p.returncode}\n{' '.join(cmd)}\n{p.stdout}\n{p.stderr}")
        with open(dump, encoding="utf-8") as f:
            return json.load(f)

    def plays(self, data_dir):
        """Every recorded play, oldest first, with the path it ended on."""
        db = sqlite3.connect(os.path.join(data_dir, "progress.db"))
        db.row_factory = sqlite3.Row
        plays = [dict(r) for r in db.execute("SELECT * FROM plays ORDER BY id")]
        for p in plays:
            steps = db.execute("SELECT node, chosen_choice, misstep, documents FROM decisions "
                               "WHERE play = ? ORDER BY step", (p["id"],)).fetchall()
            p["path"] = []
            for s in steps:
                step = {"node": s["node"], "choice": s["chosen_choice"]}
                if s["documents"]:
                    step["documents"] = [int(d) for d in s["documents"].split(",")]
                p["path"].append(step)
            p["misstep_steps"] = [i for i, s in enumerate(steps) if s["misstep"]]
        db.close()
        return plays

    def pins(self, data_dir):
        db = sqlite3.connect(os.path.join(data_dir, "progress.db"))
        pins = dict(db.execute("SELECT day, scenario FROM days").fetchall())
        db.close()
        return pins

    def day_result(self, data_dir, day):
        return next((p for p in self.plays(data_dir)
                     if p["day"] == day and p["kind"] in ("daily", "late")), None)

    def check_screenshot(self, png):
        p = subprocess.run([self.args.checker, png, "--size", SIZE, "--margin", "6"],
                           capture_output=True, text=True)
        print(p.stdout.strip())
        if p.returncode != 0:
            fail(f"screenshot {png}: {p.stdout}{p.stderr}")


def state_of(dump):
    play = dump["play"]
    expect(play is not None, "no play in progress")
    return {k: play[k] for k in ("scenario", "node", "finished", "flags", "trust", "totals",
                                 "total", "percent", "path")}


def test_daily(env):
    data = env.data("daily")
    png = os.path.join(env.tmp, "debrief.png")
    open_dump = os.path.join(env.tmp, "daily-open.json")  # while the window is open
    dump = env.run(data, DAY1, f"{STRONG} dump:{open_dump}", png)
    expect(dump["screen"] == "debrief", f"ended on {dump['screen']}, not the debrief")
    expect(dump["play"]["finished"] and dump["play"]["node"] == "end-good", "not at the success")
    expect(dump["streak"] == 1, f"streak {dump['streak']} after the first day")
    # The window manager is asked not to shrink the window below the tested layout.
    with open(open_dump, encoding="utf-8") as f:
        window = json.load(f)["window"]
    expect(window["size"] == [1280, 800] and window["min_size"] == [800, 600],
           f"window hints: {window}")
    expect(env.pins(data).get(DAY1) == FIXTURE, f"day not pinned: {env.pins(data)}")
    res = env.day_result(data, DAY1)
    expect(res and res["kind"] == "daily" and res["percent"] == 100 and
           res["ending"] == "success", f"day result wrong: {res}")
    env.check_screenshot(png)

    # A second play the same day is practice: the result stays.
    env.run(data, DAY1, WITH_MISSTEP)
    expect(env.day_result(data, DAY1)["percent"] == 100, "a second play changed the result")
    plays = env.plays(data)
    expect(len(plays) == 2 and plays[1]["kind"] == "practice",
           f"second play not recorded as practice: {plays}")

    # "Try that again" from the feedback rewinds within the same play.
    data2 = env.data("tryagain")
    dump = env.run(data2, DAY1, "enter 1 1 r 2 enter 1 enter")
    expect(state_of(dump)["path"] == [{"node": "intro", "choice": 0}, {"node": "ask", "choice": 1},
                                      {"node": "plan", "choice": 0}],
           f"try-again path wrong: {dump['play']['path']}")

    # Next day: streak 2, survives a restart; a gap breaks it.
    dump = env.run(data, DAY2, STRONG)
    expect(dump["streak"] == 2, f"streak {dump['streak']} on the second day")
    dump = env.run(data, DAY2, "")
    expect(dump["screen"] == "home" and dump["streak"] == 2, "streak lost on restart")
    png = os.path.join(env.tmp, "home.png")
    dump = env.run(data, GAP_DAY, "", png)
    expect(dump["streak"] == 0, f"streak {dump['streak']} after a gap day")
    expect(GAP_DAY in env.pins(data), "the day's scenario was not fixed when shown")
    env.check_screenshot(png)


def test_replay(env):
    # Misstep, then "Replay from here" on the debrief (first button), a different choice.
    data = env.data("replay")
    keys = WITH_MISSTEP + " down enter 2 enter 1 enter"
    replayed = env.run(data, DAY1, keys)
    expect(replayed["screen"] == "debrief", f"replay ended on {replayed['screen']}")
    expect(replayed["play"]["kind"] == "replay", "the replayed play is not a replay")
    # The same path, played fresh in another data folder.
    fresh = env.run(env.data("fresh"), DAY1, STRONG)
    expect(state_of(replayed) == state_of(fresh),
           f"replayed state differs from fresh:\n{state_of(replayed)}\n{state_of(fresh)}")
    plays = env.plays(data)
    expect(len(plays) == 2, f"expected the daily play and the replay, got {len(plays)}")
    expect(plays[0]["kind"] == "daily" and plays[0]["misstep_steps"] == [1],
           f"first play: {plays[0]}")
    expect(plays[1]["kind"] == "replay", f"second play: {plays[1]}")
    fresh_rec = env.plays(os.path.join(env.tmp, "fresh"))[0]
    expect(plays[1]["path"] == fresh_rec["path"] and
           plays[1]["reached_total"] == fresh_rec["reached_total"],
           "the replay's record differs from the fresh play's")
    expect(env.day_result(data, DAY1)["id"] == plays[0]["id"],
           "the replay changed the day's result")
    expect(replayed["streak"] == 1, "the replay changed the streak")

    # From home, missteps come back as spaced reviews (e2e_review.py).


def test_mouse(env):
    data = env.data("mouse")
    dump = env.run(data, DAY1, "")
    play = next(b for b in dump["buttons"] if b["label"].startswith("Play today"))
    click = lambda b: f"click:{int(b['x'] + b['w'] / 2)},{int(b['y'] + b['h'] / 2)}"
    keys = click(play)
    dump = env.run(data, DAY1, keys)
    expect(dump["screen"] == "play", f"clicking Play today opened {dump['screen']}")
    # Click the only choice of the beat, then the second choice, then Continue.
    keys += " " + click(dump["buttons"][0])
    dump = env.run(data, DAY1, keys)
    second = dump["buttons"][1]
    expect(second["label"].startswith("2"), f"second choice label: {second['label']}")
    keys += " " + click(second)
    dump = env.run(data, DAY1, keys)
    expect(dump["screen"] == "feedback", f"after a scored click: {dump['screen']}")
    cont = next(b for b in dump["buttons"] if b["label"].startswith("Continue"))
    keys += " " + click(cont) + " wheel:-3 wheel:3"
    dump = env.run(data, DAY1, keys)
    expect(dump["screen"] == "play" and dump["play"]["node"] == "plan",
           f"after Continue: {dump['screen']} {dump['play']['node']}")


DOCUMENTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "valid",
                         "documents.json")


def test_documents(env):
    """A scene's documents: A-D or a click opens one as a page over the scene,
    Esc or Enter closes it, the card is marked read, and a document's flag
    unlocks a choice (tests/fixtures/valid/documents.json)."""
    shutil.copy(DOCUMENTS, env.scenarios)
    data = env.data("documents")
    extra = ("--scenario", "documents")
    png = os.path.join(env.tmp, "document.png")
    dump = env.run(data, DAY1, "b", png, extra)
    expect(dump["screen"] == "document", f"B opened {dump['screen']}")
    play = dump["play"]
    expect(play["documents_read"] == [["standup", 1]], f"read: {play['documents_read']}")
    expect(play["flags"] == ["saw_error_dashboard"], f"flags: {play['flags']}")
    expect(play["path"] == [], "opening a document is no step of the path")
    expect([b["label"] for b in dump["buttons"]] == ["Back to the scene (Esc)"],
           f"document buttons: {dump['buttons']}")
    env.check_screenshot(png)

    # Closed with Esc: the card says read, and the dashboard's choice is offered.
    dump = env.run(data, DAY1, "b esc", png, extra)
    expect(dump["screen"] == "play", f"Esc left {dump['screen']}")
    labels = [b["label"] for b in dump["buttons"]]
    expect(labels[0].startswith("A") and labels[1].startswith("B") and "read" in labels[1] and
           "read" not in labels[0], f"cards: {labels[:2]}")
    expect(labels[2].startswith("1. Show Priya the error dashboard"), f"choices: {labels[2:]}")
    expect(len(labels) == 5, f"two cards and three choices: {labels}")
    env.check_screenshot(png)

    # The mouse opens a card; Enter closes the page.
    click = lambda b: f"click:{int(b['x'] + b['w'] / 2)},{int(b['y'] + b['h'] / 2)}"
    dump = env.run(data, DAY1, click(dump["buttons"][0]), png, extra)
    expect(dump["screen"] == "document" and dump["play"]["flags"] == ["read_marco_email"],
           f"clicking card A: {dump['screen']} {dump['play']['flags']}")
    dump = env.run(data, DAY1, click(dump["buttons"][0]) + " enter", png, extra)
    expect(dump["screen"] == "play", f"Enter left {dump['screen']}")

    # Both read, both gated choices: the best total, recorded as played.
    dump = env.run(data, DAY1, "b esc a esc 1 enter 1 enter", png, extra)
    expect(dump["screen"] == "debrief", f"ended on {dump['screen']}")
    expect(dump["play"]["percent"] == 100, f"percent {dump['play']['percent']}")
    plays = env.plays(data)
    # The recorded path keeps the documents read before each choice (0-based),
    # so a replay of it can open them again.
    expect(plays[-1]["path"] == [{"node": "standup", "choice": 0, "documents": [0, 1]},
                                 {"node": "marco", "choice": 0}],
           f"recorded path {plays[-1]['path']}")

    # A misstep after a choice the dashboard unlocked comes back as a review
    # in the state before it, dashboard flag included (unit-review-store.cpp).


def test_resume(env):
    """The day's play is saved after every choice: quitting mid-play (the
    window closed at a misstep's feedback) and starting again offers Resume,
    which comes back to the same scene with the retry still offered; Esc
    mid-play says what happens first, and holding it down never quits; the
    first try is the result; a recorded day's debrief opens again from home;
    today's scenario opened from the library is the day's play."""
    data = env.data("resume")
    dump = env.run(data, DAY1, "enter 1 1")  # a misstep, then the window goes
    expect(dump["screen"] == "feedback", f"not at the misstep's feedback: {dump['screen']}")
    dump = env.run(data, DAY1, "")
    expect(dump["unfinished"] == {"scenario": FIXTURE, "steps": 2, "retry_open": True},
           f"no play in progress saved: {dump['unfinished']}")
    labels = [b["label"] for b in dump["buttons"]]
    expect(labels[0].startswith("Resume today") and "Start over" in labels,
           f"home does not offer Resume: {labels}")
    png = os.path.join(env.tmp, "resumed.png")
    dump = env.run(data, DAY1, "enter", png)
    expect(dump["screen"] == "feedback" and dump["play"]["node"] == "plan" and
           any(b["label"].startswith("Try that again") for b in dump["buttons"]),
           f"resume did not come back to the misstep: {dump['screen']} {dump['buttons']}")
    env.check_screenshot(png)
    # Esc mid-play asks first; held down, it repeats into nothing.
    png = os.path.join(env.tmp, "leave.png")
    dump = env.run(data, DAY1, "enter r hold:esc:40", png)
    expect(dump["screen"] == "leave", f"holding Esc left the play: {dump['screen']}")
    env.check_screenshot(png)
    dump = env.run(data, DAY1, "enter r esc enter")
    expect(dump["screen"] == "home" and dump["unfinished"]["steps"] == 2,
           f"leaving did not keep the play: {dump['screen']} {dump['unfinished']}")
    # Resume, the better choice, to the end: the first try is the result.
    dump = env.run(data, DAY1, "enter 2 enter 1 enter")
    expect(dump["screen"] == "debrief" and dump["unfinished"] is None, f"{dump['screen']}")
    res = env.day_result(data, DAY1)
    expect(res["kind"] == "daily" and res["percent"] < 100 and res["missteps"] == 1 and
           res["retries"] == 1 and res["reached_percent"] == 100, f"day result: {res}")
    # The next day: the recorded day's debrief opens from home.
    dump = env.run(data, DAY2, "")
    day = next(b for b in dump["buttons"] if b["action"] == 200)
    png = os.path.join(env.tmp, "reopened.png")
    dump = env.run(data, DAY2, f"click:{int(day['x'] + day['w'] / 2)},{int(day['y'] + day['h'] / 2)}",
                   png)
    expect(dump["screen"] == "debrief" and dump["play"]["finished"] and
           dump["play"]["path"] == [{"node": "intro", "choice": 0}, {"node": "ask", "choice": 1},
                                    {"node": "plan", "choice": 0}],
           f"reopened debrief: {dump['screen']} {dump['play']}")
    env.check_screenshot(png)
    expect(len(env.plays(data)) == 1, "reopening a debrief recorded a play")
    # Today's scenario opened from the library before the day is recorded is the day's play.
    dump = env.run(data, DAY2, "l")
    entry = next(b for b in dump["buttons"] if "today\u2019s scenario" in b["label"])
    click = f"click:{int(entry['x'] + entry['w'] / 2)},{int(entry['y'] + entry['h'] / 2)}"
    dump = env.run(data, DAY2, f"l {click} 1 2 enter 1 enter")
    expect(dump["screen"] == "debrief" and dump["play"]["kind"] == "daily" and dump["streak"] == 2,
           f"library play of today's scenario: {dump['play']['kind']}, streak {dump['streak']}")
    # So is opening it by id from the command line.
    dump = env.run(env.data("by-id"), DAY1, "", extra=("--scenario", FIXTURE))
    expect(dump["screen"] == "play" and dump["play"]["kind"] == "daily",
           f"--scenario today's id: {dump['screen']} {dump['play'] and dump['play']['kind']}")


def test_no_display(env):
    e = dict(env.env)
    e.pop("DISPLAY", None)
    p = subprocess.run([env.args.trustdaily, "--data-dir", env.data("nodisplay"),
                        "--scenarios", env.scenarios], env=e, capture_output=True, text=True)
    expect(p.returncode == 1, f"exit {p.returncode} without a display")
    lines = p.stderr.strip().splitlines()
    expect(len(lines) == 1 and "xvfb-run" in lines[0] and "play --text" in lines[0],
           f"message without a display: {p.stderr!r}")


def test_on_screen(env):
    """A bare X server (no window manager) at 1280x800: the window opens
    centred and whole, at the default size and at a smaller one."""
    for size, expected in ((None, [1152, 720]), ("1000x700", [1000, 700])):
        open_dump = os.path.join(env.tmp, "on-screen.json")
        cmd = [env.args.trustdaily, "--data-dir", env.data("on-screen"),
               "--scenarios", env.scenarios, "--keys", f"dump:{open_dump}",
               "--screenshot", os.path.join(env.tmp, "on-screen.png")]
        if size:
            cmd += ["--size", size]
        p = run_under_xvfb(env.args.xvfb_run, cmd, env=env.env, timeout=60)
        expect(p.returncode == 0, f"exit {p.returncode}: {p.stderr}")
        with open(open_dump, encoding="utf-8") as f:
            window = json.load(f)["window"]
        expect(window["size"] == expected, f"size {window['size']}, expected {expected}")
        sw, sh = window["screen"]
        x, y = window["position"]
        w, h = window["size"]
        expect(0 <= x and 0 <= y and x + w <= sw and y + h <= sh, f"not whole on screen: {window}")
        expect(abs(x - (sw - w) // 2) <= 1 and abs(y - (sh - h) // 2) <= 1, f"not centred: {window}")
        print(f"window {w}x{h} at {x},{y} on {sw}x{sh}")


def wait_for(pred, seconds, what):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if pred():
            return
        time.sleep(0.05)
    fail(f"timed out waiting for {what}")


def save_like_an_editor(path, text):
    """Write-temp-then-rename, as editors save: a new inode at the same path."""
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def run_while(cmd, env, during):
    """Starts cmd, calls during(process) while it runs, waits for a clean exit;
    returns (stdout, stderr)."""
    p = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True)
    try:
        during(p)
        out, err = p.communicate(timeout=60)
    finally:
        if p.poll() is None:
            p.kill()
    if p.returncode != 0:
        fail(f"trustdaily exited {p.returncode}\n{' '.join(cmd)}\n{out}\n{err}")
    return out, err


def test_playtest(env):
    """`play FILE` watches the file: break it (a write in place), see the
    diagnostics in the window, fix it (write-temp-then-rename, as editors
    save), and find the player back at the same node with the same state.
    The real watcher notices both changes; the script only waits (wait:MS)."""
    work = os.path.join(env.tmp, "playtest")
    os.makedirs(work)
    path = os.path.join(work, FIXTURE + ".json")
    shutil.copy(env.args.fixture, path)
    shutil.copy(env.args.framework, work)
    with open(path, encoding="utf-8") as f:
        good = f.read()
    bad = good.replace('"next": "end-bad"', '"next": "end-worse"')
    expect(bad != good, "fixture changed: no end-bad to break")
    shot_broken = os.path.join(env.tmp, "pt-broken.png")
    dump_broken = os.path.join(env.tmp, "pt-broken.json")
    shot_fixed = os.path.join(env.tmp, "pt-fixed.png")
    dump_fixed = os.path.join(env.tmp, "pt-fixed.json")
    # 1 (intro) 2 (the strong choice at "ask") enter (close the feedback):
    # at "plan" with flag "explained"; F2 shows the author's state panel.
    # After the fix, F5 reloads by hand once more.
    dump_watched = os.path.join(env.tmp, "pt-watched.json")
    keys = (f"1 2 enter f2 wait:2500 shot:{shot_broken} dump:{dump_broken} wait:2500 "
            f"dump:{dump_watched} f5")
    cmd = xvfb_command(env.args.xvfb_run, [env.args.trustdaily, "play", path,
           "--date", DAY1, "--data-dir", env.data("playtest-data"), "--scenarios", env.scenarios,
           "--size", SIZE, "--keys", keys, "--screenshot", shot_fixed, "--dump-state", dump_fixed])
    def break_and_fix(p):
        # The window is up and the file watched once this line is printed.
        ready, _, _ = select.select([p.stdout], [], [], 30)
        line = p.stdout.readline() if ready else ""
        expect(line.startswith("Watching " + path), f"no 'Watching' line: {line!r}")
        inode = os.stat(path).st_ino
        with open(path, "w", encoding="utf-8") as f:  # in place: same inode
            f.write(bad)
        expect(os.stat(path).st_ino == inode, "the break was not a write in place")
        wait_for(lambda: os.path.exists(dump_broken), 20, "the broken state dump")
        save_like_an_editor(path, good)

    _, err = run_while(cmd, env.env, break_and_fix)
    # A failed reload prints its diagnostics, located, in the terminal too.
    expect(re.search(re.escape(path) + r":\d+:\d+: error: .*end-worse", err),
           f"the failed reload printed no located error: {err!r}")

    with open(dump_broken, encoding="utf-8") as f:
        broken = json.load(f)
    pt = broken.get("playtest")
    expect(pt is not None and pt["status"] == "broken" and pt["last"] == "broken",
           f"not broken after the break: {pt}")
    expect(broken["screen"] == "play", f"diagnostics not on the play screen: {broken['screen']}")
    diags = pt["diagnostics"]
    expect(any(re.match(re.escape(path) + r":\d+:\d+: error: .*end-worse", d) for d in diags),
           f"no file:line:col error naming end-worse: {diags}")
    expect(broken["buttons"] == [], f"choices offered while broken: {broken['buttons']}")
    env.check_screenshot(shot_broken)

    with open(dump_watched, encoding="utf-8") as f:
        watched = json.load(f)["playtest"]
    expect(watched["status"] == "ok" and watched["last"] == "replayed" and
           watched["reloads"] == 2, f"the watcher did not see the fix: {watched}")
    with open(dump_fixed, encoding="utf-8") as f:
        fixed = json.load(f)
    pt = fixed["playtest"]
    expect(pt["status"] == "ok" and pt["last"] == "replayed" and pt["reloads"] == 3,
           f"F5 did not reload at the same node: {pt}")
    expect(not any(": error: " in d for d in pt["diagnostics"]), f"errors left: {pt}")
    expect(pt["overlay"], "the state panel (F2) is off")
    play = fixed["play"]
    expect(fixed["screen"] == "play" and play["node"] == "plan" and
           play["flags"] == ["explained"] and play["trust"] == {"engineering": 60} and
           play["totals"].get("context") == 2, f"not back at 'plan' with its state: {play}")
    env.check_screenshot(shot_fixed)
    with open(shot_broken, "rb") as a, open(shot_fixed, "rb") as b:
        expect(a.read() != b.read(), "the diagnostics and the recovered scene look the same")


def test_playtest_start_broken(env):
    """`play FILE` on a file that does not validate yet opens the window on its
    diagnostics (and prints them), then starts the play once the file is
    fixed. A missing file and a --from naming no node stay plain errors."""
    work = os.path.join(env.tmp, "start-broken")
    os.makedirs(work)
    path = os.path.join(work, FIXTURE + ".json")
    shutil.copy(env.args.framework, work)
    with open(env.args.fixture, encoding="utf-8") as f:
        good = f.read()
    bad = good.replace('"start": "intro"', '"start": "intro-typo"')
    expect(bad != good, "fixture changed: no start to break")
    with open(path, "w", encoding="utf-8") as f:
        f.write(bad)
    dump_broken = os.path.join(env.tmp, "sb-broken.json")
    dump_fixed = os.path.join(env.tmp, "sb-fixed.json")
    shot_broken = os.path.join(env.tmp, "sb-broken.png")
    shot_fixed = os.path.join(env.tmp, "sb-fixed.png")
    # The game runs its loop until the test has saved the fix (and says so
    # with `saved`), then a little longer for the reload: a slow test
    # process under load cannot make the fixed dump come too early.
    saved = os.path.join(env.tmp, "sb-saved")
    keys = f"shot:{shot_broken} dump:{dump_broken} until:{saved} wait:1500 dump:{dump_fixed}"
    base = [env.args.trustdaily, "play", path, "--date", DAY1, "--scenarios", env.scenarios,
            "--data-dir", env.data("start-broken-data"), "--size", SIZE]
    # --screenshot closes the window once the keys are done.
    cmd = xvfb_command(env.args.xvfb_run, base + ["--keys", keys, "--screenshot", shot_fixed])
    def fix(p):
        wait_for(lambda: os.path.exists(dump_broken), 30, "the broken state dump")
        save_like_an_editor(path, good)
        open(saved, "w").close()

    _, err = run_while(cmd, env.env, fix)
    located = re.escape(path) + r":\d+:\d+: error: .*intro-typo"
    expect(re.search(located, err), f"the diagnostics were not printed: {err!r}")
    with open(dump_broken, encoding="utf-8") as f:
        broken = json.load(f)
    pt = broken["playtest"]
    expect(broken["screen"] == "play" and pt["status"] == "broken" and broken["play"] is None,
           f"not opened on the diagnostics: {broken['screen']} {pt}")
    expect(any(re.match(located, d) for d in pt["diagnostics"]),
           f"no located error naming intro-typo in the window: {pt['diagnostics']}")
    env.check_screenshot(shot_broken)
    with open(dump_fixed, encoding="utf-8") as f:
        fixed = json.load(f)
    pt = fixed["playtest"]
    expect(pt["status"] == "ok" and pt["last"] == "restarted" and pt["reloads"] == 1,
           f"the fix did not start the play: {pt}")
    expect(fixed["screen"] == "play" and fixed["play"]["node"] == "intro",
           f"not at the start after the fix: {fixed['screen']} {fixed['play']}")

    missing = run_under_xvfb(env.args.xvfb_run, base[:2] + [path + ".nope"] + base[3:],
                             env=env.env, timeout=60)
    expect(missing.returncode == 1 and "no such file" in missing.stderr,
           f"a missing file: exit {missing.returncode}, {missing.stderr!r}")
    bad_from = run_under_xvfb(env.args.xvfb_run, base + ["--from", "nowhere"], env=env.env,
                              timeout=60)
    expect(bad_from.returncode == 1 and "no node 'nowhere'" in bad_from.stderr and
           "intro" in bad_from.stderr, f"a bad --from: exit {bad_from.returncode}, "
           f"{bad_from.stderr!r}")


def test_playtest_debug(env):
    """`play FILE --from NODE --flags --trust` starts where the author asks;
    the state panel lists the hidden choices and why, and the warnings; F3
    jumps to any node; an unknown flag is refused with the nearest name."""
    work = os.path.join(env.tmp, "debug")
    os.makedirs(work)
    path = os.path.join(work, FIXTURE + ".json")
    shutil.copy(env.args.framework, work)
    with open(env.args.fixture, encoding="utf-8") as f:
        good = f.read()
    gated = good.replace('"next": "end-good"',
                         '"next": "end-good", "requires": {"flags": ["explained"], '
                         '"trust_min": {"engineering": 60}}', 1)
    expect(gated != good, "fixture changed: no end-good to gate")
    with open(path, "w", encoding="utf-8") as f:
        f.write(gated)
    at_plan = os.path.join(env.tmp, "dbg-plan.json")
    at_jump = os.path.join(env.tmp, "dbg-jump.json")
    after = os.path.join(env.tmp, "dbg-after.json")
    shot = os.path.join(env.tmp, "dbg-panel.png")
    keys = (f"f2 shot:{shot} dump:{at_plan} f3 dump:{at_jump} down enter dump:{after}")
    base = [env.args.trustdaily, "play", path, "--date", DAY1, "--scenarios", env.scenarios,
            "--data-dir", env.data("debug-data"), "--size", SIZE]
    p = run_under_xvfb(env.args.xvfb_run, base + ["--from", "plan", "--trust", "engineering=40",
                                                  "--keys", keys, "--screenshot", shot],
                       env=env.env, timeout=60)
    expect(p.returncode == 0, f"exit {p.returncode}: {p.stderr}")
    with open(at_plan, encoding="utf-8") as f:
        plan = json.load(f)
    expect(plan["play"]["node"] == "plan" and plan["play"]["trust"] == {"engineering": 40} and
           plan["play"]["flags"] == [], f"not at 'plan' with the given trust: {plan['play']}")
    hidden = plan["playtest"]["hidden"]
    expect(hidden == [{"choice": 0, "reason": "needs flag 'explained'; engineering trust 40, "
                                              "needs at least 60"}],
           f"the hidden choice and its reason: {hidden}")
    expect(plan["playtest"]["warnings"] >= 1, f"no warning counted: {plan['playtest']}")
    env.check_screenshot(shot)
    with open(at_jump, encoding="utf-8") as f:
        expect(json.load(f)["screen"] == "jump", "F3 did not open the node list")
    with open(after, encoding="utf-8") as f:
        jumped = json.load(f)
    expect(jumped["screen"] == "play" and jumped["play"]["node"] == "intro" and
           jumped["play"]["trust"] == {"engineering": 40},
           f"the jump did not land on 'intro' with the start trust: {jumped['play']}")

    typo = run_under_xvfb(env.args.xvfb_run, base + ["--flags", "explaind"], env=env.env,
                          timeout=60)
    expect(typo.returncode == 1 and "did you mean 'explained'" in typo.stderr,
           f"an unknown flag: exit {typo.returncode}, {typo.stderr!r}")


def run_named_test(tests):
    """The command line every e2e script takes: the test's name, the binaries
    and the fixture; runs that test in a fresh Env and removes it after."""
    ap = argparse.ArgumentParser()
    ap.add_argument("test", choices=sorted(tests))
    ap.add_argument("--trustdaily", required=True)
    ap.add_argument("--checker", required=True)
    ap.add_argument("--xvfb-run", required=True, dest="xvfb_run")
    ap.add_argument("--fixture", required=True)
    ap.add_argument("--framework", required=True)
    args = ap.parse_args()
    env = Env(args)
    try:
        tests[args.test](env)
    finally:
        shutil.rmtree(env.tmp, ignore_errors=True)
    print("OK")


TESTS = {"daily": test_daily, "replay": test_replay, "mouse": test_mouse,
         "no-display": test_no_display, "playtest": test_playtest,
         "playtest-start-broken": test_playtest_start_broken,
         "on-screen": test_on_screen, "documents": test_documents,
         "playtest-debug": test_playtest_debug, "resume": test_resume}


if __name__ == "__main__":
    run_named_test(TESTS)
