#!/usr/bin/env python3
"""Instances running at once never lose a finished play.

  writers   ten progress_saver processes started together, each recording
            K plays into one progress.db: every play of every process is
            there, none twice;
  days      ten `trustdaily play --text` processes on ten dates, started
            together against one data folder, each playing its day to the
            end: `trustdaily history` lists ten days, a day whose process
            finished after a later day's is listed as late, and the streak
            counts only the daily ones. Repeated ROUNDS times.

Prints the figures (docs/reliability.md keeps them)."""
import argparse
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from harness import expect, fail, scenarios_folder  # noqa: E402

FIXTURE = "game-fixture-01"
BEST_PATH = "1\n2\n1\n"  # the fixture's best path, in the terminal
DATES = [f"2026-11-{d:02d}" for d in range(10, 20)]


def test_writers(args, tmp):
    data = os.path.join(tmp, "writers")
    os.makedirs(data)
    start = time.monotonic()
    procs = [subprocess.Popen([args.saver, "race", data, f"w{i}", str(args.plays)],
                              stderr=subprocess.PIPE, text=True) for i in range(10)]
    for i, p in enumerate(procs):
        err = p.communicate(timeout=120)[1]
        expect(p.returncode == 0, f"writer {i} failed: {err}")
    took = time.monotonic() - start
    db = sqlite3.connect(os.path.join(data, "progress.db"))
    rows = db.execute("SELECT scenario, count(*) FROM plays GROUP BY scenario").fetchall()
    decisions = db.execute("SELECT count(*) FROM decisions").fetchone()[0]
    db.close()
    counts = dict(rows)
    expect(counts == {f"w{i}": args.plays for i in range(10)}, f"plays per writer: {counts}")
    print(f"writers: 10 processes x {args.plays} plays at once: all {10 * args.plays} plays "
          f"recorded once each ({decisions} decision rows), {took:.1f} s")


def test_days(args, tmp, rounds):
    scenarios = scenarios_folder(tmp, args.fixture, args.framework)
    late_total = 0
    slowest = 0.0
    for r in range(rounds):
        data = os.path.join(tmp, f"days-{r}")
        os.makedirs(data)
        start = time.monotonic()
        procs = []
        for day in DATES:
            procs.append(subprocess.Popen(
                [args.trustdaily, "play", "--text", "--scenarios", scenarios, "--data-dir", data,
                 "--date", day], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.PIPE, text=True))
        # All started, then all given their answers (in a shuffled order) before
        # any is waited for: they finish together and record in any order.
        order = list(range(len(procs)))
        random.Random(1000 + r).shuffle(order)
        for i in order:
            procs[i].stdin.write(BEST_PATH)
            procs[i].stdin.close()
        outs = [(p.stdout.read(), p.stderr.read()) for p in procs]
        for p in procs:
            p.wait(timeout=120)
        slowest = max(slowest, time.monotonic() - start)
        for day, p, (out, err) in zip(DATES, procs, outs):
            expect(p.returncode == 0, f"round {r}, {day}: exit {p.returncode}\n{out[-600:]}{err}")
            said = out.strip().splitlines()[-1]
            expect(said.startswith(f"Day {day} complete.") or
                   said.startswith(f"Recorded as a late play of {day}"),
                   f"round {r}, {day}: {said}")
        h = subprocess.run([args.trustdaily, "history", "--format", "json", "--data-dir", data,
                            "--date", DATES[-1]], capture_output=True, text=True, timeout=60)
        expect(h.returncode == 0, f"history failed: {h.stderr}")
        history = json.loads(h.stdout)
        days = history["days"]
        expect([d["date"] for d in days] == DATES, f"round {r}: days listed {days}")
        for d in days:
            expect(d["scenario"] == FIXTURE and d["percent"] == 100 and d["total"] > 0 and
                   d["ending"] == "success" and d["missteps"] == 0 and d["retries"] == 0,
                   f"round {r}: {d}")
        late = [d["date"] for d in days if d["late"]]
        daily = [d["date"] for d in days if not d["late"]]
        # A day is late exactly when a later day was recorded before it.
        expect(all(any(x > day for x in daily) for day in late),
               f"round {r}: late {late} without a later daily among {daily}")
        expect(daily[-1] == DATES[-1], f"round {r}: the last date is not daily: {daily}")
        run = 0
        for day in reversed(DATES):
            if day not in daily:
                break
            run += 1
        expect(history["streak"] == run, f"round {r}: streak {history['streak']}, expected {run}")
        late_total += len(late)
        print(f"days, round {r + 1}: 10 processes on 10 dates at once: all 10 days listed, "
              f"{len(late)} late ({', '.join(d[-2:] for d in late) or 'none'}), streak "
              f"{history['streak']}")
    print(f"days: {rounds} rounds, {10 * rounds} plays, none lost; {late_total} recorded as late; "
          f"slowest round {slowest:.1f} s")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("test", choices=["writers", "days"])
    ap.add_argument("--saver")
    ap.add_argument("--trustdaily")
    ap.add_argument("--fixture", help="tests/game/fixtures/game-fixture-01.json")
    ap.add_argument("--framework")
    ap.add_argument("--plays", type=int, default=50)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="trustdaily-concurrency-")
    try:
        if args.test == "writers":
            test_writers(args, tmp)
        else:
            test_days(args, tmp, args.rounds)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("OK")


if __name__ == "__main__":
    main()
