# Budget arithmetic (src/check/budget.rs). A finding that compares figures
# names them `stated` (what the table states) and `computed` (the sum, or
# the figure copied): the reviewer's report shows them in their columns.

subject-budget-of = the budget of { $unit }
subject-project = project { $project }

## How much a figure differs, and that rounding was allowed for.
diff-sum = a difference of { $difference }, more than the rounding of the published figures explains
diff-copy = a difference of { $difference }, more than rounding explains for a copied figure

label-stated = stated { $figure }
label-stated-here = stated here
sum-of-parts = { $sum } = { $parts }{ $more ->
    [0] {""}
   *[other] {" + … ("}{ $more } more)
}

b001-does-not-add-up = { $subject } states { $stated } but its parts ({ $dimension }) add up to { $computed }: { $why }
b001-these-parts = these parts add up to { $sum }

b002-does-not-match = { $line } states { $stated } but its basis of calculation comes to { $computed }: { $why }

b003-divides-by-zero = the basis of { $line } divides by zero
b003-division-by-zero = division by zero
b003-adds = the basis of { $line } adds { $left } to { $right }
b003-cannot-be-added = these units cannot be added
b003-same-unit = quantities added together must have the same unit
b003-comes-out-in = the basis of { $line } comes out in { $units }, not in { $money }
b003-left-over = left over after the money unit: { $units }
b003-help = units are algebra: `20 次 × 0.5 万元/次` is 10 万元; write the unit of each factor

b004-projects = { $name } states 项目支出 { $stated } but { $count ->
        [one] its one project comes
       *[other] its { $count } projects add up
    } to { $computed }: { $why }
b004-stated-here = 项目支出 stated here

b005-members = rollup { $name } states { $stated } but its { $count } member units add up to { $computed }: { $why }
b005-rollup-total = the rollup's total

b006-row-differs = summary row { $row } states { $stated } but the { $what ->
    [project] project's
   *[unit] unit's
} own figure is { $computed }: { $why }
b006-in-the-summary = in the summary
b006-own-figure = the { $what ->
    [project] project's
   *[unit] unit's
} own figure
b006-note = a summary row copies a figure: it must be that figure, rounded to the row's precision

b007-total = summary { $summary } states a total of { $stated } but its { $count } rows add up to { $computed }: { $why }
b007-stated-total = the stated total
b007-note = a row that aggregates the rows numbered below it (a rollup such as 1 over 1-1, 1-2 …) is not added again

b008-no-figures = { $subject } states { $stated } but none of its parts ({ $dimension }) states a figure
b008-no-part-has-an-amount = no part has an amount
b008-help = fill in the parts, or remove the empty breakdown

b009-not-under = code { $code } does not belong under { $parent }
b009-not-a-subdivision = not a subdivision of { $parent }
b009-enclosing-code = the enclosing code
b009-note = classification codes nest by prefix: 30101 under 301, 2010301 under 20103 under 201

b010-unknown = { $code } is not a code of the economic classification
b010-unknown-code = unknown code
b010-note = the catalog is 部门预算支出经济分类 (301 工资福利支出, 302 商品和服务支出, …)

b011-other-name = { $code } is { $name } in the economic classification, not { $written }
b011-catalog-name = the catalog's name is { $name }
b011-this-code = this code
b011-help = write `{ $code } { $name }`

b013-too-large = this sum is too large to compute exactly
b013-overflows = the sum overflows

b022-no-lines = { $subject } has a breakdown { $dimension } with no lines
b022-label = no lines
b022-note = a table with only its 合计 row does not say where the money goes
b022-help = write its lines, or leave the breakdown out

b023-differs = { $name } is { $computed } in one breakdown { $dimension } and { $stated } in another: { $why }
b023-restated-here = restated here
b023-first-stated-here = first stated here
b023-note = two breakdowns of one figure along the same dimension publish the same table twice: a line restates its figure, rounded at most
b023-help = correct the table that is wrong

r001-not-found = summary row { $row } names no unit or project of this document
r001-label = not found
r001-partial-corpus = a corpus may be partial; `{ $allow } R001` silences this for a document that holds only part of its summary
r001-some-have-no-row = some units or projects of this document have no row (R020): is this one of them, under another name?

r020-no-row = { $what ->
    [project] project
   *[unit] unit
} { $name } has no row in the summary
r020-label = no summary row names it
r020-the-summary = the summary
r020-note = the summary lists the { $what ->
    [project] projects
   *[unit] units
} of this document: one left out is missing from it, or counted in another row
r020-help = add its row, or correct the row that stands for it

r021-different-spelling = summary row { $row } names { $what ->
    [project] project
   *[unit] unit
} { $name } with a different spelling
r021-name-in-summary = the name in the summary
r021-name-in-table = the name in its own table
r021-summary-spelling = summary: { $name }
r021-table-spelling = table:{"   "}{ $name }
r021-help = write the name as the table does; the row's figure is compared with the table's
