//! `gov grid add`: add a grid (网格) to the grids file, in the file's own format and column
//! order, after the same validation `gov check` does (a parent or leader that does not exist is
//! refused in the check's words).

use clap::Args;

use crate::cli::record::{Session, WriteArgs};
use crate::cli::write::{add_record, chosen_id, pick_member, scalar};
use crate::cli::{CliError, Ctx, Exit};
use crate::kinds::grid::Grid;
use crate::model::Kind;
use crate::model::id::id_problem;
use crate::report::Index;
use crate::store::yaml_edit::Value;

/// Add a grid (网格)
///
/// Appends one record to grids.csv or grids.yaml (or, when grids is a folder, grids/grids.csv
/// or its first file; a new grids.csv if there is none). Without --id the next free id in the
/// folder's pattern is chosen, and said. --parent and --leader take an id or a name.
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
    let id = chosen_id::<Grid>(&s.ds, args.id.as_deref(), "G01");
    let (parent, leader) = {
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
        (parent, leader)
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
