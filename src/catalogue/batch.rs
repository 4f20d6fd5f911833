//! The batch phase's messages: reading spreadsheets and folders into
//! projects (`batch/`), writing `summary.csv`, `summary.xlsx` and
//! `findings.csv`, and what a batch says on the terminal (`cli/batch.rs`).
//!
//! A value a person typed into a cell is a [`Quote`], quoted here by hand
//! (`` `x` `` in English, “x” in Chinese); a column's header, a file or a
//! project id is a [`Name`], which quotes itself.

use super::{Lang, Name, Names, Quote, Show, Text, catalogue};

/// Something in a folder that holds projects a folder batch does not read.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(untagged)]
pub enum Unread {
    /// A spreadsheet (or a workbook in a format pfc does not read).
    File(Name),
    /// A sub-folder, and how many data files are in it.
    Folder {
        /// The sub-folder's name, with a `/` after it.
        name: Name,
        /// Its data files.
        files: usize,
    },
}

/// The things a folder holds that a folder batch does not read, in order.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
#[serde(transparent)]
pub struct UnreadList(pub Vec<Unread>);

impl Show for UnreadList {
    fn show(&self, lang: Lang, out: &mut String) {
        for (i, item) in self.0.iter().enumerate() {
            if i > 0 {
                out.push_str(lang.pick("、", ", "));
            }
            match item {
                Unread::File(name) => name.show(lang, out),
                Unread::Folder { name, files: 1 } => {
                    out.push_str(&Batch::UnreadFolderOne { name: name.clone() }.render(lang));
                }
                Unread::Folder { name, files } => out.push_str(
                    &Batch::UnreadFolder {
                        name: name.clone(),
                        files: *files,
                    }
                    .render(lang),
                ),
            }
        }
    }
}

