# 语法（src/syntax/lower.rs）。占位符中的关键字按文件所用的写法（英文或中文关键字）给出；
# 文件中没有关键字时，按本次运行的语言给出。

s002-never-closed = 这个 `{"{"}` 没有闭合
s002-opened-here = 在这里开始
s002-file-ends-here = 文件在这里结束
s002-add-the-missing-brace = 补上缺少的 `{"}"}`
s002-closes-no-block = 这个 `{"}"}` 没有要闭合的块
s002-unmatched-brace = 多余的 `{"}"}`
s002-remove-the-brace = 删去它，或补上它本应闭合的 `{"{"}`
s002-cannot-be-read = 无法读出文件的块结构
s002-reading-stopped-here = 读到这里停下
s002-run-closes-no-block = 这 { $count } 个 `{"}"}` 都没有对应的块
s002-run-unmatched = { $count } 个多余的 `{"}"}`
s002-run-reported-once = 连在一起（中间只有空白）的一串 `{"}"}` 只报告一次

## 上限（见 docs/language.md 的“上限”一节）。
s010-blocks-too-deep = 花括号块嵌套超过 { $limit } 层
s010-parens-too-deep = 测算公式的括号嵌套超过 { $limit } 层
s010-this-brace-opens = 这个 `{"{"}` 开始第 { $level } 层
s010-this-paren-opens = 这个 `(` 开始第 { $level } 层
s010-not-read = 整个文件未读取：其中的内容都没有检查
s012-formula-too-long = 这个测算公式有 { $operands } 个数字和单位，超过了上限 { $limit } 个
s012-not-read = 这个测算公式未读取
s012-help = 请把这一行拆成几行明细，每行写一个简短的公式

## 看不见的字符。
s013-invisible = 文字中有看不见的字符：{ $what }
s013-code-point = { $code } { $name }
s013-byte-order-mark = ZERO WIDTH NO-BREAK SPACE（字节顺序标记 BOM）
s013-control-character = 控制字符
s013-noncharacter = 非字符
s013-more = 这个文件中另有 { $count } 个看不见的字符，不再逐个报告
s013-not-a-line-break = 它不算换行：请换成真正的换行，或把它删掉
s014-too-long = 这段文字有 { $length } 个字符，超过了 Excel 单元格能容纳的 { $limit } 个
s014-cut = XLSX 输出会截断这段文字
s014-help = JSON、CSV 和 HTML 输出保留全文；请缩短这段文字，或分成几项来写
s013-delete-it = 请删掉它（多半是复制文字时带进来的）

s001-unexpected-after = `{ $before }` 之后不应出现 `{ $found }`
s001-not-expected-here = 这里不应出现
s001-in-this-line = 在这一行
s001-expected = 应为{ $what }
s001-rest-skipped = 这一行的其余部分已跳过：`{ $text }`
s001-expected-found = 应为{ $expected }，实际是{ $found }
s001-found-text = `{ $text }`
s001-line-skipped = 这一行已跳过：`{ $text }`
s001-not-allowed = 这里不能写 `{ $text }`
s001-not-allowed-in-block = 这个块中不能写
s001-by-in-by = 直接写在另一个 `{ $by }` 里的 `{ $by }` 分解没有分解任何东西
s001-put-inside-the-line = 把它写到它要分解的那一行里面

## 块中应有的内容。
expect-top = 文件头语句（{ $headers }）、`{ $unit }`（或 `{ $continued } { $unit }`）、`{ $scheme }` 块或 `{ $summary }`
expect-unit = 单位语句（{ $keywords }）或属性 `名称: 值`
expect-project = 项目语句（{ $keywords }）或属性 `名称: 值`
expect-breakdown = 一行 `代码? 名称 金额`、`{ $by } 维度 {"{"} … {"}"}`、`{ $total } 金额`、`{ $basis } "…"` 或 `= 公式`
expect-indicator = 指标 `名称 比较符 值 单位`，或层级 `名称 {"{"} … {"}"}`
expect-attr = 属性（{ $keywords }）及其值
expect-summary = 一行 `#序号? 代码? 名称 金额`（及其在 `{"{"} … {"}"}` 中的文字栏）、`{ $total } 金额` 或属性 `名称: 值`
expect-fields = 这一行的文字栏：`{ $goal } … "…"` 或属性 `名称: 值`
expect-scheme = 层级 `名称 | 别名 … {"{"} … {"}"}`
expect-plan = `{ $owner } "…"` 或 `{ $goal } "…"`
expect-staff = 人员行 `名称 数量 单位`
expect-short-top = 语句
expect-short-unit = 单位语句
expect-short-project = 项目语句
expect-short-breakdown = 分解行
expect-short-indicator = 指标或层级
expect-short-attr = 属性
expect-short-summary = 汇总表的行
expect-short-scheme = 层级
expect-short-plan = `{ $owner }` 或 `{ $goal }`
expect-short-staff = 人员行
expect-short-fields = 文字栏

