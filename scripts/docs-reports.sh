#!/usr/bin/env bash
# Rewrites docs/reports.md from real output of the release binary on examples/xiawo.
# Run from the repository root: scripts/docs-reports.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
root=$PWD
# The binary is where cargo put it: CARGO_TARGET_DIR when set, else target/ here.
G="${CARGO_TARGET_DIR:-$root/target}/release/gov"
out="$root/docs/reports.md"
export_dir=$(mktemp -d)
trap 'rm -rf "$export_dir"' EXIT
cd examples/xiawo
run() { echo '```'; echo "\$ gov $*"; "$G" "$@" --format table; echo '```'; }
{
cat <<'EOF'
# Reports

<!-- Written by scripts/docs-reports.sh from real output on examples/xiawo; do not edit by hand. -->

Every report computes its figures first and then writes them in the format asked for:
`--format table` (the default on a terminal), `csv` (the default when piped), `json` or `md`;
`-o FILE` writes a file and takes the format from its extension (`.csv`, `.json`, `.md`,
`.txt`). `--lang zh|en` picks the language of headers and labels (default: `lang` in gov.yaml).
CSV written to a file starts with a UTF-8 BOM so Excel and WPS open it cleanly (`--no-bom` to
leave it out); any text cell starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` so a
spreadsheet never runs it as a formula. Phone numbers and door numbers are masked
(`138****1234`, `3号楼2单元***室`) unless `--unmask` is given; so are room numbers and mobiles
inside free text (problem titles and notes, visit summaries).

The period is `--month YYYY-MM` (or `this-month`, `last-month`), `--year YYYY`, or
`--from DATE --to DATE` (inclusive); the current month by default. `--today DATE` (or
`GOV_TODAY`) fixes "today". What each figure counts is defined in [metrics.md](metrics.md).

The examples below are real output on `examples/xiawo`, run from inside that folder.

## gov stats — headline figures

The period's rows (本期) come first, then the cumulative ones (累计: from the first record to
the period's end).

EOF
run stats --year 2022
cat <<'EOF'

In English, as CSV:

EOF
echo '```'; echo '$ gov stats --month 2022-10 --lang en --format csv'; "$G" stats --month 2022-10 --lang en --format csv; echo '```'
cat <<'EOF'

## gov report — the ledger summary (走访台账汇总)

One row per member (`--by member`, default), grid (`--by grid`) or branch (`--by branch`), with a
totals row; members without visits in the period come last. `--grid G` and `--member M` narrow
it (a grid takes in the grids below it).

EOF
run report --month 2022-10 --by branch
echo
run report --month 2022-10 --member 谢成峰
cat <<'EOF'

## gov report issues — problems raised by residents (群众诉求)

Received, resolved, open and overdue at the period's end, days to resolve, and the rates, each
right after its numerator and denominator: 响应率 (responded within `response_days` ÷ received),
按时办结率 (on time ÷ resolved), 回访率 (followed up ÷ resolved), 解决率 and 满意率 (÷ followed
up; `--count-basic` counts 基本满意 as satisfied), 重办率 (reopened ÷ resolved). For all problems
the figures are listed one per line:

EOF
run report issues --year 2022
cat <<'EOF'

`--by category|grid|department|source` gives one row per group and a totals row over all
problems; as CSV, in English:

EOF
echo '```'; echo '$ gov report issues --month 2022-10 --by category --lang en --format csv'; "$G" report issues --month 2022-10 --by category --lang en --format csv; echo '```'
cat <<'EOF'

## gov report whistles — whistle and report (吹哨报到)

For the whistles blown in the period, per department summoned: how often it reported and how
soon, and how many of its problems were resolved and how soon after the whistle. `--pending`
lists the summonses still unanswered.

EOF
run report whistles --year 2022
echo
run --today 2022-12-31 report whistles --year 2022 --pending
cat <<'EOF'

## gov issue list and gov issue show

Every problem unless filtered (`--status`, `--category`, `--grid`, `--household`,
`--department`, `--overdue`, `--escalated`; the period flags select by date received), with its
status, due date, days taken (to resolution, or to today while open) and latest step as of today.

EOF
run --today 2022-12-31 issue list --month 2022-12 --escalated --status open
cat <<'EOF'

`gov issue show ID` prints the record, the whole timeline with the status after each step, and who
was summoned by each whistle and when they reported (JSON: `issue`, `timeline`, `summons`):

EOF
run --today 2022-12-31 issue show I-2022-0091
cat <<'EOF'

## gov visit list — the detailed ledger (走访台账)

Filters: `--member`, `--household` (id, address fragment or head of household), `--grid`,
`--method`. A name that matches more than one record is refused with the candidates listed.
A room number or mobile inside a summary (走访内容) is masked like a door number
(`回访1号楼1单元***室，电话139****5678`) unless `--unmask`.

EOF
run visit list --month 2022-10 --grid 馨园里小区 --method 入户
cat <<'EOF'

## gov due — overdue visits (三色管理)

EOF
run --today 2022-12-31 due --member 谢成峰 --within 7
cat <<'EOF'

## gov org list — the organisations (组织架构)

The community's organisations as a tree: each org under its `parent`, one full-width space of
indent per level (so the tree reads the same when the CSV is opened in Excel), children in file
order. 党员数 counts the members whose `branch` or `unit` names the org, by id or by its exact
name. `--kind` (code or label) and `--grid` narrow it to a flat list.
EOF
run org list
cat <<'EOF'

## gov export — the month's pack

EOF
echo '```'; echo '$ gov export --month 2022-10 --out /tmp/2022-10'
"$G" export --month 2022-10 --out "$export_dir" | sed "s|$export_dir|/tmp/2022-10|"; echo '```'
cat <<'EOF'

Each file is CSV with a BOM, ready to open in Excel or WPS and hand to the town; the overdue
list is as of the month's end (or today, for the current month); 诉求办理 is `gov report issues
--by category` for the month.
EOF
} > "$out"
echo "wrote $out"
