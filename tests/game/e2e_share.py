#!/usr/bin/env python3
"""End-to-end tests of where the player is, "Copy result" and "Save card",
run by CTest under Xvfb (the harness and the fixture of e2e.py).

  e2e_share.py where --trustdaily BIN --checker BIN --xvfb-run PATH
               --fixture SCENARIO.json --framework framework.json
"""
import argparse
import json
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e2e import DAY1, Env  # noqa: E402
from harness import expect  # noqa: E402


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


TESTS = {"where": test_where}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("test", choices=sorted(TESTS))
    ap.add_argument("--trustdaily", required=True)
    ap.add_argument("--checker", required=True)
    ap.add_argument("--xvfb-run", required=True, dest="xvfb_run")
    ap.add_argument("--fixture", required=True)
    ap.add_argument("--framework", required=True)
    args = ap.parse_args()
    env = Env(args)
    try:
        TESTS[args.test](env)
    finally:
        shutil.rmtree(env.tmp, ignore_errors=True)
    print("OK")


if __name__ == "__main__":
    main()
