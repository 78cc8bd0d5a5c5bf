//! `gov member add`: add a party member (党员) to the members file, in the file's own format and
//! column order, after the same validation `gov check` does.

use clap::Args;

use crate::cli::record::{Session, WriteArgs};
use crate::cli::write::{add_record, chosen_id, scalar};
use crate::cli::{CliError, Ctx, Exit};
use crate::kinds::member::Member;
use crate::load::fields::split_list;
use crate::model::Kind;
use crate::model::labels::{Labelled, MemberKind, MemberStatus};
use crate::store::yaml_edit::Value;

/// Add a party member (党员)
///
/// Appends one record to members.csv or members.yaml (or, when members is a folder,
/// members/members.csv or its first file; a new members.csv if there is none). Without --id the
/// next free id in the folder's pattern is chosen (M0761 after M0760), and said.
#[derive(Debug, Args)]
pub struct AddArgs {
    /// The member's id [default: the next free one]
    #[arg(long)]
    pub id: Option<String>,
    /// Name
    #[arg(long)]
    pub name: String,
    /// resident, in_service, mobile (or 社区党员, 在职党员, 流动党员)
    #[arg(long)]
    pub kind: String,
    /// Branch (支部)
    #[arg(long)]
    pub branch: Option<String>,
    /// The grid the member serves (a grid id)
    #[arg(long)]
    pub grid: Option<String>,
    /// Phone
    #[arg(long)]
    pub phone: Option<String>,
    /// Work unit (工作单位), for in-service members
    #[arg(long)]
    pub unit: Option<String>,
    /// Date of registering with the community (双报到)
    #[arg(long, value_name = "DATE")]
    pub registered: Option<String>,
    /// active, transferred, inactive, deceased (or 正常, 已转出, 失联, 已故)
    #[arg(long)]
    pub status: Option<String>,
    /// Roles, separated by `;` (网格长;楼栋长)
    #[arg(long)]
    pub roles: Option<String>,
    #[command(flatten)]
    pub write: WriteArgs,
}

/// An enum value as its code when it is one, else as typed (the check reports it).
pub fn code<E: Labelled>(typed: &str) -> String {
    E::parse(typed.trim()).map_or_else(|| typed.trim().to_string(), |v| v.code().to_string())
}

pub fn run(ctx: &Ctx, args: &AddArgs) -> Result<Exit, CliError> {
    let mut s = Session::open(ctx, &args.write)?;
    let id = chosen_id::<Member>(&s.ds, args.id.as_deref(), "M0001");
    let fields = [
        ("id", Value::Scalar(id.id.clone())),
        ("name", Value::Scalar(args.name.trim().to_string())),
        ("kind", Value::Scalar(code::<MemberKind>(&args.kind))),
        ("branch", scalar(&args.branch)),
        ("grid", scalar(&args.grid)),
        ("phone", scalar(&args.phone)),
        ("unit", scalar(&args.unit)),
        ("registered", scalar(&args.registered)),
        ("status", Value::Scalar(args.status.as_deref().map(code::<MemberStatus>).unwrap_or_default())),
        (
            "roles",
            Value::List(args.roles.as_deref().map(|r| split_list(r).map(str::to_string).collect()).unwrap_or_default()),
        ),
    ];
    let shown = format!("{id} {}", args.name.trim());
    add_record(
        ctx,
        &mut s,
        &args.write,
        (Kind::Members, &id),
        &fields,
        (&shown, &crate::text::cli::write::add_commit("member", &shown)),
    )
}
