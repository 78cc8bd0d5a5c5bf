//! The output flags every report shares (`src/cli/output.rs`): `--format`, `-o` with the format
//! taken from the extension, `--lang`, `--no-bom`, `--bom`, `--unmask`; CSV safe for Excel/WPS (BOM in
//! files, formula cells neutralised) and personal data masked. On the fixture
//! `tests/fixtures/reports` (described in `tests/report_support`).

mod common;
mod report_support;

use std::fs;

use report_support::{TODAY, csv, csv_column, edit, fixture, json, ok, parse_csv, run, usage_error};

const BOM: &[u8] = b"\xEF\xBB\xBF";

#[test]
fn csv_files_start_with_a_bom_stdout_does_not() {
    let dir = fixture();
    let d = dir.path();
    let report = ["report", "--month", "2024-01"];
    ok(d, TODAY, &[&report[..], &["-o", "a.csv"]].concat());
    let a = fs::read(d.join("a.csv")).unwrap();
    assert!(a.starts_with(BOM), "a.csv has no BOM");
    assert!(String::from_utf8(a[3..].to_vec()).unwrap().starts_with("党员编号,姓名,类别,联系户数,"));

    ok(d, TODAY, &[&report[..], &["-o", "b.csv", "--no-bom"]].concat());
    let b = fs::read(d.join("b.csv")).unwrap();
    assert!(!b.starts_with(BOM), "b.csv has a BOM despite --no-bom");
    assert_eq!(a[3..], b[..], "only the BOM differs");

    // On stdout, chosen or by default (stdout is not a terminal here): CSV, no BOM, CRLF rows.
    let chosen = ok(d, TODAY, &[&report[..], &["--format", "csv"]].concat());
    let piped = ok(d, TODAY, &report);
    assert_eq!(chosen, piped);
    assert!(piped.starts_with("党员编号,"), "{piped}");
    assert_eq!(piped.as_bytes(), &b[..]);
    assert!(piped.ends_with("\r\n") && piped.split_terminator('\n').all(|l| l.ends_with('\r')), "rows end in CRLF");

    // --format csv into a file of another name is still CSV with a BOM; JSON never gets one.
    ok(d, TODAY, &[&report[..], &["-o", "c.txt", "--format", "csv"]].concat());
    assert!(fs::read(d.join("c.txt")).unwrap().starts_with(BOM));
    ok(d, TODAY, &[&report[..], &["-o", "d.json"]].concat());
    assert!(fs::read(d.join("d.json")).unwrap().starts_with(b"{"));
}

/// `--bom` gives piped CSV the BOM a file gets, for `gov report > a.csv`: the same bytes as
/// `-o a.csv`. Other formats on stdout get none; `--bom --no-bom` is a usage error.
#[test]
fn bom_on_stdout_when_asked() {
    let dir = fixture();
    let d = dir.path();
    let report = ["report", "--month", "2024-01"];
    ok(d, TODAY, &[&report[..], &["-o", "a.csv"]].concat());
    let piped = ok(d, TODAY, &[&report[..], &["--bom"]].concat());
    assert!(piped.as_bytes().starts_with(BOM), "no BOM on stdout with --bom");
    assert_eq!(piped.as_bytes(), &fs::read(d.join("a.csv")).unwrap()[..]);
    // Several tables in one output: one BOM, at the start.
    let stats = ok(d, TODAY, &["stats", "--month", "2024-01", "--bom"]);
    assert!(stats.as_bytes().starts_with(BOM) && stats.matches('\u{FEFF}').count() == 1, "{stats}");
    for format in ["json", "md", "table"] {
        let out = ok(d, TODAY, &[&report[..], &["--bom", "--format", format]].concat());
        assert!(!out.as_bytes().starts_with(BOM), "{format} got a BOM");
    }
    let out = usage_error(d, TODAY, &[&report[..], &["--bom", "--no-bom"]].concat());
    assert!(out.stderr.contains("--no-bom"), "{}", out.stderr);
}

/// Cells that Excel would run as a formula get a leading `'`; numbers (even negative) do not;
/// JSON, Markdown and the terminal table show the text as it is.
#[test]
fn formula_cells_are_neutralised_in_csv_only() {
    let dir = fixture();
    let d = dir.path();
    edit(d, "households.csv", "刘大爷", "@刘大爷");
    edit(d, "visits/2024-02.yaml", "summary: 春节问候", "summary: \"+1 春节问候\"");
    let c = csv(d, TODAY, &["visit", "list", "--from", "2024-01-01", "--to", "2024-02-29"]);
    let summaries = csv_column(&c, "走访内容");
    assert_eq!(summaries[2], "'-楼道灯不亮，已报修");
    assert_eq!(summaries[5], "'=同上");
    assert_eq!(summaries[6], "'+1 春节问候");
    assert_eq!(csv_column(&c, "户主")[0], "'@刘大爷");
    assert_eq!(csv_column(&c, "走访日期")[0], "2024-01-03");

    let due = csv(d, TODAY, &["due", "--within", "13"]);
    assert_eq!(csv_column(&due, "逾期天数")[4..], ["-6", "-13"]);
    assert_eq!(csv_column(&due, "户主")[3], "'@刘大爷");

    let j = json(d, TODAY, &["visit", "list", "--month", "2024-01"]);
    assert_eq!(j["rows"][5]["summary"], "=同上");
    assert_eq!(j["rows"][0]["head"], "@刘大爷");
    let table = ok(d, TODAY, &["visit", "list", "--month", "2024-01", "--format", "table"]);
    assert!(table.contains("┆ =同上 ") && !table.contains("'=同上"), "{table}");
    let md = ok(d, TODAY, &["visit", "list", "--month", "2024-01", "--format", "md"]);
    assert!(md.contains("| =同上 |"), "{md}");
}

