#!/usr/bin/env python3
"""End-to-end tests of where the player is, "Copy result" and "Save card",
run by CTest under Xvfb (the harness and the fixture of e2e.py).

  e2e_share.py where|copy|card --trustdaily BIN --checker BIN --xvfb-run PATH
               --fixture SCENARIO.json --framework framework.json

"Copy result" is checked as a paste would see it: xclip, another X client,
asks the game for the clipboard while the game waits (--keys until:FILE),
since Xvfb has no clipboard manager to keep the text after the game exits.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e2e import DAY1, STRONG, WITH_MISSTEP, run_named_test  # noqa: E402
from harness import expect, fail, run_under_xvfb  # noqa: E402

COPY, SAVE = 40, 41  # the debrief's button actions


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def test_where(env):
    # The fixture: intro beat, "ask", "plan", then an ending: every path has
    # three scenes, so the count is exact.
    data = env.data("where")
    d = [os.path.join(env.tmp, f"where-{i}.json") for i in range(3)]
    dump = env.run(data, DAY1, f"enter dump:{d[0]} 1 dump:{d[1]} 2 enter dump:{d[2]} 1 enter")
    seen = [load(p)["play"]["where"] for p in d]
    expect(seen == ["Scene 1 of 3", "Scene 2 of 3", "Scene 3 of 3"], f"where: {seen}")
    expect(dump["play"]["finished"] and dump["play"]["where"] == "Scene 3 of 3",
           f"at the ending: {dump['play']['where']}")


def read_clipboard(ready, out, done, limit_s=30):
    """Run inside the game's X display: once the game is up (`ready`, a state
    dump it writes), xclip -o until the game owns the clipboard, the text to
    `out`, then `done` (which ends the game's wait). Not before `ready`: an
    X client coming and going while it is the server's only one makes Xvfb
    reset, and a game connecting just then finds no display."""
    end = time.monotonic() + limit_s
    text = None
    while not os.path.exists(ready) and time.monotonic() < end:
        time.sleep(0.02)
    while time.monotonic() < end:
        p = subprocess.run(["xclip", "-o", "-selection", "clipboard", "-target", "UTF8_STRING"],
                           capture_output=True, timeout=10)
        if p.returncode == 0 and p.stdout:
            text = p.stdout
            break
        time.sleep(0.05)
    with open(out, "wb") as f:
        f.write(text if text is not None else b"")
    open(done, "w").close()


def copy_and_read(env, data, date, keys):
    """Runs the game with `keys` then "c" (Copy result), and xclip beside it
    on the same display. Returns (the game's state dump, the text read)."""
    if shutil.which("xclip") is None:
        fail("xclip is missing: scripts/install-deps installs it")
    ready = os.path.join(env.tmp, "clipboard.ready.json")
    out = os.path.join(env.tmp, "clipboard.txt")
    done = os.path.join(env.tmp, "clipboard.done")
    dump = os.path.join(env.tmp, "copy.json")
    for f in (ready, out, done, dump):
        if os.path.exists(f):
            os.remove(f)
    game = [env.args.trustdaily, "--date", date, "--data-dir", data, "--scenarios", env.scenarios,
            "--size", "1280x800", "--keys", f"{keys} dump:{ready} c until:{done}",
            "--dump-state", dump, "--screenshot", os.path.join(env.tmp, "copy.png")]
    pair = [sys.executable, os.path.abspath(__file__), "pair", ready, out, done, json.dumps(game)]
    p = run_under_xvfb(env.args.xvfb_run, pair, env=env.env, timeout=90)
    if p.returncode != 0:
        fail(f"copy run exited {p.returncode}\n{p.stdout}\n{p.stderr}")
    with open(out, "rb") as f:
        text = f.read().decode("utf-8")
    with open(dump, encoding="utf-8") as f:
        return json.load(f), text


def cli_share(env, data, date):
    p = subprocess.run([env.args.trustdaily, "share", "--date", date, "--data-dir", data,
                        "--scenarios", env.scenarios], capture_output=True, text=True, env=env.env)
    return p.returncode, p.stdout, p.stderr


def test_copy(env):
    data = env.data("copy")
    # Nothing recorded yet: the CLI says so.
    code, _, err = cli_share(env, data, DAY1)
    expect(code == 1 and "no result for" in err, f"share before playing: {code} {err}")
    # The day's result with a misstep: the debrief offers Copy result, and a
    # paste gets exactly what `trustdaily share` prints for the day.
    dump, pasted = copy_and_read(env, data, DAY1, WITH_MISSTEP)
    expect(dump["screen"] == "debrief", f"ended on {dump['screen']}")
    code, printed, err = cli_share(env, data, DAY1)
    expect(code == 0, f"share exited {code}: {err}")
    expect(pasted == printed, f"pasted text differs from `trustdaily share`:\n{pasted!r}\n{printed!r}")
    expect(dump["share"]["copied"] == printed, f"dump: {dump['share']}")
    lines = printed.splitlines()
    # The fixture: a beat (no mark), "ask" misstep (-2), "plan" best (+2): 0 of 4.
    expect(lines[0] == f"Trust Daily {DAY1} \u00B7 0 %", f"first line: {lines[0]!r}")
    expect(lines[1] == "\U0001F7E5\U0001F7E9", f"marks: {lines[1]!r}")
    with open(env.args.fixture, encoding="utf-8") as f:
        scenario = json.load(f)
    words = set(re.findall(r"[a-z]{4,}", json.dumps(
        [scenario["title"], scenario["summary"], scenario["nodes"]], ensure_ascii=False).lower()))
    allowed = set(re.findall(r"[a-z]{4,}", "trust daily influence beats authority context "
                             "instruction transparency politics celebrate together absorb blame "
                             "generously"))
    leaked = (set(re.findall(r"[a-z]{4,}", printed.lower())) & words) - allowed
    expect(not leaked, f"scenario words in the share text: {leaked}")

    # A second play the same day is practice: no Copy result, and C copies nothing.
    dump = env.run(data, DAY1, f"{STRONG} c")
    expect(dump["screen"] == "debrief", f"practice ended on {dump['screen']}")
    actions = [b["action"] for b in dump["buttons"]]
    expect(COPY not in actions and SAVE not in actions, f"practice offers sharing: {actions}")
    expect(dump["share"]["copied"] == "", f"practice copied: {dump['share']}")


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    expect(head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG")
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")


def check_card(env, png):
    expect(png_size(png) == (1200, 675), f"card size {png_size(png)}")
    p = subprocess.run([env.args.checker, png, "--size", "1200x675", "--margin", "20",
                        "--min-ink", "0.03"], capture_output=True, text=True)
    print(p.stdout.strip())
    if p.returncode != 0:
        fail(f"card {png}: {p.stdout}{p.stderr}")
    m = re.search(r"background #([0-9A-F]{6})[0-9A-F]{2}, ink ([0-9.]+), colours (\d+), "
                  r"stddev ([0-9.]+)", p.stdout)
    expect(m is not None, f"checker output: {p.stdout}")
    expect(float(m.group(4)) > 10, f"card nearly uniform: {p.stdout}")
    rgb = bytes.fromhex(m.group(1))
    return sum(rgb) / 3  # the background's brightness


def test_card(env):
    data = env.data("card")
    brightness = {}
    for theme in ("light", "dark"):
        # The day recorded (light run), then opened again from home (D) for the dark one.
        keys = f"{WITH_MISSTEP} s" if theme == "light" else "d s"
        dump = env.run(data, DAY1, keys, extra=("--theme", theme))
        expect(dump["screen"] == "debrief", f"{theme}: ended on {dump['screen']}")
        card = dump["share"]["card"]
        want = os.path.join(data, "cards", f"trustdaily-{DAY1}-game-fixture-01.png")
        expect(card == want, f"card saved at {card!r}, not {want!r}")
        expect(os.path.isfile(card), f"no card at {card}")
        expect(not [f for f in os.listdir(os.path.dirname(card)) if "partial" in f],
               "a temporary file was left beside the card")
        brightness[theme] = check_card(env, card)
        shutil.copy(card, os.path.join(env.tmp, f"card-{theme}.png"))
    expect(brightness["dark"] < 80 < brightness["light"],
           f"the card does not follow the theme: {brightness}")


def pair(ready, out, done, game_json):
    """Under one display: the clipboard reader beside the game."""
    import multiprocessing
    reader = multiprocessing.Process(target=read_clipboard, args=(ready, out, done))
    reader.start()
    p = subprocess.run(json.loads(game_json), capture_output=True, text=True, timeout=80)
    reader.join(timeout=40)
    sys.stdout.write(p.stdout)
    sys.stderr.write(p.stderr)
    sys.exit(p.returncode)


TESTS = {"where": test_where, "copy": test_copy, "card": test_card}


def main():
    if len(sys.argv) == 6 and sys.argv[1] == "pair":
        pair(*sys.argv[2:])
        return
    run_named_test(TESTS)


if __name__ == "__main__":
    main()
