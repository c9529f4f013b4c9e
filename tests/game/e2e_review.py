#!/usr/bin/env python3
"""End-to-end test of the review drill in the window, run by CTest under Xvfb
(the harness and the fixture of e2e.py): a misstep of a daily play comes
back on a later day, home offers it once the day's scenario is done, R plays
it with the play and feedback screens, the answer is graded and saved, and
Enter goes back home.

  e2e_review.py drill --trustdaily BIN --checker BIN --xvfb-run PATH
                --fixture SCENARIO.json --framework framework.json
"""
import json
import os
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e2e import DAY1, DAY2, STRONG, WITH_MISSTEP, run_named_test  # noqa: E402
from harness import expect  # noqa: E402


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def items(data):
    db = sqlite3.connect(os.path.join(data, "progress.db"))
    db.row_factory = sqlite3.Row
    out = [dict(r) for r in db.execute("SELECT * FROM review_items ORDER BY id")]
    for i in out:
        i["log"] = [dict(r) for r in db.execute(
            "SELECT day, grade, choice, source FROM review_log WHERE item = ? ORDER BY id",
            (i["id"],))]
    plays = db.execute("SELECT count(*) FROM plays").fetchone()[0]
    db.close()
    return out, plays


def review_button(dump):
    return [b for b in dump["buttons"] if b["label"].startswith("Review now")]


def test_drill(env):
    data = env.data("drill")
    # Day 1: the daily play's misstep at "ask" becomes an item, due tomorrow.
    env.run(data, DAY1, WITH_MISSTEP)
    found, _ = items(data)
    expect(len(found) == 1 and found[0]["node"] == "ask" and found[0]["due_day"] == DAY2,
           f"item after day 1: {found}")
    dump = env.run(data, DAY1, "")
    expect(dump["review"] == {"open": 1, "due": 0, "drill": None}, f"day 1: {dump['review']}")
    expect(not review_button(dump), "a review offered before it is due")

    # Day 2: due, but offered only after the day's scenario.
    dump = env.run(data, DAY2, "")
    expect(dump["review"]["due"] == 1, f"day 2 before play: {dump['review']}")
    expect(not review_button(dump), "a review offered before today's scenario")
    dump = env.run(data, DAY2, STRONG + " escape")
    expect(dump["screen"] == "home" and len(review_button(dump)) == 1,
           f"no review offered after today's play: {dump['screen']}, "
           f"{[b['label'] for b in dump['buttons']]}")

    # R starts the drill at the misstep's scene; the best choice is Good.
    at_play = os.path.join(env.tmp, "drill-play.json")
    at_feedback = os.path.join(env.tmp, "drill-feedback.json")
    png = os.path.join(env.tmp, "drill-feedback.png")
    dump = env.run(data, DAY2, f"r dump:{at_play} 2 dump:{at_feedback} shot:{png} enter")
    play = load(at_play)
    expect(play["screen"] == "play" and play["play"]["node"] == "ask" and
           play["review"]["drill"]["of"] == 1, f"drill start: {play['screen']} {play['review']}")
    feedback = load(at_feedback)
    expect(feedback["screen"] == "feedback" and
           feedback["review"]["drill"]["result"].startswith("Good: the best choice here."),
           f"drill answer: {feedback['review']}")
    labels = [b["label"] for b in feedback["buttons"]]
    expect(not any(l.startswith("Try that again") for l in labels), f"retry in a review: {labels}")
    env.check_screenshot(png)
    expect(dump["screen"] == "home" and dump["play"] is None and dump["review"]["due"] == 0,
           f"after the drill: {dump['screen']} {dump['review']}")
    found, plays = items(data)
    expect(plays == 2, f"a review was recorded as a play: {plays} plays")
    log = found[0]["log"]
    expect([(e["day"], e["grade"], e["source"]) for e in log] ==
           [(DAY1, 1, "play"), (DAY2, 3, "review")], f"review log: {log}")
    due = found[0]["due_day"]
    expect(due > DAY2 and found[0]["status"] == "open", f"item after a good answer: {found[0]}")

    # On its due day, the misstep again: graded Again, back the next day.
    dump = env.run(data, due, STRONG + " escape r 1 dump:" + at_feedback + " enter")
    feedback = load(at_feedback)
    expect(feedback["review"]["drill"]["result"].startswith("Again: still a misstep."),
           f"drill answer on {due}: {feedback['review']}")
    found, _ = items(data)
    expect(found[0]["log"][-1]["grade"] == 1 and found[0]["lapses"] == 1,
           f"after the lapse: {found[0]}")


TESTS = {"drill": test_drill}


def main():
    run_named_test(TESTS)


if __name__ == "__main__":
    main()
