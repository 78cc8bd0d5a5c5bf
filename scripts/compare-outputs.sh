#!/usr/bin/env bash
# Compares two gov binaries command by command: every read-only report in every output format and
# language, over the demo folder examples/xiawo, every folder under tests/fixtures that holds a
# gov.yaml (the deliberately broken ones too: their check output and exit code are compared) and
# the data-template. For each case it runs both binaries and compares stdout, stderr, the exit
# status and any files the command wrote (export, -o FILE). Use it to show that a refactor
# changes no output.
#
#   scripts/compare-outputs.sh BEFORE_GOV AFTER_GOV    # e.g. an old build against target/release/gov
#   scripts/compare-outputs.sh GOV GOV                 # sanity run: a binary against itself
#
# It prints one line per case (`same` or `DIFF`, the folder and the arguments) and a summary, and
# exits 0 when every case is the same, 1 when any differs, 2 on a usage error. On a difference the
# outputs are kept (the path is printed) and the first lines of each differing diff are shown.
#
# Every run is pinned: `env -i PATH=/usr/bin:/bin LC_ALL=C.UTF-8 GOV_TODAY=… GOV_NO_CACHE=1` and
# `--no-cache`, in an empty working folder, on a copy of the data folder in a temporary folder:
# nothing is written into the repository, and the copies and working folders are checked at the
# end to hold nothing new. Today is 2022-10-31 for examples/xiawo (plus a few cases as of
# 2022-12-31, when its data is clean); for a fixture it is the date its tests use (tests/common:
# 2023-01-01; the reports and issues fixtures: 2024-03-01 and 2024-04-10), so that its reports
# cover its data rather than a period before it.
#
# Environment:
#   COMPARE_JOBS   cases run in parallel                     [nproc]
#   TMPDIR         where the copies and outputs go (~300 MB) [/tmp]; /dev/shm is a little faster
#   COMPARE_KEEP   1: keep the temporary folder even when all is the same
#   COMPARE_ONLY   only the data folders whose path (relative to the repository) matches this
#                  extended regex, e.g. 'xiawo|fixtures/reports'
#   COMPARE_REPO   the checkout whose examples/, tests/fixtures/ and data-template/ are used
#                  [this script's]; e.g. BEFORE's worktree when a commit between the two builds
#                  changed the demo data
#
# Commands that only one binary has (`gov org list` came after some builds) are named on stderr;
# `org list` is compared when both binaries have it.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 BEFORE_GOV AFTER_GOV" >&2
  exit 2
fi
for b in "$1" "$2"; do
  if [[ ! -x $b || -d $b ]]; then
    echo "$b: not an executable file" >&2
    exit 2
  fi
done
before=$(realpath "$1")
after=$(realpath "$2")
repo=$(cd "${COMPARE_REPO:-$(dirname "$0")/..}" && pwd)
jobs=${COMPARE_JOBS:-$(nproc 2>/dev/null || echo 2)}
only=${COMPARE_ONLY:-}
start=$EPOCHREALTIME

work=$(mktemp -d "${TMPDIR:-/tmp}/gov-compare.XXXXXX")
keep=${COMPARE_KEEP:-0}
cleanup() { if [[ $keep != 1 ]]; then rm -rf "$work"; fi; }
trap cleanup EXIT
mkdir -p "$work/data" "$work/cwd" "$work/res/before" "$work/res/after"

# Subcommands (and `org` when present) that one binary has and the other not.
subcommands() { "$1" --help 2>/dev/null | awk '/^Commands:/ {on = 1; next} on && /^  [a-z]/ {print $1} on && /^$/ {exit}'; }
only_in=$(diff <(subcommands "$before") <(subcommands "$after") | sed -n 's/^< /before: /p; s/^> /after: /p' | tr '\n' ' ' || true)
[[ -n $only_in ]] && echo "commands in only one binary (not compared): $only_in" >&2
has_org_list=0
if "$before" org list --help >/dev/null 2>&1 && "$after" org list --help >/dev/null 2>&1; then has_org_list=1; fi

# ── The data folders ─────────────────────────────────────────────────────────────────────────
folders=(examples/xiawo)
while IFS= read -r f; do folders+=("${f%/gov.yaml}"); done < <(cd "$repo" && find tests/fixtures -name gov.yaml | LC_ALL=C sort)
[[ -f $repo/data-template/gov.yaml ]] && folders+=(data-template)
if [[ -n $only ]]; then
  kept=()
  for f in "${folders[@]}"; do [[ $f =~ $only ]] && kept+=("$f"); done
  folders=("${kept[@]}")
