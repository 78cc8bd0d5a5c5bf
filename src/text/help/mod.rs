//! The catalogue's part for help (see [`super`]): every `--help` page in Chinese, clap's own
//! words (headings, the help and version flags, `[默认：…]`), clap's parse errors, and the words
//! of the interactive prompts ([`prompts`]). English stays in the doc comments of the clap
//! structs; the Chinese is in tables keyed by command path and argument id ([`commands`],
//! [`args`]), and a test walks the command tree and the tables both ways.

mod args;
mod commands;
mod errors;
pub mod prompts;
mod wrap;

use clap::{Arg, Command};

use super::Lang;

pub use errors::{not_a_date, render_error};

/// How wide clap lays out help (`max_term_width` of `gov`): Chinese paragraphs are broken to
/// fit, as clap breaks English ones at spaces.
const WIDTH: usize = 100;
/// The indent of an argument's help in the long (`--help`) layout.
const ARG_INDENT: usize = 10;

/// The command tree with its help in `lang`: English as the doc comments give it, Chinese from
/// this catalogue. The Chinese tree is built first (clap then adds the help flags and the `help`
/// subcommand, and copies the global arguments down) so that every page can be reworded.
pub fn localise(cmd: Command, lang: Lang) -> Command {
    if lang == Lang::En {
        return cmd;
    }
    let mut cmd = cmd;
    cmd.build();
    zh_command(cmd, "")
}

/// The path a command's words are keyed by: the `help` subcommand's copies of the tree (`help
/// visit add`, `visit help add`) speak as the commands they stand for.
fn key_of(path: &str) -> String {
    path.split(' ').filter(|s| !s.is_empty() && *s != "help").collect::<Vec<_>>().join(" ")
}

fn zh_command(mut cmd: Command, path: &str) -> Command {
    let is_help = path.rsplit(' ').next() == Some("help");
    let key = key_of(path);
    if is_help {
        cmd = cmd.about(commands::HELP_COMMAND);
    } else if let Some((_, about, long)) = commands::COMMANDS.iter().find(|(p, ..)| *p == key) {
        cmd = cmd.about(*about);
        if let Some(long) = long {
            cmd = cmd.long_about(wrap::wrap(long, WIDTH));
        }
    }
    let long_help = cmd.get_arguments().any(|a| a.get_long_help().is_some()) || cmd.get_long_about().is_some();
    let ids: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    for id in ids {
        cmd = cmd.mut_arg(&id, |a| zh_arg(a, &key, long_help));
    }
    cmd = lay_out_short(cmd);
    let layout = template(&cmd);
    cmd = cmd.help_template(layout);
    let usage = cmd.render_usage().to_string();
    let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
    cmd = cmd.override_usage(
        usage.replace("[OPTIONS]", "[选项]").replace("<COMMAND>", "<命令>").replace("[COMMAND]", "[命令]"),
    );
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for name in names {
        let sub = if path.is_empty() { name.clone() } else { format!("{path} {name}") };
        cmd = cmd.mut_subcommand(&name, |s| zh_command(s, &sub));
    }
    cmd
}

/// clap's layout with Chinese headings: only the sections the command has.
fn template(cmd: &Command) -> String {
    let shown = |a: &&Arg| !a.is_hide_set();
    let sections = [
        (cmd.get_subcommands().any(|s| !s.is_hide_set()), "命令", "{subcommands}"),
        (cmd.get_positionals().any(|a| shown(&a)), "参数", "{positionals}"),
        (cmd.get_arguments().any(|a| !a.is_positional() && shown(&a)), "选项", "{options}"),
    ];
    let body: Vec<String> =
        sections.iter().filter(|(has, ..)| *has).map(|(_, head, tag)| format!("{head}：\n{tag}")).collect();
    let mut t = String::from("{before-help}{about-with-newline}\n用法：{usage}");
    if !body.is_empty() {
        t.push_str("\n\n");
        t.push_str(&body.join("\n\n"));
    }
    t.push_str("{after-help}");
    t
}

/// The Chinese help of argument `id` of the command at `key` (a global one at `""`), whose
/// English help is `en`.
fn arg_help(key: &str, id: &str, en: &str, global: bool) -> Option<&'static str> {
    let key = if global { "" } else { key };
    args::ARGS
        .iter()
        .find(|(p, i, _)| *p == key && *i == id)
        .map(|e| e.2)
        .or_else(|| args::SHARED.iter().find(|(i, e, _)| *i == id && *e == en).map(|e| e.2))
}

/// The Chinese help of `value` of argument `id` at `key`.
fn value_help(key: &str, id: &str, value: &str, global: bool) -> Option<&'static str> {
    let key = if global { "" } else { key };
    let find = |k: &str| args::VALUES.iter().find(|(p, i, v, _)| *p == k && *i == id && *v == value).map(|e| e.3);
    find(key).or_else(|| find("*"))
}

/// The possible values clap would show for `a` (none for a flag).
fn shown_values(a: &Arg) -> Vec<clap::builder::PossibleValue> {
    if !a.get_action().takes_values() || a.is_hide_possible_values_set() {
        return Vec::new();
    }
    a.get_possible_values().into_iter().filter(|v| !v.is_hide_set()).collect()
}

