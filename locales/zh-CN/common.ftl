# 各部分共用的消息。与英文目录的消息编号和占位符一一对应（tests/i18n.rs 检查）。

# 各语言相同的文字：公式、数字、名称。
text = { $text }

## 列表：“甲、乙或丙”。
list-separator = 、
list-or = { $head } 或 { $last }
list-and = { $head } 和 { $last }

## 级别。
severity-error = 错误
severity-warning = 警告
severity-note = 提示

## 为便于阅读，文字输出中省略的内容。
render-locations-not-shown = 另有 { $count } 处未显示（--message-format json 会全部列出）
render-line-flood = { $file } 第 { $line } 行另有 { $count } 个问题未显示（--message-format json 会全部列出）

# 问题下方的建议。
help-line = 建议：{ $text }

# 同一文档中重复同一做法的多处问题，合为一条。
grouped = { $what }（{ $places } 处）

## 计数和 `jixiao check` 结尾的汇总。
count-errors = { $count } 个错误
count-warnings = { $count } 个警告
count-errors-and-warnings = { $errors }，{ $warnings }
total-clean = 没有发现问题
total-errors = 发现 { $errors }
total-warnings = 检查完成，有 { $warnings }
total-errors-and-warnings = 发现 { $errors }和 { $warnings }
summary-by-code = 按代码统计：
summary-places = （{ $places } 处）
summary-by-unit = 按单位统计（一条问题涉及几个单位时，在每个单位各计一次）：
summary-other-units = …… 其余 { $units } 个单位：{ $counts }

## 问题所在的位置：审核人要翻到的表和单元格。
place-summary = 汇总表 { $name }
place-document = 文档本身（文件头、级别设置、包含）
place-total = 合计
place-name = 名称
place-budget = 预算
place-project = 项目 { $name }
place-goal = 目标
place-formula = 测算依据
place-indicators = 绩效指标

## 几项检查共用的词语。
did-you-mean = 是不是 { $name }？
label-empty = 空

s006-no-code = 没有诊断代码 `{ $code }`
s006-help = `jixiao explain --list` 列出所有代码
s006-cannot-be-lowered = `{ $code }` 不能降级
s006-always-an-error = 语法错误总是错误

## 编辑器服务：问题下的说明，快速修复的标题。
note-line = 说明：{ $text }
fix-write = 写成 `{ $text }`
fix-catalog-name = 写成目录中的名称 `{ $name }`
fix-mark-it = 标为 `{ $kind }`
fix-remove-brace = 删去多余的 `{"}"}`
fix-close-block = 在文件末尾闭合这个块

## 格式化程序的自检未通过（这是程序的问题，请报告），文件保持原样。
## `what` 用语法规则的名称说明是哪一种结构。
fmt-internal-unreadable = 格式化后的文本读不出块结构
fmt-internal-meaning = 格式化后的文本含义会改变
fmt-internal-diagnostics = 格式化后的文本检查结果会不同
fmt-internal-comment-lost = 会丢失一条注释
fmt-internal-comments-not-printed = 有 { $count } 条注释没有写出
fmt-internal-construct = 格式化程序无法写出这一结构（{ $what }）
