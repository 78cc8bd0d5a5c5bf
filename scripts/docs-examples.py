#!/usr/bin/env python3
"""Rewrites the ```console blocks of README.zh-CN.md and docs/zh/*.md from real output.

Each block starts with `$ gov ARGS` (optionally `| head -N`); the rest of the block is replaced
by what the release binary prints on a copy of examples/xiawo (one copy per file, blocks in
order), with today 2022-12-31 and 100 columns, exactly as tests/docs_examples.rs runs them.
Run from anywhere: scripts/docs-examples.py (GOV_BIN=path/to/gov uses that binary instead of
building the release one: the output is the same).
"""
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

root = Path(__file__).resolve().parent.parent
if os.environ.get("GOV_BIN"):
    gov = Path(os.environ["GOV_BIN"]).resolve()
else:
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=root, check=True)
    target = Path(os.environ.get("CARGO_TARGET_DIR", root / "target"))
    gov = target / "release" / "gov"


def run(cwd, command):
    head = None
    if " | head -" in command:
        command, n = command.split(" | head -")
        head = int(n)
    words = shlex.split(command)
    assert words[0] == "gov", command
    env = {"PATH": os.environ.get("PATH", ""), "GOV_TODAY": "2022-12-31", "COLUMNS": "100"}
    p = subprocess.run([str(gov)] + words[1:], cwd=cwd, env=env, capture_output=True)
    text = p.stdout.decode("utf-8", "replace") + p.stderr.decode("utf-8", "replace")
    lines = [l.rstrip() for l in text.splitlines()]
    return lines[:head] if head is not None else lines


def rewrite(doc):
    lines = doc.read_text(encoding="utf-8").split("\n")
    with tempfile.TemporaryDirectory() as tmp:
        demo = Path(tmp) / "xiawo"
        shutil.copytree(root / "examples" / "xiawo", demo)
        out, i = [], 0
        while i < len(lines):
            out.append(lines[i])
            if lines[i].strip() == "```console":
                command = lines[i + 1][2:]
                out.append(lines[i + 1])
                i += 2
                while lines[i] != "```":
                    i += 1
                out.extend(run(demo, command))
                out.append("```")
            i += 1
    doc.write_text("\n".join(out), encoding="utf-8")


docs = [root / "README.zh-CN.md"] + sorted((root / "docs" / "zh").glob("*.md"))
for doc in docs:
    if doc.exists():
        rewrite(doc)
        print(f"rewrote {doc.relative_to(root)}", file=sys.stderr)
