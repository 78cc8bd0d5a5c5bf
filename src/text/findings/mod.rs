//! The catalogue's part for findings: what the loader and the checks say about a data folder,
//! and how `gov check` prints it. One file per area: reading a file ([`read`]), the folder's
//! walk ([`folder`]), typing fields ([`fields`]), the checks ([`checks`]) and the output
//! ([`output`]). Codes, field names and file names stay English in both languages.

mod activities;
mod checks;
mod fields;
mod folder;
mod meetings;
mod output;
mod ratings;
mod read;

pub use activities::*;
pub use checks::*;
pub use fields::*;
pub use folder::*;
pub use meetings::*;
pub use output::*;
pub use ratings::*;
pub use read::*;

use crate::model::Kind;

/// What one record of `kind` is called in Chinese messages (`网格`, `党员`).
pub fn noun_zh(kind: Kind) -> &'static str {
    match kind {
        Kind::Settings => "设置",
        Kind::Grids => "网格",
        Kind::Members => "党员",
        Kind::Orgs => "组织",
        Kind::Households => "住户",
        Kind::Colors => "三色调整记录",
        Kind::Issues => "诉求",
        Kind::Visits => "走访记录",
        Kind::Meetings => "会议",
        Kind::Volunteers => "志愿者",
        Kind::Activities => "活动",
        Kind::Ratings => "星级评定",
        Kind::Reviews => "民主评议",
        Kind::Projects => "攻关项目",
        Kind::Reserves => "后备力量",
    }
}

