//! The command line: global options, the registry of subcommands (one file each) and the exit
//! codes. Commands load, compute through the library, then hand the result to a writer.

/// Prints a catalogue [`crate::text::Text`] (nothing else type-checks) and a line end, in the
/// process's language, through the masking layer: every line a command prints about a record
/// (the echo of a writing command, a dry run's text) goes through
/// [`crate::model::privacy::mask_text`]. The data a dry run shows under it goes through [`echo`].
macro_rules! sayln {
    ($text:expr) => {
        println!("{}", $crate::model::privacy::mask_text($crate::text::Text::current(&$text)))
    };
}

mod activity;
pub mod check;
pub mod due;
mod edit;
mod error;
pub mod export;
pub mod export_parquet;
mod git;
mod grid;
mod household;
mod import;
mod init;
mod issue;
mod judge;
mod lang;
mod meeting;
mod member;
mod notes;
mod org;
pub mod output;
mod progress;
mod project;
mod record;
pub mod report;
mod reserve;
pub mod stats;
pub mod town;
mod values;
mod visit;
mod volunteer;
mod write;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

pub use error::{CliError, Exit, OrOs};

use crate::load::{self, LoadError};
use crate::model::date::parse_date;
use crate::model::labels::Action;

/// Keep the records of the party-member-linked-households system (党员联系户) as plain files:
/// check them, record visits and problems, and report on them.
#[derive(Debug, Parser)]
#[command(name = "gov", version, max_term_width = 100)]
pub struct Cli {
    /// The data folder [default: the nearest folder at or above the current one holding gov.yaml]
    #[arg(long, global = true, env = "GOV_DATA", value_name = "DIR")]
    pub data: Option<PathBuf>,

    /// Take this date as today (YYYY-MM-DD), for reproducible output [default: the real date]
    #[arg(long, global = true, env = "GOV_TODAY", value_name = "DATE", value_parser = today_arg)]
    pub today: Option<NaiveDate>,

    /// Parse every file afresh: neither read nor update the parse cache in .gov/cache
    #[arg(long, global = true, env = "GOV_NO_CACHE", value_parser = clap::builder::FalseyValueParser::new())]
    pub no_cache: bool,

    /// Language of messages, help, headers and labels [default: GOV_LANG, else `lang` in gov.yaml, else the locale]
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<lang::LangArg>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Check(check::CheckArgs),
    Init(init::InitArgs),
    Stats(stats::StatsArgs),
    Report(report::ReportArgs),
    /// Visits: record, correct or remove them, list the detailed ledger (走访台账)
    #[command(subcommand)]
    Visit(visit::VisitCommand),
    /// Party members (党员): add one, correct one, set its status, list the roster (党员花名册)
    #[command(subcommand)]
    Member(member::MemberCommand),
    /// Grids (网格): add one, list them as a tree
    #[command(subcommand)]
    Grid(grid::GridCommand),
    /// Organisations (组织): add one, list them as a tree
    #[command(subcommand)]
    Org(org::OrgCommand),
    /// Households (户): add one, correct one, list the roster, set its colour, move it, link and unlink members
    #[command(subcommand)]
    Household(household::HouseholdCommand),
    /// Problems raised by residents (群众诉求): record, correct, list, show their history
    #[command(subcommand)]
    Issue(issue::IssueCommand),
    /// Meetings and their decisions (会议与议事): record, decide, track until done, list, show
    #[command(subcommand)]
    Meeting(meeting::MeetingCommand),
    /// The branch secretaries' projects (书记攻关项目): record, track until done, list, show
    #[command(subcommand)]
    Project(project::ProjectCommand),
    /// The reserve cadres (后备力量 / 红色雏雁): add one, list them
    #[command(subcommand)]
    Reserve(reserve::ReserveCommand),
    Due(due::DueArgs),
    Export(export::ExportArgs),
    /// Activities and services (活动与服务): record them, list the ledger (活动台账)
    #[command(subcommand)]
    Activity(activity::ActivityCommand),
    /// Volunteers (志愿者): add one, list the roster (志愿者花名册)
    #[command(subcommand)]
    Volunteer(volunteer::VolunteerCommand),
    Import(import::ImportArgs),
}

