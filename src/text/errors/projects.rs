//! The errors of the project and reserve commands (`gov project …`, `gov reserve …`).

use crate::finding::shorten;
use crate::text::Text;

/// No project has this id.
pub fn no_project(id: &str) -> Text {
    let id = shorten(id);
    Text::new(format!("no project `{id}`"), format!("没有编号为“{id}”的攻关项目"))
}

/// How to name a project.
pub fn hint_project_id() -> Text {
    Text::new(
        "give the id as in the file (P-2022-01); `gov project list` lists them",
        "请按文件中的写法给出项目编号（P-2022-01）；`gov project list` 可列出全部项目",
    )
}

/// The project is kept in a CSV file, which holds no steps.
pub fn project_in_csv() -> Text {
    Text::new(
        "the project is kept in a CSV file, which holds no steps; move it to projects.yaml to record them",
        "该项目记在 CSV 文件中，CSV 无法记录项目进展；请移到 projects.yaml 后再登记",
    )
}
