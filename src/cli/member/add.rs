//! `gov member add`: add a party member (党员) to the members file, in the file's own format and
//! column order, after the same validation `gov check` does.

use clap::Args;

use crate::cli::record::{Session, WriteArgs};
use crate::cli::write::{add_record_unless, chosen_id, folded, folded_phone, scalar};
use crate::cli::{CliError, Ctx, Exit};
use crate::kinds::member::{Member, RegisteredMode};
use crate::load::fields::split_list;
use crate::model::Kind;
use crate::model::labels::{Labelled, MemberKind, MemberStatus};
use crate::model::privacy::mask_phone_field;
use crate::store::yaml_edit::Value;
use crate::text::errors;

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
    /// An in-service member's pledge (承诺), free text
    #[arg(long)]
    pub pledge: Option<String>,
    /// How they registered (双报到): online, offline (or 线上, 线下)
    #[arg(long, value_name = "MODE")]
    pub registered_mode: Option<String>,
    /// The grid they reported to (a grid id)
    #[arg(long, value_name = "GRID")]
    pub registered_grid: Option<String>,
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
        ("pledge", scalar(&args.pledge)),
        (
            "registered_mode",
            Value::Scalar(args.registered_mode.as_deref().map(code::<RegisteredMode>).unwrap_or_default()),
        ),
        ("registered_grid", scalar(&args.registered_grid)),
    ];
    let shown = format!("{id} {}", args.name.trim());
    // One person, one member: the same name and phone again counts the member twice.
    let (name, phone) = (folded(&args.name), args.phone.as_deref().map(folded_phone).unwrap_or_default());
    let taken =
        s.ds.members
            .iter()
            .find(|m| {
                !phone.is_empty()
                    && folded(&m.name) == name
                    && m.phone.as_deref().map(folded_phone).as_deref() == Some(&phone)
            })
            .map(|m| {
                let place = format!("{}:{}", s.ds.path(m.loc.file).display(), m.loc.line);
                let shown_phone = mask_phone_field(m.phone.as_deref().unwrap_or("").trim());
                CliError::refused(errors::member_taken(m.name.trim(), &shown_phone, s.ds.name(m.id), &place))
                    .hint(errors::hint_member_taken())
            });
    add_record_unless(
        ctx,
        &mut s,
        &args.write,
        (Kind::Members, &id),
        &fields,
        (&shown, &crate::text::cli::write::add_commit("member", &shown)),
        taken,
    )
}
