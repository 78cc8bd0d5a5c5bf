//! Reading one file: bytes that are not text, YAML that does not parse, CSV rows and headers.

use super::super::Text;
use crate::load::text::{Binary, DecodeError};

// ---- reading a file ----

/// `parse-error`: the file could not be opened or read (`error` is the system's words).
pub fn cannot_read(error: &std::io::Error) -> Text {
    let zh = match error.kind() {
        std::io::ErrorKind::NotFound => "文件不存在".to_string(),
        std::io::ErrorKind::PermissionDenied => "没有读取权限".to_string(),
        _ => crate::text::errors::os(error).zh().to_string(),
    };
    Text::new(format!("cannot read file: {error}"), format!("无法读取文件：{zh}"))
}

/// `parse-error`: the file is larger than gov reads.
pub fn too_large(mb: u64, max_mb: u64) -> Text {
    Text::new(
        format!("file is {mb} MB, more than gov reads ({max_mb} MB); split it, e.g. visits by month"),
        format!("文件大小 {mb} MB，超过 gov 的读取上限（{max_mb} MB）；请拆分文件，如走访记录按月分开"),
    )
}

/// `parse-error`: a link, folder, FIFO, socket or device where a file is read.
pub fn not_regular(link: bool) -> Text {
    let (en, zh) = if link {
        ("a symbolic link", "符号链接")
    } else {
        ("not a regular file (a folder, FIFO, socket or device)", "不是普通文件（而是文件夹、管道、套接字或设备）")
    };
    Text::new(
        format!("cannot read file: it is {en}; gov reads only regular files inside the folder"),
        format!("无法读取文件：它是{zh}；gov 只读取数据文件夹内的普通文件"),
    )
}

/// The hint for a file that is not a regular file.
pub fn not_regular_hint() -> Text {
    Text::new("replace it with the file itself", "请换成文件本身")
}

/// `parse-error`: the file's bytes are not text gov reads.
pub fn not_text(e: &DecodeError) -> Text {
    let zh = match e {
        DecodeError::BadUtf8AfterBom(u) => format!("文件以 UTF-8 BOM 开头，但内容不是有效的 UTF-8（{u}）"),
        DecodeError::Utf16 => "文件是 UTF-16 编码，不是 UTF-8 或 GB18030".to_string(),
        DecodeError::Binary(b) => format!("文件不是文本文件，看起来是{}", binary_zh(*b)),
        DecodeError::CutShort => "文件在一个 UTF-8 字符中间结束，可能不完整".to_string(),
        DecodeError::BadUtf8At { line } => {
            format!("文件第 {line} 行之前是 UTF-8，该行含有非 UTF-8 字节；请另存为 UTF-8")
        }
        DecodeError::Unknown => "文件既不是 UTF-8 也不是 GB18030 文本；请另存为 UTF-8".to_string(),
    };
    Text::new(format!("file {e}"), zh)
}

fn binary_zh(b: Binary) -> &'static str {
    match b {
        Binary::Xlsx => "Excel 工作簿（xlsx）",
        Binary::Xls => "旧版 Excel 或 WPS 工作簿（xls、et）",
        Binary::Zip => "ZIP 压缩包",
        Binary::Pdf => "PDF 文档",
        Binary::Other => "二进制文件（含 NUL 字节）",
    }
}

/// What to do about a file that is not text; `csv` when it should have been CSV.
pub fn not_text_hint(e: &DecodeError, csv: bool) -> Text {
    match e {
        DecodeError::Utf16 if !csv => Text::new(
            "save it as UTF-8 in a text editor (Notepad: Save As, Encoding UTF-8)",
            "请用文本编辑器另存为 UTF-8（记事本：另存为，编码选 UTF-8）",
        ),
        DecodeError::Utf16 | DecodeError::Binary(Binary::Xlsx | Binary::Xls) => Text::new(
            "open it in Excel or WPS and save it as CSV UTF-8 (File > Save As > CSV UTF-8), then put that file here",
            "请用 Excel 或 WPS 打开，另存为“CSV UTF-8”格式（文件 > 另存为 > CSV UTF-8），再把该文件放到这里",
        ),
        DecodeError::Binary(Binary::Zip) => {
            Text::new("unpack the archive and put the text file itself here", "请解压，把其中的文本文件放到这里")
        }
        DecodeError::Binary(_) => Text::new(
            "put the CSV or YAML text file here; a spreadsheet must be saved as CSV UTF-8",
            "请放入 CSV 或 YAML 文本文件；表格须另存为“CSV UTF-8”格式",
        ),
        _ => encoding_hint(),
    }
}

