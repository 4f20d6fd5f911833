//! The command line's messages: usage errors (pfc's own and the argument
//! parser's), `--help`, what `check`, `test`, `diff`, `fmt`, `generate`
//! print, the framework tests' outcomes and the changes `pfc diff` lists.

use super::{Name, Names, Quote, Text, catalogue};
use crate::eval::result::Points;
use crate::exact::Exact;

catalogue! {
    /// Messages of the command line.
    Cli {
        // How a usage error is laid out (`cli/usage.rs`).
        /// The first line of a usage error.
        UsageError { message: Box<Text> } =>
            en: "error: {message}",
            zh: "错误：{message}";
        /// A tip under a usage error.
        UsageTip { tip: Box<Text> } =>
            en: "tip: {tip}",
            zh: "提示：{tip}";
        /// The last line of a usage error: where the help is.
        MoreInformation { command: String } =>
            en: "For more information, try '{command}'.",
            zh: "详细用法请见“{command}”。";
        /// The usage line of a usage error, and of `--help`.
        UsageLine { usage: String } =>
            en: "Usage: {usage}",
            zh: "用法：{usage}";

        // pfc's own usage errors.
        /// `-f` given twice without `--out`.
        SeveralFormats =>
            en: "several `--format`s need `--out DIR` (one file each per project)",
            zh: "指定多个 `--format` 时须同时给出 `--out DIR`（每个项目各写一个文件）";
        /// How to choose.
        TipOneFormat =>
            en: "choose one format, or add `--out DIR`",
            zh: "请只选一种格式，或加上 `--out DIR`";
        /// `-o 自评表.pdf`.
        NoSuchOutput { ext: Name } =>
            en: "pfc does not write {ext} files",
            zh: "pfc 不能输出{ext}文件";
        /// What pfc writes.
        TipOutputs =>
            en: "write `.docx` or `.html` (and print it to PDF if one is needed), `.xlsx`, `.md`, `.json` or `.txt`; or name the format with `-f`",
            zh: "可输出 `.docx` 或 `.html`（如需 PDF，可再将其打印为 PDF）、`.xlsx`、`.md`、`.json` 或 `.txt`；也可用 `-f` 指定格式";
        /// An Excel or Word file asked for on standard output.
        BinaryNeedsOutput { format: String, what: Box<Text> } =>
            en: "`--format {format}` writes {what}, a file and not text: it needs `-o FILE`",
            zh: "`--format {format}` 输出的是 {what}（文件而不是文本），须用 `-o FILE` 指定输出文件";
        /// What `--format xlsx` writes.
        AnExcelWorkbook =>
            en: "an Excel workbook",
            zh: "Excel 工作簿";
        /// What `--format docx` writes.
        AWordDocument =>
            en: "a Word document",
            zh: "Word 文档";
        /// How to name the file.
        TipOutputFile { format: String } =>
            en: "name the file to write, e.g. `-o 自评表.{format}`",
            zh: "请指定要写入的文件，例如 `-o 自评表.{format}`";
        /// `--template` with a format no template renders.
        TemplateNotApplicable { format: String } =>
            en: "`--template` does not apply to `--format {format}`",
            zh: "`--template` 不适用于 `--format {format}`";
        /// Which formats templates render.
        TipTemplatedFormats =>
            en: "templates render md, html and docx; text, json and xlsx are laid out by pfc",
            zh: "模板只用于 md、html 和 docx；text、json 和 xlsx 由 pfc 自行排版";
        /// `pfc generate -m 2`.
        IndicatorsTooFew =>
            en: "`--indicators` must be at least 3 (one per part of the framework)",
            zh: "`--indicators` 至少为 3（评价框架每个部分一项）";
        /// `pfc generate --malformed 2`.
        MalformedShare =>
            en: "`--malformed` is a share between 0 and 1, e.g. `0.01`",
            zh: "`--malformed` 是 0 到 1 之间的比例，例如 `0.01`";
        /// `pfc generate x.xlsx --encoding gbk`.
        EncodingCsvOnly =>
            en: "`--encoding` applies to CSV files only",
            zh: "`--encoding` 只适用于 CSV 文件";
        /// `pfc generate data.txt`.
        GenerateExtension { file: Name } =>
            en: "{file} must end in `.csv` or `.xlsx`",
            zh: "{file}的扩展名须为 `.csv` 或 `.xlsx`";
        /// An example of `pfc generate`.
        TipGenerate =>
            en: "e.g. `pfc generate data.csv --projects 1000`",
            zh: "例如 `pfc generate data.csv --projects 1000`";
        /// `pfc fmt - a.pf`.
        StdinAlone =>
            en: "`-` (standard input) cannot be given with other paths",
            zh: "`-`（标准输入）不能与其他路径一起使用";

        // The argument parser's errors, from its kind and context.
        /// An option or argument pfc does not have.
        ClapUnknownArgument { arg: Name } =>
            en: "unexpected argument {arg} found",
            zh: "无法识别的参数{arg}";
        /// A subcommand pfc does not have.
        ClapUnknownSubcommand { name: Name } =>
            en: "unrecognized subcommand {name}",
            zh: "没有子命令{name}";
        /// A value not among an option's values.
        ClapInvalidValue { value: Name, arg: Name } =>
            en: "invalid value {value} for {arg}",
            zh: "{arg}的值{value}无效";
        /// A value the option's own check refused, with why.
        ClapValueRefused { value: Name, arg: Name, why: Box<Text> } =>
            en: "invalid value {value} for {arg}: {why}",
            zh: "{arg}的值{value}无效：{why}";
        /// An option without its value.
        ClapValueMissing { arg: Name } =>
            en: "a value is required for {arg} but none was supplied",
            zh: "{arg}需要一个值，但没有给出";
        /// The values an option takes.
        ClapPossibleValues { values: Names } =>
            en: "[possible values: {values}]",
            zh: "［可选值：{values}］";
        /// Arguments that must be given.
        ClapMissingArguments =>
            en: "the following required arguments were not provided:",
            zh: "缺少以下必需的参数：";
        /// `pfc` alone, when a subcommand is needed.
        ClapMissingSubcommand { name: Name } =>
            en: "{name} requires a subcommand but one was not provided",
            zh: "{name}需要一个子命令，但没有给出";
        /// The subcommands there are.
        ClapSubcommands { names: Names } =>
            en: "[subcommands: {names}]",
            zh: "［子命令：{names}］";
        /// An option given twice.
        ClapRepeated { arg: Name } =>
            en: "the argument {arg} cannot be used multiple times",
            zh: "参数{arg}不能重复使用";
        /// Two options that exclude each other.
        ClapConflict { arg: Name, other: Names } =>
            en: "the argument {arg} cannot be used with {other}",
            zh: "参数{arg}不能与{other}同时使用";
        /// The same, when the parser does not say with what.
        ClapConflictOthers { arg: Name } =>
            en: "the argument {arg} cannot be used with one or more of the other specified arguments",
            zh: "参数{arg}不能与所给的其他某些参数同时使用";
        /// A subcommand that excludes an option.
        ClapSubcommandConflict { name: Name, other: Names } =>
            en: "the subcommand {name} cannot be used with {other}",
            zh: "子命令{name}不能与{other}同时使用";
        /// `--x=` needed.
        ClapNoEquals { arg: Name } =>
            en: "equal sign is needed when assigning values to {arg}",
            zh: "为{arg}赋值须使用等号";
        /// A value too many.
        ClapTooManyValues { value: Name, arg: Name } =>
            en: "unexpected value {value} for {arg} found; no more were expected",
            zh: "{arg}多出了值{value}";
        /// Too few values.
        ClapTooFewValues { arg: Name, min: i64, given: i64 } =>
            en: "{min} values required by {arg}; only {given} provided",
            zh: "{arg}至少需要 {min} 个值，只给出了 {given} 个";
        /// Not the number of values an option takes.
        ClapWrongNumberOfValues { arg: Name, expected: i64, given: i64 } =>
            en: "{expected} values required for {arg} but {given} provided",
            zh: "{arg}需要 {expected} 个值，但给出了 {given} 个";
        /// Arguments that are not UTF-8.
        ClapInvalidUtf8 =>
            en: "invalid UTF-8 was detected in one or more arguments",
            zh: "参数中有无效的 UTF-8 字符";
        /// Any other error of the parser, in its own words.
        ClapOther { text: Quote } =>
            en: "{text}",
            zh: "命令行有误：{text}";
        /// Several similar names.
        DidYouMeanOneOf { names: Names } =>
            en: "did you mean one of {names}?",
            zh: "是否应为{names}之一？";
        /// A value that starts with `-`.
        TipPassAsValue { arg: Name, written: Name } =>
            en: "to pass {arg} as a value, use {written}",
            zh: "如要将{arg}作为值传入，请写作{written}";
        /// An option that belongs to a subcommand.
        TipOptionOfSubcommand { written: Name } =>
            en: "{written} exists",
            zh: "可以写作{written}";
        /// A subcommand after `--`.
        TipRemoveDashes { name: Name } =>
            en: "subcommand {name} exists; to use it, remove the `--` before it",
            zh: "有子命令{name}；如要使用它，请删去它前面的 `--`";
        /// `--jobs 0`.
        JobsRange { max: usize } =>
            en: "a number of threads from 1 to {max} (leave `--jobs` out for one per core)",
            zh: "线程数应在 1 到 {max} 之间（不加 `--jobs` 则每个 CPU 核一个线程）";
        /// A whole number that is not.
        NotAWholeNumber =>
            en: "not a whole number",
            zh: "不是非负整数";
        /// A whole number too large.
        ArgNumberTooLarge =>
            en: "the number is too large",
            zh: "数值过大";
        /// A number that is not.
        NotANumber =>
            en: "not a number",
            zh: "不是数字";

        // `--help`: headings and the words clap adds.
        /// The heading of the subcommands.
        HeadingCommands =>
            en: "Commands",
            zh: "命令";
        /// The heading of positional arguments.
        HeadingArguments =>
            en: "Arguments",
            zh: "参数";
        /// The heading of options.
        HeadingOptions =>
            en: "Options",
            zh: "选项";
        /// The heading of an option's values (long help).
        HeadingValues =>
            en: "Possible values:",
            zh: "可选值：";
        /// One value with its meaning (long help).
        ValueLine { value: String, help: Box<Text> } =>
            en: "- {value}: {help}",
            zh: "- {value}：{help}";
        /// An option's default.
        DefaultValue { value: String } =>
            en: "[default: {value}]",
            zh: "［默认：{value}］";
        /// An option's values, in short help.
        ValuesShort { values: String } =>
            en: "[possible values: {values}]",
            zh: "［可选值：{values}］";
        /// `-h` when `--help` says more.
        HelpFlagShort =>
            en: "Print help (see more with '--help')",
            zh: "显示帮助（用 `--help` 查看详细说明）";
        /// `--help` when `-h` says less.
        HelpFlagLong =>
            en: "Print help (see a summary with '-h')",
            zh: "显示帮助（用 `-h` 查看摘要）";
        /// `-h`.
        HelpFlag =>
            en: "Print help",
            zh: "显示帮助";
        /// `-V`.
        VersionFlag =>
            en: "Print version",
            zh: "显示版本";
        /// `pfc help`.
        HelpCommand =>
            en: "Print this message or the help of the given subcommand(s)",
            zh: "显示本帮助，或所给子命令的帮助";
        /// `pfc help COMMAND`.
        HelpCommandArg =>
            en: "Print help for the subcommand(s)",
            zh: "显示所给子命令的帮助";

        // `--help`: what each command and option does.
        /// `pfc`.
        AboutPfc =>
            en: "The performance-framework compiler: scores budget performance evaluations from declarative frameworks",
            zh: "绩效评价框架编译器：按以声明式语言编写的评价框架，为预算绩效评价计分";
        /// `pfc check`.
        AboutCheck =>
            en: "Check frameworks for errors without scoring anything",
            zh: "检查评价框架有无错误，不计分";
        /// `pfc test`.
        AboutTest =>
            en: "Run the tests frameworks declare (`test \"…\" {{ … }}`)",
            zh: "运行评价框架中声明的测试（`test \"…\" {{ … }}`）";
        /// `pfc fmt`.
        AboutFmt =>
            en: "Rewrite `.pf` files in the canonical layout (docs/authoring.md); comments and strings are kept as written",
            zh: "按统一格式重写 `.pf` 文件（见 docs/authoring.md），注释和字符串保持原样";
        /// `pfc diff`.
        AboutDiff =>
            en: "Say what changed between two frameworks: indicators, weights, grade bands, scoring rules, settings",
            zh: "列出两个评价框架之间的改动：指标、分值、评价等级、计分规则、设置";
        /// `pfc eval`.
        AboutEval =>
            en: "Score one project and print the table, or write the report, the Excel table or the Word report; or score every project of a folder, a CSV file or an Excel workbook into `--out DIR`",
            zh: "为一个项目计分并显示自评表，或写出评价报告、Excel 自评表、Word 报告；也可为一个文件夹、CSV 文件或 Excel 工作簿中的全部项目计分，结果写入 `--out DIR`";
        /// `pfc generate`.
        AboutGenerate =>
            en: "Write synthetic project data (N projects × M indicators, CSV or Excel) for tests and benchmarks; the same seed gives the same bytes",
            zh: "生成模拟项目数据（N 个项目 × M 项指标，CSV 或 Excel），供测试和性能评测使用；种子相同则输出完全相同";
        /// `pfc list`.
        AboutList =>
            en: "List the frameworks built into pfc",
            zh: "列出 pfc 内置的评价框架";
        /// `--color`.
        ArgColor =>
            en: "When to colour diagnostics",
            zh: "何时为诊断信息着色";
        /// `--color auto`.
        ValueColorAuto =>
            en: "Colour when standard error is a terminal and NO_COLOR is unset",
            zh: "标准错误输出是终端且未设置 NO_COLOR 时着色";
        /// `--color always`.
        ValueColorAlways =>
            en: "Always colour",
            zh: "始终着色";
        /// `--color never`.
        ValueColorNever =>
            en: "Never colour",
            zh: "从不着色";
        /// `--error-format`.
        ArgErrorFormat =>
            en: "How to print diagnostics",
            zh: "诊断信息的输出形式";
        /// `--error-format human`.
        ValueHuman =>
            en: "Source snippet with carets and hints",
            zh: "显示源文本片段，标出出错位置并附修改建议";
        /// `--error-format short`.
        ValueShort =>
            en: "One line per diagnostic: `file:line:col: error[CODE]: message`",
            zh: "每条诊断信息一行：`文件:行:列: 错误[代码]: 信息`";
        /// `--error-format json`.
        ValueJson =>
            en: "One JSON object per line, for editors and scripts",
            zh: "每行一个 JSON 对象，供编辑器和脚本使用";
        /// `--lang`.
        ArgLang =>
            en: "The language of messages: `zh` (中文) or `en`; by default the locale's (`LC_ALL`, `LC_MESSAGES`, `LANG`: `zh_…` is Chinese), else English",
            zh: "提示信息的语言：`zh`（中文）或 `en`（英文）；默认按语言环境（`LC_ALL`、`LC_MESSAGES`、`LANG`，`zh_…` 为中文），否则为英文";
        /// `--lang zh`.
        ValueZh =>
            en: "Chinese (the default of frameworks, and of a Chinese locale)",
            zh: "中文（评价框架的默认语言，也是中文语言环境的默认语言）";
        /// `--lang en`.
        ValueEn =>
            en: "English",
            zh: "英文";
        /// `pfc check FRAMEWORKS`.
        ArgCheckFrameworks =>
            en: "Framework folders, `.pf` files or built-in ids; a folder without `framework.pf` is searched for framework folders. Default: `frameworks/`",
            zh: "评价框架文件夹、`.pf` 文件或内置框架名；不含 `framework.pf` 的文件夹，会在其中查找评价框架文件夹。默认为 `frameworks/`";
        /// `--explain-extension`.
        ArgExplainExtension =>
            en: "For a framework that `extends` another, list what it changes",
            zh: "对扩展（`extends`）另一评价框架的框架，列出它所做的改动";
        /// `pfc test FRAMEWORKS`.
        ArgTestFrameworks =>
            en: "Framework folders or `.pf` files; a folder without `framework.pf` is searched for framework folders. Default: `frameworks/`",
            zh: "评价框架文件夹或 `.pf` 文件；不含 `framework.pf` 的文件夹，会在其中查找评价框架文件夹。默认为 `frameworks/`";
        /// `pfc fmt PATHS`.
        ArgFmtPaths =>
            en: "`.pf` files, or folders whose `framework.pf` files (in any subfolder) are formatted; `-` for standard input. Default: the current folder",
            zh: "`.pf` 文件，或文件夹（格式化其中各级子文件夹里的 `framework.pf`）；`-` 表示标准输入。默认为当前文件夹";
        /// `pfc fmt --check`.
        ArgFmtCheck =>
            en: "Write nothing: list the files that would change, with a diff, and exit with 1 if any would",
            zh: "不写入任何文件：列出需要改动的文件及其差异，有需要改动的文件时以 1 退出";
        /// `pfc fmt --stdin`.
        ArgFmtStdin =>
            en: "Format standard input to standard output (for editors)",
            zh: "格式化标准输入，结果写到标准输出（供编辑器使用）";
        /// `pfc diff OLD`.
        ArgDiffOld =>
            en: "The older framework (folder, `.pf` file or built-in id)",
            zh: "旧的评价框架（文件夹、`.pf` 文件或内置框架名）";
        /// `pfc diff NEW`.
        ArgDiffNew =>
            en: "The newer framework",
            zh: "新的评价框架";
        /// `pfc eval FRAMEWORK`.
        ArgEvalFramework =>
            en: "A framework folder, a `.pf` file or a built-in id (`cn-self-eval-2020`)",
            zh: "评价框架：文件夹、`.pf` 文件或内置框架名（如 `cn-self-eval-2020`）";
        /// `pfc eval DATA`.
        ArgEvalData =>
            en: "The project data (`.toml` or `.json`); or many projects, scored into `--out DIR`: a folder of data files, a `.csv` file or an `.xlsx` (or `.xlsm`) workbook with one row per indicator",
            zh: "项目数据（`.toml` 或 `.json`）；或多个项目，计分结果写入 `--out DIR`：数据文件所在的文件夹、`.csv` 文件，或每行一项指标的 `.xlsx`（或 `.xlsm`）工作簿";
        /// `--format`.
        ArgFormat =>
            en: "Output format [default: from the extension of `-o`, else text]. With `--out DIR`, the reports written per project; repeat for several (`-f md -f json`); none: the summary only",
            zh: "输出格式［默认：按 `-o` 文件的扩展名，否则为 text］。与 `--out DIR` 同用时，为每个项目写出的报告格式，可重复指定多种（`-f md -f json`），不指定则只写汇总";
        /// `-f text`.
        ValueText =>
            en: "The filled-in table, totals and warnings, aligned for a terminal",
            zh: "填好的自评表、总分和复核提示，按终端对齐";
        /// `-f md`.
        ValueMd =>
            en: "The self-evaluation report in Markdown, from a Tera template",
            zh: "Markdown 格式的自评报告，由 Tera 模板生成";
        /// `-f html`.
        ValueHtml =>
            en: "One self-contained web page: grade, total, chart, table, warnings",
            zh: "一个自包含的网页：评价等级、总分、图表、自评表、复核提示";
        /// `-f json`.
        ValueJsonReport =>
            en: "The whole result as one JSON object (schema in docs/data.md)",
            zh: "全部结果，为一个 JSON 对象（结构见 docs/data.md）";
        /// `-f xlsx`.
        ValueXlsx =>
            en: "The 自评表 as an Excel workbook, laid out as 附件1 (needs `-o FILE`)",
            zh: "Excel 格式的自评表，按附件1排版（须用 `-o FILE`）";
        /// `-f docx`.
        ValueDocx =>
            en: "The self-evaluation report as a Word document (needs `-o FILE`)",
            zh: "Word 格式的自评报告（须用 `-o FILE`）";
        /// `--output`.
        ArgOutput =>
            en: "Write the output to this file (atomically) instead of standard output. Required for xlsx and docx",
            zh: "将结果写入此文件（原子写入），而不是标准输出。xlsx 和 docx 必须指定";
        /// `--template`.
        ArgTemplate =>
            en: "Render md, html or docx with this Tera template instead of the framework's. A name ending in `.html` or `.html.tera` turns on HTML escaping",
            zh: "用此 Tera 模板代替评价框架自带的模板，生成 md、html 或 docx。文件名以 `.html` 或 `.html.tera` 结尾时启用 HTML 转义";
        /// `--review`.
        ArgReview =>
            en: "The reviewer's report: md, html and docx with pfc's findings and the formula of every score, which the unit's report leaves out",
            zh: "生成复核用报告：md、html 和 docx 中附上 pfc 的复核提示和每项得分的计算过程（单位报送的报告不含这些内容）";
        /// `--out`.
        ArgOut =>
            en: "Score every project of DATA (a folder of `.toml`/`.json` files, a `.csv` file or an `.xlsx` workbook) and write the reports, `summary.csv`/`summary.xlsx` and `findings.csv` (every error and warning) into DIR (docs/batch.md)",
            zh: "为 DATA（`.toml`/`.json` 文件所在的文件夹、`.csv` 文件或 `.xlsx` 工作簿）中的全部项目计分，将各项目报告、`summary.csv`/`summary.xlsx` 和 `findings.csv`（全部错误和警告）写入 DIR（见 docs/batch.md）";
        /// `--project`.
        ArgProject =>
            en: "Score only this project of DATA (a `.csv` file, an `.xlsx` workbook or a folder), as one data file is scored: the table, or the report with `-f`/`-o`. ID is the 项目编号, or for a folder the data file's name without its extension",
            zh: "只为 DATA（`.csv` 文件、`.xlsx` 工作簿或文件夹）中的这一个项目计分，与单个数据文件一样：显示自评表，或按 `-f`/`-o` 写出报告。ID 为项目编号；DATA 为文件夹时，ID 为数据文件名（不含扩展名）";
        /// `--strict`.
        ArgStrict =>
            en: "Refuse what departs from the framework (its weights, group names, band words; a row that cannot be judged) instead of scoring the table as submitted and saying what departs",
            zh: "严格按评价框架：分值、分组名称、完成等级与框架不符或有无法评分的行时报错，而不是按自评表原样计分并指出不符之处";
        /// `--fail-fast`.
        ArgFailFast =>
            en: "In a batch, stop at the first project that cannot be scored (no summary is written)",
            zh: "批量计分时，遇到第一个无法计分的项目即停止（不写汇总）";
        /// `--columns`.
        ArgColumns =>
            en: "For a spreadsheet, a TOML file naming its columns (`\"三级指标\" = \"指标名称\"`)",
            zh: "表格的列名对照，为一个 TOML 文件（如 `\"三级指标\" = \"指标名称\"`）";
        /// `pfc eval --encoding`.
        ArgEncoding =>
            en: "The encoding of a CSV file",
            zh: "CSV 文件的编码";
        /// `--encoding auto`.
        ValueEncodingAuto =>
            en: "Detect: a UTF-8 BOM or valid UTF-8 is UTF-8, else GBK/GB18030",
            zh: "自动识别：有 UTF-8 BOM 或是有效的 UTF-8 时按 UTF-8 读取，否则按 GBK/GB18030";
        /// `--encoding utf-8`.
        ValueUtf8 =>
            en: "UTF-8, with or without a byte-order mark",
            zh: "UTF-8，带或不带字节顺序标记（BOM）";
        /// `--encoding gbk`.
        ValueGbk =>
            en: "GBK (read as GB18030, of which it is a subset)",
            zh: "GBK（按 GB18030 读取，GBK 是其子集）";
        /// `--encoding gb18030`.
        ValueGb18030 =>
            en: "GB18030",
            zh: "GB18030 编码";
        /// `--sheet`.
        ArgSheet =>
            en: "The sheet of an Excel workbook to read [default: the first]",
            zh: "要读取的 Excel 工作表［默认：第一个］";
        /// `--jobs`.
        ArgJobs =>
            en: "Threads scoring a batch, 1 to 256 [default: one per core]",
            zh: "批量计分的线程数，1 到 256［默认：每个 CPU 核一个］";
        /// `pfc generate OUTPUT`.
        ArgGenerateOutput =>
            en: "The file to write: `.csv` or `.xlsx`",
            zh: "要写入的文件：`.csv` 或 `.xlsx`";
        /// `--projects`.
        ArgProjects =>
            en: "Number of projects",
            zh: "项目个数";
        /// `--indicators`.
        ArgIndicators =>
            en: "Indicator rows per project (at least 3)",
            zh: "每个项目的指标行数（至少 3）";
        /// `--malformed`.
        ArgMalformed =>
            en: "Share of projects with one mistake (a bad notation, weight, year, amount or unit), between 0 and 1",
            zh: "含一处错误（写法、分值、年度、金额或单位有误）的项目所占比例，0 到 1 之间";
        /// `--seed`.
        ArgSeed =>
            en: "Seed of the pseudo-random sequence",
            zh: "伪随机序列的种子";
        /// `pfc generate --encoding`.
        ArgGenerateEncoding =>
            en: "Encoding of a CSV file: `utf-8` or `gbk`",
            zh: "CSV 文件的编码：`utf-8` 或 `gbk`";
        /// Under every command's help.
        HelpExitCodes =>
            en: "Exit codes:
  0  success (warnings may have been printed)
  1  the framework or the data has errors
  2  the command line is wrong (unknown option, missing argument)",
            zh: "退出码：
  0  成功（可能显示了警告）
  1  评价框架或数据有错误
  2  命令行有误（未知选项、缺少参数等）";
        /// Under `pfc eval --help`: the formats and examples.
        HelpEval =>
            en: "Formats:
  text  the self-evaluation table for a terminal (default)
  md    the self-evaluation report, Markdown
  html  one self-contained web page: grade, total, chart, table, warnings
  json  everything, for machines
  xlsx  the 自评表 as an Excel workbook, laid out as 附件1 (needs -o FILE)
  docx  the self-evaluation report as a Word document (needs -o FILE)

Examples:
  pfc eval cn-self-eval-2020 data.toml -o 自评报告.docx
  pfc eval cn-self-eval-2020 data.toml -o 自评表.xlsx
  pfc eval cn-self-eval-2020 data.toml -f html -o report.html
  pfc eval cn-self-eval-2020 自评表.csv --out results/ -f md   (a batch: docs/batch.md)",
            zh: "格式：
  text  在终端显示的自评表（默认）
  md    Markdown 格式的自评报告
  html  一个自包含的网页：评价等级、总分、图表、自评表、复核提示
  json  全部结果，供程序读取
  xlsx  Excel 格式的自评表，按附件1排版（须用 -o FILE）
  docx  Word 格式的自评报告（须用 -o FILE）

示例：
  pfc eval cn-self-eval-2020 data.toml -o 自评报告.docx
  pfc eval cn-self-eval-2020 data.toml -o 自评表.xlsx
  pfc eval cn-self-eval-2020 data.toml -f html -o report.html
  pfc eval cn-self-eval-2020 自评表.csv --out results/ -f md   （批量计分，见 docs/batch.md）";
        /// Under `pfc fmt --help`.
        HelpFmt =>
            en: "Examples:
  pfc fmt                                  every framework.pf under this folder
  pfc fmt frameworks/my-framework          one framework
  pfc fmt --check frameworks/              in CI: exit 1 if any file is not formatted
  pfc fmt - < framework.pf                 standard input to standard output

Exit codes:
  0  success: files formatted, or (--check) all already formatted
  1  a file has a syntax error or cannot be read, or (--check) would change
  2  the command line is wrong (unknown option, missing argument)",
            zh: "示例：
  pfc fmt                                  格式化本文件夹下的全部 framework.pf
  pfc fmt frameworks/my-framework          格式化一个评价框架
  pfc fmt --check frameworks/              用于持续集成：有未格式化的文件时以 1 退出
  pfc fmt - < framework.pf                 从标准输入读取，写到标准输出

退出码：
  0  成功：文件已格式化，或（--check）全部已是统一格式
  1  有文件存在语法错误或无法读取，或（--check）有文件需要改动
  2  命令行有误（未知选项、缺少参数等）";

        // Finding frameworks (`cli/load.rs`).
        /// A folder named as a framework that has no `framework.pf`.
        FolderWithoutFramework { folder: Name } =>
            en: "the folder {folder} has no `framework.pf`",
            zh: "文件夹{folder}中没有 `framework.pf`";
        /// How to name a framework.
        HintFrameworkFolder =>
            en: "name a framework folder such as `frameworks/cn-self-eval-2020`, or a `.pf` file",
            zh: "请指定评价框架文件夹（如 `frameworks/cn-self-eval-2020`）或 `.pf` 文件";
        /// How to name a framework, when a path was meant.
        HintFrameworkPath =>
            en: "name a framework folder (holding `framework.pf`), a `.pf` file, or a built-in id (`pfc list`)",
            zh: "请指定评价框架文件夹（内有 `framework.pf`）、`.pf` 文件或内置框架名（见 `pfc list`）";
        /// A name that is no framework.
        NoFramework { name: Name } =>
            en: "no framework {name}",
            zh: "没有评价框架{name}";
        /// What pfc looked for.
        NoteNoFramework =>
            en: "it is neither a folder, nor a file, nor a built-in framework",
            zh: "它既不是文件夹，也不是文件，也不是内置评价框架";
        /// The built-in frameworks.
        HintBuiltins { ids: Names } =>
            en: "built-in frameworks: {ids}",
            zh: "内置评价框架有：{ids}";
        /// A folder of frameworks with none in it.
        NoFrameworkFolders { folder: Name } =>
            en: "{folder} holds no framework folder (a folder with `framework.pf`)",
            zh: "{folder}中没有评价框架文件夹（含 `framework.pf` 的文件夹）";

        // Writing files (`cli/output.rs`).
        /// An output file that cannot be written.
        CannotWrite { file: Name, why: Quote } =>
            en: "cannot write {file}: {why}",
            zh: "无法写入{file}：{why}";
        /// An output file in a folder that does not exist.
        CannotWriteNoFolder { file: Name, folder: Name } =>
            en: "cannot write {file}: the folder {folder} does not exist",
            zh: "无法写入{file}：文件夹{folder}不存在";
        /// An output file pfc may not write.
        CannotWritePermission { file: Name } =>
            en: "cannot write {file}: permission denied",
            zh: "无法写入{file}：没有写入权限";
        /// How to make it writable.
        HintWritableFolder =>
            en: "check that the folder exists and is writable",
            zh: "请确认该文件夹存在且可以写入";

        // `pfc check`.
        /// The status of a framework with errors.
        StatusError =>
            en: "error",
            zh: "有错误";
        /// The status of a framework without.
        StatusOk =>
            en: "ok",
            zh: "通过";
        /// One error.
        OneError =>
            en: "1 error",
            zh: "1 个错误";
        /// Errors.
        Errors { n: usize } =>
            en: "{n} errors",
            zh: "{n} 个错误";
        /// One warning.
        OneWarning =>
            en: "1 warning",
            zh: "1 个警告";
        /// Warnings.
        Warnings { n: usize } =>
            en: "{n} warnings",
            zh: "{n} 个警告";
        /// The counts after a framework.
        CheckCounts { errors: Box<Text>, warnings: Box<Text> } =>
            en: "({errors}, {warnings})",
            zh: "（{errors}，{warnings}）";
        /// The last line of `pfc check`.
        CheckSummary { checked: usize, ok: usize, failed: usize } =>
            en: "{checked} checked, {ok} ok, {failed} with errors",
            zh: "共检查 {checked} 个，{ok} 个通过，{failed} 个有错误";
        /// `--explain-extension` on a framework that extends none.
        ExtendsNothing { id: Name } =>
            en: "{id} extends no framework",
            zh: "{id}没有扩展其他评价框架";
        /// `--explain-extension`: the changes follow.
        ExtendsFramework { id: Name, parent: Name } =>
            en: "{id} extends {parent}:",
            zh: "{id}扩展自{parent}，改动如下：";
        /// Data a framework test names that is not there.
        TestDataMissing { test: Name, file: Name } =>
            en: "test {test} names data {file} that does not exist",
            zh: "测试{test}所用的数据{file}不存在";
        /// Under it.
        LabelNoSuchFile =>
            en: "no such file",
            zh: "没有这个文件";
        /// Where the path starts.
        HintRelativeTo { folder: Name } =>
            en: "the path is relative to {folder}",
            zh: "该路径相对于{folder}";

        // `pfc test`.
        /// A framework whose tests failed.
        StatusFail =>
            en: "FAIL",
            zh: "失败";
        /// A framework that cannot be loaded.
        TestCannotLoad =>
            en: "(cannot be loaded)",
            zh: "（无法载入）";
        /// A framework with errors.
        TestFrameworkErrors =>
            en: "(the framework has errors)",
            zh: "（评价框架有错误）";
        /// A framework without tests.
        TestNone =>
            en: "(no tests)",
            zh: "（没有测试）";
        /// All passed.
        TestsPassed { passed: usize } =>
            en: "({passed} passed)",
            zh: "（{passed} 项通过）";
        /// Some failed.
        TestsFailed { passed: usize, failed: usize } =>
            en: "({passed} passed, {failed} failed)",
            zh: "（{passed} 项通过，{failed} 项失败）";
        /// A failed test, its failures below.
        TestHeading { name: Name } =>
            en: "test {name}:",
            zh: "测试{name}：";
        /// The last line of `pfc test`.
        TestSummary { passed: usize, failed: usize } =>
            en: "{passed} passed, {failed} failed",
            zh: "{passed} 项通过，{failed} 项失败";

        // A framework test's failures (`fwtest.rs`).
        /// A test without data.
        TestNoData =>
            en: "the test names no data: add `data \"examples/….toml\"`",
            zh: "测试没有指定数据：请加上 `data \"examples/….toml\"`";
        /// A built-in framework's test data.
        TestBuiltinData { file: Name } =>
            en: "{file} is relative to the framework's folder; run the tests on the folder, not the built-in id",
            zh: "{file}是相对于评价框架文件夹的路径；请对框架文件夹运行测试，而不是对内置框架名";
        /// The evaluation failed; its diagnostics follow.
        TestEvaluationFailed =>
            en: "the evaluation failed:",
            zh: "计分失败：";
        /// An error with a code that did not appear.
        TestWantedErrorCode { code: String, got: String } =>
            en: "expected error {code}, got: {got}",
            zh: "应报错误 {code}，实际为：{got}";
        /// An error with words that did not appear.
        TestWantedErrorWords { words: Name, got: String } =>
            en: "expected error {words}, got: {got}",
            zh: "应报错误{words}，实际为：{got}";
        /// A warning with a code that did not appear.
        TestWantedWarningCode { code: String, got: String } =>
            en: "expected warning {code}, got: {got}",
            zh: "应报警告 {code}，实际为：{got}";
        /// A warning with words that did not appear.
        TestWantedWarningWords { words: Name, got: String } =>
            en: "expected warning {words}, got: {got}",
            zh: "应报警告{words}，实际为：{got}";
        /// Between the findings listed.
        ListSeparator =>
            en: "; ",
            zh: "；";
        /// No finding of the kind.
        TestGotNone =>
            en: "none",
            zh: "无";
        /// A wrong total.
        TestTotal { want: Exact, got: Points, parts: String } =>
            en: "total: expected {want}, got {got} ({parts})",
            zh: "总分：应为 {want}，实际为 {got}（{parts}）";
        /// A wrong grade.
        TestGrade { want: Name, got: Name, total: Points } =>
            en: "grade: expected {want}, got {got} (total {total})",
            zh: "评价等级：应为{want}，实际为{got}（总分 {total}）";
        /// No grade.
        TestNoGrade { want: Name, total: Points } =>
            en: "grade: expected {want}, got none (total {total})",
            zh: "评价等级：应为{want}，实际没有评价等级（总分 {total}）";
        /// A score of a node that is not there.
        TestNoSuchNode { path: Name } =>
            en: "score of {path}: no such indicator or group in the result",
            zh: "{path}的得分：结果中没有这项指标或分组";
        /// A wrong score.
        TestScore { path: Name, want: Exact, got: Points } =>
            en: "score of {path}: expected {want}, got {got}",
            zh: "{path}的得分：应为 {want}，实际为 {got}";
        /// A path several nodes end with.
        TestAmbiguous { path: Name, count: usize, example: Name } =>
            en: "score of {path}: {count} nodes match; write more of the path (e.g. {example})",
            zh: "{path}的得分：有 {count} 个节点与之相符；请写出更完整的路径（例如{example}）";

        // `pfc diff` (`diff.rs`).
        /// Nothing changed.
        DiffNothing =>
            en: "no changes in indicators, weights, grades, rules or settings",
            zh: "指标、分值、评价等级、计分规则和设置均无改动";
        /// Area: settings.
        AreaSettings =>
            en: "settings",
            zh: "设置";
        /// Area: grades.
        AreaGrades =>
            en: "grades",
            zh: "等级";
        /// Area: the tree.
        AreaTree =>
            en: "tree",
            zh: "指标";
        /// Area: scoring.
        AreaScoring =>
            en: "scoring",
            zh: "计分";
        /// Area: inputs.
        AreaInputs =>
            en: "inputs",
            zh: "输入";
        /// Area: checks.
        AreaChecks =>
            en: "checks",
            zh: "校验";
        /// The title changed.
        DiffTitle { old: Quote, new: Quote } =>
            en: "title: {old} → {new}",
            zh: "标题：{old} → {new}";
        /// The basis changed.
        DiffBasis { old: Quote, new: Quote } =>
            en: "basis: {old} → {new}",
            zh: "依据：{old} → {new}";
        /// The total changed.
        DiffTotal { old: Exact, new: Exact } =>
            en: "total: {old} → {new}",
            zh: "总分：{old} → {new}";
        /// The report language changed.
        DiffLanguage { old: String, new: String } =>
            en: "language: {old} → {new}",
            zh: "报告语言：{old} → {new}";
        /// The years changed.
        DiffYears { old: Box<Text>, new: Box<Text> } =>
            en: "years: {old} → {new}",
            zh: "适用年度：{old} → {new}";
        /// No period.
        AnyYear =>
            en: "any year",
            zh: "不限年度";
        /// A period.
        YearRange { from: i64, to: i64 } =>
            en: "{from}–{to}",
            zh: "{from}–{to} 年度";
        /// A period without end.
        YearOnwards { from: i64 } =>
            en: "{from} onwards",
            zh: "{from} 年度起";
        /// The rounding changed.
        DiffRounding { old: Box<Text>, new: Box<Text> } =>
            en: "rounding: {old} → {new}",
            zh: "舍入：{old} → {new}";
        /// A rounding.
        Rounding { places: u32, mode: String, scope: String } =>
            en: "{places} places, {mode}, {scope}",
            zh: "保留 {places} 位小数，{mode}，{scope}";
        /// A grade's lower bound.
        GradeFrom { min: Exact } =>
            en: "≥ {min}",
            zh: "≥ {min} 分";
        /// The grade that takes the rest.
        GradeRest =>
            en: "the rest",
            zh: "其余";
        /// A grade removed.
        DiffGradeRemoved { name: Name, band: Box<Text> } =>
            en: "grade {name} ({band}) removed",
            zh: "删除了评价等级{name}（{band}）";
        /// A grade's bound changed.
        DiffGradeChanged { name: Name, old: Box<Text>, new: Box<Text> } =>
            en: "grade {name}: {old} → {new}",
            zh: "评价等级{name}：{old} → {new}";
        /// A grade added.
        DiffGradeAdded { name: Name, band: Box<Text> } =>
            en: "grade {name} ({band}) added",
            zh: "新增评价等级{name}（{band}）";
        /// A group.
        KindGroup =>
            en: "group",
            zh: "分组";
        /// An indicator.
        KindIndicator =>
            en: "indicator",
            zh: "指标";
        /// A slot.
        KindSlot =>
            en: "slot",
            zh: "数据指标分组";
        /// A question.
        KindQuestion =>
            en: "question",
            zh: "问题";
        /// A weight.
        DiffPoints { value: Exact } =>
            en: "{value}",
            zh: "{value} 分";
        /// A weight the data gives.
        WeightFromData =>
            en: "from the data",
            zh: "由数据给出";
        /// A node removed.
        DiffNodeRemoved { kind: Box<Text>, path: Name, weight: Box<Text> } =>
            en: "{kind} {path} removed (weight {weight})",
            zh: "删除了{kind}{path}（分值 {weight}）";
        /// A node added.
        DiffNodeAdded { kind: Box<Text>, path: Name, weight: Box<Text> } =>
            en: "{kind} {path} added (weight {weight})",
            zh: "新增{kind}{path}（分值 {weight}）";
        /// A node's kind changed.
        DiffKindChanged { path: Name, old: Box<Text>, new: Box<Text> } =>
            en: "{path} changed from a {old} to a {new}",
            zh: "{path}由{old}改为{new}";
        /// A node's weight changed.
        DiffWeight { path: Name, old: Box<Text>, new: Box<Text> } =>
            en: "weight of {path}: {old} → {new}",
            zh: "{path}的分值：{old} → {new}";
        /// An indicator's formula changed.
        DiffScore { path: Name, old: String, new: String } =>
            en: "score of {path}: `{old}` → `{new}`",
            zh: "{path}的计分公式：`{old}` → `{new}`";
        /// Rules of the whole framework.
        ScopeFramework =>
            en: "framework-wide",
            zh: "全框架";
        /// Rules of one slot.
        ScopeSlot { path: Name } =>
            en: "slot {path}",
            zh: "{path}分组";
        /// A rule removed.
        DiffRuleRemoved { scope: Box<Text>, rule: Name } =>
            en: "{scope} rule {rule} removed",
            zh: "删除了{scope}计分规则{rule}";
        /// A rule added.
        DiffRuleAdded { scope: Box<Text>, rule: Name, formula: String } =>
            en: "{scope} rule {rule} added: `{formula}`",
            zh: "新增{scope}计分规则{rule}：`{formula}`";
        /// A rule's formula changed.
        DiffRule { scope: Box<Text>, rule: Name, old: String, new: String } =>
            en: "{scope} rule {rule}: `{old}` → `{new}`",
            zh: "{scope}计分规则{rule}：`{old}` → `{new}`";
        /// A deduction condition added.
        DiffDeductionAdded { scope: Box<Text>, rule: Name, condition: String } =>
            en: "{scope} rule {rule} deduction condition: none → {condition}",
            zh: "{scope}计分规则{rule}新增扣分条件：{condition}";
        /// A deduction condition removed.
        DiffDeductionRemoved { scope: Box<Text>, rule: Name, condition: String } =>
            en: "{scope} rule {rule} deduction condition: {condition} → none",
            zh: "{scope}计分规则{rule}删除了扣分条件：{condition}";
        /// A deduction condition changed.
        DiffDeduction { scope: Box<Text>, rule: Name, old: String, new: String } =>
            en: "{scope} rule {rule} deduction condition: {old} → {new}",
            zh: "{scope}计分规则{rule}的扣分条件：{old} → {new}";
        /// A rule's checks changed.
        DiffRuleChecks { scope: Box<Text>, rule: Name } =>
            en: "{scope} rule {rule} checks changed",
            zh: "{scope}计分规则{rule}的校验有改动";
        /// Qualitative bands removed.
        DiffBandsRemoved { scope: Box<Text> } =>
            en: "{scope} qualitative bands removed",
            zh: "删除了{scope}定性指标档次";
        /// Qualitative bands added.
        DiffBandsAdded { scope: Box<Text>, bands: String } =>
            en: "{scope} qualitative bands added: {bands}",
            zh: "新增{scope}定性指标档次：{bands}";
        /// Qualitative bands changed.
        DiffBands { scope: Box<Text>, old: String, new: String } =>
            en: "{scope} qualitative bands: {old} → {new}",
            zh: "{scope}定性指标档次：{old} → {new}";
        /// The default pick of a band changed.
        DiffBandDefault { scope: Box<Text>, old: String, new: String } =>
            en: "{scope} qualitative default: {old} → {new}",
            zh: "{scope}定性指标默认取分：{old} → {new}";
        /// An input.
        WhatInput =>
            en: "input",
            zh: "输入项";
        /// A `let`.
        WhatDerived =>
            en: "derived value",
            zh: "派生值";
        /// A `require`.
        WhatCheck =>
            en: "check",
            zh: "校验";
        /// An input, value or check removed.
        DiffNamedRemoved { what: Box<Text>, name: String } =>
            en: "{what} `{name}` removed",
            zh: "删除了{what} `{name}`";
        /// Its definition changed.
        DiffNamed { what: Box<Text>, name: String, old: String, new: String } =>
            en: "{what} `{name}`: `{old}` → `{new}`",
            zh: "{what} `{name}`：`{old}` → `{new}`";
        /// One added.
        DiffNamedAdded { what: Box<Text>, definition: String } =>
            en: "{what} added: `{definition}`",
            zh: "新增{what}：`{definition}`";

        // `pfc fmt`.
        /// `--check`: this file is not in the canonical layout.
        WouldReformat { file: String } =>
            en: "would reformat {file}",
            zh: "需要重新格式化：{file}";
        /// This file was rewritten.
        Reformatted { file: String } =>
            en: "reformatted {file}",
            zh: "已重新格式化：{file}";
        /// The last line of `--check`.
        FmtChecked { files: usize, changed: usize, failed: usize } =>
            en: "{files} checked, {changed} would be reformatted, {failed} with errors",
            zh: "检查了 {files} 个文件：{changed} 个需要重新格式化，{failed} 个有错误";
        /// The last line when writing.
        FmtFormatted { files: usize, changed: usize, failed: usize } =>
            en: "{files} checked, {changed} reformatted, {failed} with errors",
            zh: "检查了 {files} 个文件：{changed} 个已重新格式化，{failed} 个有错误";
        /// A folder named holds no `framework.pf`.
        FmtNoFrameworks { folder: Name } =>
            en: "{folder} holds no `framework.pf`",
            zh: "{folder}中没有 `framework.pf`";
        /// Standard input in another encoding.
        StdinNotUtf8 =>
            en: "standard input is not UTF-8 text",
            zh: "标准输入不是 UTF-8 文本";

        // `pfc generate`.
        /// What was written.
        Generated { projects: u64, rows: u64, file: String } =>
            en: "wrote {projects} projects, {rows} indicator rows, to {file}",
            zh: "已写入 {projects} 个项目、{rows} 行指标：{file}";
    }
}
