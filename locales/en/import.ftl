# jixiao import: reading the tables of a workbook into .jx (src/import/).

i001-not-placed = cell { $cell } (“{ $text }”) was not imported: { $why }
i001-outside-table = it is not part of any table recognised on this sheet
i001-unknown-column = it heads a column of the indicator table that has no place in the language
i001-no-column = it is in a column the table has no place for
i001-not-an-amount = it is not an amount (only figures, with or without thousands separators, are read)
i001-row-without-name = its row has no name
i001-spending-detail = it is part of the project's spending detail (支出明细及测算说明), which is not imported: write it as the project's `by detail` lines
i001-funding-lines = it is one of the project's funding lines (资金来源, 上年度安排资金 …), which are not imported: write them as the project's `by source` or `amount` lines
i001-members = it heads the list of member units (所属单位) of a 系统 unit, but no column of the list is a name (…名称)
i001-member-without-table = it names a member unit (所属单位) that has no table of its own in the workbook: add the unit, with `parent`, by hand
i001-no-unit = no unit is named before it (no 部门（单位）名称 or 填报单位)
i002-unknown-layout = sheet “{ $sheet }” is not in a layout that can be imported: recognition failed at cell { $cell } (“{ $text }”)
i002-help = a sheet is recognised by the titles, labels and column headers of the official forms (…绩效目标表, 一级指标 二级指标 三级指标 指标值, 项目名称, 序号 名称 金额); nothing was written
i003-not-a-table-file = { $file } cannot be imported: only .xlsx, .xls and .csv files can (this one is “{ $ext }”)
i003-unreadable = { $file } could not be read as a workbook: { $why }
i003-help = save the table from Excel or WPS as .xlsx and import that file; nothing was written
i004-kept-as-text = the value in cell { $cell } (“{ $text }”) could not be read as a figure or a time as written: it was kept as a text
import-written = imported { $count } file(s) into { $dir }
import-failed = nothing was written: { $count } workbook(s) could not be imported
i005-scheme-inferred = the document states `scheme { $scheme }`, inferred from the tables: { $why } (cell { $cell })
i005-cost-first-tier = 成本指标 is a 一级 indicator, as on the 2021 forms
i005-satisfaction-first-tier = 满意度指标 is a 一级 indicator, as on the 2020 forms
i005-satisfaction-under-benefit = a satisfaction indicator (满意度) stands under 效益指标, as on the older local forms
i005-cost-under-output-old-form = 成本指标 stands under 产出指标 in an older …申报表
i005-cost-under-output = 成本指标 stands under 产出指标 and no tier is 满意度指标
i005-help = if the tables follow another framework, import again with `--scheme NAME` (one of { $schemes }), or change the `scheme` line of the .jx file