## 语法在某处期望的内容。
expect-keyword = `{ $keyword }`
expect-number = 数字
expect-blank = 表示空白单元格的 `-`
expect-name = 名称
expect-quoted = 带引号的文字
expect-rbrace = `{"}"}`
expect-code = 代码
expect-comparison = 比较符（≥ ≤ = > <）
expect-kind = `{ $qualitative }` 或 `{ $quantitative }`
expect-value = 值
expect-quantity = 数量
expect-date = 日期
expect-period = 期间 `日期 .. 日期`
expect-range-sep = 两端之间的 `..`
expect-range = 范围
expect-measure-unit = 计量单位
expect-formula = 公式
expect-operator = 运算符
expect-dimension = 维度（{ $dimensions } 或名称）
expect-attr-keyword = 属性关键字
expect-ind-attrs = `{"{"}` 和属性
expect-lint-code = 诊断代码，如 `V001`
expect-goal-kind = `{ $term }` 或 `{ $annual }`
expect-serial = 序号 `#…`
expect-end-of-line = 行尾
expect-prior = `{ $prior }` 及上年数
expect-change = `{ $change }` 及增减数
expect-restates = `{ $restates }` 及所重述的数
expect-restate-target = `{ $budget }` 或金额表的名称
expect-restate-line = 代码或名称
expect-basis = `{ $basis } "…"`
expect-formula-approx = `约`
expect-mark = `无` 或 `不适用`
expect-choice = 复选框 `[x]` 或 `[ ]` 及其文字

s003-not-exact = `{ $number }` 无法读作精确金额
s003-too-many-digits = 有效数字超过 28 位
s003-too-large = 太大，无法作为精确金额
s003-exact-decimals = 金额是最多 28 位有效数字的精确小数

s004-not-a-date = `{ $date }` 不是有效日期
s004-no-such-date = 没有这一天
s004-ends-before-it-starts = 期间的结束（{ $end }）早于开始（{ $start }）
s004-period-ends-before = 期间结束早于开始

s005-given-twice = `{ $what }` 写了两次
s005-given-again-here = 这里又写了一次
s005-first-given-here = 第一次写在这里
s005-one-budget = 一个单位只有一个 `{ $budget }`
s005-second-budget = 第二个预算
s005-first-budget = 第一个预算
s005-one-parent = 一个单位只有一个 `{ $parent }`
s005-second-parent = 第二个上级
s005-first-parent = 第一个上级

s009-not-a-year = `{ $value }` 不是预算年度
s009-year-range = 应为 1900 到 2200 之间的年份
s009-not-a-precision = `{ $value }` 超出精度的范围
s009-precision-range = 应为 0 到 10 之间的小数位数
s009-not-money = `{ $value }` 不是金额单位
s009-money-units = 应为元、千元、万元、十万元、百万元、千万元或亿元
s009-money-read-as-yuan = 金额无法按此单位读取：测算依据将按“元”计算

## 特意报告的误读：粘连的关键字、一行两个指标、数字中的字母。
s001-line-was-skipped = 这一行已跳过
s001-two-indicators = 一行写了两个指标：`{ $second }` 是另一个指标
s001-a-second-indicator = 第二个指标
s001-the-first = 第一个
s001-two-indicators-note = 一个指标占一行，这样值后面写的词决不会被读成另一个指标；这一行已跳过
s001-two-indicators-help = 每个指标各写一行
s001-letter-in-figure = `{ $figure }` 不是数字：数字的位置上写了字母
s001-letter-label = 数字中有字母
s001-letter-note = 数字只由数码组成，形似数码的字母也不是单位：这一行已跳过
write-it = 写成 `{ $text }`

s030-glued = `{ $keyword }` 与后面的字连在了一起：是不是 `{ $meant }`？
s030-label = `{ $keyword }` 只有单独书写时才是关键字
s030-note = 汉字之间没有空格，关键字后面紧跟名称用字时，会被读作名称的一部分
s030-help = 写成 `{ $meant }`；名称确实以 `{ $keyword }` 开头时请加引号

v031-written-twice = 计量单位 `{ $unit }` 写了两次
v031-two-units = 一个数有两个计量单位：`{ $first }` 和 `{ $second }`
v031-label = 一个数，一个单位
v031-read-with = 这个数按先写的单位 `{ $unit }` 读取
v031-help-once = `{ $unit }` 只写一次
v031-help-keep = 保留表中所列的单位，把另一个词移到指标名称或备注中

## 表中数字以外的内容：测算依据、表的合计行、汇总表一行的文字栏。
s001-basis-without-line = 直接写在{ $place ->
    [by] `{ $by }` 块
   *[budget] 预算
}中的{ $what ->
    [formula] 公式
   *[basis] 测算依据
}不属于任何一行
s001-not-inside-a-line = 不在任何一行之内
s001-put-basis-in-line = 把它写到它所说明的那一行的块里：`宣传费 10 {"{"} { $basis } "…" {"}"}`
s005-second-total = 一张表只能有一行 `{ $total }`
s005-second-total-label = 第二个合计行
s005-first-total-label = 第一个合计行
s001-fields-follow-no-row = 这些文字栏前面没有汇总表的行
s001-no-row-before = 这个块之前没有汇总表的行
s001-fields-after-row = 把这个块紧接着写在它所属的那一行后面：`#1 值班工作经费 4 {"{"} { $goal } { $term } "…" {"}"}`

## Forms (src/check/forms.rs): the `form` statements.
s040-no-form = 表样目录中没有 `{ $name }` 这张表
s040-unknown-form = 没有这张表
s040-forms-listed = 表样目录见 `docs/outputs.md`
s040-no-column = 表样 `{ $form }` 没有 `{ $column }` 这一列
s040-unknown-column = 没有这一列
s040-no-grid = `{ $form }` 没有可以选择列的指标表格
s040-its-columns = 它的列：{ $columns }
