use super::locate::find_key;
use super::*;

fn rec_at(text: &str, start: u32, next: Option<u32>) -> Record {
    record(text, start, next)
}

#[test]
fn scalars_are_quoted_only_when_needed() {
    assert_eq!(scalar("张伟"), "张伟");
    assert_eq!(scalar("M0012"), "M0012");
    assert_eq!(scalar("13812345678"), "13812345678");
    assert_eq!(scalar("2022-03-05"), "2022-03-05");
    assert_eq!(scalar("+8613912345678"), "\"+8613912345678\"");
    assert_eq!(scalar("1.5"), "\"1.5\"");
    assert_eq!(scalar("null"), "\"null\"");
    assert_eq!(scalar("a, b"), "\"a, b\"");
    assert_eq!(scalar("- x"), "\"- x\"");
    assert_eq!(scalar("说 \"好\""), "\"说 \\\"好\\\"\"");
    assert_eq!(scalar(""), "\"\"");
    assert_eq!(flow_list(&["M1".into(), "M2".into()]), "[M1, M2]");
}

#[test]
fn list_or_mapping() {
    assert!(is_list("# members\n\n- id: M1\n"));
    assert!(is_list("---\n  - id: M1\n"));
    assert!(is_list("# nothing yet\n"));
    assert!(!is_list("id: M1\nname: x\n"));
}

#[test]
fn append_items_in_the_files_indentation() {
    let fields = [
        ("id", Value::Scalar("M3".into())),
        ("name", Value::Scalar("李娜".into())),
        ("roles", Value::List(vec!["楼栋长".into()])),
        ("unit", Value::Scalar(String::new())),
    ];
    let text = "# 党员\n- id: M1\n  name: 张伟\n";
    assert_eq!(append_item(text, "\n", &fields), format!("{text}- id: M3\n  name: 李娜\n  roles: [楼栋长]\n"));
    let text = "  -   id: M1\r\n      name: 张伟";
    assert_eq!(
        append_item(text, "\r\n", &fields),
        format!("{text}\r\n  -   id: M3\r\n      name: 李娜\r\n      roles: [楼栋长]\r\n")
    );
    assert_eq!(append_item("", "\n", &fields[..1]), "- id: M3\n");
}

#[test]
fn records_and_keys() {
    let text = "- id: H1   # first\n  color: red # 独居\n  contacts: [M1]\n- id: H2\n  address: x\n";
    let r = rec_at(text, 1, Some(4));
    assert_eq!(r, Record { lines: 0..3, key_indent: 2 });
    let at = find_key(text, &r, "color").unwrap();
    assert_eq!(&text[at.value.clone()], "red");
    assert_eq!(&text[find_key(text, &r, "id").unwrap().value], "H1");
    assert!(find_key(text, &r, "address").is_none());
    let single = "id: I-1\ntitle: t\nevents:\n  - date: 2022-01-01\n    action: x\n";
    let r = rec_at(single, 1, None);
    assert_eq!(r.key_indent, 0);
    assert!(find_key(single, &r, "date").is_none(), "nested keys are not the record's");
}

#[test]
fn set_a_value_keeping_everything_else() {
    let text = "- id: H1\n  color: green # 稳定\n  tags: [低保]\n- id: H2\n  head: x\n";
    let r = rec_at(text, 1, Some(4));
    let out = set_value(text, "\n", &r, "color", "red", Some("2026-11-25 住院"), "id").unwrap();
    assert_eq!(out, "- id: H1\n  color: red  # 2026-11-25 住院\n  tags: [低保]\n- id: H2\n  head: x\n");
    let out = set_value(text, "\n", &r, "color", "yellow", None, "id").unwrap();
    assert_eq!(out, "- id: H1\n  color: yellow # 稳定\n  tags: [低保]\n- id: H2\n  head: x\n");
    // Absent: inserted after the id line, at the record's indentation.
    let r2 = rec_at(text, 4, None);
    let out = set_value(text, "\n", &r2, "color", "red", Some("why"), "id").unwrap();
    assert_eq!(out, "- id: H1\n  color: green # 稳定\n  tags: [低保]\n- id: H2\n  color: red  # why\n  head: x\n");
    let crlf = "id: H9\r\nhead: x\r\n";
    let out = set_value(crlf, "\r\n", &rec_at(crlf, 1, None), "color", "red", None, "id").unwrap();
    assert_eq!(out, "id: H9\r\ncolor: red\r\nhead: x\r\n");
    let flow = "- {id: H1, color: red}\n";
    assert!(set_value(flow, "\n", &rec_at(flow, 1, None), "size", "2", None, "id").is_err());
}

