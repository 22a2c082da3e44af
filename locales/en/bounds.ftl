# Indicators bounded by the budget (src/check/bounds.rs).

b012-above-budget = { $what ->
    [ceiling] cost ceiling
    [floor] cost floor
   *[cost] cost
} { $stated } is above the budget it governs ({ $computed } of { $owner })
b012-the-budget = the budget
b012-cannot-be-spent = { $amount } cannot be spent out of { $budget }
b012-states-the-cost-of = { $indicator } states the cost of { $owner }
b012-help-ceiling = state the ceiling the budget actually sets
b012-help-floor = a cost is kept below a figure (≤), within the budget
b012-help-cost = state the cost the budget actually plans

b020-differs = { $indicator } states { $stated } but { $detail ->
    [budget] the budget
   *[detail] the spending detail
} plans { $computed } for it
b020-ceiling-below = a ceiling below the line's figure is exceeded by the budget itself
b020-copies = a cost that restates a line copies its figure: it must be that figure, rounded
b020-help = correct the indicator or the line

b021-differs = { $indicator } states { $stated } but the basis of { $line } prices one { $per } at { $computed }
b021-indicator-price = the indicator's price
b021-note = { $price } is { $converted }; the basis prices it at { $basis }
b021-help = state the price the basis uses, or correct the basis
