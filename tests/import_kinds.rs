//! `gov import` of every kind but visits (`tests/import.rs` has visits), end to end on the
//! hand-counted fixture `tests/fixtures/reports` (described in `tests/report_support`: grids
//! G0 G1 一网格 G2 二网格; members M01 王芳 13812345678, M02 周敏, M03 李强, M04 陈静, M05 赵军;
//! households H01–H06; issues I-2024-0001–0004), with sheets built here to look like an
//! office's: a title row, a merged header, 序号, Chinese labels, names where ids go, phones as
//! numbers, Excel day numbers, a totals row; and a GBK CSV.

mod common;
mod report_support;

use std::fs;
use std::path::Path;

use report_support::{TODAY, fixture, ok, run};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

/// A members roster as a community office keeps it:
///
/// ```text
/// 1  测试社区党员花名册（2024年2月）   (merged A1:F1)
/// 2  序号 姓名 党员类别 联系方式 (merged D2:E2) 所在网格
/// 3                     联系电话 工作单位
/// 4  1 王芳 社区党员 13812345678 (a number)          一网格   = M01 by name and phone: already there
/// 5  2 刘洋 在职党员 13811112222 (a number) 区财政局 二网格   new: M06, grid G2
/// 6  3 孙丽 社区党员 13900001234 (a number)          G1       new: M07
/// 7  合计 3人
/// ```
///
/// By hand: 3 rows read, 1 totals row left out; 2 added (M06, M07), 1 already recorded.
///
/// A second sheet, 3月新增: 刘洋 again (+86 138-1111-2222: the same phone) and 周红 new; with
/// --all-sheets after the first: 1 added (M08), 1 already recorded.
fn roster(path: &Path) {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("党员花名册").unwrap();
    ws.merge_range(0, 0, 0, 5, "测试社区党员花名册（2024年2月）", &Format::new()).unwrap();
    for (c, h) in [(0, "序号"), (1, "姓名"), (2, "党员类别"), (5, "所在网格")] {
        ws.write_string(1, c, h).unwrap();
    }
    ws.merge_range(1, 3, 1, 4, "联系方式", &Format::new()).unwrap();
    ws.write_string(2, 3, "联系电话").unwrap();
    ws.write_string(2, 4, "工作单位").unwrap();
    let rows: [(&str, &str, f64, &str, &str); 3] = [
        ("王芳", "社区党员", 13812345678.0, "", "一网格"),
        ("刘洋", "在职党员", 13811112222.0, "区财政局", "二网格"),
        ("孙丽", "社区党员", 13900001234.0, "", "G1"),
    ];
    for (i, (name, kind, phone, unit, grid)) in rows.iter().enumerate() {
        let r = 3 + i as u32;
        ws.write_number(r, 0, (i + 1) as f64).unwrap();
        ws.write_string(r, 1, *name).unwrap();
        ws.write_string(r, 2, *kind).unwrap();
        ws.write_number(r, 3, *phone).unwrap();
        if !unit.is_empty() {
            ws.write_string(r, 4, *unit).unwrap();
        }
        ws.write_string(r, 5, *grid).unwrap();
    }
    ws.write_string(6, 0, "合计").unwrap();
    ws.write_string(6, 1, "3人").unwrap();
    // A later month's sheet that repeats 刘洋 (phone written with +86 and dashes) and adds 周红.
    let ws = book.add_worksheet();
    ws.set_name("3月新增").unwrap();
    for (c, h) in ["姓名", "党员类别", "联系电话"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, row) in [["刘洋", "在职党员", "+86 138-1111-2222"], ["周红", "流动党员", "13811114444"]].iter().enumerate()
    {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(1 + r as u32, c as u16, *v).unwrap();
        }
    }
    book.save(path).unwrap();
}

/// Runs, insists on exit 0, and returns stdout.
fn import(d: &Path, args: &[&str]) -> String {
    let out = run(d, TODAY, args);
    assert_eq!(out.code, Some(0), "{args:?}\n{}\n{}", out.stdout, out.stderr);
    out.stdout
}

fn read(d: &Path, file: &str) -> String {
    fs::read_to_string(d.join(file)).unwrap()
}

