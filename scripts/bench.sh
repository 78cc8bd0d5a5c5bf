#!/usr/bin/env bash
# The performance benchmark (issue 6): gov on the generated `district` folder (10,000 members,
# 200,000 households, 2,000,000 visits in 36 monthly CSVs, 60,000 issue YAML files) against the
# I/O floor (`cat` of the visit files) and the DuckDB CLI answering the same questions.
#
#   scripts/bench.sh                 # from the repository root; prints one table
#
# Environment:
#   GOV_BENCH_DIR    where the generated folders are kept   [~/.cache/gov-bench]
#   GOV_BENCH_RUNS   timed runs per command (median shown)  [5]
#   GOV_BENCH_PEER   the DuckDB peer script                 [../shared/bench/duckdb-peer.sh]
#   CARGO_TARGET_DIR the gov binary is ${CARGO_TARGET_DIR:-target}/release/gov
#
# Every command is a whole process, run once untimed (warm page cache, warm parse cache if any)
# and then GOV_BENCH_RUNS times; wall time is measured with bash's EPOCHREALTIME and peak RSS
# with GNU time (`/usr/bin/time -f %M`, installed with apt-get when missing). The script checks
# that gov and DuckDB give the same figures before it times anything. It takes a few minutes;
# it is not part of `cargo test`.
set -euo pipefail
cd "$(dirname "$0")/.."

cache=${GOV_BENCH_DIR:-$HOME/.cache/gov-bench}
runs=${GOV_BENCH_RUNS:-5}
target=${CARGO_TARGET_DIR:-target}
gov=$target/release/gov
peer=${GOV_BENCH_PEER:-../shared/bench/duckdb-peer.sh}
month=2024-06            # a middle month of the generated 2023-01 .. 2025-12
export GOV_TODAY=2025-12-31
export LC_ALL=C.UTF-8

if [[ ! -f $peer ]]; then
  echo "no DuckDB peer script at $peer: run from a checkout beside shared/, or set GOV_BENCH_PEER" >&2
  exit 2
fi

if [[ ! -x /usr/bin/time ]]; then
  echo "installing GNU time (for peak RSS)" >&2
  apt-get install -y -qq time >&2 || { apt-get update -qq >&2 && apt-get install -y -qq time >&2; }
fi

echo "building gov (release)…" >&2
cargo build --release --quiet --bin gov --example generate
generate=$target/release/examples/generate

# A folder is complete when its marker exists (gov ignores dotfiles).
ensure() {
  local scale=$1 dir=$cache/$1
  if [[ ! -f $dir/.bench-complete ]]; then
    echo "generating the $scale folder in $dir (once)…" >&2
    mkdir -p "$cache"
    "$generate" --scale "$scale" --out "$dir" --seed 1 --force >&2
    touch "$dir/.bench-complete"
  fi
}
ensure district
ensure half-district
ensure town
data=$cache/district
half=$cache/half-district
town=$cache/town

# ── Same figures from both tools ─────────────────────────────────────────────────────────────
stats_sql="WITH v AS (SELECT v.member, v.household, m.kind FROM {visits} v LEFT JOIN {members} m ON v.member = m.id)
SELECT coalesce(kind, 'total') AS kind, count(*) AS visits, count(DISTINCT member) AS members,
       count(DISTINCT household) AS households FROM v GROUP BY ROLLUP (kind) ORDER BY kind;"
month_sql="SELECT member, count(*) AS visits, count(DISTINCT household) AS households
FROM read_csv('$data/visits/$month.csv', header=true, all_varchar=true) GROUP BY member ORDER BY member;"

