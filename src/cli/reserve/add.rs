//! `gov reserve add`: record a reserve cadre (后备力量 / 红色雏雁) in the reserves file.

use clap::Args;

use crate::cli::member::add::code;
use crate::cli::record::{Session, WriteArgs};
use crate::cli::write::{add_record, chosen_id, pick_member, scalar};
use crate::cli::{CliError, Ctx, Exit};
use crate::kinds::Reserve;
use crate::kinds::reserve::{Education, Gender, PoliticalStatus, ReserveStatus};
use crate::model::Kind;
use crate::model::id::id_problem;
use crate::report::Index;
use crate::store::yaml_edit::Value;

/// Record a reserve cadre (后备力量 / 红色雏雁)
///
/// Appends one record to reserves.yaml (a new reserves.yaml when there is none, so trainings can
/// be listed under it). Without --id the next free id in the folder's pattern is chosen (R0001
/// for the first), and said. --org takes an org's id or name, --mentor a member's.
#[derive(Debug, Args)]
pub struct AddArgs {
    /// The cadre's id [default: the next free one]
    #[arg(long)]
    pub id: Option<String>,
    /// Name
    #[arg(long)]
    pub name: String,
    /// Date of birth
    #[arg(long, value_name = "DATE")]
    pub born: Option<String>,
    /// male or female (or 男, 女)
    #[arg(long)]
    pub gender: Option<String>,
    /// postgraduate, bachelor, college, secondary (or 研究生, 大学本科, 大学专科, 高中及以下)
    #[arg(long)]
    pub education: Option<String>,
    /// member, probationary, activist, masses (or 中共党员, 中共预备党员, 入党积极分子, 群众)
    #[arg(long)]
    pub political_status: Option<String>,
    /// Grid (id)
    #[arg(long)]
    pub grid: Option<String>,
    /// The org they belong to (an org's id or name)
    #[arg(long)]
    pub org: Option<String>,
    /// The member who mentors them (培养联系人: a member's id or name)
    #[arg(long)]
    pub mentor: Option<String>,
    /// The day they entered the roster [default: today]
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// training, appointed or left (or 培养中, 已使用, 已退出) [default: training]
    #[arg(long)]
    pub status: Option<String>,
    #[command(flatten)]
    pub write: WriteArgs,
}

fn label<E: crate::model::labels::Labelled>(v: &Option<String>) -> Value {
    Value::Scalar(v.as_deref().map(code::<E>).unwrap_or_default())
}

pub fn run(ctx: &Ctx, args: &AddArgs) -> Result<Exit, CliError> {
    let mut s = Session::open(ctx, &args.write)?;
    let id = chosen_id::<Reserve>(&s.ds, args.id.as_deref(), "R0001");
    let (org, mentor) = {
        let ix = Index::new(&s.ds);
        let org = match args.org.as_deref().map(str::trim) {
            None => String::new(),
            Some(typed) => match ix.find_org(typed) {
                Ok(sym) => ix.ds.name(sym).to_string(),
                Err(_) if id_problem(typed).is_none() => typed.to_string(),
                Err(e) => return Err(CliError::from(e).hint(crate::text::errors::hint_org_id_or_name())),
            },
        };
        let mentor = match args.mentor.as_deref() {
            Some(m) => pick_member(&ix, m)?,
            None => String::new(),
        };
        (org, mentor)
    };
    let fields = [
        ("id", Value::Scalar(id.id.clone())),
        ("name", Value::Scalar(args.name.trim().to_string())),
        ("born", scalar(&args.born)),
        ("gender", label::<Gender>(&args.gender)),
        ("education", label::<Education>(&args.education)),
        ("political_status", label::<PoliticalStatus>(&args.political_status)),
        ("grid", scalar(&args.grid)),
        ("org", Value::Scalar(org)),
        ("mentor", Value::Scalar(mentor)),
        ("since", Value::Scalar(args.since.as_deref().map_or_else(|| ctx.today.to_string(), |d| d.trim().to_string()))),
        ("status", label::<ReserveStatus>(&args.status)),
    ];
    let shown = format!("{id} {}", args.name.trim());
    add_record(
        ctx,
        &mut s,
        &args.write,
        (Kind::Reserves, &id),
        &fields,
        (&shown, &crate::text::cli::write::add_commit("reserve cadre", &shown)),
    )
}
