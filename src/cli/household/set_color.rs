//! `gov household set-color`: change a household's colour (三色管理). First a record of the
//! change (date, colour, reason, who decided) is appended to the colour history (`colors.csv` or
//! `colors.yaml`, [`crate::kinds::color_change`]), the same in CSV and YAML folders; then only the
//! household's colour is edited: the `color` cell of its CSV row, or the `color:` value on its
//! YAML line (inserted after the `id:` line if absent), where the reason is kept as a comment
//! too. One git commit holds both files.

use clap::Args;

use crate::cli::member::add::code;
use crate::cli::record::{Session, WriteArgs};
use crate::cli::write::{Place, add_record, chosen_id, edit_record, note, target};
use crate::cli::{CliError, Ctx, Exit};
use crate::kinds::ColorChange;
use crate::model::labels::{Color, Labelled};
use crate::model::{Kind, Loc};
use crate::report::Index;
use crate::store::yaml_edit::Value;
use crate::store::{csv_edit, yaml_edit};
use crate::text::{cli::write as words, errors};

/// Change a household's colour (三色管理)
///
/// Appends the change (today's date, the colour, the reason and --by) to the colour history,
/// colors.csv or colors.yaml (a new colors.csv if there is none), then edits only the colour: the
/// `color` cell of a CSV row, or the `color:` line of a YAML record, where the reason is kept as a
/// comment as well (`color: red  # 2026-11-25 独居老人住院`). The reason is always printed, and is
/// the git commit's message with --commit.
#[derive(Debug, Args)]
pub struct SetColorArgs {
    /// The household: id, or a unique part of the address or the head's name
    pub household: String,
    /// red, yellow, green (or 红, 黄, 绿)
    pub color: String,
    /// Why the colour changes (独居老人住院)
    #[arg(long)]
    pub reason: String,
    /// Who decided (a member: id or name)
    #[arg(long, value_name = "MEMBER")]
    pub by: Option<String>,
    #[command(flatten)]
    pub write: WriteArgs,
}

pub fn run(ctx: &Ctx, args: &SetColorArgs) -> Result<Exit, CliError> {
    let mut s = Session::open(ctx, &args.write)?;
    let (sym, loc, old) = {
        let ix = Index::new(&s.ds);
        let sym =
            ix.find_household(&args.household).map_err(|e| CliError::from(e).hint(errors::hint_id_or_address()))?;
        let h = ix.household(sym).expect("found");
        (sym, h.loc, h.color)
    };
    let id = s.ds.name(sym).to_string();
    let color = code::<Color>(&args.color);
    let reason = args.reason.trim().to_string();
    if Color::parse(&color) == Some(old) {
        note(&words::already_color(&id, &color));
        return Ok(Exit::Ok);
    }
    let comment = format!("{} {reason}", ctx.today);
    // In the folder's words (`values` in gov.yaml); the messages keep the code.
    let written = match (s.ds.settings.values, Color::parse(&color)) {
        (crate::model::Lang::Zh, Some(c)) => c.zh().to_string(),
        _ => color.clone(),
    };
    let edit = |text: &str, nl: &str, place: &Place| match place {
        Place::Csv { row, header } => {
            let i = header.iter().position(|h| h == "color").ok_or_else(errors::no_color_column)?;
            let spans = csv_edit::field_spans(text, row.clone());
            let span = spans.get(i).ok_or_else(errors::row_shorter)?;
            Ok(csv_edit::set_cell(text, span.clone(), &written))
        }
        Place::Yaml(rec) => {
            yaml_edit::set_value(text, nl, rec, "color", &written, Some(&comment), "id").map_err(|e| e.text())
        }
    };
    let done = words::color_changed(&id, old.code(), &color, &reason);
    let message = words::color_commit(&id, &color, &reason);
    // Who decided must be a member: the history is written after the household, and must not
    // be refused then.
    let by = match args.by.as_deref() {
        Some(typed) => {
            let ix = Index::new(&s.ds);
            let m = ix.find_member(typed).map_err(|e| CliError::from(e).hint(errors::hint_id_or_name()))?;
            s.ds.name(m).to_string()
        }
        None => String::new(),
    };
    // The household first, judged against a history that already ends with the new colour (a
    // stand-in record, in the history file, that the history's own judging replaces with what
    // is written); then the history.
    let colors = target(&s, Kind::Colors)?;
    let file = s.ds.file_id(&colors.rel, Kind::Colors, colors.format);
    if let Some(new) = Color::parse(&color) {
        let stand_in = ColorChange {
            household: sym,
            date: ctx.today,
            color: Some(new),
            reason: None,
            by: None,
            loc: Loc { file, line: u32::MAX },
        };
        s.ds.colors.push(stand_in);
    }
    let fields = [
        ("household", Value::Scalar(id.clone())),
        ("date", Value::Scalar(ctx.today.to_string())),
        ("color", Value::Scalar(color.clone())),
        ("reason", Value::Scalar(reason.clone())),
        ("by", Value::Scalar(by)),
    ];
    // One commit for both files, made here: neither write commits on its own.
    let quiet = WriteArgs { dry_run: args.write.dry_run, commit: false, wait: args.write.wait };
    let auto = std::mem::replace(&mut s.ds.settings.auto_commit, false);
    let exit = edit_record(ctx, &mut s, &quiet, Kind::Households, (loc, &id), edit, (&done, &message))?;
    let history = chosen_id::<ColorChange>(&s.ds, Some(""), "");
    let shown = format!("{id} {color}");
    add_record(ctx, &mut s, &quiet, (Kind::Colors, &history), &fields, (&shown, &message))?;
    s.ds.settings.auto_commit = auto;
    if !args.write.dry_run {
        let households = s.root.join(s.ds.path(loc.file));
        s.commit(&args.write, &[households, colors.path], &message);
    }
    Ok(exit)
}
