#!/usr/bin/env bash
# A real spreadsheet program reads what gov writes (issue 18): LibreOffice headless opens the
# month's pack of examples/xiawo, the XLSX workbook and the CSV files, and this checks that the
# values it reads back are gov's, Chinese intact.
#
# - The workbook 台账-2022-10.xlsx is converted to CSV, every sheet (`-1`), cells as shown;
#   each sheet must hold, row for row, the same cells as gov's CSV of that report (title rows
#   aside, and a CSV's `'` guard against formulas aside: the workbook keeps such text as text).
# - Each CSV is opened with an explicit UTF-8 filter (`--infilter=CSV:44,34,76`: comma, double
#   quote, UTF-8; headless conversion ignores the BOM otherwise) and saved as CSV again: the
#   cells must come back as they were.
#
# LibreOffice is installed when missing (apt-get, as root; ~20 s). GOV_BIN picks the binary
# (default target/debug/gov, built if missing). Exit 1 on any difference.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
gov="${GOV_BIN:-$root/target/debug/gov}"
[[ -x "$gov" ]] || cargo build --manifest-path "$root/Cargo.toml" --quiet
if ! command -v soffice >/dev/null; then
    echo "excel-check: installing LibreOffice Calc" >&2
    apt-get install -y --no-install-recommends libreoffice-calc-nogui >/dev/null
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export HOME="$work/home"   # LibreOffice's profile, fresh and out of the way
mkdir -p "$HOME"

"$gov" --data "$root/examples/xiawo" --today 2022-12-31 --lang zh export --month 2022-10 --out "$work/pack" >/dev/null
book="$work/pack/台账-2022-10.xlsx"
# Cells as shown (token 9), every sheet to book-<sheet>.csv (token 12 = -1).
soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' \
    --outdir "$work/book" "$book" >/dev/null 2>&1
mkdir -p "$work/csv"
for f in "$work/pack"/*.csv; do
    cp "$f" "$work/csv/in-$(basename "$f")"
done
(cd "$work/csv" && soffice --headless --infilter=CSV:44,34,76 \
    --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false' \
    --outdir "$work/csv/out" in-*.csv >/dev/null 2>&1)

python3 - "$work" <<'EOF'
import csv, io, pathlib, sys
work = pathlib.Path(sys.argv[1])
GUARD = ("=", "+", "-", "@", "\t", "\r")

def rows(path):
    text = path.read_text(encoding="utf-8-sig")
    out = []
    for r in csv.reader(io.StringIO(text)):
        while r and r[-1] == "":
            r.pop()
        if r:
            out.append(r)
    return out

def pct(cell):
    try:
        return float(cell[:-1]) if cell.endswith("%") else None
    except ValueError:
        return None

def same_cell(a, b):
    # A share is the same number shown to a tenth of a percent or more (LibreOffice shows a
    # CSV's 93.3% as 93.30%), and ties may round either way: gov writes 1/16 as 6.2% (half to
    # even), a spreadsheet shows 6.3% (half up).
    if a == b:
        return True
    x, y = pct(a), pct(b)
    return x is not None and y is not None and abs(x - y) <= 0.1 + 1e-9

def same(r, s):
    return len(r) == len(s) and all(same_cell(a, b) for a, b in zip(r, s))

def unguard(cell):
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(GUARD) else cell

failed = 0
checked = 0
for f in sorted((work / "pack").glob("*.csv")):
    sheet = f.stem.split("-", 2)[2]  # 2022-10-<sheet>
    want = [[unguard(c) for c in r] for r in rows(f)]
    got = rows(work / "book" / f"台账-2022-10-{sheet}.csv")
    i = 0
    titles = 0
    for r in got:
        if i < len(want) and same(r, want[i]):
            i += 1
        elif len(r) == 1:
            titles += 1
        else:
            print(f"xlsx {sheet}: LibreOffice read {r}, gov wrote {want[i] if i < len(want) else None}")
            failed += 1
            break
    if i != len(want) or titles == 0:
        print(f"xlsx {sheet}: {i} of {len(want)} rows read back, {titles} title rows")
        failed += 1
    checked += i
    # The CSV, opened as UTF-8 and saved again.
    back = rows(work / "csv" / "out" / f"in-{f.name}")
    orig = rows(f)
    if len(back) != len(orig) or not all(same(a, b) for a, b in zip(orig, back)):
        diff = next((a, b) for a, b in zip(orig + [[]] * len(back), back + [[]] * len(orig)) if not same(a, b))
        print(f"csv {f.name}: LibreOffice read {diff[1]}, gov wrote {diff[0]}")
        failed += 1
    else:
        checked += len(orig)
print(f"excel-check: {checked} rows read back by LibreOffice, {failed} differences")
sys.exit(1 if failed else 0)
EOF
