//! The catalogue's part for errors (see [`super`]): why a command failed, what lies under it,
//! and what to do. [`library`] words the library's own error types (`e.text()`), [`command`]
//! the errors and hints the commands word themselves.

use std::io;
use std::path::Path;

use super::Text;

pub mod command;
pub mod library;
pub mod meetings;
pub mod projects;

pub use command::*;

// ---- the labels of an error ----

/// The label in front of an error's message.
pub fn label_error() -> Text {
    Text::new("Error: ", "错误：")
}

/// The label in front of each cause.
pub fn label_cause() -> Text {
    Text::new("Caused by: ", "原因：")
}

/// The label in front of the hint.
pub fn label_hint() -> Text {
    Text::new("Hint: ", "提示：")
}

// ---- the operating system's errors ----

/// An OS error: its own words in English; in Chinese the common kinds said plainly, the rest
/// with the OS text kept in brackets.
pub fn os(e: &io::Error) -> Text {
    use io::ErrorKind as K;
    if let Some(t) = ours(e) {
        return t;
    }
    let en = e.to_string();
    let zh = match e.kind() {
        K::NotFound => "找不到该文件或文件夹".to_string(),
        K::PermissionDenied => "没有权限".to_string(),
        K::AlreadyExists => "文件或文件夹已存在".to_string(),
        K::StorageFull => "磁盘空间不足".to_string(),
        K::ReadOnlyFilesystem => "磁盘或文件夹只读，不能写入".to_string(),
        K::IsADirectory => "这是文件夹，不是文件".to_string(),
        K::NotADirectory => "路径中有一项不是文件夹".to_string(),
        K::DirectoryNotEmpty => "文件夹不是空的".to_string(),
        K::BrokenPipe => "输出管道已关闭".to_string(),
        K::Interrupted => "操作被中断".to_string(),
        K::TimedOut => "操作超时".to_string(),
        K::WouldBlock | K::ResourceBusy => "文件正被占用".to_string(),
        K::FileTooLarge => "文件太大".to_string(),
        K::InvalidFilename => "文件名无效".to_string(),
        K::CrossesDevices => "不能跨磁盘移动文件".to_string(),
        K::UnexpectedEof => "文件意外结束".to_string(),
        // An error of ours carried as an I/O error (a file that is not text) says itself.
        K::InvalidData => format!("数据无效（{en}）"),
        _ => format!("系统错误（{en}）"),
    };
    Text::new(en, zh)
}

/// An error of ours carried as an I/O error (a file that is not text, a write the guard
/// refused): its own words.
fn ours(e: &io::Error) -> Option<Text> {
    let inner = e.get_ref()?;
    if let Some(x) = inner.downcast_ref::<crate::store::file::NotText>() {
        Some(x.text())
    } else if let Some(x) = inner.downcast_ref::<crate::store::guard::GuardError>() {
        Some(x.text())
    } else if let Some(x) = inner.downcast_ref::<crate::layout::PrivateDirError>() {
        Some(x.text())
    } else {
        inner.downcast_ref::<crate::store::journal::Unjournalable>().map(|x| x.text())
    }
}

/// `cannot read PATH`.
pub fn cannot_read(path: &Path) -> Text {
    let p = path.display();
    Text::new(format!("cannot read {p}"), format!("无法读取 {p}"))
}

/// `cannot read standard input`.
pub fn cannot_read_stdin() -> Text {
    Text::new("cannot read standard input", "无法读取标准输入")
}

/// `cannot write PATH`.
pub fn cannot_write(path: &Path) -> Text {
    let p = path.display();
    Text::new(format!("cannot write {p}"), format!("无法写入 {p}"))
}

/// `cannot write in DIR` (a temporary file beside the one written).
pub fn cannot_write_in(dir: &Path) -> Text {
    let p = dir.display();
    Text::new(format!("cannot write in {p}"), format!("无法在 {p} 中写入文件"))
}

/// `cannot create PATH` (a folder or a file).
pub fn cannot_create(path: &Path) -> Text {
    let p = path.display();
    Text::new(format!("cannot create {p}"), format!("无法创建 {p}"))
}

/// `cannot remove PATH`.
pub fn cannot_remove(path: &Path) -> Text {
    let p = path.display();
    Text::new(format!("cannot remove {p}"), format!("无法删除 {p}"))
}

/// The current folder cannot be read.
pub fn cannot_read_cwd() -> Text {
    Text::new("cannot read the current folder", "无法读取当前文件夹")
}

/// A file that was read a moment ago is not there any more.
pub fn file_gone(path: &Path) -> Text {
    let p = path.display();
    Text::new(format!("{p} has gone"), format!("{p} 已不存在"))
}

/// A full disk: what to do.
pub fn hint_free_space() -> Text {
    Text::new("free some disk space and run the command again", "请清理磁盘空间后重新运行该命令")
}

/// The Chinese word for a record noun the library names in English (`member`).
pub(crate) fn noun_zh(en: &str) -> &str {
    match en {
        "member" => "党员",
        "household" => "住户",
        "grid" => "网格",
        "org" => "组织",
        "visit" => "走访记录",
        "issue" | "problem" => "诉求",
        "department" => "部门",
        "unit" => "单位",
        "settings" => "设置",
        "volunteer" => "志愿者",
        "activity" => "活动",
        "project" => "攻关项目",
        "reserve cadre" => "后备力量",
        "rating" => "星级评定",
        "review" => "民主评议",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    #[test]
    fn common_os_errors_read_as_chinese_and_the_rest_keep_the_os_words() {
        let e = |k, s: &str| os(&io::Error::new(k, s.to_string()));
        assert_eq!(e(io::ErrorKind::NotFound, "No such file").zh(), "找不到该文件或文件夹");
        assert_eq!(e(io::ErrorKind::PermissionDenied, "denied").zh(), "没有权限");
        assert_eq!(e(io::ErrorKind::StorageFull, "No space left").zh(), "磁盘空间不足");
        let other = e(io::ErrorKind::Other, "weird (os error 99)");
        assert_eq!((other.en(), other.zh()), ("weird (os error 99)", "系统错误（weird (os error 99)）"));
    }

    #[test]
    fn an_error_of_ours_inside_an_io_error_says_itself() {
        let guard = crate::store::guard::GuardError::NotAFolder { path: PathBuf::from("visits") };
        let t = os(&io::Error::new(io::ErrorKind::PermissionDenied, guard));
        assert_eq!(t.zh(), "visits 不是文件夹；gov 只在真实的文件夹中写入");
        assert_eq!(t.en(), "visits is not a folder; gov writes only inside real folders");
    }

    #[test]
    fn library_errors_keep_their_english_and_gain_chinese() {
        use crate::report::index::FindError;
        let e = FindError::Ambiguous {
            what: "household",
            query: "1单元".into(),
            total: 12,
            candidates: (1..=10).map(|i| format!("H{i:02}")).collect(),
        };
        let t = e.text();
        assert!(t.en().ends_with("H10, … 2 more"), "{}", t.en());
        assert!(t.zh().starts_with("“1单元”与 12 个住户相符：H01、H02"), "{}", t.zh());
        assert!(t.zh().ends_with("H10……另有 2 个"), "{}", t.zh());
        let load = crate::load::LoadError::NoSettings { path: PathBuf::from("d") };
        assert_eq!(load.text().en(), load.to_string());
        assert_eq!(load.text().zh(), "d 中没有 gov.yaml，不是 gov 的数据文件夹");
        let period = crate::report::period::PeriodError::Conflict;
        assert_eq!(period.text().en(), period.to_string());
    }
}
