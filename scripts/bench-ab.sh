#!/usr/bin/env bash
# Before/after on the district folder, interleaved: the two builds take turns run by run, so that
# the drift of a shared machine falls on both alike (bench.sh runs one build's commands in a
# block; on this machine its medians move by ±20% from one run of the script to the next).
#
#   scripts/bench-ab.sh BEFORE_GOV AFTER_GOV      # e.g. a baseline worktree's build, target/release/gov
#
# Environment:
#   GOV_BENCH_DIR   where bench.sh keeps the generated folders  [~/.cache/gov-bench]
#   AB_RUNS         timed runs per build and command             [15]
#
# Each build gets its own copy of the district folder (`district` and `district-ab`), since a
# parse cache written by one build is never read by another. Per command: one untimed run of each,
# then AB_RUNS alternating timed runs, then one run of each under GNU time for peak RSS. Prints
# the medians, AFTER ÷ BEFORE, and peak RSS. Run bench.sh once first: it generates the folder.
set -euo pipefail
if [[ $# -ne 2 ]]; then
  echo "usage: $0 BEFORE_GOV AFTER_GOV" >&2
  exit 2
fi
before=$1 after=$2
cache=${GOV_BENCH_DIR:-$HOME/.cache/gov-bench}
runs=${AB_RUNS:-15}
a=$cache/district b=$cache/district-ab
if [[ ! -f $a/.bench-complete ]]; then
  echo "no district folder in $cache: run scripts/bench.sh once first" >&2
  exit 2
fi
# A fresh copy is too new for the cache (files changed in the last 2 s are not kept): let it settle.
[[ -d $b ]] || { cp -a "$a" "$b" && sleep 3; }
export GOV_TODAY=2025-12-31 LC_ALL=C.UTF-8

seconds() { local s=$EPOCHREALTIME; "$@" >/dev/null 2>&1 || true; local e=$EPOCHREALTIME; echo "$e $s" | awk '{printf "%.4f", $1 - $2}'; }
rss_mb() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.0f", $1 / 1024}'; }
median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

printf '| command | before s | after s | after ÷ before | before MB | after MB |\n|---|---:|---:|---:|---:|---:|\n'
for name in "check" "stats" "check --no-cache"; do
  case $name in
    check) args=(check) ;;
    stats) args=(stats --from 2000-01-01 --format csv) ;;
    "check --no-cache") args=(check --no-cache) ;;
  esac
  "$before" --data "$a" "${args[@]}" >/dev/null 2>&1 || true
  "$after" --data "$b" "${args[@]}" >/dev/null 2>&1 || true
  tb=() ta=()
  for _ in $(seq "$runs"); do
    tb+=("$(seconds "$before" --data "$a" "${args[@]}")")
    ta+=("$(seconds "$after" --data "$b" "${args[@]}")")
  done
  mb=$(printf '%s\n' "${tb[@]}" | median) ma=$(printf '%s\n' "${ta[@]}" | median)
  printf '| gov %s | %.3f | %.3f | %.3f | %s | %s |\n' "$name" "$mb" "$ma" "$(echo "$ma $mb" | awk '{print $1 / $2}')" \
    "$(rss_mb "$before" --data "$a" "${args[@]}")" "$(rss_mb "$after" --data "$b" "${args[@]}")"
done
