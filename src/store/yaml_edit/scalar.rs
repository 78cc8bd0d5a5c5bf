//! Values as YAML text: a scalar plain when it reads back as itself and quoted otherwise, flow
//! lists and mappings, and the items of a list written on one line. Pure; no I/O.

/// A value as a YAML scalar: plain when that reads back as the same text (also inside a flow
/// collection), double-quoted otherwise.
pub fn scalar(value: &str) -> String {
    let special_word = matches!(
        value.to_ascii_lowercase().as_str(),
        "null" | "~" | "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n"
    );
    let numberish = (value.parse::<f64>().is_ok() && !value.bytes().all(|b| b.is_ascii_digit()))
        || ["0x", "0o", "0b", "+", "."].iter().any(|p| value.to_ascii_lowercase().starts_with(p));
    let plain = !value.is_empty()
        && !special_word
        && !numberish
        && value.trim() == value
        && !value.starts_with([
            '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`',
        ])
        && !value.contains([',', '[', ']', '{', '}', '\n', '\r', '\t', '"'])
        && !value.contains(": ")
        && !value.contains(" #")
        && !value.ends_with(':');
    if plain {
        return value.to_string();
    }
    let mut s = String::with_capacity(value.len() + 2);
    s.push('"');
    for c in value.chars() {
        match c {
            '"' => s.push_str("\\\""),
            '\\' => s.push_str("\\\\"),
            '\n' => s.push_str("\\n"),
            '\r' => s.push_str("\\r"),
            '\t' => s.push_str("\\t"),
            c => s.push(c),
        }
    }
    s.push('"');
    s
}

/// Items as a flow list: `[a, b]`.
pub fn flow_list(items: &[String]) -> String {
    format!("[{}]", items.iter().map(|i| scalar(i)).collect::<Vec<_>>().join(", "))
}

/// A field's value as written: one scalar, or a flow list.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Scalar(String),
    List(Vec<String>),
    /// Written as is: a value known to read back as meant (`solved: no`).
    Plain(String),
}

impl Value {
    pub(super) fn text(&self) -> String {
        match self {
            Value::Scalar(s) => scalar(s),
            Value::List(items) => flow_list(items),
            Value::Plain(s) => s.clone(),
        }
    }
}

/// A mapping as one flow item: `{date: 2022-03-06, action: dispatched}`.
pub fn flow_mapping(fields: &[(&str, Value)]) -> String {
    let parts: Vec<String> = fields.iter().map(|(k, v)| format!("{k}: {}", v.text())).collect();
    format!("{{{}}}", parts.join(", "))
}

pub(super) fn one_line(s: &str) -> String {
    s.split(['\n', '\r']).map(str::trim).filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" ")
}

/// A list written on the key's line: `[a, b]`, or items in one scalar separated by `;` `；` `、`.
pub(super) fn inline_items(v: &str) -> (Vec<String>, Option<&'static str>) {
    let v = v.trim();
    if let Some(inner) = v.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        let items = inner.split(',').map(|p| unquote(p.trim())).filter(|p| !p.is_empty()).collect();
        return (items, None);
    }
    let sep = [";", "；", "、"].into_iter().find(|s| v.contains(s)).unwrap_or(";");
    (v.split([';', '；', '、']).map(|p| unquote(p.trim())).filter(|p| !p.is_empty()).collect(), Some(sep))
}

pub(super) fn unquote(s: &str) -> String {
    if s.len() >= 2 && ((s.starts_with('"') && s.ends_with('"')) || (s.starts_with('\'') && s.ends_with('\''))) {
        s[1..s.len() - 1].to_string()
    } else {
        s.to_string()
    }
}
