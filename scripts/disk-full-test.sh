#!/usr/bin/env bash
# The disk-full test of docs/recording.md: every writing command runs on a small tmpfs left with
# no room, 4 KiB, 64 KiB and 512 KiB; each data file must stay its old or its new content, no
# temporary file may be left, and once there is room the folder checks clean and the command run
# again gives the state of one clean run. See scripts/disk-full-test.py.
#
#   scripts/disk-full-test.sh            # as root: mounts (and unmounts) a 16 MiB tmpfs itself
#   scripts/disk-full-test.sh MOUNT      # any user: MOUNT is an empty small file system you made
#
# Needs python3 (standard library only).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
if [[ $# -ge 1 ]]; then
  mount=$1
elif [[ $(id -u) -eq 0 ]]; then
  mount=$(mktemp -d /tmp/gov-disk-full.XXXXXX)
  mount -t tmpfs -o size=16m gov-disk-full "$mount"
  trap 'umount "$mount" && rmdir "$mount"' EXIT
else
  echo "run as root (the script mounts a tmpfs), or give an empty small file system: $0 MOUNT" >&2
  exit 2
fi
python3 scripts/disk-full-test.py target/release/gov examples/xiawo "$mount"
