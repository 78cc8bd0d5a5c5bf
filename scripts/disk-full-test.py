#!/usr/bin/env python3
"""Runs every writing command of gov on a nearly full file system and checks that nothing is lost.

usage: disk-full-test.py GOV_BINARY DEMO_FOLDER MOUNT        (scripts/disk-full-test.sh runs it)

MOUNT is an empty, small file system (the shell script mounts a tmpfs there). The demo folder is
copied onto it; then, for each command and for each amount of free space left (none, 4 KiB,
64 KiB, 512 KiB), a filler file takes the rest of the space, the command runs, and
  1. every data file (everything outside .gov/) is byte for byte its old or its new content, no
     other file has appeared, and .gov/tmp holds nothing;
  2. with the filler removed, `gov check` finds no errors;
  3. running the command again gives exactly the state of one clean run.
Prints per command how many runs failed for want of space, how many fitted, and every problem.
"""
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gov_state import after_stop, batch_rows, commands, gov, restore, snapshot  # noqa: E402

FREE = [0, 4 << 10, 64 << 10, 512 << 10]


def fill(mount, leave):
    """Writes a filler file until only `leave` bytes are free."""
    path = os.path.join(mount, "filler")
    st = os.statvfs(mount)
    free = st.f_bavail * st.f_frsize
    with open(path, "wb") as f:
        chunk = b"\0" * (1 << 20)
        todo = max(free - leave, 0)
        try:
            while todo > 0:
                todo -= f.write(chunk[: min(len(chunk), todo)])
            f.flush()
            os.fsync(f.fileno())
        except OSError:
            pass
    return path


def main():
    binary, demo, mount = os.path.abspath(sys.argv[1]), sys.argv[2], sys.argv[3]
    # The batch lives outside the small file system: only gov's writes should meet a full disk.
    batch = os.path.join(os.path.dirname(binary), "disk-full-batch.csv")
    with open(batch, "w", encoding="utf-8") as f:
        f.write(batch_rows())
    root = os.path.join(mount, "folder")
    failures = 0
    print(f"{'command':<22} {'runs':>5} {'no room':>8} {'fitted':>7} {'failed':>7}")
    for name, args in commands(batch).items():
        if os.path.exists(root):
            shutil.rmtree(root)
        shutil.copytree(demo, root)
        old = snapshot(root)
        if gov(binary, root, args).returncode != 0:
            sys.exit(f"{name}: the clean run failed")
        new = snapshot(root)
        counts = {"no room": 0, "fitted": 0, "failed": 0}
        for leave in FREE:
            restore(root, old)
            filler = fill(mount, leave)
            run = gov(binary, root, args)
            counts["fitted" if run.returncode == 0 else "no room"] += 1
            tmp = os.path.join(root, ".gov", "tmp")
            left = os.listdir(tmp) if os.path.isdir(tmp) else []
            os.remove(filler)
            problems = after_stop(binary, root, args, old, new)
            if left:
                problems.append(f".gov/tmp holds {left}")
            if problems:
                counts["failed"] += 1
                failures += 1
                print(f"  {name} with {leave} bytes free: " + "; ".join(problems))
        print(f"{name:<22} {len(FREE):>5} {counts['no room']:>8} {counts['fitted']:>7} {counts['failed']:>7}",
              flush=True)
    os.remove(batch)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
