# What tables state about their own figures (src/check/stated.rs): a
# table's 合计 row, the 上年 column, stated changes (增减), the formulas of
# a basis (测算依据) and figures that restate another (重述). `column` is
# `current` (this year's figures) or `prior` (上年).

stated-total-of = the 合计 of { $subject } ({ $dimension })
column-figure = { $column ->
    [prior] 上年 { $figure }
   *[current] { $figure }
}
label-total = { $column ->
    [prior] 合计, 上年 { $figure }
   *[current] 合计 { $figure }
}
label-total-row = the table's 合计 row
label-prior = 上年 { $figure }
label-change = 增减 { $figure }
label-this-year = this year
label-prior-year = 上年
label-restated = restated { $figure }

## B040, B041: a table's own 合计 row.
b040-does-not-add-up = { $total } states { $column ->
    [prior] 上年 { $stated } but the 上年 figures of its rows add up
   *[current] { $stated } but its rows add up
} to { $computed }: { $why }
b040-these-rows = these rows add up to { $sum }
b041-not-the-figure = { $total } states { $column ->
    [prior] 上年 { $stated } but { $subject } states 上年 { $parent }
   *[current] { $stated } but { $subject } states { $parent }
}: { $why }
b041-note = a table's 合计 repeats the figure the table breaks down: the two must be equal once the more precise one is rounded to the other's decimals

## B008 and B001 in the 上年 column.
b008-total-rows-blank = { $total } states { $column ->
    [prior] 上年 { $stated } but none of its rows has a 上年 figure
   *[current] { $stated } but none of its rows has an amount
}
b008-no-row-in-column = no row has a figure in this column
b008-fill-in-rows = fill in the rows' figures
b008-prior-parts-blank = { $subject } states 上年 { $stated } but none of its parts ({ $dimension }) has a 上年 figure
b008-no-part-prior = no part has a 上年 figure
b008-fill-in-prior = fill in the parts' 上年 figures
b001-prior-does-not-add-up = { $subject } states 上年 { $stated } but the 上年 figures of its parts ({ $dimension }) add up to { $computed }: { $why }

## B042, B043: stated changes.
b042-change-differs = { $subject } states a change of { $change } but { $current } − { $prior } = { $computed }: { $why }
b043-changes-do-not-add-up = { $subject } states a change of { $change } but the changes of its parts add up to { $computed }: { $why }

## B002: the formulas a basis states, each with its result.
b002-formula-result = the basis of { $line } works out { $formula } as { $stated }, but it comes to { $computed }: { $why }
b002-approximate = the basis is marked approximate (约), but the result it states is a figure of the table and must still match

## R040, B044: restated figures.
restated-line-of = { $line } of { $target }
restated-column = { $column ->
    [prior] 上年 { $what }
   *[current] { $what }
}
r040-no-budget = { $line } restates the budget of { $unit }, but the unit states no budget
r040-no-tree = { $line } restates { $tree }, but { $unit } has no amount table of that name
r040-not-found = not found
r040-help = name the unit's `{ $budget }`, or one of its amount tables (`{ $amount } NAME …`)
r040-no-line = { $line } restates { $key } of { $target }, but there is no such line there
r040-no-such-line = no line with this code or name
b044-differs = { $line } restates { $what } ({ $stated }) as { $restated }: { $why }
b044-note = a restated figure is a copy: the two must be equal once the more precise one is rounded to the other's decimals
b044-blank = { $line } restates { $what } as { $restated }, but that figure is left blank
b044-no-figure-here = no figure here
