//! What the project commands confirm (`gov project progress|done|share|drop`).

use std::path::Path;

use crate::kinds::project::ProjectAction;
use crate::model::labels::Labelled;
use crate::text::Text;

/// A step of a project, as recorded (`P-2022-01: done (完成) on 2022-09-30`).
pub fn project_step(id: &str, action: ProjectAction, date: &str) -> Text {
    Text::new(format!("{id}: {} ({}) on {date}", action.code(), action.zh()), format!("{id}：{date} {}", action.zh()))
}

/// That step is the project's last one already.
pub fn project_step_already(step: &Text, path: &Path, line: u32) -> Text {
    let p = path.display();
    Text::new(
        format!("{} is already recorded ({p}:{line}); nothing was written", step.en()),
        format!("{}，已有记录（{p}:{line}），未写入任何内容", step.zh()),
    )
}

/// The commit message of a project's step.
pub fn project_step_commit(id: &str, action: ProjectAction, date: &str) -> Text {
    Text::new(format!("project: {id} {} ({date})", action.code()), format!("攻关项目 {id} {}（{date}）", action.zh()))
}