fi
if [[ ${#folders[@]} -eq 0 ]]; then
  echo "no data folders (COMPARE_ONLY=$only)" >&2
  exit 2
fi

# today and the month of each folder's reports.
today_for() {
  case $1 in
    examples/xiawo) echo 2022-10-31 ;;
    tests/fixtures/reports) echo 2024-03-01 ;;
    tests/fixtures/issues) echo 2024-04-10 ;;
    *) echo 2023-01-01 ;;
  esac
}
month_for() {
  case $1 in
    examples/xiawo) echo 2022-10 ;;
    tests/fixtures/reports) echo 2024-01 ;;
    tests/fixtures/issues) echo 2024-03 ;;
    *)
      # The latest month with a visits file, else the month before the tests' today.
      local m
      m=$(find "$repo/$1/visits" -type f 2>/dev/null | grep -oE '[0-9]{4}-[0-9]{2}\.(csv|yaml)$' | cut -c1-7 | LC_ALL=C sort | tail -1 || true)
      echo "${m:-2022-12}"
      ;;
  esac
}
# The first id in a members/grids file (CSV: first field of the second line; YAML: first `id:`).
first_id() {
  local dir=$1 base=$2 f
  for f in "$dir/$base.csv" "$dir/$base.yaml"; do
    [[ -f $f ]] || continue
    case $f in
      *.csv) sed -n 2p "$f" | tr -d '\r' | sed 's/^\xEF\xBB\xBF//' | cut -d, -f1 || true ;;
      *.yaml) { grep -m1 -oE '^-?[[:space:]]*id:[[:space:]]*[^[:space:]#]+' "$f" || true; } | sed -E 's/.*id:[[:space:]]*//' ;;
    esac
    return
  done
}
first_issue() {
  local f id
  while IFS= read -r f; do
    id=$(grep -m1 -oE '^id:[[:space:]]*[^[:space:]#]+' "$f" | sed -E 's/^id:[[:space:]]*//' || true)
    if [[ -n $id ]]; then
      echo "$id"
      return
    fi
  done < <(find "$1/issues" -type f -name '*.yaml' 2>/dev/null | LC_ALL=C sort)
}