#[test]
fn a_members_roster_imports_once_with_phones_as_text() {
    let dir = fixture();
    let d = dir.path();
    roster(&d.join("花名册.xlsx"));
    let before = read(d, "members.csv");
    // The preview, in both languages: phones masked, nothing written.
    let zh = import(d, &["import", "花名册.xlsx", "--kind", "members"]);
    insta::assert_snapshot!("members_preview_zh", zh);
    let en = import(d, &["--lang", "en", "import", "花名册.xlsx", "--kind", "members"]);
    insta::assert_snapshot!("members_preview_en", en);
    assert_eq!(read(d, "members.csv"), before);

    let out = import(d, &["import", "花名册.xlsx", "--kind", "members", "--apply"]);
    assert!(out.contains("合计：新增 2 条，已有 1 条，未导入 0 条"), "{out}");
    let after = read(d, "members.csv");
    let added: Vec<&str> = after.lines().skip(before.lines().count()).collect();
    // Phones whole, as text; labels as codes; grids by name as ids.
    assert_eq!(
        added,
        ["M06,刘洋,in_service,,G2,13811112222,区财政局,,,", "M07,孙丽,resident,,G1,13900001234,,,,"],
        "{after}"
    );
    assert!(!after.contains("E+10") && !after.contains("e10"), "{after}");
    // Again: nothing added, all three already there.
    let again = import(d, &["import", "花名册.xlsx", "--kind", "members", "--apply"]);
    assert!(again.contains("合计：新增 0 条，已有 3 条，未导入 0 条"), "{again}");
    assert_eq!(read(d, "members.csv"), after);
    // Every sheet: the first adds nothing now, the overlapping second only 周红.
    let all = import(d, &["import", "花名册.xlsx", "--kind", "members", "--all-sheets", "--apply"]);
    assert!(all.contains("合计：新增 1 条，已有 4 条，未导入 0 条"), "{all}");
    assert!(read(d, "members.csv").ends_with("M08,周红,mobile,,,13811114444,,,,\n"), "{}", read(d, "members.csv"));
    ok(d, TODAY, &["check"]);
}

/// Households naming their grid and member by name, one already there by its address written
/// with full-width digits (H01's 幸福里1号楼1单元101室): by hand 1 added (H07), 1 already there.
#[test]
fn households_name_their_member_and_an_address_is_matched_folded() {
    let dir = fixture();
    let d = dir.path();
    let text = "住户信息台账\n序号,地址,网格,户主,联系电话,三色,标签,联系党员\n\
                1,幸福里１号楼１单元１０１室,一网格,刘大爷,13600001111,红,独居老人,王芳\n\
                2,幸福里3号楼1单元101室,一网格,钱大妈,13600008888,黄,独居老人;低保,王芳;李强\n";
    fs::write(d.join("住户.csv"), text).unwrap();
    let out = import(d, &["--lang", "en", "import", "住户.csv", "--kind", "households", "--apply"]);
    assert!(out.contains("skipped 1 already recorded (the first at households.csv:2)"), "{out}");
    assert!(out.contains("in all: 1 added, 1 already recorded, 0 left out"), "{out}");
    assert!(
        read(d, "households.csv")
            .ends_with("H07,幸福里3号楼1单元101室,G1,钱大妈,13600008888,,yellow,elderly_alone;dibao,M01;M03\n"),
        "{}",
        read(d, "households.csv")
    );
    let again = import(d, &["--lang", "en", "import", "住户.csv", "--kind", "households", "--apply"]);
    assert!(again.contains("in all: 0 added, 2 already recorded, 0 left out"), "{again}");
}

