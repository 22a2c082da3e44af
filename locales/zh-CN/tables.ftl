# 表中对自身数字的说明（src/check/stated.rs）：表的合计行、上年数一栏、所列增减、
# 测算依据中的公式，以及重述另一个数的数（重述）。`column` 为 `current`（本年数）
# 或 `prior`（上年数）。

stated-total-of = { $subject }（{ $dimension }）的合计
column-figure = { $column ->
    [prior] 上年数 { $figure }
   *[current] { $figure }
}
label-total = { $column ->
    [prior] 合计的上年数 { $figure }
   *[current] 合计 { $figure }
}
label-total-row = 表中的合计行
label-prior = 上年数 { $figure }
label-change = 增减 { $figure }
label-this-year = 本年数
label-prior-year = 上年数
label-restated = 重述为 { $figure }

## B040、B041：表自己的合计行。
b040-does-not-add-up = { $total }{ $column ->
    [prior] 的上年数为 { $stated }，但各行的上年数相加为
   *[current] 为 { $stated }，但各行相加为
} { $computed }，{ $why }
b040-these-rows = 这些行相加为 { $sum }
b041-not-the-figure = { $total }{ $column ->
    [prior] 的上年数为 { $stated }，但{ $subject } 的上年数为 { $parent }
   *[current] 为 { $stated }，但{ $subject } 为 { $parent }
}，{ $why }
b041-note = 表的合计行重复它所分解的那个数：把较精确的数舍入到另一个数的小数位后，两者必须相等

## 上年数一栏的 B008 和 B001。
b008-total-rows-blank = { $total }{ $column ->
    [prior] 的上年数为 { $stated }，但表中各行都没有填上年数
   *[current] 为 { $stated }，但表中各行都没有填金额
}
b008-no-row-in-column = 这一栏没有一行填了数
b008-fill-in-rows = 填上各行的数
b008-prior-parts-blank = { $subject } 的上年数为 { $stated }，但其分项（{ $dimension }）都没有填上年数
b008-no-part-prior = 没有一个分项填了上年数
b008-fill-in-prior = 填上各分项的上年数
b001-prior-does-not-add-up = { $subject } 的上年数为 { $stated }，但其分项（{ $dimension }）的上年数合计 { $computed }，{ $why }

## B042、B043：所列增减。
b042-change-differs = { $subject } 所列增减为 { $change }，但 { $current } − { $prior } = { $computed }，{ $why }
b043-changes-do-not-add-up = { $subject } 所列增减为 { $change }，但其各分项的增减合计 { $computed }，{ $why }

## B002：测算依据写出的各个公式及其结果。
b002-formula-result = { $line }的测算依据写明 { $formula } 得 { $stated }，但实际算得 { $computed }，{ $why }
b002-approximate = 测算依据虽标为约数（约），但它写明的结果是表中的数，仍须相符

## R040、B044：重述的数。
restated-line-of = { $target }中的{ $line }
restated-column = { $column ->
    [prior] { $what }的上年数
   *[current] { $what }
}
r040-no-budget = { $line }重述{ $unit }的预算，但该单位没有列出预算
r040-no-tree = { $line }重述“{ $tree }”，但{ $unit }没有这个名称的金额表
r040-not-found = 找不到
r040-help = 写该单位的 `{ $budget }`，或它的一张金额表（`{ $amount } 名称 …`）
r040-no-line = { $line }重述{ $target }中的“{ $key }”，但那里没有这一行
r040-no-such-line = 没有这个代码或名称的行
b044-differs = { $line }把{ $what }（{ $stated }）重述为 { $restated }，{ $why }
b044-note = 重述的数是抄录：把较精确的数舍入到另一个数的小数位后，两者必须相等
b044-blank = { $line }把{ $what }重述为 { $restated }，但那里是空白
b044-no-figure-here = 这里没有数
