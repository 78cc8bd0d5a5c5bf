//! `gov org add`: add an organisation (组织) to the orgs file, in the file's own format and
//! column order, after the same validation `gov check` does.

use clap::Args;

use crate::cli::member::add::code;
use crate::cli::record::{Session, WriteArgs};
use crate::cli::write::{add_record, chosen_id, pick_member, scalar};
use crate::cli::{CliError, Ctx, Exit};
use crate::kinds::org::Org;
use crate::kinds::org::OrgKind;
use crate::load::fields::split_list;
use crate::model::Kind;
use crate::model::id::id_problem;
use crate::report::Index;
use crate::store::yaml_edit::Value;

/// Add an organisation (组织)
///
/// Appends one record to orgs.csv or orgs.yaml (or, when orgs is a folder, orgs/orgs.csv or its
/// first file; a new orgs.csv if there is none). Without --id the next free id in the folder's
/// pattern is chosen (O0013 after O0012), and said. --parent, --partner-of and --leader take an
/// id or a name.
#[derive(Debug, Args)]
pub struct AddArgs {
    /// The org's id [default: the next free one]
    #[arg(long)]
    pub id: Option<String>,
    /// Name
    #[arg(long)]
    pub name: String,
    /// party_committee, branch, grid_branch, unit, partner, department, property,
    /// owners_committee, residents_council, self_management, mass, team, other (or 社区党委,
    /// 党支部, 网格党支部, 双报到单位, 联建单位, 职能部门, 物业企业, 业主委员会, 居民理事会, 自管会,
    /// 群团组织, 志愿服务队, 其他)
    #[arg(long)]
    pub kind: String,
    /// The org it belongs to (a branch's Party committee)
    #[arg(long)]
    pub parent: Option<String>,
    /// Its secretary or head (a member's id or name)
    #[arg(long)]
    pub leader: Option<String>,
    /// The grids it serves, separated by `;`
    #[arg(long)]
    pub grids: Option<String>,
    /// Phone
    #[arg(long)]
    pub phone: Option<String>,
    /// Founded, or joined the community
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// The org whose branch it is paired with (支部联建)
    #[arg(long)]
    pub partner_of: Option<String>,
    /// A note
    #[arg(long)]
    pub note: Option<String>,
    #[command(flatten)]
    pub write: WriteArgs,
}

pub fn run(ctx: &Ctx, args: &AddArgs) -> Result<Exit, CliError> {
    let mut s = Session::open(ctx, &args.write)?;
    let id = chosen_id::<Org>(&s.ds, args.id.as_deref(), "O0001");
    let (parent, partner_of, leader) = {
        let ix = Index::new(&s.ds);
        let org = |typed: &Option<String>| -> Result<String, CliError> {
            let Some(typed) = typed.as_deref().map(str::trim) else { return Ok(String::new()) };
            match ix.find_org(typed) {
                Ok(sym) => Ok(ix.ds.name(sym).to_string()),
                // A valid id that names no org yet is written as given: the check reports it.
                Err(_) if id_problem(typed).is_none() => Ok(typed.to_string()),
                Err(e) => Err(CliError::from(e).hint(crate::text::errors::hint_org_id_or_name())),
            }
        };
        let leader = match args.leader.as_deref() {
            Some(l) => pick_member(&ix, l)?,
            None => String::new(),
        };
        (org(&args.parent)?, org(&args.partner_of)?, leader)
    };
    let fields = [
        ("id", Value::Scalar(id.id.clone())),
        ("name", Value::Scalar(args.name.trim().to_string())),
        ("kind", Value::Scalar(code::<OrgKind>(&args.kind))),
        ("parent", Value::Scalar(parent)),
        ("leader", Value::Scalar(leader)),
        (
            "grids",
            Value::List(args.grids.as_deref().map(|g| split_list(g).map(str::to_string).collect()).unwrap_or_default()),
        ),
        ("phone", scalar(&args.phone)),
        ("since", scalar(&args.since)),
        ("partner_of", Value::Scalar(partner_of)),
        ("note", scalar(&args.note)),
    ];
    let shown = format!("{id} {}", args.name.trim());
    add_record(
        ctx,
        &mut s,
        &args.write,
        (Kind::Orgs, &id),
        &fields,
        (&shown, &crate::text::cli::write::add_commit("org", &shown)),
    )
}
