//! `gov volunteer add`: add a volunteer (志愿者) to the volunteers file, in the file's own format
//! and column order, after the same validation `gov check` does.

use clap::Args;

use crate::cli::member::add::code;
use crate::cli::record::{Session, WriteArgs};
use crate::cli::write::{add_record, chosen_id, scalar};
use crate::cli::{CliError, Ctx, Exit};
use crate::kinds::volunteer::{Volunteer, VolunteerKind, VolunteerStatus};
use crate::load::fields::split_list;
use crate::model::Kind;
use crate::model::Lang;
use crate::model::id::id_problem;
use crate::model::labels::Labelled;
use crate::report::Index;
use crate::store::yaml_edit::Value;

/// Add a volunteer (志愿者)
///
/// Appends one record to volunteers.csv or volunteers.yaml (or, when volunteers is a folder,
/// volunteers/volunteers.csv or its first file; a new volunteers.csv if there is none). Without
/// --id the next free id in the folder's pattern is chosen (Y0013 after Y0012), and said. --org
/// and --grid take an id or a name.
#[derive(Debug, Args)]
pub struct AddArgs {
    /// The volunteer's id [default: the next free one]
    #[arg(long)]
    pub id: Option<String>,
    /// Name
    #[arg(long)]
    pub name: String,
    /// youth, resident, member, other (or 团员青年, 居民, 党员, 其他)
    #[arg(long)]
    pub kind: Option<String>,
    /// The org that mobilised them (团委, a volunteer team)
    #[arg(long)]
    pub org: Option<String>,
    /// The grid they serve
    #[arg(long)]
    pub grid: Option<String>,
    /// Phone
    #[arg(long)]
    pub phone: Option<String>,
    /// Date registered
    #[arg(long, value_name = "DATE")]
    pub registered: Option<String>,
    /// active, left (or 在册, 已退出)
    #[arg(long)]
    pub status: Option<String>,
    /// Skills, separated by `;` (急救;摄影)
    #[arg(long)]
    pub skills: Option<String>,
    #[command(flatten)]
    pub write: WriteArgs,
}

/// An enum value in the folder's words (`values` in gov.yaml): the code, or the Chinese label.
fn word<E: Labelled>(typed: &str, values: Lang) -> String {
    match (E::parse(typed.trim()), values) {
        (Some(v), Lang::Zh) => v.zh().to_string(),
        _ => code::<E>(typed),
    }
}

pub fn run(ctx: &Ctx, args: &AddArgs) -> Result<Exit, CliError> {
    let mut s = Session::open(ctx, &args.write)?;
    let id = chosen_id::<Volunteer>(&s.ds, args.id.as_deref(), "Y0001");
    let values = s.ds.settings.values;
    let (org, grid) = {
        let ix = Index::new(&s.ds);
        let pick = |found: Result<crate::model::Sym, crate::report::index::FindError>, typed: &str| match found {
            Ok(sym) => Ok(ix.ds.name(sym).to_string()),
            Err(_) if id_problem(typed.trim()).is_none() => Ok(typed.trim().to_string()),
            Err(e) => Err(CliError::from(e).hint(crate::text::errors::hint_id_or_name())),
        };
        let org = match args.org.as_deref() {
            Some(o) => pick(ix.find_org(o), o)?,
            None => String::new(),
        };
        let grid = match args.grid.as_deref() {
            Some(g) => pick(ix.find_grid(g), g)?,
            None => String::new(),
        };
        (org, grid)
    };
    let fields = [
        ("id", Value::Scalar(id.id.clone())),
        ("name", Value::Scalar(args.name.trim().to_string())),
        ("kind", Value::Scalar(args.kind.as_deref().map(|k| word::<VolunteerKind>(k, values)).unwrap_or_default())),
        ("org", Value::Scalar(org)),
        ("grid", Value::Scalar(grid)),
        ("phone", scalar(&args.phone)),
        ("registered", scalar(&args.registered)),
        (
            "status",
            Value::Scalar(args.status.as_deref().map(|k| word::<VolunteerStatus>(k, values)).unwrap_or_default()),
        ),
        (
            "skills",
            Value::List(
                args.skills.as_deref().map(|r| split_list(r).map(str::to_string).collect()).unwrap_or_default(),
            ),
        ),
    ];
    let shown = format!("{id} {}", args.name.trim());
    add_record(
        ctx,
        &mut s,
        &args.write,
        (Kind::Volunteers, &id),
        &fields,
        (&shown, &crate::text::cli::write::add_commit("volunteer", &shown)),
    )
}