fn today_arg(s: &str) -> Result<NaiveDate, String> {
    parse_date(s).ok_or_else(|| crate::text::help::not_a_date(s).to_string())
}

/// What every command gets besides its own arguments.
pub struct Ctx {
    pub data: Option<PathBuf>,
    pub today: NaiveDate,
    /// Today was given (`--today`, `GOV_TODAY`) rather than read from the clock: a report as of
    /// that day does not count later records as future-dated mistakes.
    pub today_given: bool,
    pub cwd: PathBuf,
    /// Use the parse cache (not `--no-cache`).
    pub cache: bool,
    /// Hears how loads go: the progress line and `GOV_TIMINGS`.
    pub terminal: progress::Terminal,
    /// The command's words and nothing the user typed as a value (`gov visit add`), for the
    /// lock file.
    pub command: String,
    /// The language the user asked for by name (`--lang`, `GOV_LANG`); else the folder's.
    pub lang: Option<crate::text::Lang>,
}

impl Ctx {
    /// Speaks the folder's language from now on, unless the user asked for another.
    pub fn settle_lang(&self, settings: &crate::model::Settings) {
        lang::settle(self.lang, settings);
    }

    /// How to load the folder: with or without visit summaries and topics.
    pub fn load_options(&self, visit_text: bool) -> load::LoadOptions<'_> {
        load::LoadOptions { visit_text, cache: self.cache, observer: &self.terminal, ..load::LoadOptions::default() }
    }

    /// The community's folder the user means, or an error saying where we looked; a town's
    /// folder is refused (the commands that read a town ask for [`Ctx::place`]).
    pub fn root(&self) -> Result<PathBuf, CliError> {
        match self.place()? {
            town::Place::Community(root) => Ok(root),
            town::Place::Town(spec) => Err(town::not_on_a_town(self, &spec)),
        }
    }

    /// The folder holding the gov.yaml the user means, community or town.
    fn folder(&self) -> Result<PathBuf, CliError> {
        load::find_root(self.data.as_deref(), &self.cwd).map_err(|e| {
            use crate::text::errors;
            let hint = match &e {
                LoadError::NotFound { .. } => errors::hint_pass_data(),
                LoadError::NoSettings { .. } => errors::hint_init_there(),
                _ => errors::hint_check_data(),
            };
            CliError::from(e).hint(hint)
        })
    }
}

