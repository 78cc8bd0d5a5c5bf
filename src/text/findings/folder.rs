//! The folder's walk: links, special files, folders too deep, files that are not the format's.

use super::super::Text;

// ---- links and special files ----

/// `not-a-file`: `.gov` is not a folder.
pub fn private_not_a_folder(name: &str) -> Text {
    Text::new(
        format!("`{name}` is not a folder; gov keeps its lock and parse cache in a folder of that name"),
        format!("`{name}` 不是文件夹；gov 要用同名文件夹存放锁和解析缓存"),
    )
}

/// The hint under `.gov` not being a folder.
pub fn private_not_a_folder_hint(name: &str) -> Text {
    Text::new(
        format!("remove `{name}`: gov makes the folder itself when it next writes"),
        format!("请删除 `{name}`：gov 下次写入时会自行创建该文件夹"),
    )
}

/// `outside-folder`: a link leading out of the folder.
pub fn link_outside(rel: &str, target: &str) -> Text {
    Text::new(
        format!(
            "`{rel}` is a symbolic link to `{target}`, outside the folder; gov reads and writes only inside the folder"
        ),
        format!("`{rel}` 是指向数据文件夹外 `{target}` 的符号链接；gov 只读写数据文件夹内的文件"),
    )
}

/// `symbolic-link`: a link to something inside the folder.
pub fn link_inside(rel: &str, target: &str) -> Text {
    Text::new(
        format!("`{rel}` is a symbolic link to `{target}`; gov does not read through links"),
        format!("`{rel}` 是指向 `{target}` 的符号链接；gov 不经链接读取文件"),
    )
}

/// `symbolic-link`: a link to nothing.
pub fn link_dangling(rel: &str, target: &str) -> Text {
    Text::new(
        format!("`{rel}` is a symbolic link to `{target}`, which does not exist"),
        format!("`{rel}` 是符号链接，指向的 `{target}` 不存在"),
    )
}

/// The hint under a link among the records.
pub fn link_hint() -> Text {
    Text::new("replace the link with the file or folder itself", "请用文件或文件夹本身替换该链接")
}

/// The hint under a link in place of `.gov`.
pub fn private_link_hint() -> Text {
    Text::new(
        "remove the link: gov makes its own `.gov` folder (lock and parse cache) when it next writes",
        "请删除该链接：gov 下次写入时会自行创建 `.gov` 文件夹（存放锁和解析缓存）",
    )
}

/// `too-deep`: a folder nested deeper than gov looks.
pub fn too_deep(rel: &str, max: usize) -> Text {
    Text::new(
        format!("`{rel}` is more than {max} folders deep; gov does not look inside it"),
        format!("`{rel}` 的文件夹嵌套超过 {max} 层；gov 不读取其中的内容"),
    )
}

/// The hint under a folder too deep.
pub fn too_deep_hint() -> Text {
    Text::new(
        "move the files up: visits/ and issues/ need a folder or two of their own, not dozens",
        "请把文件移到上层：visits/ 和 issues/ 下分一两层文件夹即可，不必几十层",
    )
}

/// What a special file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Special {
    Fifo,
    Socket,
    Device,
    Other,
}

/// `not-a-file`: a FIFO, socket or device among the records.
pub fn not_a_file(rel: &str, what: Special) -> Text {
    let (en, zh) = match what {
        Special::Fifo => ("a FIFO (named pipe)", "命名管道（FIFO）"),
        Special::Socket => ("a socket", "套接字"),
        Special::Device => ("a device", "设备文件"),
        Special::Other => ("something other than a regular file", "特殊文件"),
    };
    Text::new(
        format!("`{rel}` is {en}, not a file; gov does not open it"),
        format!("`{rel}` 是{zh}，不是普通文件；gov 不会打开它"),
    )
}

/// The hint under a special file.
pub fn not_a_file_hint() -> Text {
    Text::new("remove it, or put a regular file in its place", "请删除它，或换成普通文件")
}

// ---- files that are not the format's ----

/// Why a file or folder is not part of the data format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unknown {
    /// A top-level folder that is not a kind's.
    Folder,
    /// A kind's file with another extension.
    Extension,
    /// Anything else.
    Other,
}

/// `unknown-file`: a file or folder gov does not read.
pub fn unknown_file(rel: &str, why: Unknown) -> Text {
    let (en, zh) = match why {
        Unknown::Folder => ("a folder that is not part of the data format", "不属于数据格式的文件夹"),
        Unknown::Extension => ("not a .csv, .yaml or .yml file", "不是 .csv、.yaml 或 .yml 文件"),
        Unknown::Other => ("not part of the data format", "不属于数据格式"),
    };
    let zh = match why {
        Unknown::Folder => format!("`{rel}` 是{zh}；gov 不读取"),
        _ => format!("`{rel}` {zh}；gov 不读取"),
    };
    Text::new(format!("`{rel}` is {en}; gov does not read it"), zh)
}

/// The hint under an unknown file: the format's files (`files`, `.yaml` or `.csv`) and folders.
pub fn unknown_file_hint(files: &[&str], folders: &[&str]) -> Text {
    let (last, rest) = folders.split_last().map_or(("", &[][..]), |(l, r)| (*l, r));
    let folders_en = if rest.is_empty() { last.to_string() } else { format!("{} and {last}", rest.join(", ")) };
    let folders_zh = if rest.is_empty() { last.to_string() } else { format!("{} 和 {last}", super::list_zh(rest)) };
    Text::new(
        format!(
            "record files are gov.yaml, {} (.yaml or .csv), {folders_en}; README files and dotfiles are ignored",
            files.join(", ")
        ),
        format!(
            "记录文件为 gov.yaml、{}（.yaml 或 .csv）、{folders_zh}；README 文件和以 . 开头的文件不读取",
            super::list_zh(files)
        ),
    )
}
