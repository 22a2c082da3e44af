# 受预算约束的指标（src/check/bounds.rs）。

b012-above-budget = { $what ->
    [ceiling] 成本上限
    [floor] 成本下限
   *[cost] 成本
} { $stated } 超过了它所约束的预算（{ $owner } 的 { $computed }）
b012-the-budget = 预算
b012-cannot-be-spent = 从 { $budget } 中花不出 { $amount }
b012-states-the-cost-of = { $indicator } 所列的是 { $owner } 的成本
b012-help-ceiling = 写出预算实际设定的上限
b012-help-floor = 成本应控制在某个数以下（≤），不超过预算
b012-help-cost = 写出预算实际安排的成本

b020-differs = { $indicator } 为 { $stated }，但{ $detail ->
    [budget] 预算
   *[detail] 支出明细
}为它安排了 { $computed }
b020-ceiling-below = 低于该行金额的上限，预算本身就会超过
b020-copies = 重述一行的成本是抄录该行的数：它必须等于那个数（至多舍入）
b020-help = 改正指标或那一行

b021-differs = { $indicator } 为 { $stated }，但 { $line } 的测算依据中每{ $per }的单价是 { $computed }
b021-indicator-price = 指标中的单价
b021-note = { $price } 即 { $converted }；测算依据中的单价是 { $basis }
b021-help = 写出测算依据所用的单价，或改正测算依据