/// Joins Chinese list items with `、`.
fn list_zh<S: AsRef<str>>(items: &[S]) -> String {
    items.iter().map(AsRef::as_ref).collect::<Vec<_>>().join("、")
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::finding::Severity;
    use crate::load::text::{Binary, DecodeError};
    use crate::model::id::IdProblem;
    use crate::model::labels::{Action, Color, IssueCategory, MemberStatus};

    /// Every entry, with each of its cases: the Chinese has Chinese in it and is not the English.
    #[test]
    fn every_entry_has_its_own_chinese() {
        let d = NaiveDate::from_ymd_opt(2022, 3, 5).unwrap();
        let e = NaiveDate::from_ymd_opt(2022, 3, 1).unwrap();
        let io = std::io::Error::other("disk on fire");
        let found = [("M1".to_string(), "张伟".to_string())];
        let mut all = vec![
            duplicate_id(Kind::Members, "M1", "members.csv:2"),
            duplicate_id_hint(Kind::Households),
            dangling_reference("grid", Kind::Grids, "G9"),
            dangling_reference_hint(Kind::Grids, Some("G1")),
            dangling_reference_hint(Kind::Issues, None),
            did_you_mean("G1"),
            unknown_department("消防队"),
            unknown_department_hint(Some("城管局")),
            unknown_department_hint(None),
            name_for_id_hint(&found),
            future_date(DateOf::Registered, d, e),
            future_date(DateOf::Visit, d, e),
            future_date(DateOf::Received, d, e),
            future_date(DateOf::Event(Action::Resolved), d, e),
            future_date_hint(),
            wrong_month(d, "2022-02"),
            wrong_month_hint("visits/2022-03.csv"),
            event_before_received(Action::Resolved, e, d),
            event_before_received_hint(),
            event_out_of_order(Action::Dispatched, e, d),
            event_out_of_order_hint(),
            feedback_before_resolved(d),
            feedback_before_resolved_hint(),
            resolved_again(d),
            resolved_again_hint(),
            reopened_while_open(d),
            reopened_while_open_hint(),
            report_without_whistle("城管局", d),
            report_without_whistle_hint(),
            after_closed(Action::Progress, d),
            after_closed_hint(),
            no_contacts("H1", "赵大爷"),
            no_contacts_hint(),
            inactive_contact("H1", "M1", "张伟", MemberStatus::Transferred),
            inactive_contact_hint(),
            visit_not_contact("M1", "H1"),
            visit_not_contact_hint(),
            duplicate_visit("visits/2022-03.csv:2", d, "M1", "H1"),
            duplicate_visit_hint(),
            bad_phone(Kind::Members, "M1", "1****5"),
            bad_phone_hint(),
            own_ancestor(Kind::Grids, "G1"),
            own_ancestor_hint(Kind::Grids),
            own_ancestor_hint(Kind::Orgs),
            org_by_name("branch", "第一党支部", "O2"),
            org_by_name_hint("O2"),
            more_findings("unknown-field", 1, 21, 20),
            more_findings_hint(1),
            more_findings_hint(2),
            missing_field("name"),
            missing_field_hint("name"),
            unknown_field("nmae"),
            unknown_field_hint(Some("name"), &["id", "name"]),
            unknown_field_hint(None, &["id", "name"]),
            not_a_date("date", "2022/02/31"),
            not_a_date_hint(),
            not_a_label::<Color>("color", "purple"),
            allowed_hint::<Color>(Some("red")),
            allowed_hint::<Color>(None),
            not_a_category("噪音"),
            category_hint::<IssueCategory>(&["停车".to_string()]),
            not_a_number("size", "x", 1, 99),
            not_yes_no("solved", "maybe"),
            yes_no_hint(),
            not_a_language("fr"),
            language_hint(),
            ambiguous_name("member", "张伟", 2, Kind::Members),
            ambiguous_name_hint(&["M1 (张伟)".to_string(), "M4 (张伟)".to_string()]),
            private_not_a_folder(".gov"),
            private_not_a_folder_hint(".gov"),
            link_outside("visits/2022-01.csv", "/elsewhere"),
            link_inside("issues", "visits"),
            link_dangling("visits/2022-04.csv", "missing.csv"),
            link_hint(),
            private_link_hint(),
            too_deep("issues/d1", 32),
            too_deep_hint(),
            not_a_file_hint(),
            unknown_file_hint(&["grids", "members"], &["issues/", "visits/"]),
            severity(Severity::Error),
            severity(Severity::Warning),
            hint_label(),
            checked(&Checked { grids: 1, orgs: 2, errors: 1, ..Checked::default() }),
            cannot_read(&io),
            cannot_read(&std::io::Error::from(std::io::ErrorKind::NotFound)),
            too_large(600, 512),
            not_regular(true),
            not_regular(false),
            not_regular_hint(),
            encoding_hint(),
            invalid_yaml(&yaml_parser_says("something odd")),
            invalid_yaml_hint(true),
            invalid_yaml_hint(false),
            yaml_settings_list(),
            yaml_single_value(),
            yaml_duplicate_key(Some("id")),
            yaml_duplicate_key(None),
            yaml_too_deep(32),
            yaml_aliases(),
            yaml_budget(),
            yaml_parser_says("unclosed bracket '['"),
            yaml_parser_says("while scanning a plain scalar, found a tab"),
            unclosed_quote(),
            unclosed_quote_hint(),
            row_width(3, 2),
            row_width_hint(),
            unknown_column("colour"),
            unknown_column_hint(Some("`color`"), "id, color"),
            unknown_column_hint(None, "id, color"),
            unnamed_column(2),
            unnamed_column_hint(),
            duplicate_column("id"),
            missing_column("date"),
            missing_column_hint("date"),
        ];
        for needs in [Needs::Departments, Needs::Department, Needs::Satisfaction, Needs::Solved] {
            all.push(event_needs(Action::Feedback, needs));
            all.push(event_needs_hint(needs));
        }
        for shape in [Shape::Nothing, Shape::Text, Shape::SingleValue, Shape::List, Shape::Mapping, Shape::Records] {
            all.push(wrong_shape("tags", Shape::List, shape));
            all.push(yaml_not_a_record(shape));
        }
        for p in [IdProblem::Empty, IdProblem::TooLong, IdProblem::LeadingDot, IdProblem::BadCharacter] {
            all.push(invalid_id("member", "张伟", p));
        }
        all.push(invalid_id_hint());
        for s in [Special::Fifo, Special::Socket, Special::Device, Special::Other] {
            all.push(not_a_file("x", s));
        }
        for u in [Unknown::Folder, Unknown::Extension, Unknown::Other] {
            all.push(unknown_file("x", u));
        }
        let decode = [
            DecodeError::Utf16,
            DecodeError::Binary(Binary::Xlsx),
            DecodeError::Binary(Binary::Xls),
            DecodeError::Binary(Binary::Zip),
            DecodeError::Binary(Binary::Pdf),
            DecodeError::Binary(Binary::Other),
            DecodeError::CutShort,
            DecodeError::BadUtf8At { line: 3 },
            DecodeError::Unknown,
        ];
        for e in &decode {
            all.push(not_text(e));
            all.push(not_text_hint(e, true));
            all.push(not_text_hint(e, false));
        }
        for t in &all {
            let cjk = t.zh().chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
            assert!(cjk && t.zh() != t.en(), "{t:?}");
        }
    }

    #[test]
    fn the_summary_line_reads_as_an_office_writes_it() {
        let c = Checked {
            grids: 3,
            members: 5,
            households: 4,
            visits: 5420,
            issues: 2,
            errors: 2,
            warnings: 1,
            orgs: 0,
            meetings: 0,
            ..Checked::default()
        };
        assert_eq!(
            checked(&c).en(),
            "checked 3 grids, 5 members, 4 households, 5,420 visits, 2 issues: 2 errors, 1 warning"
        );
        assert_eq!(
            checked(&c).zh(),
            "已检查：网格 3 个、党员 5 名、住户 4 户、走访记录 5,420 条、诉求 2 件；错误 2 个，警告 1 个"
        );
    }
}
