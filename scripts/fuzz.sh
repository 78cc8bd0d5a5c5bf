#!/usr/bin/env bash
# Runs every fuzz target in fuzz/ for SECONDS each (default 600), one after another.
# Installs cargo-fuzz first if it is missing; needs the nightly toolchain.
# A crash or disagreement stops the run; its input is saved in fuzz/artifacts/<target>/.
set -euo pipefail
seconds="${1:-600}"
cd "$(dirname "$0")/../fuzz"
if ! cargo fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz
fi
for target in $(cargo +nightly fuzz list); do
    echo "== $target: ${seconds}s"
    cargo +nightly fuzz run "$target" -- -max_total_time="$seconds" -max_len=65536
done
