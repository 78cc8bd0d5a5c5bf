//! The tables against the command tree, both ways: every command, argument and shown possible
//! value has Chinese that differs from its English, and every entry of the tables is used.

use std::collections::HashSet;

use clap::CommandFactory;

use super::{args, commands, is_placeholder, key_of, shown_values};

#[derive(Default)]
struct Walk {
    problems: Vec<String>,
    commands: HashSet<&'static str>,
    args: HashSet<(&'static str, &'static str)>,
    shared: HashSet<(&'static str, &'static str)>,
    values: HashSet<(&'static str, &'static str, &'static str)>,
    value_names: HashSet<&'static str>,
}

impl Walk {
    fn differs(&mut self, what: &str, en: &str, zh: &str) {
        if en == zh {
            self.problems.push(format!("{what}: the Chinese is the English: {zh:?}"));
        }
    }

    fn command(&mut self, cmd: &clap::Command, path: &str) {
        let en_about = cmd.get_about().map(|s| s.to_string()).unwrap_or_default();
        let en_long = cmd.get_long_about().map(|s| s.to_string());
        match commands::COMMANDS.iter().find(|(p, ..)| *p == path) {
            None => self.problems.push(format!("`gov {path}`: no Chinese about")),
            Some((p, about, long)) => {
                self.commands.insert(p);
                self.differs(&format!("`gov {path}` about"), &en_about, about);
                match (&en_long, long) {
                    (Some(en), Some(zh)) => self.differs(&format!("`gov {path}` long about"), en, zh),
                    (None, None) => {}
                    _ => self.problems.push(format!("`gov {path}`: a long about in one language only")),
                }
            }
        }
        for a in cmd.get_arguments() {
            self.argument(a, path);
        }
        for sub in cmd.get_subcommands() {
            let p = if path.is_empty() { sub.get_name().to_string() } else { format!("{path} {}", sub.get_name()) };
            self.command(sub, &p);
        }
    }

    fn argument(&mut self, a: &clap::Arg, path: &str) {
        let id = a.get_id().as_str();
        let en = a.get_help().map(|s| s.to_string()).unwrap_or_default();
        let what = format!("`gov {path}` argument `{id}`");
        if let Some(e) = args::ARGS.iter().find(|(p, i, _)| *p == path && *i == id) {
            self.args.insert((e.0, e.1));
            self.differs(&what, &en, e.2);
        } else if let Some(e) = args::SHARED.iter().find(|(i, e, _)| *i == id && *e == en) {
            self.shared.insert((e.0, e.1));
            self.differs(&what, &en, e.2);
        } else {
            self.problems.push(format!("{what}: no Chinese help (English: {en:?})"));
        }
        if let Some(names) = a.get_value_names().filter(|_| a.get_action().takes_values()) {
            let placeholders: Vec<&str> = names.iter().map(|n| n.as_str()).filter(|n| is_placeholder(n)).collect();
            match super::value_name(a, path) {
                Some(zh) => {
                    self.value_names.insert(zh);
                }
                None if placeholders.is_empty() => {}
                None => self.problems.push(format!("{what}: no Chinese for the value name {placeholders:?}")),
            }
        }
        for v in shown_values(a) {
            let name = v.get_name();
            let found = [path, "*"]
                .into_iter()
                .find_map(|k| args::VALUES.iter().find(|(p, i, n, _)| *p == k && *i == id && *n == name));
            match found {
                None => self.problems.push(format!("{what} value `{name}`: no Chinese help")),
                Some(e) => {
                    self.values.insert((e.0, e.1, e.2));
                    if let Some(en) = v.get_help() {
                        self.differs(&format!("{what} value `{name}`"), &en.to_string(), e.3);
                    }
                }
            }
        }
    }
}

#[test]
fn every_command_argument_and_value_has_chinese_and_every_entry_is_used() {
    let mut w = Walk::default();
    w.command(&crate::cli::Cli::command(), "");
    for (p, ..) in commands::COMMANDS {
        if !w.commands.contains(p) {
            w.problems.push(format!("COMMANDS: `{p}` is no command"));
        }
    }
    for (p, i, _) in args::ARGS {
        if !w.args.contains(&(*p, *i)) {
            w.problems.push(format!("ARGS: `gov {p}` has no argument `{i}`"));
        }
    }
    for (i, e, _) in args::SHARED {
        if !w.shared.contains(&(*i, *e)) {
            w.problems.push(format!("SHARED: no command uses `{i}` with {e:?}"));
        }
    }
    for (p, i, v, _) in args::VALUES {
        if !w.values.contains(&(*p, *i, *v)) {
            w.problems.push(format!("VALUES: `{p}` `{i}` `{v}` is shown nowhere"));
        }
    }
    let names = args::VALUE_NAMES.iter().map(|&(en, zh)| (en, zh));
    for (en, zh) in names.chain(args::VALUE_NAME_EXCEPTIONS.iter().map(|&(_, i, zh)| (i, zh))) {
        if !w.value_names.contains(zh) {
            w.problems.push(format!("VALUE_NAMES: `{en}` ({zh}) is shown nowhere"));
        }
    }
    assert!(w.problems.is_empty(), "{}", w.problems.join("\n"));
}

#[test]
fn the_help_subcommand_speaks_as_the_command_it_stands_for() {
    assert_eq!(key_of("help visit add"), "visit add");
    assert_eq!(key_of("visit help add"), "visit add");
    assert_eq!(key_of(""), "");
}

/// Every page of the Chinese tree renders, and says nothing in clap's English.
#[test]
fn the_chinese_tree_has_no_english_headings() {
    let mut cmd = super::localise(crate::cli::Cli::command(), super::Lang::Zh);
    fn walk(cmd: &mut clap::Command, problems: &mut Vec<String>) {
        for text in [cmd.render_help().to_string(), cmd.render_long_help().to_string()] {
            for word in [
                "Usage:",
                "Options:",
                "Commands:",
                "Arguments:",
                "[default:",
                "[env:",
                "Possible values",
                "Print help",
                "[OPTIONS]",
                "[possible values",
            ] {
                if text.contains(word) {
                    problems.push(format!("`{}` says {word:?}:\n{text}", cmd.get_name()));
                }
            }
        }
        for sub in cmd.get_subcommands_mut() {
            walk(sub, problems);
        }
    }
    let mut problems = Vec::new();
    walk(&mut cmd, &mut problems);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
