//! Words several phases use.

use super::{Name, Names, Quote, catalogue};

catalogue! {
    /// Messages every phase may use.
    Common {
        /// The closest known name to a misspelt one.
        DidYouMean { name: Name } =>
            en: "did you mean {name}?",
            zh: "是否应为{name}？";
        /// The names that would be right.
        OneOf { names: Names } =>
            en: "use one of: {names}",
            zh: "可用的有：{names}";

        // Reading files (`source.rs`).
        /// A file over the size pfc reads.
        FileTooLarge { file: Name } =>
            en: "{file} is larger than 512 MiB",
            zh: "{file}超过 512 MiB，无法读取";
        /// A file that is not there.
        FileMissing { file: Name } =>
            en: "{file} does not exist",
            zh: "{file}不存在";
        /// How to find a file that is not there.
        HintCheckPath =>
            en: "check the path; it is relative to the current directory",
            zh: "请检查路径：相对路径从当前目录算起";
        /// A file pfc may not read.
        FilePermission { file: Name } =>
            en: "{file} cannot be read: permission denied",
            zh: "无权读取{file}";
        /// How to let pfc read it.
        HintPermissions =>
            en: "check the file's permissions",
            zh: "请检查该文件的读取权限";
        /// A folder named where a file is needed.
        FileIsFolder { file: Name } =>
            en: "{file} is a folder, not a file",
            zh: "{file}是文件夹，不是文件";
        /// Name a file instead.
        HintFileInside =>
            en: "name a file inside it",
            zh: "请指定文件夹中的某个文件";
        /// A file the system could not read, with the system's reason.
        FileUnreadableOs { file: Name, why: Quote } =>
            en: "{file} cannot be read: {why}",
            zh: "无法读取{file}：{why}";
        /// How to name a readable file.
        HintReadableFile =>
            en: "check that the path names a readable file",
            zh: "请确认路径指向一个可读取的文件";
        /// A byte that is not UTF-8.
        NotUtf8 { file: Name, byte: String, offset: usize, line: usize } =>
            en: "{file} is not UTF-8 text: byte {byte} at offset {offset} (line {line}) is invalid",
            zh: "{file}不是 UTF-8 文本：第 {line} 行（偏移 {offset}）的字节 {byte} 无效";
        /// The same, in a file that reads as GBK.
        NotUtf8Gbk { file: Name, byte: String, offset: usize, line: usize } =>
            en: "{file} is not UTF-8 text: byte {byte} at offset {offset} (line {line}) is invalid; it looks GBK-encoded",
            zh: "{file}不是 UTF-8 文本：第 {line} 行（偏移 {offset}）的字节 {byte} 无效，文件似为 GBK 编码";
        /// A file that reads as GBK, pointed at.
        LooksGbk { file: Name } =>
            en: "{file} is not UTF-8: it looks GBK-encoded",
            zh: "{file}不是 UTF-8 编码，似为 GBK 编码";
        /// The first character written in GBK.
        LabelGbkHere { character: Name } =>
            en: "{character} is written in GBK here",
            zh: "此处的{character}为 GBK 编码";
        /// Why GBK.
        NoteGbk =>
            en: "GBK is what Chinese Windows saves by default; pfc reads UTF-8 only",
            zh: "中文 Windows 默认以 GBK 编码保存文件；pfc 只读取 UTF-8 编码";
        /// How to save as UTF-8.
        HintSaveUtf8 =>
            en: "save the file as UTF-8 and try again",
            zh: "请将文件另存为 UTF-8 编码后重试";
        /// How to convert a GBK file.
        HintConvertGbk { file: String, converted: String } =>
            en: "save the file as UTF-8 in your editor, or convert it: `iconv -f GB18030 -t UTF-8 {file} > {converted}`",
            zh: "请在编辑器中将文件另存为 UTF-8 编码，或用命令转换：`iconv -f GB18030 -t UTF-8 {file} > {converted}`";

        // How a diagnostic is laid out (`render.rs`).
        /// The severity of an error.
        SeverityError =>
            en: "error",
            zh: "错误";
        /// The severity of a warning.
        SeverityWarning =>
            en: "warning",
            zh: "警告";
        /// The severity of a note: an assumption pfc made.
        SeverityNote =>
            en: "note",
            zh: "说明";
        /// Where a finding is, under its snippet.
        NoteIn { place: String } =>
            en: "in: {place}",
            zh: "位置：{place}";
        /// A fact under a finding.
        NoteFact { text: String } =>
            en: "note: {text}",
            zh: "说明：{text}";
        /// How to fix a finding.
        NoteHelp { text: String } =>
            en: "help: {text}",
            zh: "修改建议：{text}";

        // Places (`place.rs`).
        /// A field of a data file.
        AtField { file: String, path: String } =>
            en: "{file}: {path}",
            zh: "{file}：{path}";
        /// A spreadsheet cell.
        AtCell { file: String, row: u64, column: Quote } =>
            en: "{file}: row {row}, column {column}",
            zh: "{file}：第 {row} 行“{column}”列";
        /// A spreadsheet row.
        AtRow { file: String, row: u64 } =>
            en: "{file}: row {row}",
            zh: "{file}：第 {row} 行";
        /// Spreadsheet rows.
        AtRows { file: String, first: u64, last: u64 } =>
            en: "{file}: rows {first}–{last}",
            zh: "{file}：第 {first}–{last} 行";
        /// A column of spreadsheet rows.
        AtRowsColumn { file: String, first: u64, last: u64, column: Quote } =>
            en: "{file}: rows {first}–{last}, column {column}",
            zh: "{file}：第 {first}–{last} 行“{column}”列";
        /// A spreadsheet's header row.
        AtHeader { file: String, row: u64 } =>
            en: "{file}: row {row} (the header)",
            zh: "{file}：第 {row} 行（表头）";
    }
}
