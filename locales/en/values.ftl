# Indicator values and goals (src/check/values.rs).

goal-overall = overall goal (整体绩效目标)
goal-term = long-term goal (实施期绩效目标)
goal-annual = annual goal (年度绩效目标)

v001-the-text = the text "{ $text }"
v001-no-value = no value
v001-compares-with = { $indicator } compares ({ $comparison }) with { $found }
v001-needs-a-number = a comparison needs a number
v001-help = write the figure (`≥ 95%`), or mark a qualitative target `定性 "…"`

v002-qualitative-number = { $indicator } is marked 定性 but its value is a number
v002-qualitative = 定性 (qualitative)
v002-a-number = a number
v002-help = a figure is a quantitative (定量) target; mark it so, or state the qualitative result

v003-above-100 = { $indicator } targets { $percent }%, more than 100%
v003-above-100-label = above 100%
v003-help-check = a rate cannot exceed 100%; check the figure
v003-more-than = { $indicator } targets more than { $percent }%, which no rate can reach
v003-cannot-be-met = cannot be met
v003-help-below = write `= 100%` or `≥` a figure below 100%
v003-at-least-100 = { $indicator } targets ≥ 100%, which can only mean = 100%
v003-help-equal = write `= 100%`

v004-rate-capped = { $indicator } is a rate ({ $word }) but is capped with { $comparison }
v004-rate-label = a rate goes with ≥ or =
v004-rate-help = write `≥` (a { $word } should reach the figure)
v004-cost-floor = { $indicator } is a cost or harm ({ $word }) but is set as a floor with { $comparison }
v004-cost-label = costs, accidents and complaints go with ≤
v004-cost-help = write `≤` (it should stay below the figure)

v005-no-unit = { $indicator } states { $figure } with no unit of measure
v005-label = no unit
v005-help = write the unit (`98%`, `10 次`, `5 万元`)

v006-not-quantified = { $indicator } under { $tier } states "{ $value }", which is not quantified
v006-vague-word = `{ $word }` sets no measurable target
v006-no-figure = no figure
v006-help = a 数量 or 成本 indicator states a figure and its unit (`≥ 10 次`, `≤ 95 万元`); a 质量 or 时效 indicator a rate, a standard or a date
v006-key = { $tier } targets are not quantified

v007-dated = { $indicator } is dated { $date }, outside the budget year { $year }
v007-not-in = not in { $year }
v007-project-runs = project { $project } runs { $start } .. { $end }, outside the budget year { $year }

v008-given-twice = indicator { $indicator } is given twice under one tier
label-given-again = given again

v020-no-name = an indicator with no name
v020-no-value = { $indicator } states no value
v020-label = no value
v020-help = state the target (`≥ 95%`, `10 次`, `定性 "…"`); a figure written only in the explanation is not the target
v020-key = indicators state no value

v021-blank = the { $goal } of { $what ->
    [project] project
   *[unit] unit
} { $name } is blank
v021-blank-label = blank
v021-help = state the goal the table publishes
v021-no-goal = { $what ->
    [project] project
   *[unit] unit
} { $name } states no { $goal }
v021-no-goal-label = no goal
v021-help-goal = state the goal the table publishes (`{ $goal } "…"`)
v021-key = target tables state no goal

s004-no-day-of-year = { $day } is no day of the budget year { $year }
s004-help-day = write the day the table means

v030-says-both = { $indicator } says both { $first } and { $second } of its value
v030-says = says { $sign }
v030-read-as = read as { $sign }, by { $by ->
    [sign] the sign
   *[word] the first word
}
v030-help = keep the sign or the word the table means
