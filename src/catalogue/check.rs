//! The check phase's messages: a framework's meaning (`check.rs`,
//! `check/*.rs`), extension (`extend.rs`) and the score-range lint
//! (`eval/probe.rs`).
//!
//! Kinds of value ([`Check::TyNumber`] …) are entries too: a message about
//! types holds them as nested texts, so “金额与百分比无法比较” reads as
//! Chinese.

use super::{Exact, Name, Names, Text, catalogue};

catalogue! {
    /// Messages of the check phase.
    Check {
        // Kinds of value (`Ty`).
        /// A percentage.
        TyPercent =>
            en: "a percentage",
            zh: "百分比";
        /// A plain number.
        TyNumber =>
            en: "a number",
            zh: "数字";
        /// Money.
        TyMoney =>
            en: "money",
            zh: "金额";
        /// A count in a unit.
        TyCountIn { unit: Name } =>
            en: "a count in {unit}",
            zh: "以{unit}计的数量";
        /// A count.
        TyCount =>
            en: "a count",
            zh: "数量";
        /// Yes/no.
        TyBool =>
            en: "a yes/no condition",
            zh: "是/否条件";
        /// Free text.
        TyText =>
            en: "text",
            zh: "文本";
        /// One of named levels.
        TyLevel =>
            en: "a level",
            zh: "级别";
        /// A target or actual value from the data.
        TyAny =>
            en: "an indicator value",
            zh: "指标数据";

        // Extension (`extend.rs`).
        /// Frameworks that extend each other.
        ExtendCycle { chain: String } =>
            en: "frameworks extend each other in a cycle: {chain}",
            zh: "评价框架之间循环继承：{chain}";
        /// Where the cycle closes.
        LabelClosesCycle =>
            en: "this closes the cycle",
            zh: "此处形成了循环";
        /// Why.
        HintNoSelfExtend =>
            en: "a framework cannot extend itself, directly or through others",
            zh: "评价框架不能直接或间接地继承自身";
        /// A parent framework that is not there.
        ParentNotFound { id: Name } =>
            en: "cannot find framework {id} to extend",
            zh: "找不到要继承的评价框架{id}";
        /// The parent's id.
        LabelNoSuchFramework =>
            en: "no such framework",
            zh: "没有这个评价框架";
        /// Where a parent may be.
        HintPutBeside { path: Name, builtins: Names } =>
            en: "put it beside this one as {path}, or extend a built-in framework ({builtins})",
            zh: "请把它放在本框架旁，即{path}，或继承内置评价框架（{builtins}）";
        /// `within` a node that is not a group.
        NotAGroup { path: Name } =>
            en: "{path} is not a group",
            zh: "{path}不是分组";
        /// Why.
        LabelOnlyGroupsHaveChildren =>
            en: "only groups have children",
            zh: "只有分组才有下级节点";
        /// How `within` is used.
        HintWithinGroup =>
            en: "use `within` with a group's path",
            zh: "“within”后应写分组的路径";
        /// `reweight` a node the parent does not have.
        CannotReweight { path: Name } =>
            en: "cannot reweight {path}: the framework it extends has no such node",
            zh: "无法调整{path}的分值：所继承的评价框架中没有这个节点";
        /// `remove` a node the parent does not have.
        CannotRemove { path: Name } =>
            en: "cannot remove {path}: the framework it extends has no such node",
            zh: "无法删除{path}：所继承的评价框架中没有这个节点";
        /// `within` a node the parent does not have.
        CannotWithin { path: Name } =>
            en: "cannot use `within` on {path}: the framework it extends has no such node",
            zh: "无法对{path}使用“within”：所继承的评价框架中没有这个节点";
        /// The missing name, at the top.
        LabelNoNodeAtTop { missing: Name } =>
            en: "no {missing} at the top of the tree",
            zh: "指标体系顶层没有{missing}";
        /// The missing name, in a group.
        LabelNoNodeIn { missing: Name, parent: Name } =>
            en: "no {missing} in {parent}",
            zh: "{parent}中没有{missing}";
        /// The nodes there are, at the top.
        HintNodesAtTop { names: Names } =>
            en: "the nodes at the top of the tree are: {names}",
            zh: "指标体系顶层的节点有：{names}";
        /// The nodes there are, in a group.
        HintNodesIn { parent: Name, names: Names } =>
            en: "the nodes in {parent} are: {names}",
            zh: "{parent}中的节点有：{names}";
        /// A new group is declared, not `within`.
        HintDeclareNewGroup { code: Name } =>
            en: "to add a new group, declare it: {code}",
            zh: "如要新增分组，请直接声明：{code}";

        // Settings (`check.rs`).
        /// `language` names a language pfc has no reports in.
        UnknownLanguage { code: Name } =>
            en: "pfc has no report language {code}",
            zh: "pfc 没有{code}语言的报告";
        /// The language.
        LabelUnknownLanguage =>
            en: "unknown language",
            zh: "未知语言";
        /// The languages there are.
        HintLanguage =>
            en: "write `language zh` (the default) or `language en`",
            zh: "请写“language zh”（默认）或“language en”";
        /// A framework without a tree.
        NoIndicators =>
            en: "the framework has no indicators",
            zh: "评价框架中没有指标";
        /// At its name.
        LabelNoNodes =>
            en: "no `group`, `indicator` or `slot` in this framework",
            zh: "本框架中没有“group”、“indicator”或“slot”";
        /// How to add a tree.
        HintAddTree =>
            en: "add the indicator tree, e.g. `group 产出指标 weight 50 {{ slot 数量指标 }}`",
            zh: "请添加指标体系，例如“group 产出指标 weight 50 {{ slot 数量指标 }}”";
        /// `years` backwards.
        PeriodBackwards { from: i64, to: i64 } =>
            en: "the period ends ({to}) before it starts ({from})",
            zh: "适用年度的结束年份（{to}）早于起始年份（{from}）";
        /// The period.
        LabelNotYearRange =>
            en: "not a range of years",
            zh: "不是有效的年度范围";
        /// How to write it.
        HintYearsOrder =>
            en: "write the first year first, e.g. `years 2020..2021`",
            zh: "请先写起始年份，例如“years 2020..2021”";
        /// `reweight`, `remove`, `within` without `extends`.
        NothingToChange { keyword: Name } =>
            en: "{keyword} changes a framework this one extends, but it extends none",
            zh: "{keyword}用于修改所继承的评价框架，但本框架没有继承任何框架";
        /// At the statement.
        LabelNothingToChange =>
            en: "nothing to change",
            zh: "没有可修改的框架";
        /// Extend, or declare.
        HintExtendsOrDeclare { code: Name } =>
            en: "write {code}, or declare the node directly",
            zh: "请写{code}，或直接声明该节点";
        /// An answer scale declared twice.
        ScaleTwice { name: Name } =>
            en: "answer scale {name} is declared twice",
            zh: "答案量表{name}重复声明";
        /// A second declaration.
        LabelDeclaredAgain =>
            en: "declared again here",
            zh: "此处再次声明";
        /// An answer listed twice.
        AnswerTwice { name: Name } =>
            en: "answer {name} is listed twice",
            zh: "答案{name}重复列出";
        /// The same again.
        LabelAgainHere =>
            en: "again here",
            zh: "此处重复";
        /// An answer worth more than all or less than nothing.
        AnswerWorth { name: Name } =>
            en: "answer {name} must be worth 0% to 100%",
            zh: "答案{name}的得分比例须在 0% 到 100% 之间";
        /// Its value.
        LabelOutside0To100 =>
            en: "outside 0%..100%",
            zh: "超出 0%..100%";
        /// A setting declared twice.
        SettingTwice { keyword: Name } =>
            en: "{keyword} is declared twice",
            zh: "{keyword}重复声明";
        /// The second.
        LabelSecondDeclaration =>
            en: "second declaration",
            zh: "第二次声明";
        /// The first.
        LabelFirstDeclared =>
            en: "first declared here",
            zh: "首次声明于此";
        /// Keep one.
        HintKeepOne =>
            en: "keep one of them",
            zh: "请只保留一处";
        /// `weight`, `target`, `actual`, `score` as a declared name.
        ReservedName { name: Name } =>
            en: "{name} is a reserved name",
            zh: "{name}是保留名称";
        /// Reserved for what.
        LabelReserved =>
            en: "reserved for the current indicator's value",
            zh: "保留给当前指标的数值使用";
        /// Another name.
        HintOtherName =>
            en: "choose another name",
            zh: "请换一个名称";
        /// An input declared twice.
        InputTwice { name: Name } =>
            en: "input {name} is declared twice",
            zh: "输入项{name}重复声明";
        /// `from` a data field that does not exist.
        NoDataField { field: Name } =>
            en: "the data has no field {field}",
            zh: "数据中没有字段{field}";
        /// The field.
        LabelUnknownDataField =>
            en: "unknown data field",
            zh: "未知的数据字段";
        /// The fields there are.
        HintDataFields { fields: Names } =>
            en: "use one of {fields}, or drop `from` to read the value from `[inputs]`",
            zh: "请使用{fields}之一，或去掉“from”，从“[inputs]”中读取该值";
        /// A `let` with a name already taken.
        AlreadyDeclared { name: Name } =>
            en: "{name} is already declared",
            zh: "{name}已经声明过";
        /// Its own name.
        HintOwnName =>
            en: "give the derived value its own name",
            zh: "请为该计算值另起名称";
        /// An input's default of the wrong kind.
        DefaultMustBe { name: Name, want: Box<Text>, found: Box<Text> } =>
            en: "the default of {name} must be {want}, found {found}",
            zh: "{name}的默认值应为{want}，实际为{found}";
        /// A `let` of the wrong kind for its declared type.
        LetMustBe { name: Name, want: Box<Text>, found: Box<Text> } =>
            en: "{name} must be {want}, found {found}",
            zh: "{name}应为{want}，实际为{found}";
        /// A `require` condition that is not yes/no.
        RequireMustBe { want: Box<Text>, found: Box<Text> } =>
            en: "a `require` condition must be {want}, found {found}",
            zh: "“require”的条件应为{want}，实际为{found}";
        /// A deduction condition that is not yes/no.
        DeductionMustBe { want: Box<Text>, found: Box<Text> } =>
            en: "the deduction condition must be {want}, found {found}",
            zh: "扣分条件应为{want}，实际为{found}";
        /// A grade's `when` that is not yes/no.
        GradeWhenMustBe { want: Box<Text>, found: Box<Text> } =>
            en: "a grade override condition must be {want}, found {found}",
            zh: "等级的覆盖条件应为{want}，实际为{found}";

        // The tree (`check/tree.rs`).
        /// Two nodes with one name in a group.
        TwiceInGroup { name: Name } =>
            en: "{name} appears twice in the same group",
            zh: "同一分组中有两个{name}";
        /// The second.
        LabelSecondOneHere =>
            en: "second one here",
            zh: "第二个在此";
        /// The first.
        LabelFirstOneHere =>
            en: "first one here",
            zh: "第一个在此";
        /// Rename or merge.
        HintRenameOrMerge =>
            en: "rename one of them, or merge them",
            zh: "请将其中一个改名，或将两者合并";
        /// A question on a scale not declared.
        UnknownScale { name: Name } =>
            en: "unknown answer scale {name}",
            zh: "未知的答案量表{name}";
        /// The scale's name.
        LabelNoAnswersBlock =>
            en: "no `answers` block with this name",
            zh: "没有以此命名的“answers”块";
        /// How to declare one.
        HintDeclareScale { code: Name } =>
            en: "declare it: {code}",
            zh: "请先声明：{code}";
        /// The scales there are.
        HintScales { names: Names } =>
            en: "the scales are {names}",
            zh: "已有的答案量表：{names}";
        /// An indicator without `weight`.
        NoWeight { name: Name } =>
            en: "indicator {name} has no weight",
            zh: "指标{name}没有分值";
        /// At its name.
        LabelNoWeightKeyword =>
            en: "no `weight`",
            zh: "没有“weight”";
        /// A weight of 0 or less.
        WeightNotPositive =>
            en: "a weight must be greater than 0",
            zh: "分值必须大于 0";
        /// At the weight.
        LabelNotPositive =>
            en: "not positive",
            zh: "不是正数";
        /// Remove instead.
        HintRemoveNode =>
            en: "remove the node instead of giving it weight 0",
            zh: "如不需要该节点，请删除它，而不要把分值设为 0";
        /// A group without children.
        EmptyGroup { name: Name } =>
            en: "group {name} is empty",
            zh: "分组{name}为空";
        /// At its name.
        LabelNoChildren =>
            en: "no children",
            zh: "没有下级节点";
        /// What to put in.
        HintAddChild =>
            en: "add a `slot`, an `indicator` or a `group` inside it",
            zh: "请在其中添加“slot”、“indicator”或“group”";
        /// A question without weight in a group that does not share.
        QuestionNoWeight { name: Name } =>
            en: "question {name} has no weight, but its group does not renormalize",
            zh: "问题{name}没有分值，而所在分组没有设置“renormalize”";
        /// At the question.
        LabelNoWeight =>
            en: "no weight",
            zh: "没有分值";
        /// Weight or renormalize.
        HintQuestionWeight { code: Name } =>
            en: "give the question a weight, or write {code} so that questions share the group's weight equally",
            zh: "请为问题设定分值，或写作{code}，让各问题平分分组的分值";
        /// Children whose weights do not add up to their group's.
        ChildrenSum { name: Name, sum: Exact, weight: Exact } =>
            en: "the weights inside {name} add up to {sum}, not {weight}",
            zh: "{name}下各项分值合计为 {sum}，而不是 {weight}";
        /// The group's weight.
        LabelGroupWeight { weight: Exact } =>
            en: "group weight {weight}",
            zh: "分组分值 {weight}";
        /// The sum, written out.
        NoteSum { terms: String, sum: Exact } =>
            en: "{terms} = {sum}",
            zh: "合计：{terms} = {sum}";
        /// Change children or group.
        HintChildrenSum { weight: Exact } =>
            en: "change the children so they add up to {weight}, or the group's weight",
            zh: "请调整下级分值使其合计为 {weight}，或修改分组的分值";
        /// A total of 0 or less.
        TotalNotPositive =>
            en: "the total must be greater than 0",
            zh: "总分必须大于 0";
        /// Top-level weights that do not add up to the total.
        TopLevelSum { sum: Exact, total: Exact } =>
            en: "the top-level weights add up to {sum}, but the total is {total}",
            zh: "顶层各项分值合计为 {sum}，而总分为 {total}";
        /// The total.
        LabelTotal { total: Exact } =>
            en: "total {total}",
            zh: "总分 {total}";
        /// Agree.
        HintAgree =>
            en: "change a weight or the total so that they agree",
            zh: "请修改分值或总分，使两者一致";
        /// No `total` and no way to derive it.
        NoTotal =>
            en: "the framework declares no `total`",
            zh: "评价框架没有声明“total”";
        /// Why it cannot be derived.
        LabelTotalNotDerived =>
            en: "top-level weights are not all fixed, so the total cannot be derived",
            zh: "顶层分值并非全部固定，无法推算总分";
        /// Add one.
        HintAddTotal =>
            en: "add `total 100`",
            zh: "请添加“total 100”";
        /// `target`, `actual` or `score` twice in an indicator.
        TwiceInIndicator { what: Name, name: Name } =>
            en: "{what} is declared twice in {name}",
            zh: "{name}中重复声明了{what}";
        /// The second.
        LabelSecondOne =>
            en: "second one",
            zh: "第二个";
        /// The first.
        LabelFirstOne =>
            en: "first one",
            zh: "第一个";
        /// `rated` and `score`.
        RatedWithScore { name: Name } =>
            en: "indicator {name} is `rated` and also has a `score`",
            zh: "指标{name}已标为“rated”，又写了“score”";
        /// Why.
        LabelRatedBand =>
            en: "a rated indicator is scored from the evaluator's band",
            zh: "评定类指标按评价人给出的档次计分";
        /// One or the other.
        HintRatedOrScore =>
            en: "remove `score …` or remove `rated`",
            zh: "请删去“score …”或“rated”";
        /// A score that is not points.
        ScoreNotPoints { found: Box<Text> } =>
            en: "a score must be a number of points, found {found}",
            zh: "得分应为数字，实际为{found}";
        /// From money to points.
        HintMoneyToPoints =>
            en: "divide money by money to get a rate, then multiply by `weight`",
            zh: "请用金额除以金额得到比率，再乘以“weight”";
        /// An indicator without `score`.
        NoScore { name: Name } =>
            en: "indicator {name} has no `score`",
            zh: "指标{name}没有“score”";
        /// At its name.
        LabelHowScored =>
            en: "how is it scored?",
            zh: "如何计分？";
        /// A formula to start from.
        HintAddScore =>
            en: "add a formula, e.g. `score weight * min(actual / target, 1)`",
            zh: "请添加计分公式，例如“score weight * min(actual / target, 1)”";

        // Scoring rules (`check/rules.rs`).
        /// The second rule.
        LabelSecondRule =>
            en: "second rule",
            zh: "第二条规则";
        /// The first rule.
        LabelFirstRule =>
            en: "first rule",
            zh: "第一条规则";
        /// One rule per kind.
        HintOneRulePerKind =>
            en: "keep one rule per kind of target",
            zh: "每种指标值类型只保留一条计分规则";
        /// `score` twice in a rule.
        ScoreTwiceInRule =>
            en: "`score` is declared twice in this rule",
            zh: "本规则中重复声明了“score”";
        /// The second formula.
        LabelSecondFormula =>
            en: "second formula",
            zh: "第二个公式";
        /// A rule without `score`.
        RuleNoScore { rule: Name } =>
            en: "{rule} has no `score` formula",
            zh: "{rule}没有“score”计分公式";
        /// At its kind.
        LabelHowTargetsScored =>
            en: "how are these targets scored?",
            zh: "这类指标如何计分？";
        /// A word naming two bands.
        BandWordTwice { word: Name } =>
            en: "{word} names two bands",
            zh: "{word}同时是两个档次的名称";
        /// The first.
        LabelFirstHere =>
            en: "first here",
            zh: "首次出现在此";
        /// One band per word.
        HintOneBandPerWord =>
            en: "each word may mean only one band",
            zh: "每个词只能表示一个档次";
        /// A band that is not a range in 0%..100%.
        BandBounds { name: Name } =>
            en: "band {name} must go from a lower to a higher share within 0%..100%",
            zh: "档次{name}应在 0%..100% 之内由低到高";
        /// Its bounds.
        LabelNotRange =>
            en: "not a range inside 0%..100%",
            zh: "不是 0%..100% 之内的区间";
        /// Lower first.
        HintLowerFirst =>
            en: "write the lower bound first, e.g. `60%..80%`",
            zh: "请先写下限，例如“60%..80%”";
        /// `scoring qualitative` without bands.
        NoBands =>
            en: "`scoring qualitative` lists no band",
            zh: "“scoring qualitative”中没有列出档次";
        /// An empty block.
        LabelEmpty =>
            en: "empty",
            zh: "内容为空";
        /// Bands to start from.
        HintAddBands =>
            en: "add e.g. `达成 80%..100%; 部分达成 60%..80%; 未达成 0%..60%`",
            zh: "请添加档次，例如“达成 80%..100%; 部分达成 60%..80%; 未达成 0%..60%”";
        /// No band up to 100%.
        NoBandTo100 =>
            en: "no band reaches 100% of the weight",
            zh: "没有档次达到分值的 100%";
        /// The highest band's end.
        LabelHighestEnds =>
            en: "the highest band ends here",
            zh: "最高档次止于此";
        /// Why it matters.
        NoteNoFullMarks =>
            en: "a row in the highest band could never get full marks",
            zh: "即使在最高档次，也无法得到满分";
        /// End it at 100%.
        HintEndAt100 { name: Name } =>
            en: "end {name} at 100%",
            zh: "请将{name}的上限设为 100%";
        /// No band from 0%.
        NoBandFrom0 =>
            en: "no band starts at 0% of the weight",
            zh: "没有从分值的 0% 开始的档次";
        /// The lowest band's start.
        LabelLowestStarts =>
            en: "the lowest band starts here",
            zh: "最低档次始于此";
        /// Why it matters.
        NoteStillPoints =>
            en: "a row that missed its target entirely would still get points",
            zh: "完全未完成指标值的行仍会得分";
        /// Start it at 0%.
        HintStartAt0 { name: Name } =>
            en: "start {name} at 0%",
            zh: "请将{name}的下限设为 0%";
        /// Two bands that overlap.
        BandsOverlap { upper: Name, lower: Name } =>
            en: "bands {upper} and {lower} overlap",
            zh: "档次{upper}与{lower}相互重叠";
        /// Where.
        LabelEndsAbove { lower: Name, upper: Name } =>
            en: "{lower} ends above where {upper} starts",
            zh: "{lower}的上限高于{upper}的下限";
        /// Where a band or grade starts.
        LabelStartsHere { name: Name } =>
            en: "{name} starts here",
            zh: "{name}从此开始";
        /// End one where the other starts, with an example.
        HintEndWhereStartsEg { lower: Name, upper: Name } =>
            en: "end {lower} where {upper} starts, e.g. `60%..80%` then `80%..100%`",
            zh: "请让{lower}止于{upper}的起点，例如先“60%..80%”再“80%..100%”";
        /// Two bands with a gap between.
        BandsGap { lower: Name, upper: Name } =>
            en: "there is a gap between bands {lower} and {upper}",
            zh: "档次{lower}与{upper}之间有空档";
        /// The gap.
        LabelInBetween =>
            en: "scores in between belong to no band",
            zh: "两者之间的比例不属于任何档次";
        /// End one where the other starts.
        HintEndWhereStarts { lower: Name, upper: Name } =>
            en: "end {lower} where {upper} starts",
            zh: "请让{lower}止于{upper}的起点";
        /// Kinds of target without a rule.
        NoRuleForKinds { rules: Names } =>
            en: "no rule for some kinds of target: {rules}",
            zh: "部分指标值类型没有计分规则：{rules}";
        /// At the framework's name.
        LabelInThisFramework =>
            en: "in this framework",
            zh: "本评价框架";
        /// A slot that may need them.
        LabelSlotsLikeThis =>
            en: "rows in slots like this one may need it",
            zh: "此类槽位中的指标可能需要这些规则";
        /// What happens without.
        HintRowsRefused =>
            en: "rows with such targets will be refused; add the rules if projects can have them",
            zh: "带有这类指标值的行将被拒绝；如项目可能填报这类指标，请添加相应规则";

        // Grades (`check/grades.rs`).
        /// `grades` empty.
        NoGrades =>
            en: "`grades` lists no grade",
            zh: "“grades”中没有列出等级";
        /// Grades to start from.
        HintListGrades =>
            en: "list the grades from best to worst: `grades {{ 优 >= 90; 良 >= 80; 中 >= 60; 差 }}`",
            zh: "请按由高到低列出等级：“grades {{ 优 >= 90; 良 >= 80; 中 >= 60; 差 }}”";
        /// A grade listed twice.
        GradeTwice { name: Name } =>
            en: "grade {name} is listed twice",
            zh: "等级{name}重复列出";
        /// A catch-all grade before others.
        CatchAllNotLast { name: Name } =>
            en: "grade {name} has no threshold but is not the last",
            zh: "等级{name}没有门槛，却不是最后一个";
        /// Why.
        LabelCatchesAll =>
            en: "catches every total, so the grades after it are never given",
            zh: "任何总分都归入此等级，其后的等级永远不会给出";
        /// Move it or give it a threshold.
        HintCatchAllLast { name: Name, example: Name } =>
            en: "move {name} to the end of the list, or give it a threshold such as {example}",
            zh: "请把{name}移到最后，或为它设定门槛，例如{example}";
        /// A threshold above the total.
        GradeAboveTotal { name: Name, min: Exact, total: Exact } =>
            en: "grade {name} needs {min} but the total is {total}",
            zh: "等级{name}需要 {min} 分，而总分只有 {total}";
        /// At the threshold.
        LabelUnreachable =>
            en: "no project can reach this",
            zh: "任何项目都达不到";
        /// Thresholds out of order.
        GradesOverlap { name: Name, min: Exact, prev: Name, prev_min: Exact } =>
            en: "grade {name} (>= {min}) overlaps grade {prev} (>= {prev_min})",
            zh: "等级{name}（>= {min}）与等级{prev}（>= {prev_min}）重叠";
        /// At the threshold.
        LabelNotBelow =>
            en: "not below the threshold before it",
            zh: "未低于前一等级的门槛";
        /// The order.
        HintGradeOrder =>
            en: "list grades from the highest threshold to the lowest, each lower than the one before",
            zh: "请按门槛由高到低列出等级，每个都低于前一个";
        /// Totals that get no grade.
        GradeGap { min: Exact } =>
            en: "a total below {min} gets no grade",
            zh: "总分低于 {min} 时没有对应的等级";
        /// The lowest grade.
        LabelLowestGrade { min: Exact } =>
            en: "the lowest grade starts at {min}",
            zh: "最低等级从 {min} 分开始";
        /// A catch-all.
        HintCatchAll =>
            en: "add a last grade without threshold for the rest, e.g. `差`",
            zh: "请在最后添加一个不设门槛的等级，例如“差”";

        // Formulas (`check/expr.rs`).
        /// Division by a literal zero.
        DivisionByZero =>
            en: "division by zero",
            zh: "除数为零";
        /// The zero.
        LabelIsZero =>
            en: "this is zero",
            zh: "此值为零";
        /// What is divided.
        LabelDividedByZero =>
            en: "divided by zero",
            zh: "被零除";
        /// Divide by something else.
        HintNonZero =>
            en: "divide by a value that is not zero, e.g. `actual / target`",
            zh: "请除以非零的值，例如“actual / target”";
        /// `if` branches of different kinds.
        IfBranches { then: Box<Text>, otherwise: Box<Text> } =>
            en: "the two branches of `if` give different kinds of value: {then} and {otherwise}",
            zh: "“if”的两个分支给出的值类型不同：{then}与{otherwise}";
        /// The same kind.
        HintSameBranches =>
            en: "both `then` and `else` must give the same kind of value",
            zh: "“then”和“else”应给出同类型的值";
        /// Tiers of different kinds.
        TiersDiffer { first: Box<Text>, other: Box<Text> } =>
            en: "the tiers give different kinds of value: {first} and {other}",
            zh: "各分段给出的值类型不同：{first}与{other}";
        /// The same kind.
        HintSameTiers =>
            en: "every tier must give the same kind of value",
            zh: "每个分段都应给出同类型的值";
        /// `weight`, `target` or `actual` where it has no value.
        NoValueHere { name: Name } =>
            en: "{name} has no value here",
            zh: "{name}在此处没有值";
        /// In an indicator without it.
        LabelNotDeclaredHere { name: Name } =>
            en: "this indicator declares no {name}",
            zh: "本指标没有声明{name}";
        /// Outside an indicator.
        LabelOnlyInIndicator { name: Name } =>
            en: "{name} only has a value inside an indicator or a scoring rule",
            zh: "{name}只在指标或计分规则内才有值";
        /// Declare it.
        HintAddToIndicator { code: Name } =>
            en: "add {code} to the indicator",
            zh: "请在指标中添加{code}";
        /// Move it.
        HintMoveIntoIndicator =>
            en: "move this formula into an `indicator` or a `scoring` block",
            zh: "请将此公式移入“indicator”或“scoring”块";
        /// A name not declared.
        UnknownName { name: Name } =>
            en: "unknown name {name}",
            zh: "未知名称{name}";
        /// What it is not.
        LabelNotDeclared =>
            en: "not an input, a `let` or an indicator value",
            zh: "既不是输入项、“let”值，也不是指标的数值";
        /// A `let` declared after its use.
        LabelDefinedAfterUse =>
            en: "defined here, after its use",
            zh: "在使用之后才定义";
        /// Move it up.
        HintMoveLetAbove { code: Name } =>
            en: "move {code} above the place that uses it",
            zh: "请把{code}移到使用它的位置之前";
        /// Declare it.
        HintDeclareName { as_input: Name, as_let: Name } =>
            en: "declare it with {as_input} or {as_let}",
            zh: "请用{as_input}或{as_let}声明它";
        /// An operator or function on something not a number.
        NeedsNumber { what: Name, found: Box<Text> } =>
            en: "{what} needs a number, found {found}",
            zh: "{what}需要数字，实际为{found}";
        /// An operator on the wrong kind.
        Needs { what: Name, want: Box<Text>, found: Box<Text> } =>
            en: "{what} needs {want}, found {found}",
            zh: "{what}需要{want}，实际为{found}";
        /// Two values an operator cannot combine.
        CannotCombine { verb: Box<Text>, left: Box<Text>, right: Box<Text> } =>
            en: "cannot {verb} {left} and {right}",
            zh: "{left}与{right}无法{verb}";
        /// `+`.
        VerbAdd =>
            en: "add",
            zh: "相加";
        /// `-`.
        VerbSubtract =>
            en: "subtract",
            zh: "相减";
        /// `*`.
        VerbMultiply =>
            en: "multiply",
            zh: "相乘";
        /// `/`.
        VerbDivide =>
            en: "divide",
            zh: "相除";
        /// `and`, `or`.
        VerbCombine =>
            en: "combine",
            zh: "用“and”“or”连接";
        /// Comparisons.
        VerbCompare =>
            en: "compare",
            zh: "比较";
        /// The operator's rule.
        NoteSameKind { op: Name } =>
            en: "{op} needs the same kind of value on both sides",
            zh: "{op}两边应为同类型的值";
        /// Money and a rate.
        HintRateOrMoney =>
            en: "compare a rate with a rate (`执行率 >= 80%`) or money with money (`全年执行数 >= 0元`)",
            zh: "请用比率与比率比较（“执行率 >= 80%”），或金额与金额比较（“全年执行数 >= 0元”）";
        /// Money and a number.
        HintMoneyUnit =>
            en: "write the number with a money unit, e.g. `0元` or `87.65万元`",
            zh: "请给数字加上金额单位，例如“0元”或“87.65万元”";
        /// Counts.
        HintSameCountUnit =>
            en: "only counts in the same unit can be combined",
            zh: "只有单位相同的数量才能一起运算";
        /// `and`, `or`.
        HintAndOr =>
            en: "`and` and `or` combine yes/no conditions",
            zh: "“and”和“or”用于连接是/否条件";
        /// Any other.
        HintSameKind =>
            en: "both sides must be the same kind of value",
            zh: "两边应为同类型的值";
        /// A function that does not exist.
        UnknownFunction { name: Name } =>
            en: "unknown function {name}",
            zh: "未知函数{name}";
        /// At its name.
        LabelNoSuchFunction =>
            en: "no such function",
            zh: "没有这个函数";
        /// The functions there are.
        NoteFunctions { names: Names } =>
            en: "the functions are {names}",
            zh: "可用的函数有：{names}";
        /// Too few arguments for a function of any number.
        ArityAtLeast { name: Name, min: usize, found: usize } =>
            en: "{name} takes at least {min} arguments, found {found}",
            zh: "{name}至少需要 {min} 个参数，实际为 {found} 个";
        /// A function of one argument.
        ArityOne { name: Name, found: usize } =>
            en: "{name} takes 1 argument, found {found}",
            zh: "{name}需要 1 个参数，实际为 {found} 个";
        /// A function of a fixed number of arguments.
        ArityExactly { name: Name, count: usize, found: usize } =>
            en: "{name} takes {count} arguments, found {found}",
            zh: "{name}需要 {count} 个参数，实际为 {found} 个";
        /// A function of a range of arguments.
        ArityRange { name: Name, min: usize, max: usize, found: usize } =>
            en: "{name} takes {min} to {max} arguments, found {found}",
            zh: "{name}需要 {min} 到 {max} 个参数，实际为 {found} 个";
        /// One argument given.
        LabelOneArgument =>
            en: "1 argument",
            zh: "1 个参数";
        /// Arguments given.
        LabelArguments { count: usize } =>
            en: "{count} arguments",
            zh: "{count} 个参数";
        /// An example call.
        HintWriteEg { example: Name } =>
            en: "write e.g. {example}",
            zh: "例如可写作{example}";
        /// A function given different kinds.
        MixedArguments { name: Name, first: Box<Text>, other: Box<Text> } =>
            en: "{name} mixes {first} and {other}",
            zh: "{name}混用了{first}和{other}";
        /// The same kind.
        HintSameArguments =>
            en: "every argument must be the same kind of value",
            zh: "所有参数应为同类型的值";
        /// `round(x, n)` with an `n` not 0 to 10.
        RoundPlacesArgument =>
            en: "the places of `round` must be a whole number from 0 to 10",
            zh: "“round”的小数位数必须是 0 到 10 的整数";
        /// At `n`.
        LabelNot0To10 =>
            en: "not 0 to 10",
            zh: "不在 0 到 10 之间";

        // The score-range lint (`eval/probe.rs`).
        /// A formula that can give more than the weight.
        ScoreAboveWeight =>
            en: "this formula can give more than the weight",
            zh: "此公式的得分可能超过分值";
        /// A formula that can give less than 0.
        ScoreBelowZero =>
            en: "this formula can give less than 0",
            zh: "此公式的得分可能小于 0";
        /// The values that show it.
        LabelProbe { weight: Exact, target: Exact, actual: Exact, score: Exact } =>
            en: "with weight {weight}, target {target} and actual {actual} it gives {score}",
            zh: "分值为 {weight}、指标值为 {target}、完成值为 {actual} 时，得分为 {score}";
        /// Cap it.
        HintCap =>
            en: "cap it, e.g. `weight * min(actual / target, 1)` or `max(0, …)`",
            zh: "请限定得分范围，例如“weight * min(actual / target, 1)”或“max(0, …)”";
    }
}