echo "checking that gov and DuckDB agree…" >&2
# gov: rows of (figure, resident, in-service, mobile, total) for the whole period.
"$gov" --data "$data" stats --from 2000-01-01 --format csv --lang en --no-bom >"$cache/gov-stats.csv"
gov_stats=$(tr -d '\r' <"$cache/gov-stats.csv" | awk -F, '$1=="period" && ($2=="visits (contacts)" || $2=="members who visited" || $2=="households visited") {print $2": "$3","$4","$5","$6}')
"$peer" "$data" sql "$stats_sql" | tr -d '\r' >"$cache/duck-stats.csv"
# DuckDB: one row per kind (in_service, mobile, resident, total); rearranged into gov's layout.
duck_stats=$(awk -F, 'NR>1 {v[$1]=$2; m[$1]=$3; h[$1]=$4}
  END {print "members who visited: "m["resident"]","m["in_service"]","m["mobile"]","m["total"];
       print "households visited: "h["resident"]","h["in_service"]","h["mobile"]","h["total"];
       print "visits (contacts): "v["resident"]","v["in_service"]","v["mobile"]","v["total"]}' "$cache/duck-stats.csv")
if [[ $(sort <<<"$gov_stats") != $(sort <<<"$duck_stats") ]]; then
  printf 'stats differ\ngov:\n%s\nduckdb:\n%s\n' "$gov_stats" "$duck_stats" >&2
  exit 1
fi
"$gov" --data "$data" report --month "$month" --format csv --lang en --no-bom >"$cache/gov-month.csv"
gov_month=$(tr -d '\r' <"$cache/gov-month.csv" | awk -F, 'NR>1 && $1!="Total" && $7>0 {print $1","$7","$5}' | sort)
duck_month=$("$peer" "$data" sql "$month_sql" | tr -d '\r' | tail -n +2 | sort)
if [[ "$gov_month" != "$duck_month" ]]; then
  echo "month figures differ (member,visits,households): see $cache/gov-month.csv" >&2
  diff <(echo "$gov_month") <(echo "$duck_month") | head >&2
  exit 1
fi
echo "  stats: $(tr '\n' ';' <<<"$gov_stats")" >&2
echo "  $month: $(wc -l <<<"$gov_month") members with visits, same counts" >&2

# ── Timing ───────────────────────────────────────────────────────────────────────────────────
# time_cmd NAME CMD…: median wall seconds and max peak RSS (MB) over $runs runs, after one
# untimed warm-up run.
declare -A median rss
time_cmd() {
  local name=$1; shift
  "$@" >/dev/null 2>&1 || true
  local times=() peak=0 i t0 t1 kb
  for ((i = 0; i < runs; i++)); do
    t0=$EPOCHREALTIME
    /usr/bin/time -f %M -o "$cache/rss" "$@" >/dev/null 2>&1 || true
    t1=$EPOCHREALTIME
    times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", b - a}')")
    kb=$(tail -1 "$cache/rss")
    ((kb > peak)) && peak=$kb
  done
  median[$name]=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  rss[$name]=$((peak / 1024))
  echo "  $name: ${median[$name]} s, ${rss[$name]} MB" >&2
}

echo "timing ($runs runs each)…" >&2
time_cmd "cat visits" sh -c "cat '$data'/visits/*.csv"
time_cmd "duckdb stats" "$peer" "$data" sql "$stats_sql"
time_cmd "duckdb month" "$peer" "$data" sql "$month_sql"
time_cmd "gov check" "$gov" --data "$data" check
if "$gov" check --help | grep -q -- --no-cache; then
  time_cmd "gov check --no-cache" "$gov" --data "$data" check --no-cache
fi
time_cmd "gov stats" "$gov" --data "$data" stats --from 2000-01-01 --format csv
time_cmd "gov report --month" "$gov" --data "$data" report --month "$month" --format csv
time_cmd "gov due" "$gov" --data "$data" due --format csv
time_cmd "gov stats (half)" "$gov" --data "$half" stats --from 2000-01-01 --format csv
# A town of 20 demo-sized communities (issue 20: warm, well under a second), each read from
# its own parse cache; its figures are 2022's.
time_cmd "gov stats, town of 20" "$gov" --data "$town" stats --year 2022 --format csv
time_cmd "gov report, town of 20" "$gov" --data "$town" report --month 2022-10 --format csv

