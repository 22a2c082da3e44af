# Syntax (src/syntax/lower.rs). Keywords in `$…` placeholders are spelled as
# the file spells them (English or Chinese keywords), or as the language of
# the run when the file has none.

s002-never-closed = this `{"{"}` is never closed
s002-opened-here = opened here
s002-file-ends-here = the file ends here
s002-add-the-missing-brace = add the missing `{"}"}`
s002-closes-no-block = this `{"}"}` closes no block
s002-unmatched-brace = unmatched `{"}"}`
s002-remove-the-brace = remove it, or add the `{"{"}` it was meant to close
s002-cannot-be-read = the file's blocks cannot be read
s002-reading-stopped-here = reading stopped here
s002-run-closes-no-block = { $count } `{"}"}` close no block
s002-run-unmatched = { $count } unmatched `{"}"}`
s002-run-reported-once = a run of `{"}"}` with only white space between is reported once

## Limits (docs/language.md, Limits).
s010-blocks-too-deep = blocks are nested more than { $limit } deep
s010-parens-too-deep = a formula's parentheses are nested more than { $limit } deep
s010-this-brace-opens = this `{"{"}` opens level { $level }
s010-this-paren-opens = this `(` opens level { $level }
s010-not-read = the file was not read: nothing in it is checked
s012-formula-too-long = this formula has { $operands } numbers and units, more than the { $limit } a formula may have
s012-not-read = this formula was not read
s012-help = break the line down into lines of its own, each with a short formula

## Invisible characters.
s013-invisible = invisible character in the text: { $what }
s013-code-point = { $code } { $name }
s013-byte-order-mark = ZERO WIDTH NO-BREAK SPACE (a byte-order mark)
s013-control-character = control character
s013-noncharacter = noncharacter
s013-more = { $count } more invisible characters in this file are not reported one by one
s013-not-a-line-break = it does not end the line: replace it with a line break, or delete it
s014-too-long = this text has { $length } characters, more than the { $limit } a spreadsheet cell can hold
s014-cut = the XLSX output cuts this text
s014-help = JSON, CSV and HTML keep the whole text; shorten it or split it over several items
s013-delete-it = delete it (it was probably copied with the text)

s001-unexpected-after = unexpected `{ $found }` after `{ $before }`
s001-not-expected-here = not expected here
s001-in-this-line = in this line
s001-expected = expected { $what }
s001-rest-skipped = the rest of the line was skipped: `{ $text }`
s001-expected-found = expected { $expected }, found { $found }
s001-found-text = `{ $text }`
s001-line-skipped = this line was skipped: `{ $text }`
s001-not-allowed = `{ $text }` is not allowed here
s001-not-allowed-in-block = not allowed in this block
s001-by-in-by = a `{ $by }` breakdown directly inside another `{ $by }` breaks nothing down
s001-put-inside-the-line = put this inside the line it breaks down

## What a block expects.
expect-top = a header statement ({ $headers }), a `{ $unit }` (or `{ $continued } { $unit }`), a `{ $scheme }` block or a `{ $summary }`
expect-unit = a unit statement ({ $keywords }) or a property `NAME: VALUE`
expect-project = a project statement ({ $keywords }) or a property `NAME: VALUE`
expect-breakdown = a line `CODE? NAME AMOUNT`, `{ $by } DIMENSION {"{"} … {"}"}`, `{ $total } AMOUNT`, `{ $basis } "…"` or `= FORMULA`
expect-indicator = an indicator `NAME COMPARISON VALUE UNIT` or a tier `NAME {"{"} … {"}"}`
expect-attr = an attribute ({ $keywords }) with its value
expect-summary = a row `#SERIAL? CODE? NAME AMOUNT` (and its text columns in `{"{"} … {"}"}`), `{ $total } AMOUNT` or a property `NAME: VALUE`
expect-fields = a text column of the row: `{ $goal } … "…"` or a property `NAME: VALUE`
expect-scheme = a tier `NAME | ALIAS … {"{"} … {"}"}`
expect-plan = `{ $owner } "…"` or `{ $goal } "…"`
expect-staff = a staffing line `NAME NUMBER UNIT`
expect-short-top = a statement
expect-short-unit = a unit statement
expect-short-project = a project statement
expect-short-breakdown = a breakdown line
expect-short-indicator = an indicator or a tier
expect-short-attr = an attribute
expect-short-summary = a summary row
expect-short-scheme = a tier
expect-short-plan = `{ $owner }` or `{ $goal }`
expect-short-staff = a staffing line
expect-short-fields = a text column

