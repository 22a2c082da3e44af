# 指标值和目标（src/check/values.rs）。

goal-overall = 整体绩效目标
goal-term = 实施期绩效目标
goal-annual = 年度绩效目标

v001-the-text = 文字“{ $text }”
v001-no-value = 空白
v001-compares-with = { $indicator } 用比较符 { $comparison } 比较的是{ $found }，不是数字
v001-needs-a-number = 比较符后要有数字
v001-help = 写出数字（`≥ 95%`），或把目标标为定性：`定性 "…"`

v002-qualitative-number = { $indicator } 标为定性，但它的值是数字
v002-qualitative = 定性
v002-a-number = 数字
v002-help = 数字是定量目标：请标为定量，或写出定性的结果

v003-above-100 = { $indicator } 的目标是 { $percent }%，超过了 100%
v003-above-100-label = 超过 100%
v003-help-check = 比率不可能超过 100%；请核对这个数
v003-more-than = { $indicator } 的目标是大于 { $percent }%，任何比率都达不到
v003-cannot-be-met = 无法达到
v003-help-below = 写成 `= 100%`，或 `≥` 一个低于 100% 的数
v003-at-least-100 = { $indicator } 的目标是 ≥ 100%，实际只能是 = 100%
v003-help-equal = 写成 `= 100%`

v004-rate-capped = { $indicator } 是比率（{ $word }），却用 { $comparison } 设了上限
v004-rate-label = 比率应当用 ≥ 或 =
v004-rate-help = 写成 `≥`（{ $word }应当达到这个数）
v004-cost-floor = { $indicator } 是成本或损害（{ $word }），却用 { $comparison } 设了下限
v004-cost-label = 成本、事故和投诉应当用 ≤
v004-cost-help = 写成 `≤`（它应当低于这个数）

v005-no-unit = { $indicator } 的值 { $figure } 没有计量单位
v005-label = 没有单位
v005-help = 写出单位（`98%`、`10 次`、`5 万元`）

v006-not-quantified = { $tier }下的 { $indicator } 写的是“{ $value }”，没有量化
v006-vague-word = “{ $word }”设不出可衡量的目标
v006-no-figure = 没有数字
v006-help = 数量或成本指标要写出数字及其单位（`≥ 10 次`、`≤ 95 万元`）；质量或时效指标写比率、标准或日期
v006-key = { $tier }的目标没有量化

v007-dated = { $indicator } 的日期是 { $date }，不在预算年度 { $year } 内
v007-not-in = 不在 { $year } 年
v007-project-runs = 项目 { $project } 的实施期是 { $start } .. { $end }，不在预算年度 { $year } 内

v008-given-twice = 同一层级下指标 { $indicator } 写了两次
label-given-again = 又写了一次

v020-no-name = 一个没有名称的指标
v020-no-value = { $indicator } 没有指标值
v020-label = 没有值
v020-help = 在值中写出目标（`≥ 95%`、`10 次`、`定性 "…"`）；只写在指标解释里的数字不是目标
v020-key = 指标没有指标值

v021-blank = { $what ->
    [project] 项目
   *[unit] 单位
} { $name } 的{ $goal }是空白
v021-blank-label = 空白
v021-help = 写出该表公布的目标
v021-no-goal = { $what ->
    [project] 项目
   *[unit] 单位
} { $name } 没有写{ $goal }
v021-no-goal-label = 没有目标
v021-help-goal = 写出该表公布的目标（`{ $goal } "…"`）
v021-key = 目标表没有写目标

s004-no-day-of-year = 预算年度 { $year } 没有 { $day } 这一天
s004-help-day = 写出该表所指的日期

v030-says-both = { $indicator } 的值既说 { $first } 又说 { $second }
v030-says = 表示 { $sign }
v030-read-as = 按{ $by ->
    [sign] 比较符
   *[word] 第一个词
}读作 { $sign }
v030-help = 保留该表本意的比较符或词语