# The warehouse (issue 20): gov's Parquet export of the whole folder (every kind, masked,
# written beside and renamed into place) against DuckDB's own import of the same folder's CSV
# files into Parquet (visits, members, households: DuckDB reads no YAML, so the issues and the
# other YAML kinds are gov's side only).
duck_import=$cache/duck-import
mkdir -p "$duck_import"
import_sql="COPY (SELECT * FROM {visits}) TO '$duck_import/visits.parquet' (FORMAT parquet);
COPY (SELECT * FROM {members}) TO '$duck_import/members.parquet' (FORMAT parquet);
COPY (SELECT * FROM read_csv('$data/households.csv', header=true, all_varchar=true))
  TO '$duck_import/households.parquet' (FORMAT parquet);"
time_cmd "duckdb csv import" "$peer" "$data" sql "$import_sql"
time_cmd "gov export parquet" "$gov" --data "$data" export --format parquet --out "$cache/warehouse" --force

# gov import of 10,000 visit rows from an XLSX (issue 18; target under 2 s): the demo's visits
# twice over with their summaries marked, so every row is new, after a title row; the workbook
# is made by LibreOffice from a CSV (skipped when soffice is missing). Timed as a preview: every
# row read, resolved and validated, nothing written, so each run does the same work.
if command -v soffice >/dev/null; then
  imp=$cache/import-10k
  rm -rf "$imp" && mkdir -p "$imp" && cp -r examples/xiawo "$imp/data" && rm -rf "$imp/data/.gov"
  python3 - "$imp" <<'PY'
import csv, glob, sys
rows = [r for f in sorted(glob.glob("examples/xiawo/visits/*.csv")) for r in list(csv.reader(open(f, encoding="utf-8-sig")))[1:]]
out = [r[:4] + [r[4] + tag] + r[5:] for tag in ("（补录一）", "（补录二）") for r in rows][:10000]
with open(sys.argv[1] + "/visits10k.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(["夏窝社区走访台账（补录）"] + [""] * 7)
    w.writerow(["走访日期", "走访党员", "走访户", "走访方式", "走访内容", "话题", "同行党员", "发现问题"])
    w.writerows(out)
PY
  (cd "$imp" && HOME="$imp" soffice --headless --infilter=CSV:44,34,76 --convert-to xlsx visits10k.csv >/dev/null 2>&1)
  time_cmd "gov import 10k xlsx" "$gov" --data "$imp/data" --today 2022-12-31 import "$imp/visits10k.xlsx" --kind visits
fi

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
cat_s=${median["cat visits"]}
printf '\n%s, %s, %s cores, %s runs each (median)\n\n' "$(date -u +%F)" "$(uname -m)" "$(nproc)" "$runs"
printf '| command | median s | peak RSS MB | gov ÷ DuckDB | gov ÷ cat |\n|---|---:|---:|---:|---:|\n'
for name in "cat visits" "duckdb stats" "duckdb month" "gov check" "gov check --no-cache" "gov stats" \
  "gov report --month" "gov due" "gov import 10k xlsx" "duckdb csv import" "gov export parquet" \
  "gov stats, town of 20" "gov report, town of 20"; do
  [[ -n ${median[$name]:-} ]] || continue
  case $name in
    "gov report --month") peer_s=${median["duckdb month"]} ;;
    "gov import 10k xlsx") peer_s=${median["duckdb stats"]} ;;
    *"town of 20") peer_s= ;;
    "gov export parquet") peer_s=${median["duckdb csv import"]} ;;
    gov*) peer_s=${median["duckdb stats"]} ;;
    *) peer_s= ;;
  esac
  vs_peer=—; vs_cat=—
  if [[ $name == gov* && -n $peer_s ]]; then
    vs_peer=$(ratio "${median[$name]}" "$peer_s")
    vs_cat=$(ratio "${median[$name]}" "$cat_s")
  fi
  printf '| %s | %s | %s | %s | %s |\n' "$name" "${median[$name]}" "${rss[$name]}" "$vs_peer" "$vs_cat"
done
printf '\nlinearity: gov stats at half scale %s s, full %s s: full ÷ half = %s (2.00 is linear)\n' \
  "${median["gov stats (half)"]}" "${median["gov stats"]}" "$(ratio "${median["gov stats"]}" "${median["gov stats (half)"]}")"
printf 'gov check, stats and due are compared with DuckDB'"'"'s all-visits stats query; report with its month query;\n'
printf 'gov export parquet with DuckDB'"'"'s import of the CSV files into Parquet.\n'
