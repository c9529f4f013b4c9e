#!/usr/bin/env python3
"""A simulated month in the window, run by CTest under Xvfb: a new player
plays the fixture's daily scenario from 2 June to 1 July 2025 with --date,
skipping some days. A missed day uses a freeze and home says so; two missed
days without a freeze reset the streak and home says so, keeping the best;
the History screen shows each day's status, opens a played day's debrief
(by mouse), and plays a missed day from the archive (by keyboard) as a late
play that leaves the streak as it was.

  e2e_month.py month --trustdaily BIN --checker BIN --xvfb-run PATH
               --fixture SCENARIO.json --framework framework.json
"""
import datetime
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e2e import STRONG, WITH_MISSTEP, run_named_test  # noqa: E402
from harness import expect  # noqa: E402

START = datetime.date(2025, 6, 2)  # a Monday
MISSED = {"2025-06-09", "2025-06-11", "2025-06-12", "2025-06-20"}
# From the debrief, Escape goes back to the screen the play was opened from.
PLAY_FROM_HISTORY = "1 2 enter 1 enter"  # STRONG without the Enter that leaves home


def days():
    for i in range(30):
        yield (START + datetime.timedelta(days=i)).isoformat()


def calendar(dump):
    """Calendar day -> its label ("9 F", "10 D 100%"), from the buttons shown."""
    out = {}
    for b in dump["buttons"]:
        first = b["label"].split(" ")[0]
        if first.isdigit() and len(b["label"].split(" ")) >= 2:
            out[int(first)] = b["label"]
    return out


def click(button):
    return f"click:{int(button['x'] + button['w'] / 2)},{int(button['y'] + button['h'] / 2)}"


def test_month(env):
    data = env.data("month")
    notices = {}
    for n, day in enumerate(days()):
        if day in MISSED:
            continue
        # What home says as it opens, before the day is played; then the play.
        opened = os.path.join(env.tmp, "opened.json")
        keys = f"dump:{opened} " + (WITH_MISSTEP if n % 3 == 0 else STRONG) + " escape"
        dump = env.run(data, day, keys)
        expect(dump["screen"] == "home", f"{day}: ended on {dump['screen']}")
        with open(opened, encoding="utf-8") as f:
            home = json.load(f)
        notices[day] = (home["streak_notice"], dump["streak"], dump["best_streak"],
                        dump["freezes"])
        expect(env.day_result(data, day)["kind"] == "daily", f"{day}: not the daily result")

    # 9 June missed after seven days played: the freeze earned on the 8th kept the streak.
    notice, streak, best, freezes = notices["2025-06-10"]
    expect(streak == 8 and freezes == 0, f"10 June: streak {streak}, freezes {freezes}")
    expect("freeze" in notice and "9 Jun" in notice, f"10 June says: {notice!r}")
    # 11 and 12 June missed with no freeze left: the streak starts again, best kept.
    notice, streak, best, freezes = notices["2025-06-13"]
    expect(streak == 1 and best == 8, f"13 June: streak {streak}, best {best}")
    expect("ended" in notice and "Best: 8" in notice, f"13 June says: {notice!r}")
    # 20 June missed after seven more days: frozen again.
    notice, streak, best, freezes = notices["2025-06-21"]
    expect(streak == 8 and "freeze" in notice and "20 Jun" in notice,
           f"21 June: streak {streak}, says {notice!r}")
    last = "2025-07-01"
    _, streak_before, best_before, _ = notices[last]
    expect(streak_before == 18 and best_before == 18, f"1 July: {notices[last]}")

    # History on 1 July, last month (PgUp): a letter per status.
    dump = env.run(data, last, "h pageup")
    expect(dump["screen"] == "history", f"H opened {dump['screen']}")
    june = calendar(dump)
    expect(june.get(9, "").startswith("9 F") and june.get(20, "").startswith("20 F"),
           f"frozen days: {june.get(9)}, {june.get(20)}")
    expect(june.get(11, "").startswith("11 M") and june.get(12, "").startswith("12 M"),
           f"missed days: {june.get(11)}, {june.get(12)}")
    expect(june.get(10) == "10 D 100%" and june.get(2) == "2 D 0%" and
           june.get(1, "").strip() == "1", f"played days: {june}")

    # A played day opens its debrief, by mouse.
    ten = next(b for b in dump["buttons"] if b["label"] == "10 D 100%")
    dump = env.run(data, last, "h pageup " + click(ten))
    expect(dump["screen"] == "debrief" and dump["play"]["day"] == "2025-06-10" and
           dump["play"]["kind"] == "daily", f"clicking 10 June opened {dump['screen']}")

    # A missed day plays from the archive, by keyboard (1 June is selected
    # after PgUp; 11 June is ten days on): late, the streak unchanged.
    plays_before = len(env.plays(data))
    png = os.path.join(env.tmp, "archive.png")
    keys = "h pageup " + "right " * 10 + f"enter {PLAY_FROM_HISTORY} shot:{png} escape"
    dump = env.run(data, last, keys)
    env.check_screenshot(png)
    expect(dump["screen"] == "history", f"after the archive play: {dump['screen']}")
    archived = env.day_result(data, "2025-06-11")
    expect(archived is not None and archived["kind"] == "late",
           f"11 June after the archive play: {archived}")
    expect(len(env.plays(data)) == plays_before + 1, "the archive play was not recorded once")
    expect(dump["streak"] == streak_before and dump["best_streak"] == best_before,
           f"the archive play moved the streak: {dump['streak']} (best {dump['best_streak']})")
    expect(calendar(dump).get(11) == "11 L 100%", f"11 June now: {calendar(dump).get(11)}")

    # An archive play left mid-way is saved under its own day and resumes
    # from the calendar where it was left (12 June: past the first decision).
    dump = env.run(data, last, "h pageup " + "right " * 11 + "enter 1 2 enter escape enter")
    expect(dump["screen"] == "history" and env.day_result(data, "2025-06-12") is None,
           f"leaving the archive play of 12 June: {dump['screen']}")
    dump = env.run(data, last, "h pageup " + "right " * 11)
    labels = [b["label"] for b in dump["buttons"]]
    expect("Resume it from the archive (Enter)" in labels, f"12 June offers: {labels}")
    dump = env.run(data, last, "h pageup " + "right " * 11 + "enter")
    play = dump["play"]
    expect(dump["screen"] == "play" and play["day"] == "2025-06-12" and play["archive"] and
           play["node"] == "plan" and play["kind"] == "late",
           f"12 June again: {dump['screen']} {play}")
    expect(dump["streak"] == streak_before, f"the archive resume moved the streak: {dump['streak']}")


TESTS = {"month": test_month}


def main():
    run_named_test(TESTS)


if __name__ == "__main__":
    main()
