//! The data phase's messages: reading a project's data file (TOML or JSON)
//! and the target and actual values written in it (`data.rs`,
//! `data/notation.rs`).

use super::{Name, Names, Quote, Text, catalogue};
use crate::data::Example;

catalogue! {
    /// Messages of the data phase.
    Data {
        // The file as a whole.
        /// A data file with nothing in it.
        DataEmpty { file: Name } =>
            en: "{file} is empty",
            zh: "{file}是空文件";
        /// What a TOML data file needs at least.
        HintDataMinimum =>
            en: "a data file needs at least `[project]`, `[funds]` and `[[indicators]]`: see docs/data.md",
            zh: "数据文件至少应有 `[project]`、`[funds]` 和 `[[indicators]]`，详见 docs/data.md";
        /// What a JSON data file needs at least.
        HintDataMinimumJson =>
            en: "a data file needs at least `project`, `funds` and `indicators`: see docs/data.md",
            zh: "数据文件至少应有 `project`、`funds` 和 `indicators`，详见 docs/data.md";

        // TOML syntax.
        /// A text value without quotes (`name = 项目`).
        TomlUnquotedText =>
            en: "a text value must be in quotes",
            zh: "文字值应加引号";
        /// Label: the unquoted text.
        LabelNotInQuotes =>
            en: "not in quotes",
            zh: "未加引号";
        /// How to quote the text found.
        HintQuoteText { text: Quote } =>
            en: "put the text in quotes: `\"{text}\"`",
            zh: "请给文字加上引号：`\"{text}\"`";
        /// How to quote a text (none found to show).
        HintQuoteTextPlain =>
            en: "put the text in double quotes",
            zh: "请用双引号括起文字";
        /// A text whose closing quote is missing.
        TomlUnclosedText =>
            en: "a text is missing its closing `\"`",
            zh: "文字缺少结尾的 `\"`";
        /// Label: where the line ends.
        LabelLineEnds =>
            en: "the line ends before the closing `\"`",
            zh: "该行在结尾的 `\"` 之前结束";
        /// How to close a text.
        HintCloseText =>
            en: "end the text with `\"` on the same line; for text over several lines use `\"\"\"…\"\"\"`",
            zh: "请在同一行以 `\"` 结束文字；多行文字请用 `\"\"\"…\"\"\"`";
        /// A key with Chinese characters, not quoted.
        TomlUnquotedKey =>
            en: "a key with Chinese characters must be in quotes",
            zh: "含中文的键名应加引号";
        /// Label: the unquoted key.
        LabelKeyNotInQuotes =>
            en: "key not in quotes",
            zh: "键名未加引号";
        /// How to quote the key found.
        HintQuoteKey { key: Quote } =>
            en: "write the key in quotes: `\"{key}\" = …`",
            zh: "请给键名加上引号：`\"{key}\" = …`";
        /// How to quote a key (none found to show).
        HintQuoteKeyExample =>
            en: "quote the key: `\"执行率\" = \"98.73%\"`",
            zh: "请给键名加上引号，例如 `\"执行率\" = \"98.73%\"`";
        /// A key written twice.
        TomlDuplicateKey { key: Name } =>
            en: "{key} is given twice",
            zh: "{key}重复出现";
        /// Label: the second time.
        LabelKeySecondTime =>
            en: "second time",
            zh: "第二次出现";
        /// How to fix a key given twice.
        HintRemoveDuplicateKey =>
            en: "remove one of the two, or rename it",
            zh: "请删除其中之一，或改用其他名称";
        /// Any other TOML problem, in the TOML reader's words.
        TomlOther { message: Quote } =>
            en: "{message}",
            zh: "TOML 格式错误：{message}";
        /// How to find a TOML mistake.
        HintTomlSyntax =>
            en: "check the TOML syntax near this point (quotes, `=`, brackets)",
            zh: "请检查此处附近的 TOML 语法（引号、`=`、括号）";

        // JSON syntax.
        /// A JSON file cut short.
        JsonEnds =>
            en: "the file ends before the JSON is complete",
            zh: "文件在 JSON 完整之前就已结束";
        /// Label: the end of the file.
        LabelFileEnds =>
            en: "the file ends here",
            zh: "文件在此结束";
        /// How to complete a JSON file.
        HintCloseBrackets =>
            en: "close every `{{` and `[`; the file may be cut short",
            zh: "请补全每个 `{{` 和 `[` 的结尾；文件可能不完整";
        /// A comma after the last item.
        JsonTrailingComma =>
            en: "JSON allows no `,` after the last item",
            zh: "JSON 中最后一项之后不能有 `,`";
        /// Label: the comma.
        LabelRemoveComma =>
            en: "remove this `,`",
            zh: "请删除此 `,`";
        /// How to fix a trailing comma.
        HintRemoveComma =>
            en: "remove the `,`: the last item of a list or object has none after it",
            zh: "请删除该 `,`：列表或对象的最后一项之后不加逗号";
        /// A comma missing between two items.
        JsonMissingComma =>
            en: "a `,` is missing between two items",
            zh: "两项之间缺少 `,`";
        /// Label: where the comma goes.
        LabelCommaBefore =>
            en: "expected `,` before this",
            zh: "此前应有 `,`";
        /// How to add the comma.
        HintAddComma =>
            en: "add a `,` after the item before this one",
            zh: "请在前一项之后加上 `,`";
        /// Any other JSON problem, in the JSON reader's words.
        JsonOther { message: Quote } =>
            en: "{message}",
            zh: "JSON 格式错误：{message}";
        /// How to find a JSON mistake.
        HintJsonSyntax =>
            en: "check the JSON syntax near this point (commas, quotes, brackets)",
            zh: "请检查此处附近的 JSON 语法（逗号、引号、括号）";
        /// Label: the place of a problem.
        LabelProblemHere =>
            en: "here",
            zh: "此处";

        // The shape of the data.
        /// A field the data format does not have.
        UnknownDataField { field: Name } =>
            en: "unknown field {field}",
            zh: "未知字段{field}";
        /// Label: the unknown field.
        LabelUnknownField =>
            en: "unknown field",
            zh: "未知字段";
        /// How to fix an unknown field with no near name.
        HintRemoveUnknownField =>
            en: "remove it, or check its spelling; docs/data.md lists every field",
            zh: "请删除该字段或检查拼写；全部字段见 docs/data.md";
        /// The fields a table may have.
        NoteFieldsOf { table: Name, fields: Names } =>
            en: "the fields of {table} are {fields}",
            zh: "{table}可有的字段：{fields}";
        /// The fields here (at the top of the file).
        NoteFieldsHere { fields: Names } =>
            en: "the fields here are {fields}",
            zh: "此处可有的字段：{fields}";
        /// A table without a field it needs.
        DataTableLacks { table: Name, field: Name } =>
            en: "{table} has no {field}",
            zh: "{table}缺少{field}";
        /// A field the file needs.
        MissingDataField { field: Name } =>
            en: "the field {field} is missing",
            zh: "缺少字段{field}";
        /// Label: where the field is missing.
        LabelNoFieldHere { field: Name } =>
            en: "no {field} here",
            zh: "此处缺少{field}";
        /// How to add a field to a table.
        HintAddTo { example: Example, table: Name } =>
            en: "add {example} to {table}",
            zh: "请在{table}中添加 {example}";
        /// How to add a field.
        HintAdd { example: Example } =>
            en: "add {example}",
            zh: "请添加 {example}";
        /// A value of the wrong kind.
        WrongValueType { field: Name, expected: Box<Text>, found: Box<Text> } =>
            en: "{field} must be {expected}, found {found}",
            zh: "{field}应为{expected}，实为{found}";
        /// A value of the wrong kind, the field unknown.
        WrongValueTypeSomewhere { expected: Box<Text>, found: Box<Text> } =>
            en: "a field must be {expected}, found {found}",
            zh: "某字段应为{expected}，实为{found}";
        /// Label: what was expected.
        DataLabelExpected { expected: Box<Text> } =>
            en: "expected {expected}",
            zh: "应为{expected}";
        /// Label: a value of the wrong kind.
        LabelWrongKind =>
            en: "wrong kind of value",
            zh: "值的类型不对";
        /// An example of a right value.
        DataHintWriteEg { example: Example } =>
            en: "write e.g. {example}",
            zh: "可写作 {example}";
        /// A list of the wrong length, in serde's words.
        DataInvalidLength { field: Name, message: Quote } =>
            en: "{field}: {message}",
            zh: "{field}：{message}";
        /// The same, the field unknown.
        DataInvalidLengthSomewhere { message: Quote } =>
            en: "a field: {message}",
            zh: "某字段：{message}";
        /// How to fix a value of the wrong shape.
        HintCheckType =>
            en: "check the value's type; docs/data.md lists every field",
            zh: "请检查该值的类型；全部字段见 docs/data.md";
        /// Any other problem with the data's shape, in the reader's words.
        DataShapeOther { message: Quote } =>
            en: "{message}",
            zh: "数据格式错误：{message}";
        /// A weight written as text (`"十分"`).
        WeightNotNumber { field: Name, text: Quote } =>
            en: "{field} must be a number of points, found the text \"{text}\"",
            zh: "{field}应为分值数字，实为文字“{text}”";
        /// The same, the field unknown.
        WeightNotNumberSomewhere { text: Quote } =>
            en: "a weight must be a number of points, found the text \"{text}\"",
            zh: "分值应为数字，实为文字“{text}”";
        /// How to write a weight.
        HintWeightNumber { example: Example } =>
            en: "write the weight as a number, e.g. {example}",
            zh: "请将分值写为数字，例如 {example}";
        /// Label: not a number.
        LabelCellNotNumber =>
            en: "not a number",
            zh: "不是数字";
        /// A number that is infinite or not a number (TOML's `inf`, `nan`).
        NotFinite { field: Name } =>
            en: "{field} must be a finite number",
            zh: "{field}应为有限的数";
        /// The same, the field unknown.
        NotFiniteSomewhere =>
            en: "a number must be finite",
            zh: "数值应为有限的数";
        /// Two examples, either of which is right.
        EitherExample { first: String, second: String } =>
            en: "{first} or {second}",
            zh: "{first}或{second}";

        // Words for kinds of values, in the messages above.
        /// Expected: a whole number.
        ExpectWholeNumber =>
            en: "a whole number",
            zh: "整数";
        /// Expected: a text.
        ExpectText =>
            en: "a text in quotes",
            zh: "带引号的文字";
        /// Expected or found: a list.
        KindList =>
            en: "a list",
            zh: "列表";
        /// Expected: true or false.
        ExpectBool =>
            en: "`true` or `false`",
            zh: "`true` 或 `false`";
        /// Expected or found: a table.
        KindTable =>
            en: "a table",
            zh: "表";
        /// Expected: a group path.
        ExpectGroupNames =>
            en: "a list of group names",
            zh: "分组名称列表";
        /// Expected: a cell.
        ExpectNumberOrText =>
            en: "a number or a text such as \"87.65万元\"",
            zh: "数字或文字（如 \"87.65万元\"）";
        /// Expected, in the reader's words.
        ExpectOther { words: Quote } =>
            en: "{words}",
            zh: "“{words}”";
        /// Found: a text.
        FoundText { text: Quote } =>
            en: "the text \"{text}\"",
            zh: "文字“{text}”";
        /// Found: a number.
        FoundNumber { number: Quote } =>
            en: "the number {number}",
            zh: "数字 {number}";
        /// Found: `true` or `false`.
        FoundBool { value: Quote } =>
            en: "{value}",
            zh: "布尔值 {value}";
        /// Found: nothing.
        FoundEmpty =>
            en: "an empty value",
            zh: "空值";
        /// Found, in the reader's words.
        FoundOther { words: Quote } =>
            en: "{words}",
            zh: "“{words}”";

        // Target and actual values (`notation.rs`).
        /// An empty cell.
        NotationEmpty =>
            en: "the value is empty",
            zh: "值为空";
        /// How to write a value.
        HintNotationExample =>
            en: "write the value, e.g. `≥95%`, `≤87.65万元` or `达成`",
            zh: "请填写值，例如 `≥95%`、`≤87.65万元` 或 `达成`";
        /// A comparison word before and one after that disagree.
        NotationOpposite { first: Name, second: Name } =>
            en: "{first} and {second} say opposite things",
            zh: "{first}与{second}含义相反";
        /// How to keep one comparison.
        HintOneComparison { example: String } =>
            en: "keep one comparison, e.g. `{example}`",
            zh: "请只保留一个比较，例如 `{example}`";
        /// A comparison with nothing after it.
        NotationNoNumber { sign: Name } =>
            en: "{sign} has no number after it",
            zh: "{sign}之后没有数字";
        /// A comparison followed by something that is not a number.
        NotationNotNumber { rest: Quote, sign: Name } =>
            en: "`{rest}` does not start with a number after {sign}",
            zh: "{sign}之后的“{rest}”不以数字开头";
        /// How to write a number after a comparison.
        HintNumberAfter { example: String } =>
            en: "write a number after the comparison, e.g. `{example}`",
            zh: "请在比较符号之后写数字，例如 `{example}`";
        /// A decimal comma (`1,5`).
        NotationComma { number: Quote } =>
            en: "`{number}` has a comma that does not separate thousands",
            zh: "“{number}”中的逗号不是千位分隔符";
        /// How to write decimals.
        HintDecimalPoint =>
            en: "write decimals with a point (`1.5`); a comma may only separate thousands, as in `21,933`",
            zh: "小数请用小数点（`1.5`）；逗号只能作千位分隔符，如 `21,933`";
        /// A figure with too many decimals.
        NotationTooManyDecimals { figure: Quote, decimals: usize, max: usize } =>
            en: "`{figure}` has {decimals} decimals; pfc reads figures of at most {max} decimals",
            zh: "“{figure}”有 {decimals} 位小数；pfc 最多读取 {max} 位小数";
        /// A figure with too many digits.
        NotationTooLarge { figure: Quote, max: usize } =>
            en: "`{figure}` has more than {max} digits before the point; pfc reads figures below 10^{max}",
            zh: "“{figure}”的整数部分超过 {max} 位；pfc 只读取小于 10^{max} 的数";
        /// How to fix a figure too long to be real.
        HintCheckFigure =>
            en: "check the figure: it is far larger or finer than any budget table's",
            zh: "请核对该数：其大小或精度远超任何预算表";
        /// A unit pfc does not know.
        NotationUnknownUnit { unit: Quote } =>
            en: "`{unit}` is not a unit pfc can read",
            zh: "pfc 无法识别单位“{unit}”";
        /// The units pfc reads.
        DataHintUnits =>
            en: "units are `%`, `元`, `千元`, `万元`, `亿元` or a short counting word such as `个`, `人次`, `元/户`",
            zh: "可用的单位有 `%`、`元`、`千元`、`万元`、`亿元`，或简短的计数单位，如 `个`、`人次`、`元/户`";
    }
}
