## 编辑器中的悬停提示：数字由哪些数加总而来、名称指的是什么。
hover-owner-unit = 单位 { $unit }
hover-owner-project = 项目 { $project }
hover-sum-too-large = 合计太大，无法计算
hover-agrees = ✓ 相符
hover-differs-from = ✗ 与 { $stated } 相差 { $difference }
hover-differs-by = ✗ 相差 { $difference }
hover-no-figures = 没有数字
hover-budget-of = ，{ $unit }的预算
hover-member-units = 所属 { $count } 个单位：{ $sum }
hover-figure-of-project = ，{ $unit }的项目 { $project }
hover-one-of-projects = 加总为项目支出{ $stated }的 { $count } 个项目之一：{ $sum }
hover-figure-of-line = ，{ $owner }的 { $line }
hover-its-projects = 其 { $count } 个项目：{ $sum }
hover-figure-of-row = ，汇总表 { $summary } 的 { $row } 一行
hover-summary-total = ，汇总表 { $summary } 的合计（{ $count } 行；汇总其下编号各行的行不重复计算）
hover-line = **{ $line }**，{ $owner }的一行
hover-unit = **{ $rollup ->
        [yes] 系统（汇总单位）
       *[no] 单位
    }{ $has_code ->
        [yes] {" "}{ $code }
       *[no] {""}
    } { $unit }**
hover-unit-budget = 预算 { $amount } { $money }
hover-unit-parent = 上级：{ $parent }
hover-unit-projects = { $count } 个项目
hover-project = **项目 { $project }**，属于 { $unit }
hover-parent = 上级：**{ $unit }**{ $has_budget ->
        [yes] ，预算 { $budget }
       *[no] {""}
    }
hover-parent-unknown = 上级 { $parent }：本文档没有这个名称或代码的单位
hover-row = 汇总表 { $summary } 的 **{ $row }** 一行
hover-indicator = **{ $indicator }**，三级指标{ $has_tiers ->
        [yes] ，属于 { $tiers }
       *[no] {""}
    }{ $has_framework ->
        [yes] （{ $framework }）
       *[no] {""}
    }
hover-target = 目标：{ $target }
hover-written = （原文 `{ $written }`：{ $words }）
hover-include = 包含 **{ $file }**
hover-the-budget = 预算
hover-the-project = 项目金额
hover-line-named = { $line }
hover-part-of = { $total }{ $dimension }的一部分：{ $sum }
hover-named-by-row = 汇总表 { $summary }：第 { $row } 行
hover-names-unit = 指向单位 **{ $unit }**，其本身预算为 { $budget }{ $verdict }
hover-names-unit-no-budget = 指向单位 **{ $unit }**，其本身预算未写明
hover-names-project = 指向项目 **{ $project }**{ $has_amount ->
        [yes] ，{ $amount }
       *[no] {""}
    }
hover-names-nothing = 不指向本文档的任何单位或项目
hover-tier-no-framework = **{ $tier }**：本文档没有指明指标框架（`框架`）
hover-tier1 = **{ $tier }**：{ $framework } 的一级指标 { $canonical }{ $required ->
        [yes] （必填）
       *[no] {""}
    }

    其二级指标：{ $children }
hover-tier2-not-tier1 = **{ $tier }** 是 { $framework } 中 { $parent } 下的二级指标，不是一级指标
hover-not-tier1 = **{ $tier }** 不是 { $framework } 的一级指标；一级指标有 { $tiers }
hover-tier2 = **{ $tier }**：{ $framework } 中一级指标 { $parent } 下的二级指标 { $canonical }
hover-tier2-elsewhere = **{ $tier }** 是 { $framework } 中 { $parent } 下的二级指标
hover-not-tier2 = **{ $tier }** 不是 { $framework } 中 { $parent } 的二级指标
hover-below-tier2 = **{ $tier }** 在二级指标之下：指标层级到三级指标为止

## 编辑器中的补全：每个候选词是什么。
complete-unit = 单位
complete-code-of = { $unit }的代码
complete-dimension = 分解维度（{ $other }）
complete-goal-kind = 目标类别（{ $other }）
complete-built-in-framework = 内置指标框架
complete-framework = 指标框架
complete-unit-of-measure = 计量单位
complete-unit-of-measure-used = 计量单位（本文档用过）
complete-keyword = 关键字（{ $others }）
complete-tier1 = { $framework } 的一级指标
complete-tier1-alias = { $framework } 的一级指标（{ $canonical } 的别名）
complete-tier2 = { $parent } 下的二级指标（{ $framework }）

## 编辑器中的格式化。
format-syntax-errors = 未格式化：文件有 { $count } 处语法错误（见诊断信息）
format-too-large = 未格式化：内容超过了单个文件的大小上限（{ $limit } MiB）
format-internal = 未格式化：{ $why }（请报告这个问题）