#[test]
fn flow_lists() {
    let text = "- id: H1\n  contacts: [M1, M2]  # 两人\n";
    let r = rec_at(text, 1, None);
    let added = list_add(text, "\n", &r, "contacts", "M3", "id").unwrap();
    assert_eq!(added, "- id: H1\n  contacts: [M1, M2, M3]  # 两人\n");
    assert_eq!(list_items(&added, &r, "contacts").unwrap().unwrap(), ["M1", "M2", "M3"]);
    assert_eq!(list_remove(&added, &r, "contacts", "M2").unwrap(), "- id: H1\n  contacts: [M1, M3]  # 两人\n");
    assert_eq!(list_remove(&added, &r, "contacts", "M3").unwrap(), text);
    assert_eq!(list_remove(&added, &r, "contacts", "M1").unwrap(), "- id: H1\n  contacts: [M2, M3]  # 两人\n");
    let one = "- id: H1\n  contacts: [M1]\n";
    assert_eq!(list_remove(one, &r, "contacts", "M1").unwrap(), "- id: H1\n  contacts: []\n");
    assert_eq!(
        list_add("- id: H1\n  contacts: []\n", "\n", &r, "contacts", "M4", "id").unwrap(),
        "- id: H1\n  contacts: [M4]\n"
    );
    assert!(list_remove(one, &r, "contacts", "M9").is_err());
}

#[test]
fn block_lists_and_separated_values() {
    let text = "- id: H1\n  contacts:\n    - M1\n    - M2   # 楼栋长\n  color: red\n";
    let r = rec_at(text, 1, None);
    assert_eq!(list_items(text, &r, "contacts").unwrap().unwrap(), ["M1", "M2"]);
    let added = list_add(text, "\n", &r, "contacts", "M3", "id").unwrap();
    assert_eq!(added, "- id: H1\n  contacts:\n    - M1\n    - M2   # 楼栋长\n    - M3\n  color: red\n");
    assert_eq!(
        list_remove(&added, &r, "contacts", "M1").unwrap(),
        "- id: H1\n  contacts:\n    - M2   # 楼栋长\n    - M3\n  color: red\n"
    );
    let sep = "- id: H1\n  contacts: M1；M2\n";
    let r = rec_at(sep, 1, None);
    assert_eq!(list_add(sep, "\n", &r, "contacts", "M3", "id").unwrap(), "- id: H1\n  contacts: M1；M2；M3\n");
    assert_eq!(list_remove(sep, &r, "contacts", "M1").unwrap(), "- id: H1\n  contacts: M2\n");
    let none = "- id: H1\n  head: x\n";
    let r = rec_at(none, 1, None);
    assert_eq!(list_add(none, "\n", &r, "contacts", "M1", "id").unwrap(), "- id: H1\n  contacts: [M1]\n  head: x\n");
}

#[test]
fn events_are_appended_in_the_files_style() {
    let ev = [("date", Value::Scalar("2022-03-10".into())), ("action", Value::Scalar("resolved".into()))];
    let block = "id: I-1\nevents:\n  - date: 2022-03-06\n    action: 派单\n# 以上\n";
    let (out, line) = append_to_list(block, "\n", &rec_at(block, 1, None), "events", &ev).unwrap();
    assert_eq!(
        out,
        "id: I-1\nevents:\n  - date: 2022-03-06\n    action: 派单\n  - date: 2022-03-10\n    action: resolved\n# 以上\n"
    );
    assert_eq!(line, 5);
    let flow = "id: I-1\nevents:\n- {date: 2022-03-06, action: 派单}\ntitle: t\n";
    let (out, line) = append_to_list(flow, "\n", &rec_at(flow, 1, None), "events", &ev).unwrap();
    assert_eq!(
        out,
        "id: I-1\nevents:\n- {date: 2022-03-06, action: 派单}\n- {date: 2022-03-10, action: resolved}\ntitle: t\n"
    );
    assert_eq!(line, 4);
    let none = "id: I-1\ntitle: t   # 标题\n\n";
    let (out, line) = append_to_list(none, "\n", &rec_at(none, 1, None), "events", &ev).unwrap();
    assert_eq!(out, "id: I-1\ntitle: t   # 标题\nevents:\n  - date: 2022-03-10\n    action: resolved\n\n");
    assert_eq!(line, 4);
    let open = "id: I-1\ntitle: t";
    let (out, _) = append_to_list(open, "\r\n", &rec_at(open, 1, None), "events", &ev).unwrap();
    assert_eq!(out, "id: I-1\ntitle: t\r\nevents:\r\n  - date: 2022-03-10\r\n    action: resolved\r\n");
    let empty = "id: I-1\nevents: []\ntitle: t\n";
    let (out, line) = append_to_list(empty, "\n", &rec_at(empty, 1, None), "events", &ev).unwrap();
    assert_eq!(out, "id: I-1\nevents:\n  - date: 2022-03-10\n    action: resolved\ntitle: t\n");
    assert_eq!(line, 3);
    let inline = "id: I-1\nevents: [{date: 2022-03-06, action: 派单}]\n";
    let (out, line) = append_to_list(inline, "\n", &rec_at(inline, 1, None), "events", &ev).unwrap();
    assert_eq!(out, "id: I-1\nevents: [{date: 2022-03-06, action: 派单}, {date: 2022-03-10, action: resolved}]\n");
    assert_eq!(line, 2);
}