/// Door numbers (the last run of digits of an address) are masked unless --unmask; building
/// and unit numbers stay.
#[test]
fn door_numbers_masked_unless_unmask() {
    let dir = fixture();
    let d = dir.path();
    let month = ["visit", "list", "--month", "2024-01"];
    let masked = csv_column(&csv(d, TODAY, &month), "地址");
    assert_eq!(masked[..3], ["幸福里1号楼1单元***室", "幸福里1号楼1单元***室", "幸福里2号楼3单元***室"]);
    let full = csv_column(&csv(d, TODAY, &[&month[..], &["--unmask"]].concat()), "地址");
    assert_eq!(full[..3], ["幸福里1号楼1单元101室", "幸福里1号楼1单元102室", "幸福里2号楼3单元301室"]);

    let j = json(d, TODAY, &["due"]);
    assert_eq!(j["rows"][0]["address"], "和平苑6号楼2单元***室");
    let j = json(d, TODAY, &["due", "--unmask"]);
    assert_eq!(j["rows"][0]["address"], "和平苑6号楼2单元202室");
    let md = ok(d, TODAY, &["due", "--format", "md"]);
    assert!(md.contains("和平苑6号楼2单元***室") && !md.contains("202室"), "{md}");
}

/// No report shows a phone number, masked or not: none of the fixture's numbers, nor their
/// last eight digits, appears in any output, even with --unmask.
#[test]
fn phone_numbers_never_appear() {
    let dir = fixture();
    let d = dir.path();
    let phones: Vec<String> = ["members.csv", "households.csv"]
        .iter()
        .flat_map(|f| parse_csv(&fs::read_to_string(d.join(f)).unwrap()))
        .flat_map(|r| {
            r.into_iter().filter(|c| c.len() == 11 && c.starts_with('1') && c.bytes().all(|b| b.is_ascii_digit()))
        })
        .collect();
    assert_eq!(phones.len(), 11, "{phones:?}");
    let period = ["--from", "2023-12-01", "--to", "2024-02-29"];
    for command in
        [&["stats"][..], &["report"], &["report", "--by", "grid"], &["report", "--by", "branch"], &["visit", "list"]]
    {
        for extra in [&[][..], &["--unmask"]] {
            for format in ["csv", "json", "md", "table"] {
                let args = [command, &period[..], extra, &["--format", format]].concat();
                let out = ok(d, TODAY, &args);
                for p in &phones {
                    assert!(!out.contains(&p[3..]), "{args:?} shows {p}");
                }
            }
        }
    }
    for extra in [&[][..], &["--unmask"]] {
        let out = ok(d, TODAY, &[&["due", "--within", "30", "--format", "json"][..], extra].concat());
        assert!(phones.iter().all(|p| !out.contains(&p[3..])), "due shows a phone");
    }
}

/// Headers, labels and the totals row follow --lang, else `lang` in gov.yaml.
#[test]
fn chinese_and_english() {
    let dir = fixture();
    let d = dir.path();
    let zh = csv(d, TODAY, &["visit", "list", "--month", "2024-01"]);
    assert_eq!(
        zh[0],
        ["走访日期", "走访党员", "网格", "地址", "户主", "走访方式", "走访内容", "主题", "发现问题", "同行党员"]
    );
    assert_eq!(csv_column(&zh, "走访方式"), ["入户", "电话", "入户", "视频", "集中走访", "入户"]);
    let en = csv(d, TODAY, &["visit", "list", "--month", "2024-01", "--lang", "en"]);
    assert_eq!(
        en[0],
        ["date", "member", "grid", "address", "head", "method", "summary", "topics", "problems raised", "with"]
    );
    assert_eq!(csv_column(&en, "method"), ["home visit", "phone", "home visit", "video", "group visit", "home visit"]);

    let zh = csv(d, TODAY, &["report", "--month", "2024-01"]);
    assert_eq!(zh.last().unwrap()[0], "合计");
    assert_eq!(csv_column(&zh, "类别")[..2], ["社区党员", "在职党员"]);
    let en = csv(d, TODAY, &["report", "--month", "2024-01", "--lang", "en"]);
    assert_eq!(en.last().unwrap()[0], "Total");
    assert_eq!(en[0][..4], ["member", "name", "kind", "linked households"]);
    assert_eq!(csv_column(&en, "kind")[..3], ["resident", "in-service", "mobile"]);
    let j = json(d, TODAY, &["report", "--month", "2024-01", "--lang", "en"]);
    assert_eq!(j["title"], "测试社区 visit ledger summary (2024-01, by member)");

    // gov.yaml set to English: English by default, Chinese on request.
    edit(d, "gov.yaml", "lang: zh", "lang: en");
    let en = csv(d, TODAY, &["due"]);
    assert_eq!(en[0][0], "household");
    assert_eq!(csv_column(&en, "status")[0], "overdue");
    let zh = csv(d, TODAY, &["due", "--lang", "zh"]);
    assert_eq!(zh[0][0], "户号");
    assert_eq!(csv_column(&zh, "状态")[0], "逾期");
    let table = ok(d, TODAY, &["stats", "--month", "2024-01", "--format", "table"]);
    assert!(table.starts_with("测试社区 linked-households figures (2024-01)\n"), "{table}");
}

