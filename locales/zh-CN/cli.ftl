# 命令行：每个命令和选项的帮助、可选值、标题，以及命令行报告的错误。

cli-about = jixiao 检查以文本书写的预算绩效目标。
cli-long-about =
    jixiao 检查以文本书写的预算绩效目标。

    `.jx` 文件写明一个预算单位的预算、项目和三级绩效指标。jixiao 读取它，
    检查每个数字是否加总一致、每个层级是否放对位置，并生成可公开的表格。

    在中文区域设置下（LANG、LC_ALL、LC_MESSAGES，如 zh_CN.UTF-8）用中文提示，
    否则用英文；可用 --lang 或环境变量 JIXIAO_LANG 指定。

    示例：
      jixiao check examples/yuntian-2023
      jixiao check --summary examples/yueyang-2024
      jixiao check --short examples/
      jixiao check --message-format json budget.jx
      jixiao check -D warnings examples/
      jixiao build examples/yueyang-2024 --format html -o out/
      jixiao build examples/yueyang-2024 --format report -o out/
      jixiao build examples/shifeng-2020 --format xlsx -o out/
      jixiao fmt --check examples/
      jixiao explain B001
      jixiao lsp                  （由编辑器启动）

cli-color = 何时用彩色显示问题。环境变量 NO_COLOR 存在时（对 `auto`）不用彩色。
cli-lang = 提示、帮助和输出所用的语言（默认：JIXIAO_LANG，其次是区域设置 LC_ALL、LC_MESSAGES、LANG）。
cli-help = 显示帮助（用 '--help' 看更多）
cli-version = 显示版本

## 帮助中的标题。
cli-heading-usage = 用法：
cli-heading-arguments = 参数
cli-heading-options = 选项
cli-heading-commands = 命令
cli-value-command = 命令

## 可选值。
cli-value-color-auto = 在终端上用彩色，除非设置了 NO_COLOR。
cli-value-color-always = 总是用彩色。
cli-value-color-never = 从不用彩色。
cli-value-lang-zh = 中文。
cli-value-lang-en = 英文（English）。
cli-value-format-human = 像 rustc 那样显示问题，并在源文本下划线标出。
cli-value-format-json = 每行一个 JSON 对象：code、severity、message、file、line、column、end_line、end_column、labels、notes、help。
cli-value-keywords-zh = 中文关键字：单位、预算、按 收入、绩效指标……
cli-value-keywords-en = 英文关键字：unit、budget、by income、indicators……
cli-value-output-json = 检查后的模型，`NAME.json`（schema/jixiao-model.v1.schema.json）。
cli-value-output-csv = 平面表：`NAME.indicators.csv`、`NAME.budget.csv`、`NAME.projects.csv`。
cli-value-output-html = 正式表格，`NAME.html`（多个文档时另有 `index.html`）。
cli-value-output-xlsx = 正式表格的工作簿，`NAME.xlsx`，每个单位一张工作表。
cli-value-output-report = 审核报告：按单位列出每个问题，留有空白的审核意见栏，`NAME.report.html` 和 `NAME.report.xlsx`。

## `check` 和 `build` 共用的选项。
cli-allow = 允许（不报告）一个诊断代码；`warnings` 表示所有警告。
cli-warn = 把一个代码作为警告报告。
cli-deny = 把一个代码作为错误报告；`-D warnings` 把所有警告都作为错误。
cli-message_format = 问题的显示方式。
cli-root = 项目根目录：`include` 不得越出它（默认：所给文件所在的目录，或所给的目录）。
cli-summary = 只显示按代码和按单位统计的问题数及合计。
cli-short = 每个问题一行：`文件:行:列: severity[代码] 消息`，供编辑器的问题匹配器和 Vim 的 errorformat 读取。
cli-quiet = 只显示问题，不显示结尾的统计。

cli-check-about = 检查文档：每个加总、层级和指标值。显示发现的问题。
cli-check-long-about =
    检查文档：每个加总、层级和指标值。显示发现的问题。

    PATH 是一个 `.jx` 文件、一个目录（其下每个 `.jx` 文件），或表示标准输入的 `-`。
    被其他文件包含的文件，作为包含它的文件的一部分检查。问题之后是统计：
    按代码（附每个代码的含义）和按单位的问题数。
cli-check-paths = 要检查的文件或目录（`-` 读取标准输入）。

cli-build-about = 检查文档，并以某种输出格式写出。
cli-build-long-about =
    检查文档，并以某种输出格式写出。

    把每个文档的文件写入 DIR（以根文件命名）；用 `-o -`（或不给 -o）时，
    把单个输出写到标准输出。检查发现错误时照样写出（问题是模型的一部分），
    但有文档无法读取时不写。一次运行的文件同时出现在 DIR 中。见 docs/outputs.md。
cli-build-paths = 要检查并写出的文件或目录。
cli-build-format = 输出格式。
cli-build-output = 输出目录，或表示标准输出的 `-`。
cli-build-bom = CSV 文件以 UTF-8 字节顺序标记开头（Excel 读取中文需要它）。