/// The hint for a file gov could not read as text.
pub fn encoding_hint() -> Text {
    Text::new("gov reads UTF-8 or GB18030 (GBK) text files", "gov 读取 UTF-8 或 GB18030（GBK）编码的文本文件")
}

// ---- YAML ----

/// `parse-error`: the YAML parser's complaint (`message`), worded as a finding.
pub fn invalid_yaml(message: &Text) -> Text {
    Text::new(format!("invalid YAML: {}", message.en()), format!("YAML 格式有误：{}", message.zh()))
}

/// The hint under a YAML error: gov.yaml (`settings`) or a record file.
pub fn invalid_yaml_hint(settings: bool) -> Text {
    if settings {
        Text::new(
            "gov.yaml holds one mapping of setting: value; start from the one `gov init` writes",
            "gov.yaml 应为“设置项: 值”的映射；可参照 `gov init` 生成的 gov.yaml",
        )
    } else {
        Text::new(
            "fix the YAML at this place; the other records in this file were not read",
            "请改正此处的 YAML 格式；本文件其余记录均未读取",
        )
    }
}

/// A message of serde-saphyr's: the common ones in Chinese, the rest in the parser's own English
/// (the finding around it is worded in Chinese: [`invalid_yaml`]).
pub fn yaml_parser_says(message: &str) -> Text {
    let zh = if message.starts_with("unclosed bracket") {
        "括号没有闭合"
    } else if message.starts_with("unclosed quote") {
        "引号没有闭合"
    } else if message.starts_with("mapping values are not allowed") {
        "此处不能写“键: 值”，多为缩进有误，或值中含有未加引号的冒号"
    } else if message.starts_with("simple key expected") {
        "此处应为“键: 值”，缺少冒号"
    } else if message.contains("found a tab") {
        "含有制表符（Tab）；YAML 只能用空格缩进"
    } else if message.starts_with("alias references unknown anchor") {
        "别名（*名称）引用了不存在的锚点"
    } else if message.starts_with("binary values are not supported") {
        "不支持二进制值"
    } else {
        message
    };
    Text::new(message, zh)
}

/// gov.yaml is a list instead of one mapping.
pub fn yaml_settings_list() -> Text {
    Text::new("expected one mapping of setting: value, found a list", "应为一个“设置项: 值”的映射，实际为列表")
}

/// An item of a record file's list is not a mapping.
pub fn yaml_not_a_record(found: Shape) -> Text {
    Text::new(
        format!("expected a record (a mapping of field: value), found {}", found.en()),
        format!("应为一条记录（“字段: 值”的映射），实际为{}", found.zh()),
    )
}

/// A record file holds one plain value.
pub fn yaml_single_value() -> Text {
    Text::new(
        "expected a record (a mapping of field: value) or a list of records, found a single value",
        "应为一条记录（“字段: 值”的映射）或记录列表，实际为单个值",
    )
}

/// A key written twice in one mapping (`key` when the parser names it).
pub fn yaml_duplicate_key(key: Option<&str>) -> Text {
    match key {
        Some(key) => {
            Text::new(format!("key `{key}` appears twice in one mapping"), format!("同一映射中键“{key}”出现了两次"))
        }
        None => Text::new("a key appears twice in one mapping", "同一映射中有键出现了两次"),
    }
}

/// Nesting beyond the parser's limit.
pub fn yaml_too_deep(max: usize) -> Text {
    Text::new(format!("nested deeper than {max} levels"), format!("嵌套超过 {max} 层"))
}