#[test]
fn cjk_comments_at_column_0() {
    // `#中文注释` is shorter in characters than the keys' indentation but not in bytes: it holds
    // no key, and the edit goes past it.
    let text = "- id: H1\n#中文注释\n  color: green\n#中文\n  contacts: [M1]\n";
    let r = rec_at(text, 1, None);
    assert_eq!(
        set_value(text, "\n", &r, "color", "red", None, "id").unwrap(),
        "- id: H1\n#中文注释\n  color: red\n#中文\n  contacts: [M1]\n"
    );
    assert_eq!(
        list_add(text, "\n", &r, "contacts", "M2", "id").unwrap(),
        "- id: H1\n#中文注释\n  color: green\n#中文\n  contacts: [M1, M2]\n"
    );
    let full_width = "- id: H1\n  color: 　red\n";
    let out = set_value(full_width, "\n", &rec_at(full_width, 1, None), "color", "yellow", None, "id").unwrap();
    assert_eq!(out, "- id: H1\n  color: yellow\n", "a full-width space is part of the value, not white space");
}

#[test]
fn cr_only_lines() {
    // Old Mac files end lines with a lone `\r`: H2 starts on line 3.
    let text = "- id: H1\r  color: red\r- id: H2\r  color: green\r";
    let r = rec_at(text, 3, None);
    assert_eq!(check_id(text, &r, "H2"), Ok(()));
    assert!(check_id(text, &rec_at(text, 1, Some(3)), "H2").unwrap_err().to_string().contains("is `H1`, not `H2`"));
    assert_eq!(
        set_value(text, "\r", &r, "color", "red", Some("住院"), "id").unwrap(),
        "- id: H1\r  color: red\r- id: H2\r  color: red  # 住院\r"
    );
    assert_eq!(
        list_add(text, "\r", &r, "contacts", "M1", "id").unwrap(),
        "- id: H1\r  color: red\r- id: H2\r  contacts: [M1]\r  color: green\r"
    );
}

#[test]
fn refusals_say_why() {
    let msg = |r: Result<String, EditError>| r.unwrap_err().to_string();
    let nested = "- id: H1\n  color:\n    a: b\n";
    let r = rec_at(nested, 1, None);
    assert_eq!(
        msg(set_value(nested, "\n", &r, "color", "red", None, "id")),
        "`color` holds a nested value; edit it by hand"
    );
    let no_id = "- name: x\n";
    let r = rec_at(no_id, 1, None);
    assert_eq!(msg(set_value(no_id, "\n", &r, "color", "red", None, "id")), "the record has no `id:` line");
    let flow = "- id: {H1}\n";
    let r = rec_at(flow, 1, None);
    assert_eq!(
        msg(set_value(flow, "\n", &r, "size", "2", None, "id")),
        "the record is written as a flow mapping `{…}`; edit it by hand"
    );
    let long_item = "- id: H1\n  contacts:\n    - M1\n      M2\n";
    let r = rec_at(long_item, 1, None);
    assert_eq!(
        list_items(long_item, &r, "contacts").unwrap_err().to_string(),
        "the list's items span several lines; edit it by hand"
    );
    let long_flow = "- id: H1\n  contacts: [M1,\n    M2]\n";
    let r = rec_at(long_flow, 1, None);
    assert_eq!(
        msg(list_add(long_flow, "\n", &r, "contacts", "M3", "id")),
        "`contacts` is a flow list over several lines; edit it by hand"
    );
    let none = "- id: H1\n";
    let r = rec_at(none, 1, None);
    assert_eq!(msg(list_remove(none, &r, "contacts", "M1")), "the record has no `contacts`");
    let one = "- id: H1\n  contacts: [M1]\n";
    let r = rec_at(one, 1, None);
    assert_eq!(msg(list_remove(one, &r, "contacts", "M9")), "`M9` is not in `contacts`");
    let ev = [("date", Value::Scalar("2022-03-10".into()))];
    let msg = |r: Result<(String, u32), EditError>| r.unwrap_err().to_string();
    let no_dash = "id: I-1\nevents:\n  date: 2022-03-06\n";
    let r = rec_at(no_dash, 1, None);
    assert_eq!(msg(append_to_list(no_dash, "\n", &r, "events", &ev)), "the list's first item does not start with `-`");
    let scalar = "id: I-1\nevents: x\n";
    let r = rec_at(scalar, 1, None);
    assert_eq!(
        msg(append_to_list(scalar, "\n", &r, "events", &ev)),
        "`events` is not a list this command can add to; edit it by hand"
    );
}