/// Parses the arguments, runs the command, and returns the exit code.
pub fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let early = lang::before_parsing(&args);
    crate::text::set_lang(early);
    // The tree is put into another language only when clap is to speak (help, an error): a
    // command that parses does not pay for it.
    let parsed = Cli::command().try_get_matches_from(&args);
    let parsed = match parsed {
        Err(_) if early != crate::text::Lang::En => {
            crate::text::help::localise(Cli::command(), early).try_get_matches_from(args)
        }
        parsed => parsed,
    };
    let matches = match parsed {
        Ok(matches) => matches,
        // Help and version exit 0, errors 2, as clap has them; errors in the language asked.
        Err(e) => match crate::text::help::render_error(&e, early) {
            Some(text) => {
                let _ = write!(io::stderr(), "{text}");
                return ExitCode::from(e.exit_code() as u8);
            }
            None => e.exit(),
        },
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    let mut command = "gov".to_string();
    let mut sub = matches.subcommand();
    while let Some((name, m)) = sub {
        command.push(' ');
        command.push_str(name);
        sub = m.subcommand();
    }
    let cwd = match std::env::current_dir().or_os(crate::text::errors::cannot_read_cwd) {
        Ok(cwd) => cwd,
        Err(e) => return fail(e),
    };
    let ctx = Ctx {
        data: cli.data,
        today: cli.today.unwrap_or_else(|| chrono::Local::now().date_naive()),
        today_given: cli.today.is_some(),
        cwd,
        cache: !cli.no_cache,
        terminal: progress::Terminal::from_env(),
        command,
        lang: lang::asked(cli.lang),
    };
    crate::text::set_lang(ctx.lang.unwrap_or_else(lang::locale));
    let result = match cli.command {
        Command::Check(args) => check::run(&ctx, &args),
        Command::Init(args) => init::run(&ctx, &args),
        Command::Stats(args) => stats::run(&ctx, &args),
        Command::Report(args) => report::run(&ctx, &args),
        Command::Visit(visit::VisitCommand::Add(args)) => visit::add::run(&ctx, &args),
        Command::Visit(visit::VisitCommand::List(args)) => visit::list::run(&ctx, &args),
        Command::Visit(visit::VisitCommand::Edit(args)) => visit::edit::run(&ctx, &args),
        Command::Visit(visit::VisitCommand::Rm(args)) => visit::rm::run(&ctx, &args),
        Command::Member(member::MemberCommand::Add(args)) => member::add::run(&ctx, &args),
        Command::Member(member::MemberCommand::List(args)) => member::list::run(&ctx, &args),
        Command::Grid(grid::GridCommand::Add(args)) => grid::add::run(&ctx, &args),
        Command::Grid(grid::GridCommand::List(args)) => grid::list::run(&ctx, &args),
        Command::Org(org::OrgCommand::Add(args)) => org::add::run(&ctx, &args),
        Command::Org(org::OrgCommand::List(args)) => org::list::run(&ctx, &args),
        Command::Household(household::HouseholdCommand::Add(args)) => household::add::run(&ctx, &args),
        Command::Household(household::HouseholdCommand::List(args)) => household::list::run(&ctx, &args),
        Command::Member(member::MemberCommand::Edit(args)) => member::edit::run(&ctx, &args),
        Command::Member(member::MemberCommand::SetStatus(args)) => member::set_status::run(&ctx, &args),
        Command::Household(household::HouseholdCommand::Edit(args)) => household::edit::run(&ctx, &args),
        Command::Household(household::HouseholdCommand::SetColor(args)) => household::set_color::run(&ctx, &args),
        Command::Household(household::HouseholdCommand::Show(args)) => household::show::run(&ctx, &args),
        Command::Household(household::HouseholdCommand::Move(args)) => household::move_grid::run(&ctx, &args),
        Command::Household(household::HouseholdCommand::Link(args)) => household::link::run(&ctx, &args, true),
        Command::Household(household::HouseholdCommand::Unlink(args)) => household::link::run(&ctx, &args, false),
        Command::Issue(issue::IssueCommand::List(args)) => issue::list::run(&ctx, &args),
        Command::Issue(issue::IssueCommand::Show(args)) => issue::show::run(&ctx, &args),
        Command::Issue(issue::IssueCommand::Add(args)) => issue::add::run(&ctx, &args),
        Command::Issue(issue::IssueCommand::Dispatch(a)) => issue::event::run(&ctx, Action::Dispatched, &a, vec![]),
        Command::Issue(issue::IssueCommand::Whistle(a)) => issue::event::run_whistle(&ctx, &a),
        Command::Issue(issue::IssueCommand::Report(a)) => {
            issue::event::run(&ctx, Action::Report, &a.event, issue::event::report(&a))
        }
        Command::Issue(issue::IssueCommand::Progress(a)) => issue::event::run(&ctx, Action::Progress, &a, vec![]),
        Command::Issue(issue::IssueCommand::Resolve(a)) => issue::event::run(&ctx, Action::Resolved, &a, vec![]),
        Command::Issue(issue::IssueCommand::Feedback(a)) => {
            issue::event::feedback(&a).and_then(|f| issue::event::run(&ctx, Action::Feedback, &a.event, f))
        }
        Command::Issue(issue::IssueCommand::Reopen(a)) => issue::event::run(&ctx, Action::Reopened, &a, vec![]),
        Command::Issue(issue::IssueCommand::Close(a)) => issue::event::run(&ctx, Action::Closed, &a, vec![]),
        Command::Issue(issue::IssueCommand::Undo(args)) => issue::undo::run(&ctx, &args),
        Command::Issue(issue::IssueCommand::Amend(args)) => issue::amend::run(&ctx, &args),
        Command::Meeting(c) => meeting_command(&ctx, c),
        Command::Project(c) => project_command(&ctx, c),
        Command::Reserve(reserve::ReserveCommand::Add(a)) => reserve::add::run(&ctx, &a),
        Command::Reserve(reserve::ReserveCommand::List(a)) => reserve::list::run(&ctx, &a),
        Command::Due(args) => due::run(&ctx, &args),
        Command::Export(args) => export::run(&ctx, &args),
        Command::Import(args) => import::run(&ctx, &args),
        Command::Activity(activity::ActivityCommand::Add(args)) => activity::add::run(&ctx, &args),
        Command::Activity(activity::ActivityCommand::List(args)) => activity::list::run(&ctx, &args),
        Command::Volunteer(volunteer::VolunteerCommand::Add(args)) => volunteer::add::run(&ctx, &args),
        Command::Volunteer(volunteer::VolunteerCommand::List(args)) => volunteer::list::run(&ctx, &args),
    };
    match result {
        Ok(exit) => exit.into(),
        Err(e) => fail(e),
    }
}

