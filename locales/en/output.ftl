# Words of the outputs of `jixiao build`: CSV headers (English keys are what
# programs read), the reviewer's report.

## CSV column headers: `csv-KEY`.
csv-unit_code = unit_code
csv-unit = unit
csv-project = project
csv-tier1 = tier1
csv-tier2 = tier2
csv-indicator = indicator
csv-kind = kind
csv-comparison = comparison
csv-value = value
csv-unit_of_measure = unit_of_measure
csv-explanation = explanation
csv-scoring = scoring
csv-standard = standard
csv-weight = weight
csv-note = note
csv-tree = tree
csv-dimension = dimension
csv-path = path
csv-code = code
csv-name = name
csv-amount = amount
csv-formula = formula
csv-period_start = period_start
csv-period_end = period_end
csv-goal = goal
csv-term_goal = term_goal
csv-annual_goal = annual_goal
csv-qualifiers = qualifiers
csv-written = written
csv-prior = prior
csv-change = change
csv-basis = basis
csv-restates = restates
csv-row = row

## The reviewer's report (`--format report`).
report-title = Review of { $document }
report-year = { $year } ·{" "}
report-meta = { $year }money in { $money } · { $units } units · { $total }
report-reviewer = Reviewer:
report-date = Date:
report-unit-contact = Unit contact:
report-by-unit = Findings by unit
report-by-code = Findings by code
report-sheet-counts = Counts
report-sheet-findings = Findings
report-col-unit = Unit
report-col-errors = Errors
report-col-warnings = Warnings
report-col-places = Places
report-col-code = Code
report-col-rule = Rule
report-col-number = No.
report-col-level = Level
report-col-cell = Table cell
report-col-stated = Stated
report-col-computed = Computed
report-col-problem = Finding
report-col-opinion = Reviewer's opinion