/// A name that fits two records refuses its row and lists them, naming the cell: a second
/// 王芳 (M06) is added first; the household names 王芳 in column D (联系党员), row 2.
#[test]
fn an_ambiguous_name_is_refused_at_its_cell_with_its_candidates() {
    let dir = fixture();
    let d = dir.path();
    let mut members = read(d, "members.csv");
    members.push_str("M06,王芳,resident,第二支部,G2,13900009999,,,active,\n");
    fs::write(d.join("members.csv"), members).unwrap();
    fs::write(d.join("h.csv"), "地址,网格,户主,联系党员\n幸福里3号楼1单元101室,G1,钱大妈,王芳\n").unwrap();
    let before = read(d, "households.csv");
    let out = run(d, TODAY, &["--lang", "en", "import", "h.csv", "--kind", "households", "--apply"]);
    assert_eq!(out.code, Some(1), "{}\n{}", out.stdout, out.stderr);
    assert!(
        out.stderr.contains("h.csv!h!D2: error[invalid-value] `contacts` value `王芳` names 2 members"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("give the id: M01 (王芳); M06 (王芳)"), "{}", out.stderr);
    assert_eq!(read(d, "households.csv"), before);
}

/// A GBK CSV of orgs (as Excel saves it in China), into a folder without an orgs file: by hand
/// 2 orgs, O0001 and O0002, the leader 王芳 as M01; again, 0.
#[test]
fn a_gbk_csv_of_orgs_imports() {
    let dir = fixture();
    let d = dir.path();
    let text = "测试社区组织名单\r\n序号,组织名称,组织类别,负责人\r\n1,测试社区党委,党委,王芳\r\n2,区税务局机关党支部,共建单位,\r\n合计,2个,,\r\n";
    let (gbk, _, bad) = encoding_rs::GBK.encode(text);
    assert!(!bad);
    fs::write(d.join("组织.csv"), &gbk).unwrap();
    let out = import(d, &["import", "组织.csv", "--kind", "orgs", "--apply"]);
    assert!(out.contains("组织：读取 2 行，略去合计行 1 行"), "{out}");
    assert_eq!(
        read(d, "orgs.csv"),
        "id,name,kind,parent,leader,grids,phone,since,partner_of,note\n\
         O0001,测试社区党委,party_committee,,M01,,,,,\n\
         O0002,区税务局机关党支部,partner,,,,,,,\n"
    );
    let again = import(d, &["import", "组织.csv", "--kind", "orgs", "--apply"]);
    assert!(again.contains("合计：新增 0 条，已有 2 条，未导入 0 条"), "{again}");
}

/// Grids into grids.yaml, a new grid's parent named by the row above it (三网格 → G3).
#[test]
fn grids_name_a_parent_from_the_same_sheet() {
    let dir = fixture();
    let d = dir.path();
    fs::write(
        d.join("网格.csv"),
        "网格名称,层级,上级网格,网格长\n三网格,2,测试社区,李强\n三网格一号楼,3,三网格,\n一网格,2,G0,王芳\n",
    )
    .unwrap();
    let out = import(d, &["import", "网格.csv", "--kind", "grids", "--apply"]);
    // By hand: 一网格 under G0 is G1, already there; G3 and G4 added.
    assert!(out.contains("合计：新增 2 条，已有 1 条，未导入 0 条"), "{out}");
    let grids = read(d, "grids.yaml");
    assert!(
        grids.ends_with(
            "- id: G3\n  name: 三网格\n  level: 2\n  parent: G0\n  leader: M03\n- id: G4\n  name: 三网格一号楼\n  level: 3\n  parent: G3\n"
        ),
        "{grids}"
    );
    ok(d, TODAY, &["check"]);
}

/// Issues from a workbook with a date cell and an Excel day number (45340 = 2024-02-18), the
/// household by its head, the recorder by name: by hand 2 new files, I-2024-0005 and -0006
/// (the fixture holds 0001–0004); again, 0.
#[test]
fn issues_with_excel_day_numbers_import_once() {
    let dir = fixture();
    let d = dir.path();
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("诉求").unwrap();
    ws.write_string(0, 0, "测试社区群众诉求登记表").unwrap();
    for (c, h) in ["序号", "诉求标题", "受理日期", "诉求类别", "住户", "登记人"].iter().enumerate() {
        ws.write_string(1, c as u16, *h).unwrap();
    }
    ws.write_number(2, 0, 1).unwrap();
    ws.write_string(2, 1, "楼道灯坏了").unwrap();
    ws.write_number(2, 2, 45340).unwrap();
    for (c, v) in ["市政设施", "钱大妈", "王芳"].iter().enumerate() {
        ws.write_string(2, 3 + c as u16, *v).unwrap();
    }
    ws.write_number(3, 0, 2).unwrap();
    ws.write_string(3, 1, "暖气不热").unwrap();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    ws.write_datetime_with_format(3, 2, ExcelDateTime::from_ymd(2024, 2, 20).unwrap(), &date).unwrap();
    for (c, v) in ["供暖", "孙阿姨", "李强"].iter().enumerate() {
        ws.write_string(3, 3 + c as u16, *v).unwrap();
    }
    book.save(d.join("诉求.xlsx")).unwrap();
    // 钱大妈 is nobody's head in the fixture: her row's household is refused until she is added.
    let out = run(d, TODAY, &["--lang", "en", "import", "诉求.xlsx", "--kind", "issues", "--apply"]);
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(out.stderr.contains("诉求.xlsx!诉求!E3: error[invalid-value] `household`"), "{}", out.stderr);
    let mut households = read(d, "households.csv");
    households.push_str("H07,幸福里3号楼1单元101室,G1,钱大妈,13600008888,1,green,,M01\n");
    fs::write(d.join("households.csv"), households).unwrap();
    let out = import(d, &["--lang", "en", "import", "诉求.xlsx", "--kind", "issues", "--apply"]);
    assert!(out.contains("created 2 issue files"), "{out}");
    assert_eq!(
        read(d, "issues/2024/I-2024-0005.yaml"),
        "id: I-2024-0005\ntitle: 楼道灯坏了\nreceived: 2024-02-18\ncategory: infrastructure\nhousehold: H07\nrecorded_by: M01\n"
    );
    assert_eq!(
        read(d, "issues/2024/I-2024-0006.yaml"),
        "id: I-2024-0006\ntitle: 暖气不热\nreceived: 2024-02-20\ncategory: heating\nhousehold: H02\nrecorded_by: M03\n"
    );
    let again = import(d, &["--lang", "en", "import", "诉求.xlsx", "--kind", "issues", "--apply"]);
    assert!(again.contains("in all: 0 added, 2 already recorded, 0 left out"), "{again}");
    ok(d, TODAY, &["check"]);
}

/// `--skip-bad`: of three members, row 3's kind (群众) is no member kind; it is named by its
/// cell (C3) and left out, and the other two are written (M06, M07).
#[test]
fn skip_bad_leaves_a_wrong_row_out_naming_its_cell() {
    let dir = fixture();
    let d = dir.path();
    fs::write(
        d.join("m.csv"),
        "姓名,党员类别,联系电话\n刘洋,在职党员,13811112222\n张三,群众,13811113333\n孙丽,社区党员,\n",
    )
    .unwrap();
    let refused = run(d, TODAY, &["--lang", "en", "import", "m.csv", "--kind", "members", "--apply"]);
    assert_eq!(refused.code, Some(1), "{}", refused.stderr);
    assert!(refused.stderr.contains("m.csv!m!B3: error[invalid-value]"), "{}", refused.stderr);
    let out = run(d, TODAY, &["--lang", "en", "import", "m.csv", "--kind", "members", "--apply", "--skip-bad"]);
    assert_eq!(out.code, Some(0), "{}\n{}", out.stdout, out.stderr);
    assert!(out.stderr.contains("m.csv!m!B3: error[invalid-value]"), "{}", out.stderr);
    assert!(out.stdout.contains("in all: 2 added, 0 already recorded, 1 left out"), "{}", out.stdout);
    let members = read(d, "members.csv");
    assert!(members.contains("M06,刘洋,in_service") && members.contains("M07,孙丽,resident"), "{members}");
    assert!(!members.contains("张三"), "{members}");
}

/// Activities through the activity writer: the members by name with their hours, the kind a
/// Chinese label, a day number (45340 = 2024-02-18). Row 4's kind (跳舞) is none gov knows: it
/// stops the import, and with --skip-bad is named by its cell (B4) and left out. By hand 2
/// added to activities/2024-02.csv (A0001, A0002); again, 0.
#[test]
fn activities_import_once_and_a_wrong_kind_is_left_out() {
    let dir = fixture();
    let d = dir.path();
    fs::write(
        d.join("活动.csv"),
        "活动日期,活动类别,活动名称,参与党员\n2024-02-10,卡点值守,春节卡点值守,王芳:3;陈静:2\n45340,志愿服务,清扫楼道,李强\n2024-02-19,跳舞,广场舞,王芳\n",
    )
    .unwrap();
    let refused = run(d, TODAY, &["--lang", "en", "import", "活动.csv", "--kind", "activities", "--apply"]);
    assert_eq!(refused.code, Some(1), "{}", refused.stderr);
    assert!(refused.stderr.contains("活动.csv!活动!B4: error[invalid-value]"), "{}", refused.stderr);
    assert!(!d.join("activities/2024-02.csv").exists());
    let args = ["--lang", "en", "import", "活动.csv", "--kind", "activities", "--apply", "--skip-bad"];
    let out = import(d, &args);
    assert!(out.contains("in all: 2 added, 0 already recorded, 1 left out"), "{out}");
    let text = read(d, "activities/2024-02.csv");
    assert!(text.contains("A0001,2024-02-10,epidemic,春节卡点值守,,,,M01:3;M04:2"), "{text}");
    assert!(text.contains("A0002,2024-02-18,volunteer,清扫楼道,,,,M03"), "{text}");
    assert!(!text.contains("广场舞"), "{text}");
    let again = import(d, &args);
    assert!(again.contains("in all: 0 added, 2 already recorded, 1 left out"), "{again}");
}

/// Volunteers (the cheap extra kind): the grid by its name, a phone as a number-like text; by
/// hand 1 added (Y0001) into a new volunteers.csv; again, 0.
#[test]
fn volunteers_import_once() {
    let dir = fixture();
    let d = dir.path();
    fs::write(d.join("志愿者.csv"), "序号,姓名,志愿者类别,网格,联系电话\n1,何静,居民,二网格,13811115555\n").unwrap();
    let out = import(d, &["--lang", "en", "import", "志愿者.csv", "--kind", "volunteers", "--apply"]);
    assert!(out.contains("in all: 1 added, 0 already recorded, 0 left out"), "{out}");
    assert_eq!(
        read(d, "volunteers.csv"),
        "id,name,kind,org,grid,phone,registered,status,skills\nY0001,何静,居民,,G2,13811115555,,,\n"
    );
    let again = import(d, &["--lang", "en", "import", "志愿者.csv", "--kind", "volunteers", "--apply"]);
    assert!(again.contains("in all: 0 added, 1 already recorded, 0 left out"), "{again}");
    ok(d, TODAY, &["check"]);
}
