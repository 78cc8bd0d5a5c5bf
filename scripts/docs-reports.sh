#!/usr/bin/env bash
# Rewrites docs/reports.md from real output of the release binary on examples/xiawo.
# Run from the repository root: scripts/docs-reports.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
# The binary is where cargo put it: CARGO_TARGET_DIR when set, else target/ here; GOV_BIN names
# another build (a debug one gives the same output).
if [ -z "${GOV_BIN:-}" ]; then cargo build --release --quiet; fi
G="${GOV_BIN:-${CARGO_TARGET_DIR:-$root/target}/release/gov}"
out="$root/docs/reports.md"
export_dir=$(mktemp -d)
trap 'rm -rf "$export_dir"' EXIT
cd examples/xiawo
# CSV on standard output ends its lines with CRLF; the Markdown keeps LF.
run() { echo '```'; echo "\$ gov $*"; "$G" "$@" --format table | sed 's/\r$//'; echo '```'; }
runhead() { local n=$1; shift; echo '```'; echo "\$ gov $* --format table | head -$n"; "$G" "$@" --format table | head -"$n" | sed 's/\r$//'; echo '```'; }
{
cat <<'EOF'
# Reports

<!-- Written by scripts/docs-reports.sh from real output on examples/xiawo; do not edit by hand. -->

Every report computes its figures first and then writes them in the format asked for:
`--format table` (the default on a terminal), `csv` (the default when piped), `json`, `md` or
`html` or `xlsx`; `-o FILE` writes a file and takes the format from its extension (`.csv`, `.json`,
`.md`, `.html`, `.txt`, `.xlsx`). HTML is one self-contained page (see [the monthly
page](#the-monthly-page-月报)); XLSX is a workbook with a sheet per table. `--lang zh|en` picks the language of headers, labels and messages (default: `GOV_LANG`,
else `lang` in gov.yaml, else the locale).
CSV written to a file starts with a UTF-8 BOM so Excel and WPS open it cleanly (`--no-bom` to
leave it out; `--bom` gives CSV on standard output one too, for `gov report > a.csv`); any text
cell starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` so a spreadsheet never runs
it as a formula. Phone numbers and door numbers are masked
(`138****1234`, `3号楼2单元***室`) unless `--unmask` is given; so are room numbers and mobiles
inside free text (problem titles and notes, visit summaries).

**XLSX** (`-o FILE.xlsx` or `--format xlsx`, for Excel and WPS) gives each report a sheet of
its own (a command that writes several tables, such as `household show`, writes several
sheets): a title row naming the report (with the community and the period where the report's
title has them), a bold header frozen in place, column widths that fit Chinese text, counts as
numbers, shares in percent format (`45.3%`, the number 0.453 underneath), dates as dates
(`yyyy-mm-dd`), and ids, phones and every other text as text cells, so `0138…` keeps its zero
and a long number never becomes `1.38E+10`. The totals row (合计) is bold on a grey ground
under a rule. Masking is the same as in every other format. Text is always a text cell, never
a formula, so a summary starting `=` or `-` is shown as written, without the `'` CSV needs.
`--format xlsx` on a terminal is refused (a workbook is a file: use `-o`); piped, it writes the
workbook's bytes.

The period is `--month YYYY-MM` (or `this-month`, `last-month`), `--year YYYY`, or
`--from DATE --to DATE` (inclusive); the current month by default. `--today DATE` (or
`GOV_TODAY`) fixes "today". What each figure counts is defined in [metrics.md](metrics.md).

**A folder with errors** (what `gov check` counts as errors: files that cannot be read, missing
or invalid fields, duplicate ids, dangling references, impossible event orders, cycles, dates
after today) never passes silently. Every report, list, `stats`, `due` and `export` still
prints what it can, but first names on stderr how many errors there are and the first three,
in the folder's language (`lang` in gov.yaml), and then exits 1, so that
`gov report -o x.csv && upload` stops:

```
警告：数据文件夹有 4 个错误，本次输出可能不完整：
  visits/2022-11.csv:5: error[dangling-reference] `member` refers to member `M999`, which does not exist
  visits/2022-11.csv:5: error[dangling-reference] `household` refers to household `H999`, which does not exist
  visits/2022-11.csv:6: error[dangling-reference] `household` refers to household `H888`, which does not exist
  ……另有 1 个；`gov check` 列出全部
退出码为 1：请先改正这些错误，或加 --allow-errors 仍然使用这些结果
```

`--allow-errors` accepts the output anyway: the same note (without its last line), exit 0.
`gov export` on such a folder writes nothing unless `--allow-errors` is given; with it, the
pack is marked incomplete (see [gov export](#gov-export--the-months-pack)). Dates after today
count as errors only against the real date: with `--today DATE` a report is as of that day,
and later records are its future, not mistakes.

**Control characters** in free text (a title or summary holding ESC, BEL, other C0 controls,
DEL or the C1 controls U+0080–U+009F) are never printed raw in a table or in Markdown, nor in
`gov check`'s findings: they show as visible escapes, `\e` for ESC, `\a` BEL, `\b`, `\f`,
`\r`, `\v`, `\0`, `\xNN` for the other C0 controls and DEL (`\x01`, `\x7f`),
`\u{NN}` for the C1 controls (`\u{9b}`). A title written `ESC ] 0 ; pwned BEL ESC [ 2 J` shows as
`\e]0;pwned\a\e[2J` instead of renaming the terminal window and clearing the screen. Tab
and line feed are kept (a table cell may hold several lines; Markdown turns a line feed into a
space). A backslash in the text is shown as it is. JSON and CSV are data and keep the text
as it is (JSON writes these characters as `\u001b` escapes by itself).

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
`--department`, `--overdue`, `--escalated`, `--meeting ID`, `--discussed`; the period flags
select by date received), with its
status, due date, days taken (to resolution, or to today while open) and latest step as of today.

EOF
run --today 2022-12-31 issue list --month 2022-12 --escalated --status open
cat <<'EOF'

`gov issue show ID` prints the record, the whole timeline with the status after each step, who
was summoned by each whistle and when they reported, and the meetings that discussed the problem
(JSON: `issue`, `timeline`, `summons`, `meetings`):

EOF
run --today 2022-12-31 issue show I-2022-0091
cat <<'EOF'

## gov report meetings — meetings and their decisions (会议与议事)

For the meetings held in the period, one row per meeting kind: meetings held, attendance (members
named plus residents counted), departments attending, and the decisions made, dropped, to carry
out (made − dropped), done, 落实率 (done ÷ to carry out), done on time, 按时落实率 (done on time ÷
to carry out), overdue and reported back to residents; a totals row. Then the same decision
figures for each owner: departments in gov.yaml order, then orgs, members, and decisions with no
owner. Statuses are as of the period's end, or today when that is earlier. Definitions are in
[metrics.md](metrics.md).

EOF
run --today 2022-12-31 report meetings --year 2022
# The heating case, found the way tests/xiawo.rs finds it (its id follows the generator's draws).
heating=$("$G" issue list --discussed --category heating --format csv --lang en | sed -n 2p | cut -d, -f1)
first_joint=$("$G" --today 2022-12-31 meeting list --kind party_joint --issue "$heating" --format csv --lang en | sed -n 2p | cut -d, -f1)
cat <<'EOF'

`gov meeting list` lists the meetings (filters: `--kind`, `--org`, `--issue`, `--open`,
`--overdue`, and the period flags), each with its decisions' progress as of today; `gov meeting
show ID` prints the meeting, its decisions and every step taken on them (JSON: `meeting`,
`decisions`, `steps`). The demo's heating problem went through three 党建联席会议, and `gov issue
show` lists them under the problem:

EOF
run --today 2022-12-31 meeting list --kind party_joint --issue "$heating"
echo
run --today 2022-12-31 meeting show "$first_joint"
echo
run --today 2022-12-31 issue show "$heating"
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

Each household is due its interval after its last visit: its colour's (`visit_interval_days`,
red 30, yellow 90, green 180 by default), or a tag's when shorter (`tag_interval_days`); a tag
set to `none` takes it off the list. Never visited, it is due one interval after its
registration date (`since`), else from the folder's first visit. 周期依据 / interval source
names the colour or the tag that set the interval; docs/metrics.md has the rules. Filters:
`--member`, `--grid`, `--color`; `--within N` adds households due in the next N days (7: this
week).

EOF
run --today 2022-12-31 due --member 朱鑫 --within 7
cat <<'EOF'

`--by member` gives each member's own page, to print and hand out at the monthly meeting: one
block per member with a household on the list, in the members file's order (a household with two
members is on both pages). In CSV and JSON it is one table with the member's id and name in
front of each row.

EOF
run --today 2022-12-31 due --by member --grid G-01-01-01
cat <<'EOF'

## gov household show — one household's card (居民信息工作台账)

Everything about one household: the record (door number and phones masked) with its schedule as
of today, its linked members with the visits each made, its colour history (`colors`), every
visit with its summary, every problem with its status, and the activities that served it (aid
received, services done). JSON holds the six under `household`, `members`, `colors`, `visits`,
`issues` and `activities`.

EOF
run --today 2022-12-31 household show H00102
cat <<'EOF'

## gov report stars — branch star ratings (五星支部)

Each branch's rating for the year under gov.yaml's `stars:` (on the demo, the Henan 100-point
scheme of `data-template/stars-henan-100.yaml`): rank, total, stars reached and earned, whether
it is a five-star branch; then each branch's points per star, and per criterion with the
rater's evidence and the figure gov computes beside it (never in its place). Branches not rated
are listed as 未评定. How stars are earned: [metrics.md](metrics.md).

EOF
run --today 2022-12-31 report stars --year 2022 | sed -n 1,20p; echo '```'
cat <<'EOF'

The per-star and per-criterion tables follow it (`--format csv` or `-o stars.csv` gives all
three).

## gov report reviews — member reviews (民主评议党员)

Grades by branch with the active members not reviewed, then each member's grade beside their own
联户 figures for the year.

EOF
run --today 2022-12-31 report reviews --year 2022 | sed -n 1,21p; echo '```'
cat <<'EOF'

## gov report reserves — reserve cadres (后备力量 / 红色雏雁)

The cadres in training at the period's end by political status, age band and education; then the
trainings attended in the period.

EOF
run --today 2022-12-31 report reserves --year 2022 | sed -n 1,21p; echo '```'
cat <<'EOF'

`gov project list` and `gov project show ID` list the secretaries' projects (书记攻关项目) with their
derived status; `gov reserve list` the reserve roster.

EOF
run --today 2022-12-31 project list
cat <<'EOF'

## gov org list — the organisations (组织架构)

The community's organisations as a tree: each org under its `parent`, one full-width space of
indent per level (so the tree reads the same when the CSV is opened in Excel), children in file
order. 党员数 counts the members whose `branch` or `unit` names the org, by id or by its exact
name. `--kind` (code or label) and `--grid` narrow it to a flat list.
EOF
run org list
cat <<'EOF'

## gov grid list — the grids (网格)

The three-level grid as a tree, indented as `gov org list` is: the community grid, its areas
and compounds, their buildings, children in file order. Each grid shows its level, parent and
leader (网格长), and 党员数 / 住户数: the members and households whose `grid` is that grid or
one under it. The total (合计) counts each member and household once, so in the full list it is
the community grid's row. `--grid` (id or name) lists that grid and those under it.
EOF
run grid list --grid 阳光新村
cat <<'EOF'

## gov member list — the party members' roster (党员花名册)

One row per member, in file order: kind, branch, grid, phone (masked), unit, the date they
registered with the community (报到, for in-service members), status, roles and 联系户数, the
households whose `contacts` name them. Filters, which combine: `--grid` (that grid or one
under it), `--branch` (an org's id or name, which takes in members naming it either way, or the
text the file holds), `--kind` and `--status` (code or label: `在职党员`, `已转出`).
EOF
run member list --grid G-01-01-01
cat <<'EOF'

## gov household list — the households' roster (住户花名册)

One row per household, in file order: address (door number masked), grid, head, phone
(masked), size, colour (三色管理), tags and the members linked to it. Filters, which combine:
`--grid` (that grid or one under it), `--color`, `--tag` (code or label: `独居老人`), and
`--member` (the households a member is linked to). In JSON the tags are a list of codes.
EOF
run household list --member 胡春丽
cat <<'EOF'

## gov report dual — the 双报到 ledger (双报到台账)

Per unit (工作单位) of the in-service members: how many there are, how many registered with the
community by the period's end (report-in rate), how many of those served in the period (service
rate), the activities they took part in, their hours and the problems they solved. Then one row
per in-service member: registration date and mode, grid, pledge, activities, hours, problems
solved, and whether the yearly target (`dual_report.hours_per_year` in gov.yaml) is met.
Definitions in [metrics.md](metrics.md#gov-report-dual-双报到台账). The first lines:
EOF
runhead 12 report dual --from 2022-10-01 --to 2022-12-31
cat <<'EOF'

## gov report service — volunteering and aid (志愿服务与帮扶)

Volunteers registered, on the roster (youth among them) and who served, their hours; the
period's activities, hours, households served and people given aid; then activities and hours by
organiser and by kind, people reached by beneficiary type, and the items handed out.
EOF
run report service --month 2022-07
cat <<'EOF'

## gov activity list — the activity ledger (活动台账)

One row per activity in the period, by date: kind, title, organiser and partners, grid, place,
members, volunteers and others who took part, hours, households served, people reached, items
and problems solved; a totals row. Filters: `--kind`, `--grid`, `--org`.
EOF
run activity list --month 2022-07 --kind aid
cat <<'EOF'

## gov volunteer list — the volunteer roster (志愿者花名册)

One row per volunteer, in file order: kind, org, grid, phone (masked), registration date,
status, skills, and the activities and hours served in the period. Filters: `--kind`,
`--status`, `--org`, `--grid`. The first lines:
EOF
runhead 8 volunteer list --year 2022
cat <<'EOF'

## The monthly page (月报)

`gov report --month M -o 月报-2022-10.html` (or `--format html`) writes the month as one HTML
page for the screen at the monthly meeting or to print and hand round. It is self-contained:
inline CSS, charts as inline SVG that gov draws itself, no script, font or anything else
fetched, so it opens with the network off. Text uses a CJK font stack (Noto Sans CJK SC, Source
Han Sans SC, PingFang SC, Microsoft YaHei, WenQuanYi Micro Hei…), headings a Song stack. It
prints on A4 in 2–4 pages: each printed page has the community and the period at its head and
its number at its foot, and no chart or table row is split across pages. It is masked like
every output (`--unmask` to show numbers in full).

The charts, each with a title, axis titles with units, and its numbers on hover (`<title>`)
and, where there is room, printed on the bars:

- visits per week by method, stacked (weeks Monday to Sunday, cut to the month);
- coverage by grid: linked households visited in the month / linked, sorted, with the
  community's rate as a dashed line (`gov report --by grid`'s 走访覆盖率);
- households overdue at the month's end by grid, stacked by colour (`gov due` as of the month's
  end);
- problems received and resolved per week;
- the rates 响应率, 按时办结率, 解决率, 满意率 and the meetings' 落实率 for the month, each
  with its target from gov.yaml's `targets` as a dashed mark;
- whistles by department, reported and not reported (`gov report whistles`);
- the year to date per month: visits and problems resolved (lines), coverage (line), and
  service hours when the folder keeps activities;

then the month's ledger tables: the headline figures (`gov stats`' period rows), the summary by
grid and whistles by department. Problems by category (`gov report issues`) is left to its own
report: its columns do not fit A4.