/// Anchors and aliases that would expand too far.
pub fn yaml_aliases() -> Text {
    Text::new(
        "anchors and aliases (&a / *a) expand too far; write the values out",
        "锚点和别名（&a、*a）展开过多；请直接写出各个值",
    )
}

/// A file over the parser's budget of values or text.
pub fn yaml_budget() -> Text {
    Text::new(
        "too many values or too much text for one YAML file; keep big tables in CSV",
        "一个 YAML 文件中的值或文字过多；大量记录请改用 CSV",
    )
}

/// What a value is, for "found …" in messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Nothing,
    Text,
    SingleValue,
    List,
    Mapping,
    Records,
    Mixed,
}

impl Shape {
    pub fn en(self) -> &'static str {
        match self {
            Shape::Nothing => "nothing",
            Shape::Text => "text",
            Shape::SingleValue => "a single value",
            Shape::List => "a list",
            Shape::Mapping => "a mapping",
            Shape::Records => "a list of mappings",
            Shape::Mixed => "a list of mixed or nested values",
        }
    }

    pub fn zh(self) -> &'static str {
        match self {
            Shape::Nothing => "空值",
            Shape::Text => "文字",
            Shape::SingleValue => "单个值",
            Shape::List => "列表",
            Shape::Mapping => "映射",
            Shape::Records => "映射列表",
            Shape::Mixed => "混合或嵌套的列表",
        }
    }
}

// ---- CSV ----

/// `parse-error`: a quoted cell that never ends.
pub fn unclosed_quote() -> Text {
    Text::new("a quoted value that starts on this line is never closed", "从本行开始的带引号的值缺少结尾引号")
}

/// The hint under an unclosed quote.
pub fn unclosed_quote_hint() -> Text {
    Text::new("add the closing `\"`; the file may have been cut short", "请补上结尾的 `\"`；文件可能不完整")
}

/// `parse-error`: a row with more or fewer cells than the header.
pub fn row_width(cells: usize, columns: usize) -> Text {
    Text::new(
        format!("row has {cells} fields but the header has {columns}"),
        format!("本行有 {cells} 个值，表头却有 {columns} 列"),
    )
}

/// The hint under a row of the wrong width.
pub fn row_width_hint() -> Text {
    Text::new(
        "a value containing a comma must be quoted: \"like, this\"",
        "含逗号的值须用英文双引号括起来，如 \"甲,乙\"",
    )
}

/// `unknown-field`: a header column no field is named by.
pub fn unknown_column(name: &str) -> Text {
    Text::new(format!("unknown field `{name}`"), format!("表头中有未知列“{name}”"))
}

/// The hint under an unknown column: the closest known one, if any, and every known one.
pub fn unknown_column_hint(close: Option<&str>, known: &str) -> Text {
    match close {
        Some(close) => Text::new(
            format!("did you mean {close}? known fields: {known}"),
            format!("是否应为 {close}？可用的列：{known}"),
        ),
        None => Text::new(format!("known fields: {known}"), format!("可用的列：{known}")),
    }
}

/// `parse-error`: a header cell that is empty.
pub fn unnamed_column(n: usize) -> Text {
    Text::new(format!("column {n} of the header has no name"), format!("表头第 {n} 列没有列名"))
}

/// The hint under an unnamed column.
pub fn unnamed_column_hint() -> Text {
    Text::new("name every column, or delete the empty one", "请给每一列填上列名，或删除空列")
}

/// `parse-error`: a column named twice in the header.
pub fn duplicate_column(name: &str) -> Text {
    Text::new(format!("column `{name}` appears twice in the header"), format!("表头中“{name}”列重复出现"))
}

/// `missing-field`: a required column absent from the header.
pub fn missing_column(name: &str) -> Text {
    Text::new(format!("required column `{name}` is missing from the header"), format!("表头缺少必填列 `{name}`"))
}

/// The hint under a missing column.
pub fn missing_column_hint(name: &str) -> Text {
    Text::new(format!("add a `{name}` column"), format!("请补上 `{name}` 列"))
}
