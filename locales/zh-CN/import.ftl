# jixiao import：把工作簿中的表格读成 .jx（src/import/）。

i001-not-placed = 单元格 { $cell }（“{ $text }”）没有导入：{ $why }
i001-outside-table = 它不属于本工作表中识别出的任何表格
i001-unknown-column = 它是绩效指标表中一列的表头，这一列在语言中没有对应的位置
i001-no-column = 它所在的列在这张表中没有对应的位置
i001-not-an-amount = 它不是金额（只读取数字，可以带千位分隔符）
i001-row-without-name = 它所在的行没有名称
i001-spending-detail = 它属于项目的支出明细及测算说明，这部分不导入：请在项目的 `按 明细` 中逐行填写
i001-funding-lines = 它属于项目的资金行（资金来源、上年度安排资金等），这部分不导入：请在项目的 `按 来源` 或 `金额` 中填写
i001-members = 它是系统单位所属单位列表的表头，但其中没有名称列（…名称）
i001-member-without-table = 它列出的所属单位在工作簿中没有自己的表：请手工补写该单位，并写明 `上级`
i001-no-unit = 它前面没有写明单位（没有“部门（单位）名称”或“填报单位”）
i002-unknown-layout = 工作表“{ $sheet }”的格式无法导入：在单元格 { $cell }（“{ $text }”）处无法识别
i002-help = 工作表按正式表样的标题、栏目和表头识别（…绩效目标表，一级指标 二级指标 三级指标 指标值，项目名称，序号 名称 金额）；没有写出任何文件
i003-not-a-table-file = { $file } 无法导入：只能导入 .xlsx、.xls 和 .csv 文件（这个文件是“{ $ext }”）
i003-unreadable = { $file } 无法作为工作簿读取：{ $why }
i003-help = 请在 Excel 或 WPS 中把表格另存为 .xlsx 再导入；没有写出任何文件
i004-kept-as-text = 单元格 { $cell } 的值（“{ $text }”）无法按原样读成数字或时间，已作为文字保留
import-written = 已导入 { $count } 个文件到 { $dir }
import-failed = 没有写出任何文件：{ $count } 个工作簿无法导入
i005-scheme-inferred = 文档写明了 `scheme { $scheme }`，这是根据表格推断的：{ $why }（单元格 { $cell }）
i005-cost-first-tier = 成本指标是一级指标，与 2021 年的表样相同
i005-satisfaction-first-tier = 满意度指标是一级指标，与 2020 年的表样相同
i005-satisfaction-under-benefit = 满意度类指标放在效益指标之下，与地方旧式表样相同
i005-cost-under-output-old-form = 成本指标放在产出指标之下，且表格是旧式的…申报表
i005-cost-under-output = 成本指标放在产出指标之下，且没有满意度指标这一级
i005-help = 如果表格采用的是另一种指标体系，请加上 `--scheme 名称` 重新导入（可选：{ $schemes }），或者修改 .jx 文件中的 `scheme` 一行
