//! `gov household move`: move a household to another grid (网格), editing only that value: the
//! `grid` cell of its CSV row, or the `grid:` value on its YAML line (inserted after the `id:`
//! line if absent, a comment on the line kept). A grid that does not exist is refused in the
//! check's words.

use clap::Args;

use crate::cli::record::{Session, WriteArgs};
use crate::cli::write::{Place, edit_record, note};
use crate::cli::{CliError, Ctx, Exit};
use crate::model::Kind;
use crate::model::id::id_problem;
use crate::report::Index;
use crate::store::{csv_edit, yaml_edit};
use crate::text::{cli::write as words, errors};

/// Move a household to another grid (网格)
///
/// Edits only the grid: the `grid` cell of a CSV row, or the `grid:` line of a YAML record.
#[derive(Debug, Args)]
pub struct MoveArgs {
    /// The household: id, or a unique part of the address or the head's name
    pub household: String,
    /// The grid it moves to (id or name)
    #[arg(long)]
    pub grid: String,
    #[command(flatten)]
    pub write: WriteArgs,
}

pub fn run(ctx: &Ctx, args: &MoveArgs) -> Result<Exit, CliError> {
    let mut s = Session::open(ctx, &args.write)?;
    let (sym, loc, old, grid) = {
        let ix = Index::new(&s.ds);
        let sym =
            ix.find_household(&args.household).map_err(|e| CliError::from(e).hint(errors::hint_id_or_address()))?;
        let h = ix.household(sym).expect("found");
        let typed = args.grid.trim();
        let grid = match ix.find_grid(typed) {
            Ok(g) => ix.ds.name(g).to_string(),
            // A valid id that names no grid is written as given: the check refuses it.
            Err(_) if id_problem(typed).is_none() => typed.to_string(),
            Err(e) => return Err(CliError::from(e).hint(errors::hint_id_or_name())),
        };
        // Said with its name when the grid is known: `G2 二网格`.
        let shown = |g: &str| match ix.ds.ids.get(g).and_then(|s| ix.look.grid(s)) {
            Some(i) => format!("{g} {}", ix.ds.grids[i].name),
            None => g.to_string(),
        };
        let old = h.grid.map(|g| ix.ds.name(g).to_string()).unwrap_or_default();
        (sym, h.loc, (old.clone(), shown(&old)), (grid.clone(), shown(&grid)))
    };
    let id = s.ds.name(sym).to_string();
    let ((old, old_shown), (grid, shown)) = (old, grid);
    if old == grid {
        note(&words::already_in_grid(&id, &shown));
        return Ok(Exit::Ok);
    }
    let edit = |text: &str, nl: &str, place: &Place| match place {
        Place::Csv { row, header } => {
            let i = header.iter().position(|h| h == "grid").ok_or_else(errors::no_grid_column)?;
            let spans = csv_edit::field_spans(text, row.clone());
            let span = spans.get(i).ok_or_else(errors::row_shorter)?;
            Ok(csv_edit::set_cell(text, span.clone(), &grid))
        }
        Place::Yaml(rec) => yaml_edit::set_value(text, nl, rec, "grid", &grid, None, "id").map_err(|e| e.text()),
    };
    let done = words::moved(&id, &old_shown, &shown);
    let message = words::move_commit(&id, &shown);
    edit_record(ctx, &mut s, &args.write, Kind::Households, (loc, &id), edit, (&done, &message))
}