/// Prints the error (unless it is a closed pipe) and returns its exit code.
fn fail(e: CliError) -> ExitCode {
    if e.is_shown() {
        // An error can quote what the user typed or the data held: masked like every output.
        let _ = writeln!(io::stderr(), "{}", crate::model::privacy::mask_text(&e.to_string()));
    }
    e.exit_code().into()
}

/// Prints data a command shows under a message (a dry run's rows, a diff) as it is, masked.
pub fn echo(data: &str) {
    print!("{}", crate::model::privacy::mask_text(data));
}

/// Leaks `value` on purpose: it lives until the process ends and is never dropped. A command loads
/// one folder and exits right after it is done with it. Handing the millions of small
/// allocations of a large dataset back one by one is wasted time: it took 0.18 s of a 1.2 s
/// district run. The operating system takes the memory back at once when the process exits.
/// Use this only for what a command keeps to its end, once per run.
pub fn keep_until_exit<T>(value: T) -> &'static T {
    Box::leak(Box::new(value))
}

/// Shows a path relative to the current folder when it is inside it.
pub fn shown(path: &Path, cwd: &Path) -> String {
    let rel = path.strip_prefix(cwd).unwrap_or(path);
    let rel = rel.strip_prefix(".").unwrap_or(rel);
    if rel.as_os_str().is_empty() { ".".to_string() } else { rel.display().to_string() }
}

fn project_command(ctx: &Ctx, c: project::ProjectCommand) -> Result<Exit, CliError> {
    use crate::kinds::project::ProjectAction;
    use project::{ProjectCommand as P, step};
    match c {
        P::List(a) => project::list::run(ctx, &a),
        P::Show(a) => project::show::run(ctx, &a),
        P::Add(a) => project::add::run(ctx, &a),
        P::Progress(a) => step::run_progress(ctx, &a),
        P::Done(a) => step::run(ctx, ProjectAction::Done, &a),
        P::Share(a) => step::run(ctx, ProjectAction::SharedAsTemplate, &a),
        P::Drop(a) => step::run(ctx, ProjectAction::Dropped, &a),
    }
}

fn meeting_command(ctx: &Ctx, c: meeting::MeetingCommand) -> Result<Exit, CliError> {
    use crate::kinds::meeting::DecisionAction;
    use meeting::{MeetingCommand as M, step};
    match c {
        M::List(a) => meeting::list::run(ctx, &a),
        M::Show(a) => meeting::show::run(ctx, &a),
        M::Add(a) => meeting::add::run(ctx, &a),
        M::Decide(a) => meeting::decide::run(ctx, &a),
        M::Progress(a) => step::run(ctx, DecisionAction::Progress, &a, vec![]),
        M::Done(a) => step::run_done(ctx, &a),
        M::Drop(a) => step::run(ctx, DecisionAction::Dropped, &a, vec![]),
    }
}