#[test]
fn output_format_from_the_file_extension() {
    let dir = fixture();
    let d = dir.path();
    let report = ["report", "--month", "2024-01"];
    let write = |name: &str| {
        ok(d, TODAY, &[&report[..], &["-o", name]].concat());
        fs::read_to_string(d.join(name)).unwrap()
    };
    let csv_text = write("r.csv");
    let records = parse_csv(csv_text.strip_prefix('\u{FEFF}').unwrap());
    assert_eq!(records.last().unwrap()[..6], ["合计", "", "", "6", "5", "83.3%"]);
    assert_eq!(write("upper.CSV"), csv_text);

    let j: serde_json::Value = serde_json::from_str(&write("r.json")).unwrap();
    assert_eq!(j["total"]["visits"], 6);

    let md = write("r.md");
    assert!(md.starts_with("### 测试社区走访台账汇总（2024-01，按党员）\n\n| 党员编号 | 姓名 |"), "{md}");
    assert!(md.contains("\n| **合计** |  |  | **6** | **5** | **83.3%** | **6** |"), "{md}");

    let txt = write("r.txt");
    assert!(txt.starts_with("测试社区走访台账汇总（2024-01，按党员）\n┌"), "{txt}");
    assert_eq!(txt, ok(d, TODAY, &[&report[..], &["--format", "table"]].concat()));

    // --format wins over the extension.
    ok(d, TODAY, &[&report[..], &["-o", "really-json.csv", "--format", "json"]].concat());
    assert!(fs::read_to_string(d.join("really-json.csv")).unwrap().starts_with("{\n"));
}

#[test]
fn unknown_extension_is_a_usage_error() {
    let dir = fixture();
    let d = dir.path();
    let out = usage_error(d, TODAY, &["report", "--month", "2024-01", "-o", "r.xls"]);
    assert!(!d.join("r.xls").exists());
    insta::assert_snapshot!("unknown_extension", out.snapshot(&[d]));
    let out = usage_error(d, TODAY, &["due", "-o", "overdue"]);
    assert!(out.stderr.contains("cannot tell the format of `overdue`"), "{}", out.stderr);
    // A folder that does not exist.
    let out = run(d, TODAY, &["--lang", "en", "due", "-o", "missing/overdue.csv"]);
    assert_eq!(out.code, Some(2), "{}", out.stderr);
    assert!(out.stderr.starts_with("Error: cannot write in missing"), "{}", out.stderr);
}

/// Terminal columns line up although most cells are Chinese (two columns wide each).
#[test]
fn table_columns_line_up() {
    let dir = fixture();
    let d = dir.path();
    for args in [
        &["report", "--month", "2024-01"][..],
        &["stats", "--month", "2024-01"],
        &["visit", "list", "--month", "2024-01"],
        &["due", "--within", "13"],
    ] {
        let table = ok(d, TODAY, &[args, &["--format", "table"]].concat());
        let widths: Vec<usize> = table.lines().skip(1).map(width).collect();
        assert!(widths.len() > 4 && widths.iter().all(|&w| w == widths[0]), "{args:?}: {widths:?}\n{table}");
        // Every column separator sits at the same display column on every row.
        let bars: Vec<Vec<usize>> = table.lines().skip(1).map(separators).collect();
        assert!(bars.iter().all(|b| *b == bars[0]), "{args:?}\n{table}");
    }
}

/// Display width: CJK ideographs and full-width punctuation take two columns.
fn width(line: &str) -> usize {
    line.chars().map(char_width).sum()
}

fn char_width(c: char) -> usize {
    match c as u32 {
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6 => 2,
        _ => 1,
    }
}

/// The display columns of the vertical rules and joints of a table line.
fn separators(line: &str) -> Vec<usize> {
    let mut at = 0;
    let mut out = Vec::new();
    for c in line.chars() {
        if matches!(c, '│' | '┆' | '┬' | '┼' | '╪' | '┴' | '┌' | '┐' | '└' | '┘' | '├' | '┤' | '╞' | '╡')
        {
            out.push(at);
        }
        at += char_width(c);
    }
    out
}