# ── The cases ────────────────────────────────────────────────────────────────────────────────
# One line per case in $work/cases: number, folder, today, then the arguments, tab-separated.
formats=(table csv json md)
n=0
add() { # FOLDER TODAY ARG…
  n=$((n + 1))
  local IFS=$'\t'
  printf '%05d\t%s\n' "$n" "$*" >>"$work/cases"
}
: >"$work/cases"
for f in "${folders[@]}"; do
  d=$work/data/${f//\//__}
  mkdir -p "$d"
  cp -a "$repo/$f/." "$d/"
  t=$(today_for "$f")
  m=$(month_for "$f")
  y=${m%-*}
  member=$(first_id "$d" members)
  grid=$(first_id "$d" grids)
  issue=$(first_issue "$d")

  for a in "" "--format json" "--strict" "--format json --strict" "--format text"; do
    # shellcheck disable=SC2086
    add "$f" "$t" check $a
  done

  # Reports: each in every format, in the folder's language (zh in all but invalid-value, whose
  # lang is wrong) and in en; and in zh as a table.
  variants=(
    "stats" "stats --year $y" "stats --month $m" "stats --from 2000-01-01"
    "report" "report --month $m" "report --month $m --by grid" "report --month $m --by branch"
    "report issues" "report issues --year $y" "report issues --year $y --count-basic"
    "report issues --year $y --by category" "report issues --year $y --by grid"
    "report issues --year $y --by department" "report issues --year $y --by source"
    "report whistles" "report whistles --year $y" "report whistles --year $y --pending"
    "due" "due --within 30"
    "visit list" "visit list --month $m" "visit list --year $y --method home"
    "issue list" "issue list --status open" "issue list --overdue" "issue list --escalated"
    "issue list --year $y --status resolved,closed"
  )
  if [[ -n $grid ]]; then
    variants+=("report --month $m --grid $grid" "due --grid $grid" "visit list --month $m --grid $grid" "issue list --grid $grid")
  fi
  if [[ -n $member ]]; then
    variants+=("report --month $m --member $member" "due --member $member" "visit list --year $y --member $member")
  fi
  [[ -n $issue ]] && variants+=("issue show $issue")
  if ((has_org_list)); then
    variants+=("org list" "org list --kind branch")
    [[ -n $grid ]] && variants+=("org list --grid $grid")
  fi
  for v in "${variants[@]}"; do
    for fmt in "${formats[@]}"; do
      # shellcheck disable=SC2086
      add "$f" "$t" $v --format "$fmt"
      # shellcheck disable=SC2086
      add "$f" "$t" $v --format "$fmt" --lang en
    done
    # shellcheck disable=SC2086
    add "$f" "$t" $v --format table --lang zh
  done
  # Without --format (piped: CSV), unmasked, and written to a file (format from the extension;
  # a BOM on CSV unless --no-bom).
  for v in "stats --year $y" "report --month $m" "due" "visit list --month $m" "issue list"; do
    # shellcheck disable=SC2086
    add "$f" "$t" $v
    # shellcheck disable=SC2086
    add "$f" "$t" $v --format csv --unmask
  done
  [[ -n $issue ]] && add "$f" "$t" issue show "$issue" --unmask --format table
  for o in r.csv r.json r.md r.txt; do
    add "$f" "$t" report --month "$m" -o "$o"
  done
  add "$f" "$t" report --month "$m" -o r.csv --no-bom
  add "$f" "$t" stats --year "$y" -o s.csv --lang en
  # export: every format and language, then the options.
  for fmt in csv json md; do
    for l in "" zh en; do
      # shellcheck disable=SC2086
      add "$f" "$t" export --month "$m" --out pack --format "$fmt" ${l:+--lang $l}
    done
  done
  add "$f" "$t" export --month "$m" --out pack --no-bom
  add "$f" "$t" export --month "$m" --out pack --unmask --lang en
  # Errors after loading.
  add "$f" "$t" issue show NO-SUCH-ISSUE --format table
  add "$f" "$t" report --month "$m" --member NO-SUCH-MEMBER
done
# examples/xiawo is also checked as of 2022-12-31, the date tests/xiawo.rs uses: its data runs to
# the end of 2022, so as of 2022-10-31 the events of November and December are future-date errors
# and the clean check is only seen here.
for f in "${folders[@]}"; do
  [[ $f == examples/xiawo ]] || continue
  for a in "" "--format json" "--strict"; do
    # shellcheck disable=SC2086
    add "$f" 2022-12-31 check $a
  done
  for v in "stats --year 2022" "report" "report issues --year 2022" "report whistles --year 2022 --pending" "due" "issue list --status open"; do
    # shellcheck disable=SC2086
    add "$f" 2022-12-31 $v --format json
  done
done
# Usage errors and help, once (they do not read a folder).
x=${folders[0]}
tx=$(today_for $x)
add "$x" "$tx" stats --month 2022-13
add "$x" "$tx" report --month 2022-10 --year 2022
add "$x" "$tx" --help
help_for=(check stats report "report issues" "report whistles" due "visit list" "issue list" "issue show" export)
((has_org_list)) && help_for+=("org list")
for c in "${help_for[@]}"; do
  # shellcheck disable=SC2086
  add "$x" "$tx" $c --help
done

# ── Running ──────────────────────────────────────────────────────────────────────────────────
# run_case LINE WORKER: runs one case with both binaries; the exit statuses go to
# $work/rc.{before,after}.WORKER as "id status" lines. A case that writes files (export, -o) runs
# in an empty working folder of its own, at the same path for both binaries so that relative paths
# in messages match, and what it leaves there is kept for the diff; the others run in
# $work/empty, which is checked to be still empty at the end.
shopt -s nullglob dotglob
mkdir "$work/empty"
run_case() {
  local fields id folder today
  IFS=$'\t' read -r -a fields <<<"$1"
  id=${fields[0]} folder=${fields[1]} today=${fields[2]}
  local args=("${fields[@]:3}")
  local data=$work/data/${folder//\//__} cwd=$work/empty writes=0 side bin rc left
  if [[ " ${args[*]} " == *" export "* || " ${args[*]} " == *" -o "* ]]; then
    writes=1 cwd=$work/cwd/$id
  fi
  for side in before after; do
    [[ $side == before ]] && bin=$before || bin=$after
    ((writes)) && mkdir "$cwd"
    rc=0
    if ((writes)); then
      (cd "$cwd" && exec env -i PATH=/usr/bin:/bin LC_ALL=C.UTF-8 GOV_TODAY="$today" GOV_NO_CACHE=1 \
        timeout 120 "$bin" --no-cache --data "$data" "${args[@]}") \
        >"$work/res/$side/$id.out" 2>"$work/res/$side/$id.err" </dev/null || rc=$?
    else # the worker is already in $work/empty
      env -i PATH=/usr/bin:/bin LC_ALL=C.UTF-8 GOV_TODAY="$today" GOV_NO_CACHE=1 \
        timeout 120 "$bin" --no-cache --data "$data" "${args[@]}" \
        >"$work/res/$side/$id.out" 2>"$work/res/$side/$id.err" </dev/null || rc=$?
    fi
    echo "$id $rc" >>"$work/rc.$side.$2"
    if ((writes)); then
      left=("$cwd"/*)
      if ((${#left[@]})); then mv "$cwd" "$work/res/$side/$id.files"; else rmdir "$cwd"; fi
    fi
  done
}

total=$(wc -l <"$work/cases")
echo "running $total cases over ${#folders[@]} folders, $jobs at a time…" >&2
# Round-robin chunks, one worker each; the slow folder (examples/xiawo) is spread over all.
split -n "r/$jobs" "$work/cases" "$work/chunk."
for c in "$work"/chunk.*; do
  (cd "$work/empty" && while IFS= read -r line; do run_case "$line" "${c##*.}"; done <"$c") &
done
wait
ran=$EPOCHREALTIME

# ── Comparing ────────────────────────────────────────────────────────────────────────────────
# One diff over both result trees names every differing file; the cases are then read from it.
declare -A bad rc_before rc_after
while read -r id rc; do rc_before[$id]=$rc; done < <(cat "$work"/rc.before.*)
while read -r id rc; do rc_after[$id]=$rc; done < <(cat "$work"/rc.after.*)
while IFS= read -r line; do
  case $line in
    "Files $work/res/before/"*)
      rel=${line#"Files $work/res/before/"}
      id=${rel%%[./]*}
      rest=${rel#"$id"}
      case $rest in
        .out\ *) what=stdout ;;
        .err\ *) what=stderr ;;
        *) what=files ;;
      esac
      ;;
    "Only in $work/res/"*)
      rel=${line#"Only in $work/res/"}
      rel=${rel/: /\/}             # "before/00042.files: x.csv" → "before/00042.files/x.csv"
      rel=${rel#*/}                # past before/ or after/
      id=${rel%%[./]*}
      what=files
      ;;
    *) continue ;;
  esac
  [[ ${bad[$id]:-} == *"$what"* ]] || bad[$id]="${bad[$id]:+${bad[$id]} }$what"
done < <(diff -rq "$work/res/before" "$work/res/after" 2>&1 || true)
for id in "${!rc_before[@]}"; do
  if [[ ${rc_before[$id]} != "${rc_after[$id]:-none}" ]]; then
    bad[$id]="${bad[$id]:+${bad[$id]} }exit ${rc_before[$id]}→${rc_after[$id]:-none}"
  fi
done

same=0 differ=0 shown=0
while IFS= read -r line; do
  IFS=$'\t' read -r -a fields <<<"$line"
  id=${fields[0]}
  label="${fields[1]}  gov ${fields[*]:3}  [today ${fields[2]}, exit ${rc_before[$id]:-none}]"
  if [[ -z ${bad[$id]:-} ]]; then
    same=$((same + 1))
    echo "same  $label"
  else
    differ=$((differ + 1))
    echo "DIFF  $label  (${bad[$id]})"
    if ((shown < 10)); then
      shown=$((shown + 1))
      b=$work/res/before/$id a=$work/res/after/$id
      {
        for s in out err; do
          cmp -s "$b.$s" "$a.$s" || diff -u --label "before $s" --label "after $s" "$b.$s" "$a.$s" | head -20
        done
        if [[ -e $b.files || -e $a.files ]]; then diff -r "$b.files" "$a.files" 2>&1 | head -20; fi
      } | sed 's/^/      /' || true
    fi
  fi
done <"$work/cases"

# Nothing may be written but what a case asked for: the data folders are as they were (no parse
# cache, no stray file) and the shared working folder is still empty.
untouched=0
for f in "${folders[@]}"; do
  if diff -r "$repo/$f" "$work/data/${f//\//__}" >/dev/null 2>&1; then
    untouched=$((untouched + 1))
  else
    differ=$((differ + 1))
    echo "DIFF  $f  (the copy of the data folder was changed by a run)"
    diff -r "$repo/$f" "$work/data/${f//\//__}" 2>&1 | head -5 | sed 's/^/      /' || true
  fi
done
left=("$work/empty"/*)
if ((${#left[@]})); then
  differ=$((differ + 1))
  echo "DIFF  a run wrote into its working folder: ${left[*]##*/}"
fi

secs=$(awk -v a="$start" -v r="$ran" -v b="$EPOCHREALTIME" 'BEGIN {printf "%.1f", b - a}')
awk -v a="$start" -v r="$ran" -v b="$EPOCHREALTIME" 'BEGIN {printf "ran in %.1fs, compared in %.1fs\n", r - a, b - r}' >&2
echo
echo "before: $before"
echo "after:  $after"
other=$((differ - (total - same)))
echo "$total cases over ${#folders[@]} folders in ${secs}s: $same same, $((total - same)) differ$( ((other)) && echo ", $other stray writes")" \
  "($untouched of ${#folders[@]} data folders untouched)"
if ((differ > 0)); then
  keep=1
  echo "outputs kept in $work/res/{before,after}/NNNNN.{out,err,files}, exit statuses in $work/rc.*; cases in $work/cases"
  exit 1
fi
