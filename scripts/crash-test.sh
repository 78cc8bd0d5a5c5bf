#!/usr/bin/env bash
# The kill test of docs/recording.md: every writing command (visit add, alone and a 20,000-row
# batch over two months; household set-color, link and unlink; member add; issue add; an issue
# event; member edit, member set-status, household edit, visit edit, issue amend) is killed with
# SIGKILL at random moments, RUNS times each, on a copy of the demo folder.
# After every kill each data file must be its old or its new content, `gov check` must pass, and
# running the command again must give the state of one clean run. See scripts/crash-test.py.
#
#   scripts/crash-test.sh [RUNS]        # 200 by default; CRASH_SEED=N for another sequence
#
# Needs python3 (standard library only). Takes some minutes on two cores.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
exec python3 scripts/crash-test.py target/release/gov examples/xiawo "${1:-200}"