/// One argument in Chinese: its help, and clap's `[env: …]`, `[default: …]` and possible values
/// written out by us (clap's are hidden), in the short layout on one line and in the long one
/// on lines of their own, as clap lays them out.
fn zh_arg(a: Arg, key: &str, long_layout: bool) -> Arg {
    let id = a.get_id().as_str().to_string();
    let help = match id.as_str() {
        "help" if long_layout => {
            return a.help("显示帮助（加 --help 看详细说明）").long_help("显示帮助（加 -h 看简要说明）");
        }
        "help" => return a.help("显示帮助"),
        "version" => return a.help("显示版本号"),
        "subcommand" if a.get_help().is_some_and(|h| h.to_string() == "Print help for the subcommand(s)") => {
            return a.help("要看哪个子命令的帮助").value_name("命令");
        }
        _ => {
            let en = a.get_help().map(|h| h.to_string()).unwrap_or_default();
            match arg_help(key, &id, &en, a.is_global_set()) {
                Some(zh) => zh.to_string(),
                None => return a,
            }
        }
    };
    let mut specs = Vec::new();
    if let Some(env) = a.get_env().filter(|_| !a.is_hide_env_set()) {
        specs.push(format!("[环境变量：{}]", env.to_string_lossy()));
    }
    let defaults: Vec<String> = a.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
    if a.get_action().takes_values() && !a.is_hide_default_value_set() && !defaults.is_empty() {
        specs.push(format!("[默认：{}]", defaults.join(" ")));
    }
    let values = shown_values(&a);
    let names: Vec<&str> = values.iter().map(|v| v.get_name()).collect();
    let mut short = help.clone();
    for s in specs.iter().cloned().chain((!names.is_empty()).then(|| format!("[可选值：{}]", names.join("、")))) {
        short.push(' ');
        short.push_str(&s);
    }
    let mut long = wrap::wrap(&help, WIDTH - ARG_INDENT);
    if !values.is_empty() {
        let width = names.iter().map(|n| n.len()).max().unwrap_or(0);
        long.push_str("\n\n可选值：");
        for v in &values {
            let zh = value_help(key, &id, v.get_name(), a.is_global_set()).unwrap_or_default();
            let pad = width - v.get_name().len();
            long.push_str(&format!("\n- {}：{:pad$}{zh}", v.get_name(), ""));
        }
    }
    if !specs.is_empty() {
        long.push_str("\n\n");
        long.push_str(&specs.join("\n"));
    }
    let a = a.help(short).long_help(long).hide_env(true).hide_default_value(true).hide_possible_values(true);
    match value_name(&a, key) {
        Some(name) => a.value_name(name),
        None => a,
    }
}

/// Whether `name` is a placeholder (`DATE`, `PARTNER_OF`) rather than an example (`M1;M2`).
fn is_placeholder(name: &str) -> bool {
    name.chars().all(|c| c.is_ascii_uppercase() || c == '_')
}

/// The Chinese value name of `a` (one value name, shown because it takes a value).
fn value_name(a: &Arg, key: &str) -> Option<&'static str> {
    let names = a.get_value_names()?;
    if !a.get_action().takes_values() || names.len() != 1 || !is_placeholder(&names[0]) {
        return None;
    }
    let id = a.get_id().as_str();
    let key = if a.is_global_set() { "" } else { key };
    args::VALUE_NAME_EXCEPTIONS
        .iter()
        .find(|(p, i, _)| *p == key && *i == id)
        .map(|e| e.2)
        .or_else(|| args::VALUE_NAMES.iter().find(|(en, _)| *en == names[0].as_str()).map(|e| e.1))
}

/// Columns `s` takes on a terminal.
fn width(s: &str) -> usize {
    wrap::wrap(s, usize::MAX).lines().map(|l| l.chars().map(wrap::columns).sum::<usize>()).max().unwrap_or(0)
}

/// clap's short layout puts each help beside its option, and moves them all below their
/// options only when one would pass the edge, counting each Chinese character as one column.
/// Counted as two, it decides here, and breaks the helps to fit (the list of subcommands
/// keeps its layout).
fn lay_out_short(mut cmd: Command) -> Command {
    let spec = |a: &Arg| -> usize {
        let value: usize = a.get_value_names().map_or(0, |v| v.iter().map(|n| width(n) + 3).sum());
        match a.get_long() {
            Some(long) => 6 + long.len() + value,
            None => 2 + value.saturating_sub(1),
        }
    };
    let shown: Vec<&Arg> = cmd.get_arguments().filter(|a| !a.is_hide_set()).collect();
    let column = shown.iter().map(|a| spec(a)).max().unwrap_or(0) + 2;
    let too_wide = shown.iter().any(|a| a.get_help().is_some_and(|h| column + width(&h.to_string()) > WIDTH));
    if !too_wide {
        return cmd;
    }
    let ids: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    for id in ids {
        cmd = cmd.mut_arg(&id, |a| match a.get_help().map(|h| h.to_string()) {
            Some(h) => a.help(wrap::wrap(&h, WIDTH - ARG_INDENT)).next_line_help(true),
            None => a.next_line_help(true),
        });
    }
    cmd
}

#[cfg(test)]
mod tests;