## What the grammar expected at a spot.
expect-keyword = `{ $keyword }`
expect-number = a number
expect-blank = `-` for a blank cell
expect-name = a name
expect-quoted = a quoted text
expect-rbrace = `{"}"}`
expect-code = a code
expect-comparison = a comparison (≥ ≤ = > <)
expect-kind = `{ $qualitative }` or `{ $quantitative }`
expect-value = a value
expect-quantity = a quantity
expect-date = a date
expect-period = a period `DATE .. DATE`
expect-range-sep = `..` between the two ends
expect-range = a range
expect-measure-unit = a unit of measure
expect-formula = a formula
expect-operator = an operator
expect-dimension = a dimension ({ $dimensions } or a name)
expect-attr-keyword = an attribute keyword
expect-ind-attrs = `{"{"}` and attributes
expect-lint-code = a diagnostic code such as `V001`
expect-goal-kind = `{ $term }` or `{ $annual }`
expect-serial = a serial `#…`
expect-end-of-line = the end of the line
expect-prior = `{ $prior }` and the prior year's figure
expect-change = `{ $change }` and the change
expect-restates = `{ $restates }` and the figure restated
expect-restate-target = `{ $budget }` or the name of an amount table
expect-restate-line = a code or a name
expect-basis = `{ $basis } "…"`
expect-formula-approx = `约`
expect-mark = `无` or `不适用`
expect-choice = a checkbox `[x]` or `[ ]` and its label

s003-not-exact = `{ $number }` cannot be read as an exact amount
s003-too-many-digits = more than 28 significant digits
s003-too-large = too large for an exact amount
s003-exact-decimals = amounts are exact decimals of at most 28 significant digits

s004-not-a-date = `{ $date }` is not a date
s004-no-such-date = no such date
s004-ends-before-it-starts = the period ends ({ $end }) before it starts ({ $start })
s004-period-ends-before = period ends before it starts

s005-given-twice = `{ $what }` is given twice
s005-given-again-here = given again here
s005-first-given-here = first given here
s005-one-budget = a unit has one `{ $budget }`
s005-second-budget = second budget
s005-first-budget = first budget
s005-one-parent = a unit has one `{ $parent }`
s005-second-parent = second parent
s005-first-parent = first parent

s009-not-a-year = `{ $value }` is not a budget year
s009-year-range = expected a year between 1900 and 2200
s009-not-a-precision = `{ $value }` is out of range for a precision
s009-precision-range = expected a number of decimals from 0 to 10
s009-not-money = `{ $value }` is not a unit of money
s009-money-units = expected 元, 千元, 万元, 十万元, 百万元, 千万元 or 亿元
s009-money-read-as-yuan = the figures cannot be read in it: bases of calculation would be worked out as if they were in 元

## Lines read wrongly on purpose: glued keywords, two indicators, letters in figures.
s001-line-was-skipped = this line was skipped
s001-two-indicators = two indicators on one line: `{ $second }` starts another
s001-a-second-indicator = a second indicator
s001-the-first = the first
s001-two-indicators-note = an indicator is one line, so that a word written after a value is never read as an indicator of its own; this line was skipped
s001-two-indicators-help = put each indicator on a line of its own
s001-letter-in-figure = `{ $figure }` is not a number: a letter stands where a digit should
s001-letter-label = a letter in a figure
s001-letter-note = a figure is read from digits only, and a letter that looks like a digit is no unit: this line was skipped
write-it = write `{ $text }`

s030-glued = `{ $keyword }` is glued to the word after it: did you mean `{ $meant }`?
s030-label = `{ $keyword }` is a keyword only when it stands alone
s030-note = Han text has no spaces, so a keyword followed by a name character is read as part of a name
s030-help = write `{ $meant }`; a name that really starts with `{ $keyword }` is quoted

v031-written-twice = the unit `{ $unit }` is written twice
v031-two-units = two units of measure, `{ $first }` and `{ $second }`, for one figure
v031-label = one figure, one unit
v031-read-with = the figure is read with `{ $unit }`, the unit written first
v031-help-once = write `{ $unit }` once
v031-help-keep = keep the unit the table states, and move the other word into the indicator's name or note

## What the tables hold beyond figures: a basis, a table's 合计 row, a
## summary row's text columns.
s001-basis-without-line = { $what ->
    [formula] a formula
   *[basis] a basis
} written directly in { $place ->
    [by] a `{ $by }` block
   *[budget] a budget
} belongs to no line
s001-not-inside-a-line = not inside a line
s001-put-basis-in-line = write it inside the block of the line it justifies: `宣传费 10 {"{"} { $basis } "…" {"}"}`
s005-second-total = a table has one `{ $total }` row
s005-second-total-label = second total
s005-first-total-label = first total
s001-fields-follow-no-row = these text columns follow no row
s001-no-row-before = no summary row before this block
s001-fields-after-row = write the block right after its row: `#1 值班工作经费 4 {"{"} { $goal } { $term } "…" {"}"}`

## Forms (src/check/forms.rs): the `form` statements.
s040-no-form = there is no form `{ $name }` in the catalogue
s040-unknown-form = unknown form
s040-forms-listed = `docs/outputs.md` lists the forms
s040-no-column = the form `{ $form }` has no column `{ $column }`
s040-unknown-column = unknown column
s040-no-grid = `{ $form }` has no grid whose columns can be chosen
s040-its-columns = its columns: { $columns }