Every figure on the page is read from the same tables those reports print, and a test checks
each one against them. Patterns and labels tell series apart, not colour alone, so the page
reads on a black-and-white printer; red, yellow and green appear only for the three colours.
`--by grid`, `--by branch`, `--grid`, `--member` or a period that is not a month give the
summary table as a page instead. The demo's October 2022 page, as headless Chromium draws it
(`scripts/render-check.sh`):

![The demo's October 2022 monthly page](monthly-report-2022-10.png)

## gov export — the month's pack

EOF
echo '```'; echo '$ gov export --month 2022-10 --out /tmp/2022-10'
"$G" export --month 2022-10 --out "$export_dir" | sed "s|$export_dir|/tmp/2022-10|"; echo '```'
cat <<'EOF'

Each file is CSV with a BOM, ready to open in Excel or WPS and hand to the town, and
月报.html is [the monthly page](#the-monthly-page-月报);
`台账-2022-10.xlsx` (`pack-2022-10.xlsx` in English) holds the same reports in one workbook, a
sheet per report named as the files are: the workbook is what the town receives. The overdue
list is as of the month's end (or today, for the current month); 诉求办理 is `gov report issues
--by category` for the month; when the folder keeps activities or volunteers, 双报到台账 is `gov
report dual` and 志愿服务与帮扶 `gov report service` for the month.

A folder with errors exports nothing (exit 1, and the note above says so). With
`--allow-errors` the pack is written but marked incomplete: a file `未完成-INCOMPLETE.txt` in
the pack says how many errors the folder had and lists them as `gov check` does, every file's
title starts `【未完成：数据有 N 个错误】` (`[INCOMPLETE: the data has N errors]` in English),
and in CSV, which has no title, that is the first row, before the header (in the workbook, the
first row of every sheet, in red). Exporting a fixed
folder into the same place removes an old `未完成-INCOMPLETE.txt`.

With `--format parquet` (no `--month`), `gov export --out DIR` writes every record of the folder
instead, as a hive-partitioned Parquet dataset for DuckDB, Spark or Trino, masked unless
`--unmask`; docs/warehouse.md gives its schema and the SQL that reproduces `gov stats`.
EOF
} > "$out"
echo "wrote $out"
