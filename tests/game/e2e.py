#!/usr/bin/env python3
"""End-to-end tests of the window, run by CTest under Xvfb.

Each test drives the real `trustdaily` binary with --keys (the same input path
as the keyboard), then checks what it saved (progress.json), what it reports
with --dump-state, and the screenshot (via screenshot_check).

  e2e.py daily|replay|mouse|no-display --trustdaily BIN --checker BIN
         --xvfb-run PATH --fixture SCENARIO.json --framework framework.json
"""
import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

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
        # A random first display number keeps parallel runs (ctest -j, other
        # jobs on the machine) from racing for the same Xvfb display.
        cmd = [self.args.xvfb_run, "-a", "-n", str(random.randint(100, 4000)),
               "-s", "-screen 0 1280x800x24", self.args.trustdaily,
               "--date", date, "--data-dir", data_dir, "--scenarios", self.scenarios,
               "--size", SIZE, "--keys", keys, "--dump-state", dump,
               "--screenshot", screenshot or os.path.join(self.tmp, "last.png"), *extra]
        for _ in range(3):
            p = subprocess.run(cmd, env=self.env, capture_output=True, text=True, timeout=60)
            # xvfb-run -a can still lose a race for a display number (the
            # server fails to start, or goes away under us): try again.
            if "Xvfb failed to start" not in p.stderr and \
                    "Failed to open X11 display" not in p.stderr:
                break
        if p.returncode != 0:
            fail(f"trustdaily exited {p.returncode}\n{' '.join(cmd)}\n{p.stdout}\n{p.stderr}")
        with open(dump, encoding="utf-8") as f:
            return json.load(f)

    def progress(self, data_dir):
        with open(os.path.join(data_dir, "progress.json"), encoding="utf-8") as f:
            return json.load(f)

    def check_screenshot(self, png):
        p = subprocess.run([self.args.checker, png, "--size", SIZE, "--margin", "6"],
                           capture_output=True, text=True)
        print(p.stdout.strip())
        if p.returncode != 0:
            fail(f"screenshot {png}: {p.stdout}{p.stderr}")


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


def expect(cond, msg):
    if not cond:
        fail(msg)


def state_of(dump):
    play = dump["play"]
    expect(play is not None, "no play in progress")
    return {k: play[k] for k in ("scenario", "node", "finished", "flags", "trust", "totals",
                                 "total", "percent", "path")}


def test_daily(env):
    data = env.data("daily")
    png = os.path.join(env.tmp, "debrief.png")
    dump = env.run(data, DAY1, STRONG, png)
    expect(dump["screen"] == "debrief", f"ended on {dump['screen']}, not the debrief")
    expect(dump["play"]["finished"] and dump["play"]["node"] == "end-good", "not at the success")
    expect(dump["streak"] == 1, f"streak {dump['streak']} after the first day")
    prog = env.progress(data)
    expect(prog["version"] == 1, "progress has no format version 1")
    day = prog["days"].get(DAY1)
    expect(day and day["scenario"] == FIXTURE, f"day not recorded: {prog['days']}")
    res = day.get("result")
    expect(res and res["kind"] == "daily" and res["percent"] == 100 and
           res["ending"] == "success", f"day result wrong: {res}")
    env.check_screenshot(png)

    # A second play the same day is practice: the result stays.
    env.run(data, DAY1, WITH_MISSTEP)
    prog = env.progress(data)
    expect(prog["days"][DAY1]["result"]["percent"] == 100, "a second play changed the result")
    expect(len(prog["plays"]) == 2 and prog["plays"][1]["kind"] == "library",
           f"second play not recorded as practice: {prog['plays']}")

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
    expect(GAP_DAY in env.progress(data)["days"], "the day's scenario was not fixed when shown")
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
    prog = env.progress(data)
    plays = prog["plays"]
    expect(len(plays) == 2, f"expected the daily play and the replay, got {len(plays)}")
    expect(plays[0]["kind"] == "daily" and plays[0]["missteps"] == [1], f"first play: {plays[0]}")
    expect(plays[1]["kind"] == "replay", f"second play: {plays[1]}")
    fresh_rec = env.progress(os.path.join(env.tmp, "fresh"))["plays"][0]
    expect(plays[1]["path"] == fresh_rec["path"] and plays[1]["total"] == fresh_rec["total"],
           "the replay's record differs from the fresh play's")
    expect(prog["days"][DAY1]["result"]["percent"] == plays[0]["percent"],
           "the replay changed the day's result")
    expect(replayed["streak"] == 1, "the replay changed the streak")

    # From home: the misstep waits there; replaying it starts before the misstep.
    data = env.data("home-replay")
    env.run(data, DAY1, WITH_MISSTEP)
    dump = env.run(data, DAY1, "")
    labels = [b["label"] for b in dump["buttons"]]
    expect(any("Tell her the date is fixed" in l for l in labels),
           f"no misstep to replay on home: {labels}")
    idx = next(i for i, b in enumerate(dump["buttons"]) if "Tell her" in b["label"])
    b = dump["buttons"][idx]
    x, y = int(b["x"] + b["w"] / 2), int(b["y"] + b["h"] / 2)
    dump = env.run(data, DAY1, f"click:{x},{y} 2 enter 1 enter")
    expect(state_of(dump) == state_of(fresh), "replay from home differs from the fresh play")


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


def test_no_display(env):
    e = dict(env.env)
    e.pop("DISPLAY", None)
    p = subprocess.run([env.args.trustdaily, "--data-dir", env.data("nodisplay"),
                        "--scenarios", env.scenarios], env=e, capture_output=True, text=True)
    expect(p.returncode == 1, f"exit {p.returncode} without a display")
    lines = p.stderr.strip().splitlines()
    expect(len(lines) == 1 and "xvfb-run" in lines[0] and "play --text" in lines[0],
           f"message without a display: {p.stderr!r}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("test", choices=["daily", "replay", "mouse", "no-display"])
    ap.add_argument("--trustdaily", required=True)
    ap.add_argument("--checker", required=True)
    ap.add_argument("--xvfb-run", required=True, dest="xvfb_run")
    ap.add_argument("--fixture", required=True)
    ap.add_argument("--framework", required=True)
    args = ap.parse_args()
    env = Env(args)
    try:
        {"daily": test_daily, "replay": test_replay, "mouse": test_mouse,
         "no-display": test_no_display}[args.test](env)
    finally:
        shutil.rmtree(env.tmp, ignore_errors=True)
    print("OK")


if __name__ == "__main__":
    main()
