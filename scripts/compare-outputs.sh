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
# `--no-cache`, in an empty working folder of its own, on a copy of the data folder in a temporary
# folder (nothing is written into the repository; the copies are checked to be untouched at the
# end). Today is 2022-10-31 for examples/xiawo; for a fixture it is the date its tests use
# (tests/common: 2023-01-01; the reports and issues fixtures: 2024-03-01 and 2024-04-10), so its
# reports cover its data instead of a period before it.
#
# Environment:
#   COMPARE_JOBS   cases run in parallel                     [nproc]
#   COMPARE_KEEP   1: keep the temporary folder even when all is the same
#   COMPARE_ONLY   only the data folders whose path (relative to the repository) matches this
#                  extended regex, e.g. 'xiawo|fixtures/reports'
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
repo=$(cd "$(dirname "$0")/.." && pwd)
jobs=${COMPARE_JOBS:-$(nproc 2>/dev/null || echo 2)}
only=${COMPARE_ONLY:-}
start=$EPOCHREALTIME

work=$(mktemp -d "${TMPDIR:-/tmp}/gov-compare.XXXXXX")
keep=${COMPARE_KEEP:-0}
cleanup() { if [[ $keep != 1 ]]; then rm -rf "$work"; fi; }
trap cleanup EXIT
mkdir -p "$work/data" "$work/cwd" "$work/res/before" "$work/res/after"

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
langs=("" zh en)
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

  # Reports: each in every format, in the folder's language and in zh and en.
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
  for v in "${variants[@]}"; do
    for fmt in "${formats[@]}"; do
      for l in "${langs[@]}"; do
        # shellcheck disable=SC2086
        add "$f" "$t" $v --format "$fmt" ${l:+--lang $l}
      done
    done
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
    for l in "${langs[@]}"; do
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
# Usage errors and help, once (they do not read a folder).
x=examples/xiawo
tx=$(today_for $x)
add "$x" "$tx" stats --month 2022-13
add "$x" "$tx" report --month 2022-10 --year 2022
add "$x" "$tx" --help
for c in check stats report "report issues" "report whistles" due "visit list" "issue list" "issue show" export; do
  # shellcheck disable=SC2086
  add "$x" "$tx" $c --help
done

# ── Running ──────────────────────────────────────────────────────────────────────────────────
# run_case LINE: runs one case with both binaries. A case that writes files (export, -o) runs in
# an empty working folder of its own, at the same path for both binaries so that relative paths in
# messages match, and what it leaves there is kept for the diff; the others run in $work/empty,
# which is checked to be still empty at the end.
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
    (cd "$cwd" && exec env -i PATH=/usr/bin:/bin LC_ALL=C.UTF-8 GOV_TODAY="$today" GOV_NO_CACHE=1 \
      timeout 120 "$bin" --no-cache --data "$data" "${args[@]}") \
      >"$work/res/$side/$id.out" 2>"$work/res/$side/$id.err" </dev/null || rc=$?
    echo "$rc" >"$work/res/$side/$id.rc"
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
  (while IFS= read -r line; do run_case "$line"; done <"$c") &
done
wait

# ── Comparing ────────────────────────────────────────────────────────────────────────────────
# One diff over both result trees names every differing file; the cases are then read from it.
declare -A bad
while IFS= read -r line; do
  case $line in
    "Files $work/res/before/"*)
      rel=${line#"Files $work/res/before/"}
      id=${rel%%[./]*}
      rest=${rel#"$id"}
      case $rest in
        .out\ *) what=stdout ;;
        .err\ *) what=stderr ;;
        .rc\ *) what="exit $(<"$work/res/before/$id.rc")→$(<"$work/res/after/$id.rc")" ;;
        *) what=files ;;
      esac
      ;;
    "Only in $work/res/"*)
      rel=${line#"Only in $work/res/"}
      rel=${rel#*/}                # past before/ or after/
      rel=${rel/: /\/}             # "dir: name" → dir/name
      id=${rel%%[./]*}
      what=files
      ;;
    *) continue ;;
  esac
  [[ ${bad[$id]:-} == *"$what"* ]] || bad[$id]="${bad[$id]:+${bad[$id]} }$what"
done < <(diff -rq "$work/res/before" "$work/res/after" 2>&1 || true)

same=0 differ=0 shown=0
while IFS= read -r line; do
  IFS=$'\t' read -r -a fields <<<"$line"
  id=${fields[0]}
  label="${fields[1]}  gov ${fields[*]:3}  [exit $(<"$work/res/before/$id.rc")]"
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
        for s in out err rc; do
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

secs=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN {printf "%.1f", b - a}')
echo
echo "before: $before"
echo "after:  $after"
echo "$total cases over ${#folders[@]} folders in ${secs}s: $same same, $((total - same)) differ ($untouched of ${#folders[@]} data folders untouched)"
if ((differ > 0)); then
  keep=1
  echo "outputs kept in $work/res/{before,after}/NNNNN.{out,err,rc,files}; cases in $work/cases"
  exit 1
fi
