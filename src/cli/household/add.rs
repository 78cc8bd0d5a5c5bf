//! `gov household add`: add a household (户) with its linked members to the households file, in
//! the file's own format and column order, after the same validation `gov check` does.

use clap::Args;

use crate::cli::member::add::code;
use crate::cli::record::{Session, WriteArgs};
use crate::cli::write::{add_record_unless, chosen_id, folded, scalar, target};

use crate::cli::{CliError, Ctx, Exit};
use crate::kinds::household::Household;
use crate::load::fields::split_list;
use crate::model::labels::{Color, HouseholdTag};
use crate::model::privacy::mask_door;
use crate::model::{Format, Kind};
use crate::store::csv_edit;
use crate::store::yaml_edit::Value;
use crate::text::errors;

/// Add a household (户)
///
/// Appends one record to households.csv or households.yaml (or, when households is a folder,
/// households/households.csv or its first file; a new households.csv if there is none). Without
/// --id the next free id in the folder's pattern is chosen, and said.
#[derive(Debug, Args)]
pub struct AddArgs {
    /// The household's id [default: the next free one]
    #[arg(long)]
    pub id: Option<String>,
    /// Address (幸福里小区3号楼2单元301室)
    #[arg(long)]
    pub address: String,
    /// The grid it belongs to (a grid id)
    #[arg(long)]
    pub grid: String,
    /// Head of household (户主)
    #[arg(long)]
    pub head: String,
    /// The linked members (ids), separated by `;`
    #[arg(long, value_name = "M1;M2")]
    pub contacts: String,
    /// Phone
    #[arg(long)]
    pub phone: Option<String>,
    /// People in the household
    #[arg(long)]
    pub size: Option<String>,
    /// red, yellow, green (or 红, 黄, 绿) [default when left out: green]
    #[arg(long)]
    pub color: Option<String>,
    /// Tags, separated by `;` (elderly_alone;dibao or 独居老人;低保)
    #[arg(long)]
    pub tags: Option<String>,
    /// The date it was registered (登记日期), from which a household never visited falls due [default: today]
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    #[command(flatten)]
    pub write: WriteArgs,
}

pub fn run(ctx: &Ctx, args: &AddArgs) -> Result<Exit, CliError> {
    let mut s = Session::open(ctx, &args.write)?;
    let id = chosen_id::<Household>(&s.ds, args.id.as_deref(), "H0001");
    let list = |v: &str| split_list(v).map(str::to_string).collect::<Vec<_>>();
    let fields = [
        ("id", Value::Scalar(id.id.clone())),
        ("address", Value::Scalar(args.address.trim().to_string())),
        ("grid", Value::Scalar(args.grid.trim().to_string())),
        ("head", Value::Scalar(args.head.trim().to_string())),
        ("phone", scalar(&args.phone)),
        ("size", scalar(&args.size)),
        ("color", Value::Scalar(args.color.as_deref().map(code::<Color>).unwrap_or_default())),
        (
            "tags",
            Value::List(
                args.tags.as_deref().map(list).unwrap_or_default().iter().map(|t| code::<HouseholdTag>(t)).collect(),
            ),
        ),
        ("contacts", Value::List(list(&args.contacts))),
        ("since", Value::Scalar(since(&s, args.since.as_deref(), ctx.today)?)),
    ];
    let shown = format!("{id} {}", mask_door(args.address.trim()));
    let message = crate::text::cli::write::add_commit("household", &format!("{id} {}", args.address.trim()));
    // One address, one household: a second record of it counts the household twice.
    let address = folded(&args.address);
    let taken = s.ds.households.iter().find(|h| !address.is_empty() && folded(&h.address) == address).map(|h| {
        let place = format!("{}:{}", s.ds.path(h.loc.file).display(), h.loc.line);
        CliError::refused(errors::household_address_taken(&mask_door(h.address.trim()), s.ds.name(h.id), &place))
            .hint(errors::hint_household_taken())
    });
    add_record_unless(ctx, &mut s, &args.write, (Kind::Households, &id), &fields, (&shown, &message), taken)
}

/// The registration date written: the one given, else today; left out (not refused) when a CSV
/// households file has no `since` column and none was given.
fn since(s: &Session, given: Option<&str>, today: chrono::NaiveDate) -> Result<String, CliError> {
    if let Some(d) = given {
        return Ok(d.trim().to_string());
    }
    let t = target(s, Kind::Households)?;
    let lacks = match (&t.file, t.format) {
        (Some(f), Format::Csv) => !csv_edit::header(&f.text, Kind::Households.columns().0).iter().any(|h| h == "since"),
        _ => false,
    };
    Ok(if lacks { String::new() } else { today.to_string() })
}
