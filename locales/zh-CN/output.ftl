# `jixiao build` 输出中的用语：CSV 表头、审核报告。

## CSV 表头：`csv-KEY`。
csv-unit_code = 单位代码
csv-unit = 单位
csv-project = 项目
csv-tier1 = 一级指标
csv-tier2 = 二级指标
csv-indicator = 三级指标
csv-kind = 指标性质
csv-comparison = 比较
csv-value = 指标值
csv-unit_of_measure = 计量单位
csv-explanation = 指标解释
csv-scoring = 评分标准
csv-standard = 绩效标准
csv-weight = 分值
csv-note = 备注
csv-tree = 表
csv-dimension = 分类
csv-path = 上级科目
csv-code = 代码
csv-name = 名称
csv-amount = 金额
csv-formula = 测算依据
csv-period_start = 开始日期
csv-period_end = 结束日期
csv-goal = 目标
csv-term_goal = 实施期目标
csv-annual_goal = 年度目标

## 审核报告（`--format report`）。
report-title = { $document }审核报告
report-year = { $year } 年度 ·{" "}
report-meta = { $year }金额单位：{ $money } · { $units } 个单位 · { $total }
report-reviewer = 审核人：
report-date = 审核日期：
report-unit-contact = 单位联系人：
report-by-unit = 按单位统计
report-by-code = 按代码统计
report-sheet-counts = 统计
report-sheet-findings = 问题清单
report-col-unit = 单位
report-col-errors = 错误
report-col-warnings = 警告
report-col-places = 处数
report-col-code = 代码
report-col-rule = 规则
report-col-number = 序号
report-col-level = 级别
report-col-cell = 所在表格和单元格
report-col-stated = 所列数
report-col-computed = 计算数
report-col-problem = 问题
report-col-opinion = 审核意见