cli-fmt-about = 按规范格式改写文档，保留所有注释。
cli-fmt-long-about =
    按规范格式改写文档，保留所有注释。

    PATH 是一个 `.jx` 文件、一个目录（其下每个 `.jx` 文件），或 `-`（把标准输入格式化到标准输出）。
    文件原地改写（原子地；符号链接保留，改写其目标）。有语法错误的行按原样保留；花括号不配对的文件会报告并保持原样。
    格式化目录时不离开该目录：不跟随指向目录外文件或目录的链接。
    退出状态：0 完成，1 有文件无法格式化（或用 --check 时有文件会改变），2 输入输出错误。
cli-fmt-paths = 要格式化的文件或目录（`-` 格式化标准输入）。
cli-fmt-check = 不做改动：列出会改变的文件，有则以 1 退出。
cli-fmt-keywords = 用这种语言书写所有关键字（默认：每个文件保持其多数关键字所用的语言）。

cli-import-about = 把单位已有的 Excel/WPS 表格（.xlsx、.xls、.csv）转成 .jx 文件。
cli-import-long-about =
    把单位已有的 Excel/WPS 表格（.xlsx、.xls、.csv）转成 .jx 文件，每个工作簿
    一个（NAME.jx），按规范格式写出。

    按标题、栏目和表头识别正式表格，不论它们在工作表的什么位置：部门（单位）
    整体和项目支出绩效目标表、汇总表（序号 名称 金额）、预算表（项目 金额）。
    无法放进表格的单元格都连同地址一起报告（I001）。无法识别的工作表（I002）
    或无法读取的文件（I003）会使导入停止，不写出任何文件。表格写的内容原样
    导入：请对结果运行 `jixiao check`。见 docs/import.md。
cli-import-files = 要导入的工作簿（.xlsx、.xls、.csv）。
cli-import-output = 写出 .jx 文件的目录（默认：当前目录）。
cli-import-scheme = 写入 .jx 文件的指标体系（默认：按表格中的指标层级判断，能判断时写入）。

cli-explain-about = 解释一个诊断代码：含义、原因、示例和改正方法。
cli-explain-code = 代码，例如 B001。
cli-explain-list = 列出所有代码，附默认级别和一行说明。


cli-lsp-about = 运行编辑器服务：在标准输入输出上使用语言服务器协议（输入时即显示问题、悬停提示、跳转到定义、补全、格式化）。由编辑器启动；见 editors/README.md。

cli-help-about = 显示 jixiao 或其某个命令的帮助。
cli-help-command = 要显示其帮助的命令。

## 命令行报告的错误。
cli-error = 错误：{ $text }
cli-cannot-write-stdout = 无法写入标准输出：{ $error }
cli-cannot-read-stdin = 无法读取标准输入：{ $error }
cli-stdin-not-utf8 = { $message }（{ $label }）。{ $help }
cli-cannot-read = 无法读取 `{ $path }`：{ $error }
cli-cannot-write = 无法写入 `{ $path }`：{ $error }
cli-cannot-write-into = 无法写入 `{ $dir }`：{ $error }
cli-root-not-a-directory = --root `{ $root }` 不是目录
cli-nothing-written = 没有写出任何文件：有文档无法读取
cli-xlsx-is-binary = XLSX 工作簿是二进制文件：请重定向标准输出，或用 -o DIR 指定目录
cli-several-outputs = 要写 { $count } 个文件（{ $names }）：请用 -o DIR 指定输出目录
cli-unknown-command = 没有命令 `{ $name }`（见 `jixiao --help`）
cli-fmt-unbalanced = `{ $name }` 的花括号不配对：未格式化
cli-fmt-too-deep = `{ $name }` 的嵌套层数超过上限：未格式化
cli-fmt-internal = `{ $name }` 未格式化：{ $why }（请报告这个问题）
cli-fmt-in-encoding = { $message }：未格式化。{ $help }
cli-fmt-link-outside = `{ $name }` 是指向 `{ $dir }` 之外文件的链接：未格式化
cli-fmt-not-a-file = `{ $name }` 是{ $what }：未格式化
cli-fmt-too-large = `{ $name }` 超过了单个文件的大小上限（{ $limit } MiB）：未格式化

## 可选值和默认值（clap 只会用英文说）。
cli-possible-values = ［可选值：{ $values }］
cli-possible-values-heading = 可选值：
cli-default = ［默认：{ $value }］

## clap 的错误，用本次运行的语言再说一遍。
cli-unknown-argument = 无法识别的参数 `{ $arg }`
cli-invalid-value = `{ $arg }` 的值 `{ $value }` 无效（可选值：{ $values }）
cli-missing-argument = 缺少必需的参数：`{ $arg }`
cli-see-help = 更多信息请用 '--help'。
cli-missing-command = 需要一个命令：`check`、`build`、`fmt`、`explain`、`lsp` 或 `help`
