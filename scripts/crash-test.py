#!/usr/bin/env python3
"""Kills every writing command of gov at random moments and checks that nothing is lost.

usage: crash-test.py GOV_BINARY DEMO_FOLDER [RUNS]        (scripts/crash-test.sh runs it)

For each command: one clean run on a copy of the demo folder gives the new state. Then RUNS times
(200 by default): the copy is put back to the old state, the command is started and sent SIGKILL
after a random delay (every other run between 0 and 1.2 times its clean run's time, the others
in the last third of it, where the writing happens), and then
  1. every data file (everything outside .gov/) is byte for byte its old or its new content, and
     no other file has appeared;
  2. `gov check` finds no errors;
  3. running the command again, to the end, gives exactly the new state (the next writer undoes a
     half batch first, and a command whose record is already there writes nothing).
Prints, per command, how many kills landed before anything was written, part-way (some files
new, some old: only a batch can be), and after the write, and every failure. Exits 1 on any.
"""
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gov_state import TODAY, after_stop, batch_rows, commands, gov, restore, snapshot  # noqa: E402


def main():
    binary, demo = os.path.abspath(sys.argv[1]), sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    rng = random.Random(int(os.environ.get("CRASH_SEED", "20261202")))
    scratch = tempfile.mkdtemp(prefix="gov-crash-")
    batch = os.path.join(scratch, "batch.csv")
    with open(batch, "w", encoding="utf-8") as f:
        f.write(batch_rows())
    failures = 0
    print(f"{'command':<22} {'runs':>5} {'before':>7} {'part-way':>9} {'after':>6} {'failed':>7}  clean run")
    for name, args in commands(batch).items():
        root = os.path.join(scratch, "folder")
        if os.path.exists(root):
            shutil.rmtree(root)
        shutil.copytree(demo, root)
        old = snapshot(root)
        times = []
        for _ in range(3):
            start = time.monotonic()
            done = gov(binary, root, args)
            times.append(time.monotonic() - start)
            if done.returncode != 0:
                sys.exit(f"{name}: the clean run failed: {done.stderr.decode(errors='replace')}")
            new = snapshot(root)
            restore(root, old)
        clean = sorted(times)[1]
        counts = {"before": 0, "part-way": 0, "after": 0, "failed": 0}
        for run in range(runs):
            restore(root, old)
            proc = subprocess.Popen([binary, "--data", root, "--today", TODAY, *args],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            # Half the kills anywhere in the run, half in its last third, where the writing is.
            time.sleep(rng.uniform(0, clean * 1.2) if run % 2 else rng.uniform(clean * 0.65, clean * 1.05))
            try:
                proc.send_signal(signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait()
            now = snapshot(root)
            changed = [p for p in old.keys() | new.keys() if old.get(p) != new.get(p)]
            state = ("before" if all(now.get(p) == old.get(p) for p in changed)
                     else "after" if all(now.get(p) == new.get(p) for p in changed) else "part-way")
            problems = after_stop(binary, root, args, old, new)
            if problems:
                counts["failed"] += 1
                failures += 1
                print(f"  {name} run {run} ({state}): " + "; ".join(problems))
            counts[state] += 1
        print(f"{name:<22} {runs:>5} {counts['before']:>7} {counts['part-way']:>9} {counts['after']:>6} "
              f"{counts['failed']:>7}  {clean * 1000:.0f} ms", flush=True)
    shutil.rmtree(scratch)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
