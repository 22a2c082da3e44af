# 预算数字的核对（src/check/budget.rs）。比较数字的问题把它们命名为 `stated`（表中所列）
# 和 `computed`（算出的和，或被抄录的数）：审核报告把它们放在各自的栏中。

subject-budget-of = { $unit }的预算
subject-project = 项目 { $project }

## 相差多少，并说明已考虑舍入。
diff-sum = 相差 { $difference }，超出了公开数字舍入所能解释的范围
diff-copy = 相差 { $difference }，超出了抄录时舍入所能解释的范围

label-stated = 所列为 { $figure }
label-stated-here = 所列数
sum-of-parts = { $sum } = { $parts }{ $more ->
    [0] {""}
   *[other] {" + …（另有 "}{ $more } 项）
}

b001-does-not-add-up = { $subject } 为 { $stated }，但其分项（{ $dimension }）合计 { $computed }，{ $why }
b001-these-parts = 这些分项合计 { $sum }

b002-does-not-match = { $line } 为 { $stated }，但按测算依据算得 { $computed }，{ $why }

b003-divides-by-zero = { $line } 的测算依据除以零
b003-division-by-zero = 除以零
b003-adds = { $line } 的测算依据把 { $left } 与 { $right } 相加
b003-cannot-be-added = 这两个单位不能相加
b003-same-unit = 相加的量必须单位相同
b003-comes-out-in = { $line } 的测算依据算出的单位是 { $units }，不是 { $money }
b003-left-over = 约去金额单位后还剩：{ $units }
b003-help = 单位按代数运算：`20 次 × 0.5 万元/次` 是 10 万元；请写出每个因子的单位

b004-projects = { $name } 的项目支出为 { $stated }，但其 { $count } 个项目合计 { $computed }，{ $why }
b004-stated-here = 项目支出列在这里

b005-members = 系统 { $name } 为 { $stated }，但其 { $count } 个所属单位合计 { $computed }，{ $why }
b005-rollup-total = 系统的合计

b006-row-differs = 汇总表中 { $row } 一行为 { $stated }，但该{ $what ->
    [project] 项目
   *[unit] 单位
}自己的数是 { $computed }，{ $why }
b006-in-the-summary = 汇总表中的数
b006-own-figure = { $what ->
    [project] 项目
   *[unit] 单位
}自己的数
b006-note = 汇总表的一行是抄录一个数：它必须等于那个数按该行精度舍入后的结果

b007-total = 汇总表 { $summary } 的合计为 { $stated }，但其 { $count } 行合计 { $computed }，{ $why }
b007-stated-total = 所列合计
b007-note = 汇总其下编号各行的行（系统行，如 1 汇总 1-1、1-2 ……）不再重复相加

b008-no-figures = { $subject } 为 { $stated }，但其分项（{ $dimension }）都没有填写金额
b008-no-part-has-an-amount = 没有一个分项有金额
b008-help = 填写各分项的金额，或删去这个空的分解

b009-not-under = 代码 { $code } 不属于 { $parent }
b009-not-a-subdivision = 不是 { $parent } 的下级
b009-enclosing-code = 上级代码
b009-note = 分类代码按前缀逐级嵌套：30101 在 301 之下，2010301 在 20103 之下，20103 在 201 之下

b010-unknown = { $code } 不是经济分类中的代码
b010-unknown-code = 未知代码
b010-note = 目录是《部门预算支出经济分类》（301 工资福利支出、302 商品和服务支出……）

b011-other-name = 经济分类中 { $code } 是“{ $name }”，不是“{ $written }”
b011-catalog-name = 目录中的名称是 { $name }
b011-this-code = 这个代码
b011-help = 写成 `{ $code } { $name }`

b013-too-large = 这个和太大，无法精确计算
b013-overflows = 和溢出

b022-no-lines = { $subject } 有一个没有任何行的分解（{ $dimension }）
b022-label = 没有行
b022-note = 只有合计行的表没有说明钱花在哪里
b022-help = 写出它的各行，或删去这个分解

b023-differs = { $name } 在一个分解（{ $dimension }）中为 { $computed }，在另一个中为 { $stated }，{ $why }
b023-restated-here = 这里再次列出
b023-first-stated-here = 第一次列在这里
b023-note = 同一个数沿同一维度的两个分解，是同一张表公布了两次：同名的行抄录同一个数，至多舍入
b023-help = 改正错误的那张表

r001-not-found = 汇总表中的 { $row } 一行，在本文档中找不到对应的单位或项目
r001-label = 找不到
r001-partial-corpus = 语料可能不完整；文档只收录了汇总表中部分单位时，写 `{ $allow } R001` 可不再报告
r001-some-have-no-row = 本文档有些单位或项目在汇总表中没有对应的行（R020）：这一行是不是其中之一，只是名称不同？

r020-no-row = { $what ->
    [project] 项目
   *[unit] 单位
} { $name } 在汇总表中没有对应的行
r020-label = 汇总表中没有一行指向它
r020-the-summary = 汇总表
r020-note = 汇总表列出了本文档的各{ $what ->
    [project] 项目
   *[unit] 单位
}：漏掉的要么不在表中，要么算进了另一行
r020-help = 补上它的行，或改正代表它的那一行

r021-different-spelling = 汇总表中的 { $row } 一行指的是{ $what ->
    [project] 项目
   *[unit] 单位
} { $name }，但写法不同
r021-name-in-summary = 汇总表中的名称
r021-name-in-table = 本表中的名称
r021-summary-spelling = 汇总表：{ $name }
r021-table-spelling = 本表：{"  "}{ $name }
r021-help = 按本表的写法写名称；这一行的数会与本表的数比较
