#!/usr/bin/env python3
"""Crash safety of progress saves: start a process that saves progress in a
loop, SIGKILL it at a random moment, and check the file loads and equals one
whole saved state. Repeats KILLS times (default 1000) in one folder, so each
round starts from the previous round's file. Prints the figures."""
import os, random, signal, subprocess, sys, tempfile, time

saver, kills = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1000
random.seed(20261123)
survived = empty = 0
highest = 0
with tempfile.TemporaryDirectory() as d:
    for i in range(kills):
        p = subprocess.Popen([saver, "save", d], stderr=subprocess.PIPE)
        time.sleep(random.uniform(0, 0.02))
        p.send_signal(signal.SIGKILL)
        p.wait()
        c = subprocess.run([saver, "check", d], capture_output=True, text=True)
        if c.returncode == 3 and highest == 0:
            empty += 1  # killed before its first save ever landed: nothing to lose
            continue
        if c.returncode != 0:
            print(f"round {i}: progress lost or mixed: {c.stdout.strip()} (exit {c.returncode})")
            sys.exit(1)
        highest = max(highest, int(c.stdout))
        survived += 1
        leftovers = [f for f in os.listdir(d) if f not in ("progress.json",)
                     and not f.startswith(".progress.json.tmp-")]
        if leftovers:
            print(f"round {i}: unexpected files {leftovers}")
            sys.exit(1)
print(f"kills: {kills}, file intact and whole after {survived}, "
      f"killed before any save: {empty}, highest state seen: {highest}")
