#!/usr/bin/env python3
"""Runs a command in a pseudo-terminal and answers its prompts, for the interactive tests.

usage: pty_drive.py STEPS_JSON -- CMD ARGS...   where STEPS_JSON is [[wait_for, send], ...]
A step ["@file", PATH] waits (up to 20 s) for PATH to exist before the next step, and a step
["@touch", PATH] makes PATH: together they let a test act while the command waits at a prompt.
Prints everything the command wrote; exits with its exit status."""
import os, pty, sys, time, select

import json
steps = json.loads(sys.argv[1]); cmd = sys.argv[3:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(cmd[0], cmd)
buf = b""
def read_until(pat, timeout=10):
    global buf
    end = time.time() + timeout
    while pat.encode() not in buf:
        if time.time() > end:
            raise SystemExit("timeout waiting for %r; got %r" % (pat, buf[-500:]))
        r, _, _ = select.select([fd], [], [], 0.1)
        if r:
            try: buf += os.read(fd, 4096)
            except OSError: break
for wait, send in steps:
    if wait == "@file":
        end = time.time() + 20
        while not os.path.exists(send):
            if time.time() > end:
                raise SystemExit("timeout waiting for the file %s" % send)
            time.sleep(0.05)
        continue
    if wait == "@touch":
        open(send, "w").close()
        continue
    read_until(wait)
    time.sleep(0.1)
    os.write(fd, send.encode())
while True:
    r, _, _ = select.select([fd], [], [], 5)
    if not r: break
    try:
        d = os.read(fd, 4096)
        if not d: break
        buf += d
    except OSError: break
_, status = os.waitpid(pid, 0)
sys.stdout.write(buf.decode(errors="replace"))
sys.exit(os.waitstatus_to_exitcode(status))