catalogue! {
    /// Messages of the batch phase.
    Batch {
        // What a batch input is (`batch.rs`).
        /// A spreadsheet in a format pfc does not read.
        UnreadableKind { file: Name, kind: Box<Text> } =>
            en: "{file} is {kind}, which pfc does not read",
            zh: "{file}是{kind}，pfc 无法读取这种格式";
        /// An `.xls` workbook.
        KindXls =>
            en: "an Excel 97–2003 workbook (`.xls`)",
            zh: "一个 Excel 97–2003 工作簿（.xls）";
        /// An `.xlsb` workbook.
        KindXlsb =>
            en: "an Excel binary workbook (`.xlsb`)",
            zh: "一个 Excel 二进制工作簿（.xlsb）";
        /// A WPS spreadsheet.
        KindEt =>
            en: "a WPS spreadsheet (`.et`)",
            zh: "一个 WPS 表格文件（.et）";
        /// An OpenDocument spreadsheet.
        KindOds =>
            en: "an OpenDocument spreadsheet (`.ods`)",
            zh: "一个 OpenDocument 电子表格（.ods）";
        /// How to save it so that pfc reads it; `menu` is the "save as"
        /// choice of the program that opens it.
        HintSaveAsXlsx { menu: Box<Text> } =>
            en: "open it and save it as {menu}, or as CSV UTF-8; pfc reads `.xlsx`, `.csv`, and folders of `.toml`/`.json` files",
            zh: "请打开该文件，另存为{menu}或“CSV UTF-8”文件；pfc 读取 .xlsx 工作簿、.csv 文件，以及存放 .toml/.json 数据文件的文件夹";
        /// Excel's "save as" choice.
        MenuExcelWorkbook =>
            en: "Excel Workbook (*.xlsx)",
            zh: "“Excel 工作簿(*.xlsx)”";
        /// WPS's "save as" choice.
        MenuWpsExcel =>
            en: "Excel 文件 (*.xlsx)",
            zh: "“Excel 文件(*.xlsx)”";
        /// LibreOffice's "save as" choice.
        MenuOdsExcel =>
            en: "Excel 2007-365 (.xlsx)",
            zh: "“Excel 2007-365 (.xlsx)”格式";
        /// A folder without a data file.
        FolderNoDataFile { folder: Name } =>
            en: "{folder} holds no `.toml` or `.json` data file",
            zh: "{folder}中没有 .toml 或 .json 数据文件";
        /// What such a folder holds instead.
        NoteFolderHolds { folder: Name, listed: UnreadList } =>
            en: "{folder} holds projects that a folder batch does not read: {listed}",
            zh: "{folder}中有按文件夹批量评价时不读取的项目：{listed}";
        /// Name that instead.
        HintNameItself =>
            en: "name the spreadsheet or sub-folder itself",
            zh: "请直接指定该表格文件或子文件夹";
        /// What a batch reads.
        HintNameBatchInput =>
            en: "name a folder of project data files, a `.csv` file or an `.xlsx` workbook",
            zh: "请指定存放项目数据文件的文件夹、.csv 文件或 .xlsx 工作簿";
        /// A folder that holds other projects besides its data files.
        FolderAlsoHolds { folder: Name, listed: UnreadList } =>
            en: "{folder} also holds projects that a folder batch does not read: {listed}",
            zh: "{folder}中还有按文件夹批量评价时不读取的项目：{listed}";
        /// What a folder batch reads.
        NoteFolderReads =>
            en: "a folder batch reads the `.toml` and `.json` files directly in the folder, not spreadsheets or sub-folders",
            zh: "按文件夹批量评价时，只读取直接存放在该文件夹中的 .toml 和 .json 文件，不读取表格文件和子文件夹";
        /// How to score the others.
        HintRunEach =>
            en: "score each spreadsheet or sub-folder with a run of its own, e.g. `pfc eval FRAMEWORK 自评表.xlsx --out DIR`",
            zh: "请对每个表格文件或子文件夹分别运行一次，例如 `pfc eval FRAMEWORK 自评表.xlsx --out DIR`";
        /// A sub-folder with one data file.
        UnreadFolderOne { name: Name } =>
            en: "{name} (1 data file)",
            zh: "{name}（1 个数据文件）";
        /// A sub-folder with several data files.
        UnreadFolder { name: Name, files: usize } =>
            en: "{name} ({files} data files)",
            zh: "{name}（{files} 个数据文件）";
        /// Two projects' reports would have one file name.
        ReportReplacesEarlier { report: Name, project: Name } =>
            en: "the report {report} of project {project} would replace an earlier project's",
            zh: "项目{project}的报告{report}会覆盖前面另一个项目的报告";
        /// A project's report would have the name of a summary file.
        ReportReplacesSummary { report: Name, project: Name } =>
            en: "the report {report} of project {project} would replace the batch's own",
            zh: "项目{project}的报告{report}会覆盖本次批量评价的汇总文件";
        /// How to give reports names of their own.
        HintOwnId =>
            en: "give each project an id of its own; `/ \\ : * ? \" < > |` become `_` in file names",
            zh: "请为每个项目使用各不相同的项目编号；文件名中的 `/ \\ : * ? \" < > |` 会替换为 `_`";

        // Hints in spreadsheet terms (`batch.rs`, `sheet_hint`).
        /// An unmet target without a reason, in a file with the column.
        HintReasonInRow { column: Name } =>
            en: "10号 asks for the reasons and improvements when a target is not met: fill in {column} on this row",
            zh: "财预〔2020〕10号要求对未完成的目标说明偏差原因并提出改进措施：请在本行填写{column}";
        /// The same, in a file without the column.
        HintReasonColumn { column: Name } =>
            en: "10号 asks for the reasons and improvements when a target is not met: add a column {column} and fill it in on this row",
            zh: "财预〔2020〕10号要求对未完成的目标说明偏差原因并提出改进措施：请增加{column}列并在本行填写";
        /// A project field missing in a file with its column.
        HintFillFirstRow { column: Name } =>
            en: "fill in {column} on the project's first row (or on each of its rows)",
            zh: "请在该项目的第一行（或每一行）填写{column}";
        /// A project field missing in a file without its column.
        HintAddColumn { column: Name } =>
            en: "the file has no column {column}: add one, or name yours in a mapping file given with `--columns` (docs/batch.md)",
            zh: "文件中没有{column}列：请增加该列，或在 `--columns` 指定的列名对照文件中写明所用的列名（见 docs/batch.md）";

        // The header and the column mapping (`columns.rs`).
        /// What a column mapping file is, under its syntax error.
        NoteColumnMapping { file: Name } =>
            en: "{file} is a column mapping: one line per column, the keys in quotes, e.g. `\"三级指标\" = \"指标名称\"`",
            zh: "{file}是列名对照文件：每列一行，键名须加引号，例如 `\"三级指标\" = \"指标名称\"`";
        /// A mapping key that is no field.
        MappingUnknownField { key: Name } =>
            en: "the column mapping names an unknown field {key}",
            zh: "列名对照文件中的{key}不是 pfc 读取的字段";
        /// Label on it.
        LabelNotAField =>
            en: "not a field pfc reads",
            zh: "不是 pfc 读取的字段";
        /// The fields a mapping may name.
        NoteMappingFields { fields: Names } =>
            en: "the fields are {fields}",
            zh: "可用的字段有：{fields}";
        /// A mapping value that is not a text.
        MappingNotQuoted { key: Name } =>
            en: "the column for {key} must be a header in quotes",
            zh: "{key}对应的列名须写在引号中";
        /// Label on it.
        LabelNotQuoted =>
            en: "not a header in quotes",
            zh: "列名未加引号";
        /// How to write it.
        HintMappingQuote { key: Quote, written: Quote } =>
            en: "write the header as your file has it, in quotes: `\"{key}\" = \"{written}\"`",
            zh: "请按表格中的写法填写列名，并加上引号：`\"{key}\" = \"{written}\"`";
        /// A field mapped twice.
        MappingTwice { field: Name, first: Name, second: Name } =>
            en: "the column mapping gives {field} twice, as {first} and as {second}",
            zh: "列名对照文件两次给出{field}：{first}和{second}";
        /// Label on the second.
        LabelMappingSecond =>
            en: "second time",
            zh: "第二次";
        /// Label on the first.
        LabelMappingFirst =>
            en: "first time",
            zh: "第一次";
        /// Keep one.
        HintKeepOneLine =>
            en: "keep one of the two lines",
            zh: "请删去其中一行";
        /// A spreadsheet without a row.
        SheetEmpty { file: Name } =>
            en: "{file} is empty",
            zh: "{file}是空文件";
        /// The rows above the header, passed over: one.
        NoteTitleRow { row: u64 } =>
            en: "taken as the header, the row closest to one; the rows above it were passed over as a title (row {row})",
            zh: "已取最接近表头的一行作为表头；其上方的第 {row} 行视为标题，未读取";
        /// The rows above the header, passed over: several.
        NoteTitleRows { first: u64, last: u64 } =>
            en: "taken as the header, the row closest to one; the rows above it were passed over as a title (rows {first}–{last})",
            zh: "已取最接近表头的一行作为表头；其上方的第 {first}–{last} 行视为标题，未读取";
        /// Columns a file must have and has not.
        SheetNoColumn { file: Name, columns: Names } =>
            en: "{file} has no column {columns}",
            zh: "{file}中没有{columns}列";
        /// A header like the missing one, and how to map it.
        HintMappingDidYouMean { found: Name, field: Quote, header: Quote } =>
            en: "did you mean {found}? name it in a mapping file given with `--columns`: `\"{field}\" = \"{header}\"`",
            zh: "是否应为{found}？可在 `--columns` 指定的列名对照文件中写明：`\"{field}\" = \"{header}\"`";
        /// How headers are found.
        HintHeaderNames { field: Quote } =>
            en: "the header row must name the columns; map other names with `--columns mapping.toml` (a line such as `\"{field}\" = \"…\"`): see docs/batch.md",
            zh: "表头行须写明各列的列名；列名不同的，可用 `--columns mapping.toml` 对照（如 `\"{field}\" = \"…\"` 一行），见 docs/batch.md";
        /// The headers a file has.
        NoteHeaderHas { headers: Names } =>
            en: "the header row has {headers}",
            zh: "表头行的列名为：{headers}";
        /// A header written twice; the columns are their letters.
        SheetColumnTwice { file: Name, header: Name, first: String, second: String } =>
            en: "{file} has two columns {header}: column {first} and column {second}",
            zh: "{file}有两列{header}：{first} 列和 {second} 列";
        /// Which one to keep.
        HintRenameColumn =>
            en: "rename or delete the one pfc should not read (a column with another name can be read with `--columns`)",
            zh: "请将 pfc 不应读取的一列改名或删除（改了名的列仍可用 `--columns` 读取）";
        /// Two headers that differ only in their notes.
        SheetColumnsFor { file: Name, field: Name, first: Name, first_at: String, second: Name, second_at: String } =>
            en: "{file} has two columns for {field}: {first} (column {first_at}) and {second} (column {second_at})",
            zh: "{file}有两列可作{field}：{first}（{first_at} 列）和{second}（{second_at} 列）";
        /// Map the one to read.
        HintMapOne { field: Quote, header: Quote } =>
            en: "name the one to read in a mapping file given with `--columns`: `\"{field}\" = \"{header}\"`",
            zh: "请在 `--columns` 指定的列名对照文件中写明读取哪一列：`\"{field}\" = \"{header}\"`";
        /// Funds columns in different units.
        SheetFundsUnits { file: Name, first: Name, other: Name } =>
            en: "the funds columns of {file} are in different units: {first} and {other}",
            zh: "{file}中各资金列的单位不一致：{first}与{other}";
        /// One unit.
        HintOneUnit =>
            en: "give every amount in one unit, or write the unit in each cell (`86.54万元`)",
            zh: "请统一各金额的单位，或在每个单元格中写明单位（如“86.54万元”）";

        // Rows into projects (`group.rs`).
        /// A row without an id and no project above it.
        RowWithoutId =>
            en: "a row without a project id",
            zh: "该行没有项目编号";
        /// Fill in the id.
        HintFillId { column: Name } =>
            en: "fill in {column} on the project's first row; rows below it with an empty id belong to the same project",
            zh: "请在项目的第一行填写{column}；其下项目编号为空的行属于同一项目";
        /// A project whose rows are in two places.
        RowsApart { project: Name } =>
            en: "the rows of project {project} are not together: it already appeared above",
            zh: "项目{project}的各行不相连：前面已出现过该项目";
        /// What became of the earlier rows.
        NoteRowsApart =>
            en: "its earlier rows were scored as a project on their own",
            zh: "前面的各行已作为一个单独的项目评分";
        /// Sort them.
        HintSortRows { column: Name } =>
            en: "sort the rows by {column} so that each project's rows follow one another",
            zh: "请按{column}排序，使同一项目的各行相连";
        /// 资金单位 other than the funds headers' unit.
        FundsUnitDiffers { column: Name, given: Quote, unit: Quote } =>
            en: "{column} gives `{given}`, which differs from the unit of the funds columns, `{unit}`",
            zh: "{column}为“{given}”，与资金列表头所注的单位“{unit}”不一致";
        /// One unit for the amounts.
        HintOneFundsUnit =>
            en: "give the amounts in one unit: the header's, or the one in 资金单位 with the unit left out of the headers",
            zh: "请统一金额单位：采用表头所注的单位，或删去表头中的单位、以“资金单位”列为准";
        /// A 指标性质 cell that is no operator.
        SignUnknown { column: Name, value: Quote } =>
            en: "`{value}` in {column} is not an operator",
            zh: "{column}中的“{value}”不是比较符号";
        /// The operators.
        HintSigns =>
            en: "write one of ≥, ≤, =, >, < (正向 is ≥, 反向 is ≤), or 定性 for a qualitative indicator",
            zh: "请填写 ≥、≤、=、>、< 之一（正向即 ≥，反向即 ≤）；定性指标填写“定性”";
        /// 指标性质 and the target's own operator differ.
        SignDisagrees { sign_column: Name, sign: Quote, target_column: Name, target: Quote } =>
            en: "the operator `{sign}` in {sign_column} and the one of `{target}` in {target_column} disagree",
            zh: "{sign_column}中的“{sign}”与{target_column}“{target}”中的比较符号不一致";
        /// Make them agree.
        HintSignsAgree =>
            en: "write the operator in one of the two columns, or make them agree",
            zh: "请只在其中一列填写比较符号，或使两者一致";
        /// An empty weight.
        WeightEmpty =>
            en: "the weight must be a number of points, it is empty",
            zh: "分值须为数字，此处为空";
        /// A weight that is not a number.
        WeightNotPoints { found: Quote } =>
            en: "the weight must be a number of points, found `{found}`",
            zh: "分值须为数字，此处为“{found}”";
        /// A total row's score that is not a number.
        TotalRowNotPoints { found: Quote } =>
            en: "the total row's score must be a number of points, found `{found}`",
            zh: "合计行的得分须为数字，此处为“{found}”";
        /// A 自评总分 that is not a number.
        ClaimedTotalNotPoints { found: Quote } =>
            en: "the claimed total must be a number of points, found `{found}`",
            zh: "自评总分须为数字，此处为“{found}”";
        /// How to write a weight.
        HintPointsWeight { column: Name } =>
            en: "write the points as a number in column {column}, e.g. `10`",
            zh: "请在{column}列填写数字，如 10";
        /// How to write a total.
        HintPointsTotal { column: Name } =>
            en: "write the points as a number in column {column}, e.g. `99.87`, or leave it empty",
            zh: "请在{column}列填写数字（如 99.87），或留空";
        /// The total row and the 自评总分 column differ.
        TotalRowDiffers { claimed: Quote, column: Name, given: Quote } =>
            en: "the total row gives `{claimed}`, column {column} gives `{given}`",
            zh: "合计行为“{claimed}”，而{column}列为“{given}”";
        /// Give it once.
        HintTotalOnce =>
            en: "give the project's total once, or the same in both places",
            zh: "项目总分请只填写一处，或两处填写一致";
        /// Two total rows.
        TwoTotalRows { first: u64, second: u64 } =>
            en: "the project has two total rows, row {first} and row {second}",
            zh: "该项目有两个合计行：第 {first} 行和第 {second} 行";
        /// Keep one.
        HintOneTotalRow =>
            en: "keep one total row (合计 or 总分) per project",
            zh: "每个项目只保留一个合计行（合计或总分）";
        /// A year that is not a number.
        YearNotNumber { found: Quote } =>
            en: "the year must be a whole number, found `{found}`",
            zh: "年度须为整数，此处为“{found}”";
        /// How to write it.
        HintYearDigits =>
            en: "write the fiscal year as digits, e.g. `2020` or `2020年度`",
            zh: "请用阿拉伯数字填写年度，如“2020”或“2020年度”";
        /// A project field that differs between rows.
        FieldDiffers { column: Name, before: Quote, first: u64, value: Quote, row: u64 } =>
            en: "{column} is `{before}` on row {first} but `{value}` on row {row}",
            zh: "{column}在第 {first} 行为“{before}”，在第 {row} 行却为“{value}”";
        /// Keep them the same.
        HintSameFields =>
            en: "a project's fields must be the same on each of its rows, or given on its first row only",
            zh: "同一项目各行的项目信息须一致，或只在第一行填写";

        // CSV files (`csvfile.rs`, `encoding.rs`).
        /// A file separated by tabs.
        SeparatedByTabs { file: Name } =>
            en: "{file} is separated by tabs, not by commas",
            zh: "{file}以制表符分隔，而不是以逗号分隔";
        /// A file separated by semicolons.
        SeparatedBySemicolons { file: Name } =>
            en: "{file} is separated by semicolons, not by commas",
            zh: "{file}以分号分隔，而不是以逗号分隔";
        /// A file separated by vertical bars.
        SeparatedByBars { file: Name } =>
            en: "{file} is separated by vertical bars, not by commas",
            zh: "{file}以竖线分隔，而不是以逗号分隔";
        /// What its first row reads.
        NoteFirstRowReads { cells: Names } =>
            en: "its first row reads {cells} …",
            zh: "其第一行为：{cells}……";
        /// How to save it with commas.
        HintSaveCommas =>
            en: "save it from Excel as \"CSV UTF-8 (逗号分隔)\" or as an Excel workbook (.xlsx), or replace the separators with commas",
            zh: "请在 Excel 中另存为“CSV UTF-8(逗号分隔)”或 Excel 工作簿（.xlsx），或将分隔符替换为逗号";
        /// A row of one field.
        RowFieldsOne { row: u64, width: usize } =>
            en: "row {row} has 1 field, but the header has {width}",
            zh: "第 {row} 行只有 1 个字段，而表头有 {width} 个";
        /// A row with another number of fields than the header.
        RowFields { row: u64, fields: usize, width: usize } =>
            en: "row {row} has {fields} fields, but the header has {width}",
            zh: "第 {row} 行有 {fields} 个字段，而表头有 {width} 个";
        /// Where a short row ends.
        NoteEndsIn { column: Name } =>
            en: "it ends in column {column}",
            zh: "该行止于{column}列";
        /// Where a short row ends, and with what.
        NoteEndsWith { column: Name, text: Quote } =>
            en: "it ends in column {column}, with `{text}`",
            zh: "该行止于{column}列，末尾为“{text}”";
        /// What a long row goes on with.
        NoteGoesOn { text: Quote } =>
            en: "past the last column it goes on with `{text}`: its cells are one column off from where a comma splits a field",
            zh: "最后一列之后还有“{text}”：自被逗号拆开的字段起，其后各单元格都错位了一列";
        /// How to mend a row cut short.
        HintRowCut =>
            en: "a line break inside a field that is not in quotes cuts a row in two: put the field in double quotes, or remove the line break; a row written short needs its commas up to the last column",
            zh: "字段中未加引号的换行会把一行拆成两行：请给该字段加上双引号，或删去换行；字段少写了的行，须用逗号补足到最后一列";
        /// How to mend a row with a field too many.
        HintRowSplit =>
            en: "a comma inside a field that is not in quotes splits it in two: put the field in double quotes (`\"≥11,753人次\"`), or write the number without its thousands separator",
            zh: "字段中未加引号的逗号会把它拆成两个字段：请给该字段加上双引号（如 `\"≥11,753人次\"`），或去掉数字中的千位分隔符";
        /// A row with a byte its encoding does not have.
        RowNotEncoding { row: u64, encoding: &'static str, byte: String, offset: u64 } =>
            en: "row {row} is not {encoding}: byte {byte} at offset {offset} cannot be read",
            zh: "第 {row} 行不是 {encoding} 编码：偏移 {offset} 处的字节 {byte} 无法读取";
        /// The file may mix encodings.
        HintMixedEncodings { other: &'static str } =>
            en: "the file may mix encodings: save it again as \"CSV UTF-8\", or try `{other}`",
            zh: "文件可能混用了多种编码：请重新另存为“CSV UTF-8”，或尝试 `{other}`";
        /// The layout, under an empty CSV file.
        HintCsvLayout =>
            en: "the first row names the columns (项目编号, 一级指标 …), one row per indicator follows: see docs/batch.md",
            zh: "第一行为列名（项目编号、一级指标……），其下每个指标一行，见 docs/batch.md";
        /// A UTF-16 file.
        Utf16 { file: Name } =>
            en: "{file} is UTF-16 text, which pfc does not read",
            zh: "{file}是 UTF-16 编码的文本，pfc 不能读取";
        /// How to save it.
        HintSaveCsvUtf8 =>
            en: "save it as \"CSV UTF-8\" (or as CSV in GBK) and try again",
            zh: "请另存为“CSV UTF-8”（或 GBK 编码的 CSV）后重试";
        /// A byte the named encoding does not have.
        NotEncoding { file: Name, encoding: &'static str, byte: String, offset: usize, row: u64 } =>
            en: "{file} is not {encoding}: byte {byte} at offset {offset} (row {row}) cannot be read",
            zh: "{file}不是 {encoding} 编码：第 {row} 行（偏移 {offset}）的字节 {byte} 无法读取";
        /// A byte neither encoding has.
        NeitherEncoding { file: Name, byte: String, offset: usize, row: u64 } =>
            en: "{file} is neither UTF-8 nor GBK: byte {byte} at offset {offset} (row {row}) cannot be read",
            zh: "{file}既不是 UTF-8 也不是 GBK 编码：第 {row} 行（偏移 {offset}）的字节 {byte} 无法读取";
        /// Try GBK.
        HintTryGbk =>
            en: "if the file is GBK (what Chinese Windows saves), try `--encoding gbk`; or save it as \"CSV UTF-8\"",
            zh: "如文件为 GBK 编码（中文 Windows 默认保存的编码），请尝试 `--encoding gbk`，或将其另存为“CSV UTF-8”";
        /// Try UTF-8.
        HintTryUtf8 =>
            en: "if the file is UTF-8, try `--encoding utf-8`; or save it as \"CSV UTF-8\"",
            zh: "如文件为 UTF-8 编码，请尝试 `--encoding utf-8`，或将其另存为“CSV UTF-8”";
        /// Name the encoding.
        HintNameEncoding =>
            en: "name the file's encoding with `--encoding utf-8` or `--encoding gbk`, or save it as \"CSV UTF-8\"",
            zh: "请用 `--encoding utf-8` 或 `--encoding gbk` 指明文件的编码，或将其另存为“CSV UTF-8”";

        // Workbooks (`xlsxfile.rs`).
        /// A workbook calamine cannot read; `why` is its words.
        WorkbookUnreadable { file: Name, why: Quote } =>
            en: "{file} cannot be read as an Excel workbook: {why}",
            zh: "无法作为 Excel 工作簿读取{file}：{why}";
        /// A workbook without a sheet.
        WorkbookNoSheets { file: Name } =>
            en: "{file} cannot be read as an Excel workbook: it has no sheet",
            zh: "无法作为 Excel 工作簿读取{file}：其中没有工作表";
        /// How to save it.
        HintSaveXlsx =>
            en: "save it as an Excel workbook (.xlsx); older .xls files must be converted first",
            zh: "请另存为 Excel 工作簿（.xlsx）；旧版 .xls 文件须先转换";
        /// `--sheet` names a sheet the workbook has not.
        NoSuchSheet { file: Name, sheet: Name } =>
            en: "{file} has no sheet {sheet}",
            zh: "{file}中没有工作表{sheet}";
        /// The sheets it has.
        HintSheets { sheets: Names } =>
            en: "its sheets are {sheets}",
            zh: "其中的工作表有：{sheets}";
        /// An empty sheet.
        SheetOfEmpty { sheet: Name, file: Name } =>
            en: "sheet {sheet} of {file} is empty",
            zh: "{file}的工作表{sheet}是空的";
        /// The layout, under an empty sheet.
        HintXlsxLayout =>
            en: "a header row names the columns (项目编号, 一级指标 …), one row per indicator follows: see docs/batch.md",
            zh: "表头行为列名（项目编号、一级指标……），其下每个指标一行，见 docs/batch.md";
        /// A cell holding an Excel error.
        ExcelErrorCell { error: Quote } =>
            en: "the cell holds the Excel error `{error}`: its formula could not be computed",
            zh: "单元格为 Excel 错误值“{error}”：其公式无法计算";
        /// Fix the formula.
        HintFixFormula =>
            en: "correct the formula (or type the value) in the workbook and save it again",
            zh: "请在工作簿中更正公式（或直接填写数值）后重新保存";

        // One project of a batch (`pick.rs`).
        /// `--project` names no data file of the folder.
        NoSuchDataFile { id: Name, count: u64, input: Name } =>
            en: "no data file {id} among the {count} in {input}",
            zh: "{input}的 {count} 个数据文件中没有{id}";
        /// `--project` names no project of the spreadsheet.
        NoSuchProjectIn { id: Name, count: u64, input: Name } =>
            en: "no project {id} among the {count} in {input}",
            zh: "{input}的 {count} 个项目中没有{id}";
        /// How a folder's project is named.
        HintFileStem =>
            en: "give the data file's name without its extension",
            zh: "请给出数据文件的文件名（不含扩展名）";
        /// How a spreadsheet's project is named.
        HintProjectId =>
            en: "give the project's 项目编号 as the spreadsheet writes it",
            zh: "请按表格中的写法给出项目编号";

        // Writing files (`summary.rs`, `generate.rs`).
        /// A file that cannot be written.
        OutFileUnwritable { file: Name, why: Quote } =>
            en: "cannot write {file}: {why}",
            zh: "无法写入{file}：{why}";
        /// How to make it writable.
        HintOutWritable =>
            en: "check that the folder exists and is writable, and that the disk is not full",
            zh: "请确认文件夹存在且可写入，磁盘空间未满";
        /// `pfc generate`: too many rows for a workbook.
        TooManyRows { rows: u64 } =>
            en: "{rows} rows do not fit in an Excel sheet (at most 1,048,575 under the header)",
            zh: "{rows} 行超出 Excel 工作表的容量（表头下最多 1,048,575 行）";
        /// Generate less.
        HintFewerProjects =>
            en: "generate fewer projects, or a `.csv` file",
            zh: "请减少生成的项目数，或生成 .csv 文件";

        // The summary files' words.
        /// Column: the project id.
        SummaryColId => en: "ID", zh: "项目编号";
        /// Column: the project's name.
        SummaryColName => en: "Name", zh: "项目名称";
        /// Column: 实施单位.
        SummaryColUnit => en: "Unit", zh: "实施单位";
        /// Column: where the project was read.
        SummaryColSource => en: "Source", zh: "来源";
        /// Column: the total.
        SummaryColTotal => en: "Total", zh: "总分";
        /// Column: the grade.
        SummaryColGrade => en: "Grade", zh: "等级";
        /// Column: 执行率.
        SummaryColRate => en: "Execution rate", zh: "执行率";
        /// Column: how many warnings.
        SummaryColWarnings => en: "Warnings", zh: "警告数";
        /// Column: why the project was not scored.
        SummaryColErrors => en: "Errors", zh: "错误";
        /// `findings.csv` column: error or warning.
        FindingsColLevel => en: "Level", zh: "级别";
        /// `findings.csv` column: the code.
        FindingsColCode => en: "Code", zh: "代码";
        /// `findings.csv` column: the message.
        FindingsColMessage => en: "Message", zh: "说明";
        /// `findings.csv` column: where.
        FindingsColLocation => en: "Location", zh: "位置";
        /// `findings.csv` column: how to fix it.
        FindingsColHint => en: "Hint", zh: "提示";
        /// The summary sheet's name (a number is added for the next).
        SummarySheet => en: "Summary", zh: "汇总";
        /// The summary workbook's title.
        SummaryTitle => en: "Evaluation summary", zh: "绩效自评汇总";
        /// A failed project's first error, and how many there were.
        SummaryFirstError { first: String, errors: usize } =>
            en: "{first} ({errors} errors in all)",
            zh: "{first}（共 {errors} 个错误）";

        // On the terminal (`cli/batch.rs`).
        /// A command line that cannot work, as clap words its errors.
        BatchUsage { message: Box<Text>, tip: Box<Text> } =>
            en: "error: {message}\n\n  tip: {tip}\n\nFor more information, try 'pfc eval --help'.",
            zh: "错误：{message}\n\n  提示：{tip}\n\n更多信息请运行 'pfc eval --help'。";
        /// `--template` without a templated format.
        UsageTemplateUnused =>
            en: "`--template` applies to the md, html and docx reports, and none is asked for",
            zh: "`--template` 用于 md、html 和 docx 报告，但没有要求生成其中任何一种";
        /// Ask for one.
        TipAddTemplated =>
            en: "add `-f md`, `-f html` or `-f docx`",
            zh: "请加上 `-f md`、`-f html` 或 `-f docx`";
        /// `--out` names a file.
        OutIsFile { out: Name } =>
            en: "{out} is a file: `--out` names the folder the reports and the summary go to",
            zh: "{out}是文件：`--out` 应指定存放报告和汇总的文件夹";
        /// Name a folder.
        HintOutFolder =>
            en: "name a folder (pfc makes it if it is not there), or move the file away",
            zh: "请指定一个文件夹（不存在时 pfc 会创建），或移走该文件";
        /// The output folder cannot be made.
        OutNotMade { out: Name, why: Quote } =>
            en: "cannot create the folder {out}: {why}",
            zh: "无法创建文件夹{out}：{why}";
        /// Check it.
        HintOutPath =>
            en: "check the path and its permissions",
            zh: "请检查路径及其权限";
        /// Threads that cannot be started.
        NoThreads { why: Quote } =>
            en: "cannot start threads: {why}",
            zh: "无法启动线程：{why}";
        /// Use one.
        TipJobsOne =>
            en: "try `--jobs 1`",
            zh: "请尝试 `--jobs 1`";
        /// The reading thread died.
        ReadingStopped { input: Name } =>
            en: "reading {input} stopped unexpectedly",
            zh: "读取{input}时意外中止";
        /// The run stopped on an error.
        StoppedNoSummary =>
            en: "error: stopped; no summary was written",
            zh: "错误：已停止，未写出汇总";
        /// `--fail-fast` stopped the run.
        StoppedStrict { scored: u64 } =>
            en: "error: stopped at the first project that could not be scored (--fail-fast), after {scored} scored; no summary was written",
            zh: "错误：在第一个无法评分的项目处停止（--fail-fast），此前已评分 {scored} 个项目；未写出汇总";
        /// Ctrl-C, no report written.
        Interrupted { scored: u64 } =>
            en: "error: interrupted after {scored} projects were scored; no summary was written",
            zh: "错误：已中断，此前已评分 {scored} 个项目；未写出汇总";
        /// Ctrl-C, reports written.
        InterruptedReports { scored: u64 } =>
            en: "error: interrupted after {scored} projects were scored; no summary was written; the reports written are complete",
            zh: "错误：已中断，此前已评分 {scored} 个项目；未写出汇总；已写出的报告是完整的";
        /// A header with no rows.
        NoProject { input: Name } =>
            en: "{input} holds no project: no row below its header",
            zh: "{input}中没有项目：表头下没有数据行";
        /// Rows go below it.
        HintRowsBelowHeader =>
            en: "one row per indicator follows the header row: see docs/batch.md",
            zh: "表头行之下应每个指标一行，见 docs/batch.md";
        /// Nothing was scored.
        NothingToScore =>
            en: "error: nothing to score; no summary was written",
            zh: "错误：没有可评分的项目；未写出汇总";
        /// Some projects failed.
        SomeFailed { failed: u64, all: u64 } =>
            en: "error: {failed} of {all} projects could not be scored (see above)",
            zh: "错误：{all} 个项目中有 {failed} 个无法评分（见上文）";
        /// How many were scored.
        ScoredOf { scored: u64, all: u64, input: String } =>
            en: "scored {scored} of {all} projects from {input}",
            zh: "{input}：共 {all} 个项目，已评分 {scored} 个";
        /// How many were scored, and failed.
        ScoredOfFailed { scored: u64, all: u64, input: String, failed: u64 } =>
            en: "scored {scored} of {all} projects from {input}; {failed} failed",
            zh: "{input}：共 {all} 个项目，已评分 {scored} 个，{failed} 个无法评分";
        /// The grades line; `grades` is the list of grade and count.
        GradesLine { grades: String } =>
            en: "grades: {grades}",
            zh: "等级：{grades}";
        /// Projects scored without a grade, in the grades line.
        NoGrade { count: u64 } =>
            en: "no grade {count}",
            zh: "无等级 {count}";
        /// Heading of the list of projects with most warnings.
        MostWarnings =>
            en: "most warnings:",
            zh: "警告最多的项目：";
        /// The files written, without reports.
        WroteNoReports { files: String } =>
            en: "wrote {files} (no report per project: add e.g. `-f md` to write them)",
            zh: "已写出 {files}（未生成各项目的报告：如需生成，请加上 `-f md` 等）";
        /// The files written, with reports.
        WroteReports { files: String, count: usize, formats: String } =>
            en: "wrote {files} and {count} report(s) per scored project ({formats})",
            zh: "已写出 {files}，并为每个已评分的项目写出 {count} 份报告（{formats}）";
        /// Progress: the unit of a folder.
        ProgressFiles =>
            en: "files",
            zh: "个文件";
        /// Progress: the unit of a workbook.
        ProgressRows =>
            en: "rows",
            zh: "行";
        /// Progress: projects done.
        ProgressProjects { count: u64 } =>
            en: "{count} projects",
            zh: "{count} 个项目";
        /// `--sheet` for another input.
        SheetForOther { input: Name, kind: Box<Text> } =>
            en: "`--sheet` picks a sheet of an Excel workbook, and {input} is {kind}",
            zh: "`--sheet` 用于选择 Excel 工作簿中的工作表，而{input}是{kind}";
        /// Drop it.
        TipDropSheet =>
            en: "drop `--sheet`",
            zh: "请去掉 `--sheet`";
        /// `--encoding` for another input.
        EncodingForOther { input: Name, kind: Box<Text> } =>
            en: "`--encoding` is the encoding of a CSV file, and {input} is {kind}",
            zh: "`--encoding` 用于指明 CSV 文件的编码，而{input}是{kind}";
        /// Drop it.
        TipDropEncoding =>
            en: "drop `--encoding`: workbooks and data files are read in the encoding they say",
            zh: "请去掉 `--encoding`：工作簿和数据文件按其自身的编码读取";
        /// `--columns` for another input.
        ColumnsForOther { input: Name, kind: Box<Text> } =>
            en: "`--columns` maps the columns of a spreadsheet, and {input} is {kind}",
            zh: "`--columns` 用于对照表格的列名，而{input}是{kind}";
        /// Drop it.
        TipDropColumns =>
            en: "drop `--columns`: a data file names its fields as docs/data.md says",
            zh: "请去掉 `--columns`：数据文件的字段名按 docs/data.md 的规定书写";
        /// An input: a CSV file.
        InputCsv => en: "a CSV file", zh: "一个 CSV 文件";
        /// An input: a workbook.
        InputXlsx => en: "an Excel workbook", zh: "一个 Excel 工作簿";
        /// An input: a folder.
        InputFolder => en: "a folder of data files", zh: "一个存放数据文件的文件夹";
        /// An input: a data file.
        InputDataFile => en: "a data file", zh: "一个数据文件";
        /// `--project` with one data file.
        ProjectFromFile { input: Name } =>
            en: "`--project` picks a project from a spreadsheet or a folder, and {input} is one data file",
            zh: "`--project` 用于从表格或文件夹中选取项目，而{input}是单个数据文件";
        /// Drop it.
        TipDropProject =>
            en: "drop `--project` to score this file, or give the `.csv`/`.xlsx` file or folder it is in",
            zh: "请去掉 `--project` 以评价该文件，或给出它所在的 .csv/.xlsx 文件或文件夹";
        /// A framework where the data goes.
        FrameworkAsData { data: Name } =>
            en: "{data} is a framework, given where the project data goes",
            zh: "{data}是评价框架，却写在了项目数据的位置";
        /// The two the other way round.
        TipFrameworkFirstSwapped { framework: String, data: String } =>
            en: "the framework comes first: `pfc eval {data} {framework}`",
            zh: "评价框架应写在前面：`pfc eval {data} {framework}`";
        /// The order of the two.
        TipFrameworkFirst =>
            en: "the framework comes first, then the data: `pfc eval FRAMEWORK DATA`",
            zh: "应先写评价框架，再写数据：`pfc eval FRAMEWORK DATA`";
        /// A batch without `--out`.
        NeedsOut { input: Name } =>
            en: "{input} holds many projects: `pfc eval` needs `--out DIR` for the reports and the summary",
            zh: "{input}中有多个项目：`pfc eval` 需要用 `--out DIR` 指定存放报告和汇总的文件夹";
        /// Add it.
        TipAddOut =>
            en: "add e.g. `--out results/`",
            zh: "请加上 `--out` 参数，如 `--out results/`";
        /// `-o` with a batch.
        OutputWithBatch =>
            en: "`-o FILE` writes one report; a batch writes into the folder given with `--out`",
            zh: "`-o FILE` 只写出一份报告；批量评价写入 `--out` 指定的文件夹";
        /// Drop it.
        TipDropOutput =>
            en: "drop `-o` and choose the reports' formats with `-f`, e.g. `-f md -f json`",
            zh: "请去掉 `-o`，并用 `-f` 选择报告格式，如 `-f md -f json`";
    }
}
