//! clap's parse errors in Chinese: unknown option or command (with clap's suggestion), a value
//! not among the possible ones, a missing required argument, options that exclude each other,
//! a value its parser refused; any other kind keeps clap's text under a Chinese first line.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use super::super::Lang;

/// The strings of one piece of an error's context.
fn strings(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
        Some(ContextValue::StyledStrs(v)) => v.iter().map(|s| s.to_string()).collect(),
        _ => Vec::new(),
    }
}

fn one(e: &clap::Error, kind: ContextKind) -> String {
    strings(e, kind).into_iter().next().unwrap_or_default()
}

/// clap's error `e` as gov prints it in `lang`, or `None` where clap's own printing stands: all
/// of English, and the help and version pages (which are no errors, and are already in `lang`).
pub fn render_error(e: &clap::Error, lang: Lang) -> Option<String> {
    use ErrorKind::*;
    if lang == Lang::En || matches!(e.kind(), DisplayHelp | DisplayVersion | DisplayHelpOnMissingArgumentOrSubcommand) {
        return None;
    }
    let arg = one(e, ContextKind::InvalidArg);
    let value = one(e, ContextKind::InvalidValue);
    let mut out = String::from("错误：");
    let mut tips: Vec<String> = Vec::new();
    match e.kind() {
        UnknownArgument if arg.starts_with('-') => out.push_str(&format!("没有 {arg} 这个选项")),
        UnknownArgument => out.push_str(&format!("多余的参数“{arg}”")),
        InvalidSubcommand => out.push_str(&format!("没有“{}”这个命令", one(e, ContextKind::InvalidSubcommand))),
        InvalidValue if value.is_empty() => out.push_str(&format!("{arg} 后须填写一个值")),
        InvalidValue => {
            out.push_str(&format!("{arg} 的值“{value}”无效"));
            let valid = strings(e, ContextKind::ValidValue);
            if !valid.is_empty() {
                out.push_str(&format!("\n  [可选值：{}]", valid.join("、")));
            }
        }
        ValueValidation => {
            out.push_str(&format!("{arg} 的值“{value}”无效"));
            if let Some(source) = std::error::Error::source(e) {
                out.push_str(&format!("：{}", parser_said(&source.to_string())));
            }
        }
        MissingRequiredArgument => {
            out.push_str("缺少必填参数：");
            for a in strings(e, ContextKind::InvalidArg) {
                out.push_str(&format!("\n  {a}"));
            }
        }
        MissingSubcommand => {
            out.push_str(&format!("{} 后须写明子命令", one(e, ContextKind::InvalidSubcommand)));
            let valid = strings(e, ContextKind::ValidSubcommand);
            if !valid.is_empty() {
                out.push_str(&format!("\n  [可选的子命令：{}]", valid.join("、")));
            }
        }
        ArgumentConflict => {
            let prior = strings(e, ContextKind::PriorArg);
            if prior.is_empty() || prior == [arg.clone()] {
                out.push_str(&format!("{arg} 只能给一次"));
            } else {
                out.push_str(&format!("{arg} 不能与 {} 同时使用", prior.join("、")));
            }
        }
        _ => {
            // Kinds gov's arguments seldom meet: clap's words, under a line saying what they are.
            let text = e.render().to_string();
            let text = text.split("\n\nUsage:").next().unwrap_or(&text).trim_end();
            out.push_str("命令行有误（以下为 clap 的英文原文）\n");
            out.push_str(text);
        }
    }
    for s in strings(e, ContextKind::SuggestedSubcommand)
        .into_iter()
        .chain(strings(e, ContextKind::SuggestedArg))
        .chain(strings(e, ContextKind::SuggestedValue))
    {
        tips.push(format!("是否应为 {s}？"));
    }
    for s in strings(e, ContextKind::Suggested) {
        tips.push(suggestion(&s));
    }
    if !tips.is_empty() {
        out.push('\n');
        for t in tips {
            out.push_str(&format!("\n  提示：{t}"));
        }
    }
    let usage = one(e, ContextKind::Usage);
    if !usage.is_empty() {
        let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
        out.push_str(&format!("\n\n用法：{usage}"));
    }
    out.push_str("\n\n详细说明请加 --help 查看。\n");
    Some(out)
}

/// What one of gov's value parsers said, in Chinese where it is known: the lists of codes
/// (`allowed: home, phone, … (or 入户, …)`) keep their codes.
fn parser_said(said: &str) -> String {
    match said.strip_prefix("allowed: ") {
        Some(list) => format!("应为 {}之一", list.replace(" (", "（").replace(')', "）").replace(", ", "、")),
        None => said.to_string(),
    }
}

/// clap's tips in Chinese where they are known; others as clap wrote them.
fn suggestion(tip: &str) -> String {
    // "to pass '--bogus' as a value, use '-- --bogus'"
    if let Some((what, _)) = tip.strip_prefix("to pass '").and_then(|rest| rest.split_once("' as a value")) {
        return format!("如果“{what}”是要填的值，请写成 -- {what}");
    }
    tip.to_string()
}

/// `--today` (or `GOV_TODAY`) is not a date; clap puts this after its own words.
pub fn not_a_date(typed: &str) -> super::super::Text {
    super::super::Text::new(format!("`{typed}` is not a date; write YYYY-MM-DD"), "请写成 YYYY-MM-DD 格式的日期")
}
