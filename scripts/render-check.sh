#!/usr/bin/env bash
# Renders the demo's October 2022 monthly page (gov report --month 2022-10 -o 月报-2022-10.html)
# in headless Chromium to PNG and PDF, and checks what a person would see:
#   - the PNG is not blank (enough ink, enough distinct shades);
#   - Chinese text is drawn with real glyphs, not tofu boxes: a strip of eight different
#     characters in the page's own font stack must give eight different shapes (tofu gives eight
#     identical boxes); the same check on eight private-use characters, which no font has, must
#     see them alike, so the check itself is shown to catch tofu;
#   - the PDF has 2 to 4 A4 pages (pdfinfo), each headed by the community and the period and
#     numbered at its foot (pdftotext);
#   - the browser runs with its proxy pointed at a closed port, so the page is shown as it is
#     with the network off.
# Installs Chromium, the Noto CJK fonts and poppler-utils with apt when missing (as root), and
# Pillow with pip for the pixel check. With --docs, copies the PNG to docs/ (committed, shown in
# the READMEs). GOV_BIN picks the binary [default: target/debug/gov, built when missing].
set -euo pipefail
cd "$(dirname "$0")/.."
docs=false
[[ "${1:-}" == "--docs" ]] && docs=true

need=()
command -v chromium >/dev/null || need+=(chromium)
command -v pdfinfo >/dev/null || need+=(poppler-utils)
fc-list 2>/dev/null | grep -q "Noto Sans CJK" || need+=(fonts-noto-cjk)
if ((${#need[@]})); then
  echo "render-check: installing ${need[*]}"
  apt-get install -y --no-install-recommends "${need[@]}" >/dev/null 2>&1 ||
    { apt-get update >/dev/null && apt-get install -y --no-install-recommends "${need[@]}" >/dev/null; }
fi
python3 -c "import PIL" 2>/dev/null || python3 -m pip install --quiet --root-user-action=ignore Pillow

gov="${GOV_BIN:-target/debug/gov}"
[[ -x "$gov" ]] || cargo build --quiet
gov="$(realpath "$gov")"
out="target/render-check"
rm -rf "$out" && mkdir -p "$out"
out="$(realpath "$out")"
page="$out/月报-2022-10.html"
"$gov" --data examples/xiawo --lang zh --today 2022-11-05 report --month 2022-10 -o "$page"

chrome() {
  # A profile of its own each run, no network, no GPU; stderr's D-Bus chatter is dropped.
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --user-data-dir="$out/profile" --proxy-server="127.0.0.1:9" --proxy-bypass-list="<-loopback>" \
    "$@" 2>/dev/null
}
chrome --window-size=1000,2900 --screenshot="$out/monthly.png" "file://$page" >/dev/null
chrome --no-pdf-header-footer --print-to-pdf="$out/monthly.pdf" "file://$page" >/dev/null

# The glyph strips: the page's CSS (its font stack), eight cells of 96 px each.
style="$(sed -n '/<style>/,/<\/style>/p' "$page")"
strip() {
  printf '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">%s<style>body{margin:0;padding:0;max-width:none}span{display:inline-block;width:100px;height:100px;font-size:80px;line-height:100px;text-align:center;overflow:hidden}</style></head><body><div>%s</div></body></html>' "$style" "$1" >"$2"
}
strip "$(printf '<span>%s</span>' 社 区 走 访 月 报 网 格)" "$out/glyphs.html"
strip "$(printf '<span>&#x%s;</span>' E000 E001 E002 E003 E004 E005 E006 E007)" "$out/tofu.html"
chrome --window-size=800,300 --screenshot="$out/glyphs.png" "file://$out/glyphs.html" >/dev/null
chrome --window-size=800,300 --screenshot="$out/tofu.png" "file://$out/tofu.html" >/dev/null

python3 - "$out" <<'PY'
import sys
from PIL import Image, ImageChops

out = sys.argv[1]
page = Image.open(f"{out}/monthly.png").convert("L")
hist = page.histogram()
total = page.width * page.height
ink = sum(hist[:200]) / total
shades = sum(1 for n in hist if n > 0)
print(f"render-check: page {page.width}x{page.height}, ink {ink:.1%}, {shades} shades")
assert 0.02 < ink < 0.6, "the page looks blank (or solid)"
assert shades > 32, "the page has too few shades to hold charts and text"
# The title band (the top 90 px) holds the heading in CJK: it must have ink.
head = page.crop((0, 0, page.width, 90))
assert sum(head.histogram()[:128]) > 500, "no heading drawn"

def cells(path):
    img = Image.open(path).convert("L").point(lambda v: 255 if v > 128 else 0)
    return [img.crop((i * 100, 0, i * 100 + 100, 100)) for i in range(8)]

def least_difference(cs):
    """The fewest pixels by which any two cells differ."""
    diffs = []
    for i in range(len(cs)):
        for j in range(i + 1, len(cs)):
            d = ImageChops.difference(cs[i], cs[j])
            diffs.append(sum(d.histogram()[1:]))
    return min(diffs)

glyphs = cells(f"{out}/glyphs.png")
inked = [sum(c.histogram()[:1]) for c in glyphs]
real = least_difference(glyphs)
tofu = least_difference(cells(f"{out}/tofu.png"))
print(f"render-check: CJK glyphs differ by at least {real} px; private-use (tofu) cells by {tofu} px")
assert min(inked) > 200, "a CJK cell is empty: no glyph drawn"
assert real > 300, "CJK characters rendered alike: tofu"
assert tofu < real / 4, "the tofu check cannot tell boxes from glyphs"
PY

pages="$(pdfinfo "$out/monthly.pdf" | awk '/^Pages:/ {print $2}')"
size="$(pdfinfo "$out/monthly.pdf" | awk '/^Page size:/ {print $3 "x" $5}')"
echo "render-check: PDF $pages pages of $size pt"
((pages >= 2 && pages <= 4)) || { echo "render-check: the PDF should have 2 to 4 pages" >&2; exit 1; }
# A4 is 595.28 x 841.89 pt; Chromium rounds to its own units.
awk -v s="$size" 'BEGIN { split(s, d, "x"); exit !(d[1] > 593 && d[1] < 597 && d[2] > 840 && d[2] < 844) }' ||
  { echo "render-check: the PDF pages are not A4 ($size)" >&2; exit 1; }
# Every printed page starts with the running header (the community and the period) and ends
# with its number.
title="夏窝社区党员联系户工作月报（2022-10）"
for ((p = 1; p <= pages; p++)); do
  text="$(pdftotext -f "$p" -l "$p" "$out/monthly.pdf" - | grep -v '^\s*$')"
  [[ "$(head -1 <<<"$text")" == "$title" ]] || { echo "render-check: page $p has no running header" >&2; exit 1; }
  grep -Eq "第 ?$p ?页" <<<"$text" || { echo "render-check: page $p has no page number" >&2; exit 1; }
done
echo "render-check: every page has the running header and its number"
# The English page prints in 2 to 4 pages too.
"$gov" --data examples/xiawo --lang en --today 2022-11-05 report --month 2022-10 -o "$out/monthly-en.html"
chrome --no-pdf-header-footer --print-to-pdf="$out/monthly-en.pdf" "file://$out/monthly-en.html" >/dev/null
en_pages="$(pdfinfo "$out/monthly-en.pdf" | awk '/^Pages:/ {print $2}')"
echo "render-check: English PDF $en_pages pages"
((en_pages >= 2 && en_pages <= 4)) || { echo "render-check: the English PDF should have 2 to 4 pages" >&2; exit 1; }
if $docs; then
  cp "$out/monthly.png" docs/monthly-report-2022-10.png
  echo "render-check: copied to docs/monthly-report-2022-10.png"
fi
echo "render-check: ok"
