//! `gov project …`: the branch secretaries' projects (书记攻关项目). `add` records one, the steps
//! (`progress`, `done`, `share`, `drop`) are appended to its `events`, `list` and `show` read them.

pub mod add;
pub mod list;
pub mod show;
pub mod step;

use clap::Subcommand;

use crate::cli::CliError;
use crate::kinds::Project;
use crate::model::Dataset;
use crate::text::errors::projects as errors;

#[derive(Debug, Subcommand)]
pub enum ProjectCommand {
    List(list::ListArgs),
    Show(show::ShowArgs),
    Add(add::AddArgs),
    /// Record a step of work on a project (推进), or with --milestone a milestone reached
    Progress(step::ProgressArgs),
    /// Record that a project met its goal (完成)
    Done(step::StepArgs),
    /// Record that a done project was shared as a template for others (推广为模板)
    Share(step::StepArgs),
    /// Record that a project was dropped (终止)
    Drop(step::StepArgs),
}

/// The project with this id, exactly.
pub fn find<'d>(ds: &'d Dataset, id: &str) -> Result<&'d Project, CliError> {
    let id = id.trim();
    ds.projects
        .iter()
        .find(|p| ds.name(p.id) == id)
        .ok_or_else(|| CliError::usage(errors::no_project(id)).hint(errors::hint_project_id()))
}
