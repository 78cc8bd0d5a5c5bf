//! `gov grid add`: add a grid (网格) to the grids file, in the file's own format and column
//! order, after the same validation `gov check` does (a parent or leader that does not exist is
//! refused in the check's words).

use clap::Args;

use crate::cli::record::{Session, WriteArgs};
use crate::cli::write::{NewId, add_record, chosen_id, next_id, pick_member, scalar};
use crate::cli::{CliError, Ctx, Exit};
use crate::kinds::grid::Grid;
use crate::model::Kind;
use crate::model::id::id_problem;
use crate::report::Index;
use crate::store::yaml_edit::Value;

/// Add a grid (网格)
///
/// Appends one record to grids.csv or grids.yaml (or, when grids is a folder, grids/grids.csv
/// or its first file; a new grids.csv if there is none). Without --id the next id after the
/// parent's sub-grids (G-01-01-08 after G-01-01-07), else the next free one in the folder's
/// pattern, is chosen, and said. --parent and --leader take an id or a name.
#[derive(Debug, Args)]
pub struct AddArgs {
    /// The grid's id [default: the next free one]
    #[arg(long)]
    pub id: Option<String>,
    /// Name (幸福里小区3号楼)
    #[arg(long)]
    pub name: String,
    /// 1 community, 2 area or compound, 3 building or micro-grid [default when left out: 3]
    #[arg(long)]
    pub level: Option<String>,
    /// The grid it belongs to (id or name)
    #[arg(long)]
    pub parent: Option<String>,
    /// Its leader (网格长): a member's id or name
    #[arg(long)]
    pub leader: Option<String>,
    #[command(flatten)]
    pub write: WriteArgs,
}

pub fn run(ctx: &Ctx, args: &AddArgs) -> Result<Exit, CliError> {
    let mut s = Session::open(ctx, &args.write)?;
    let (id, parent, leader) = {
        let ix = Index::new(&s.ds);
        let parent = match args.parent.as_deref().map(str::trim) {
            None => String::new(),
            Some(typed) => match ix.find_grid(typed) {
                Ok(sym) => ix.ds.name(sym).to_string(),
                // A valid id that names no grid is written as given: the check refuses it.
                Err(_) if id_problem(typed).is_none() => typed.to_string(),
                Err(e) => return Err(CliError::from(e).hint(crate::text::errors::hint_id_or_name())),
            },
        };
        let leader = match args.leader.as_deref() {
            Some(l) => pick_member(&ix, l)?,
            None => String::new(),
        };
        (child_id(&ix, args.id.as_deref(), &parent), parent, leader)
    };
    let fields = [
        ("id", Value::Scalar(id.id.clone())),
        ("name", Value::Scalar(args.name.trim().to_string())),
        ("level", scalar(&args.level)),
        ("parent", Value::Scalar(parent)),
        ("leader", Value::Scalar(leader)),
    ];
    let shown = format!("{id} {}", args.name.trim());
    add_record(
        ctx,
        &mut s,
        &args.write,
        (Kind::Grids, &id),
        &fields,
        (&shown, &crate::text::cli::write::add_commit("grid", &shown)),
    )
}

/// The new grid's id: the one given; else, when its parent already has sub-grids, the next one
/// in their pattern (阳光新村 G-01-01 has G-01-01-01 to -07: G-01-01-08); else the next free
/// one in the folder's pattern.
fn child_id(ix: &Index<'_>, given: Option<&str>, parent: &str) -> NewId {
    let ds = ix.ds;
    let siblings: Vec<&str> = match ds.ids.get(parent) {
        Some(p) if given.is_none() => ds.grids.iter().filter(|g| g.parent == Some(p)).map(|g| ds.name(g.id)).collect(),
        _ => Vec::new(),
    };
    if siblings.is_empty() {
        return chosen_id::<Grid>(ds, given, "G01");
    }
    let mut id = chosen_id::<Grid>(ds, Some(&next_id(siblings.into_iter(), "G01")), "G01");
    // The sibling pattern's next id may be taken elsewhere in the folder (an odd id): then the
    // folder's pattern.
    if ds.grids.iter().any(|g| ds.name(g.id) == id.id) {
        return chosen_id::<Grid>(ds, None, "G01");
    }
    id.chosen = true;
    id
}
