//! `gov project add`: record a branch secretary's project (书记攻关项目) in the projects file.

use chrono::Datelike;
use clap::Args;

use crate::cli::record::{Session, WriteArgs};
use crate::cli::write::{add_record, chosen_id, pick_member, scalar};
use crate::cli::{CliError, Ctx, Exit};
use crate::kinds::Project;
use crate::model::Kind;
use crate::model::date::parse_date;
use crate::model::id::id_problem;
use crate::report::Index;
use crate::store::yaml_edit::Value;

/// Record a branch secretary's project (书记攻关项目)
///
/// Appends one project to projects.yaml (a new projects.yaml when there is none). Without --id
/// the next free id in the folder's pattern is chosen (P-2022-01 for the first, numbered by the
/// start year), and said. Its steps are recorded with `gov project progress`, `done`, `share`
/// and `drop`.
#[derive(Debug, Args)]
pub struct AddArgs {
    /// The project's id [default: the next free one]
    #[arg(long)]
    pub id: Option<String>,
    /// The branch (an org's id or name)
    #[arg(long)]
    pub branch: String,
    /// The secretary who leads it (a member's id or name)
    #[arg(long)]
    pub lead: String,
    /// The problem taken on (攻关课题)
    #[arg(long)]
    pub topic: String,
    /// The pledge: what it is to achieve (承诺目标)
    #[arg(long)]
    pub goal: Option<String>,
    /// The day it starts [default: today]
    #[arg(long, value_name = "DATE")]
    pub start: Option<String>,
    /// The day it is due
    #[arg(long, value_name = "DATE")]
    pub due: Option<String>,
    #[command(flatten)]
    pub write: WriteArgs,
}

pub fn run(ctx: &Ctx, args: &AddArgs) -> Result<Exit, CliError> {
    let mut s = Session::open(ctx, &args.write)?;
    let start = args.start.as_deref().map_or(ctx.today, |d| parse_date(d).unwrap_or(ctx.today));
    let id = chosen_id::<Project>(&s.ds, args.id.as_deref(), &format!("P-{}-01", start.year()));
    let (branch, lead) = {
        let ix = Index::new(&s.ds);
        let typed = args.branch.trim();
        let branch = match ix.find_org(typed) {
            Ok(sym) => ix.ds.name(sym).to_string(),
            Err(_) if id_problem(typed).is_none() => typed.to_string(),
            Err(e) => return Err(CliError::from(e).hint(crate::text::errors::hint_org_id_or_name())),
        };
        (branch, pick_member(&ix, &args.lead)?)
    };
    let fields = [
        ("id", Value::Scalar(id.id.clone())),
        ("branch", Value::Scalar(branch)),
        ("lead", Value::Scalar(lead)),
        ("topic", Value::Scalar(args.topic.trim().to_string())),
        ("goal", scalar(&args.goal)),
        ("start", Value::Scalar(args.start.as_deref().map_or_else(|| ctx.today.to_string(), |d| d.trim().to_string()))),
        ("due", scalar(&args.due)),
    ];
    let shown = format!("{id} {}", args.topic.trim());
    add_record(
        ctx,
        &mut s,
        &args.write,
        (Kind::Projects, &id),
        &fields,
        (&shown, &crate::text::cli::write::add_commit("project", &shown)),
    )
}
