# 读取文件和包含（src/project.rs）。

load-cannot-read = 无法读取 `{ $path }`：{ $error }
load-not-a-file = 无法读取 `{ $path }`：它是{ $what }，不是普通文件

## 不是普通文件时，它是什么。
file-kind-directory = 目录
file-kind-fifo = FIFO（命名管道）
file-kind-character-device = 字符设备
file-kind-block-device = 块设备
file-kind-socket = 套接字
file-kind-not-a-file = 非文件

s005-differs = 同一文档的几个文件中 `{ $what }` 不一致
s005-here = 这里的 { $what } 是 { $value }

s007-invalid-pattern = `{ $include }` 不是有效的通配模式
s007-matches-no-file = `{ $include }` 没有匹配到任何文件
s007-nothing-to-include = 没有可包含的文件
s007-looked-for = 查找的是 { $path }
s007-cannot-read = 无法读取 `{ $path }`

s008-not-utf8 = `{ $name }` 不是 UTF-8 文本
s008-in-encoding = `{ $name }` 是 { $encoding }，不是 UTF-8 编码
s008-invalid-byte = 第 { $offset } 字节处是无效字节
s008-by-bom = 由文件开头的字节顺序标记（BOM）认出
s008-every-byte-reads-as = 从第 { $offset } 字节起不是 UTF-8；全部字节都能按 { $encoding } 读出
s008-by-zero-bytes = 由英文字母旁的零字节认出
s008-convert = 请先转换编码：`iconv -f { $from } -t UTF-8 { $file } > converted.jx`，再用 `converted.jx` 替换原文件（也可以在编辑器里“另存为”UTF-8 编码）
s008-save-as-utf8 = 请在编辑器里把它“另存为”UTF-8 编码，或从原来的编码转换，例如 `iconv -f { $from } -t UTF-8 { $file } > converted.jx`，再用 `converted.jx` 替换原文件

## 认出的文件编码。
encoding-utf16le = UTF-16（小端序）编码的文本，即 Windows 记事本所说的“Unicode”
encoding-utf16be = UTF-16（大端序）编码的文本
encoding-utf32le = UTF-32（小端序）编码的文本
encoding-utf32be = UTF-32（大端序）编码的文本
encoding-gbk = GBK 编码的文本（中文 Windows 的默认编码）
encoding-gb18030 = GB18030 编码的文本（国家标准汉字编码）

s011-file-too-large = `{ $name }` 超过了单个文件的大小上限（{ $limit } MiB）：未读取
s011-this-file = 这个文件
s011-too-many-files = 要读取的文件超过 { $limit } 个：从 `{ $name }` 起的文件都未读取
s011-too-many-files-help = 请检查这次运行给出的路径和 `include` 通配模式
s011-import-too-large = `{ $file }` 的表格转成的 `.jx` 文件会超过单个文件的大小上限（{ $limit } MiB）：没有写出文件
s011-import-help = 把工作簿拆开，分几次导入

s020-includes-itself = `{ $file }` 包含了它自己
s020-cycle = 循环包含：`{ $files }`
s020-closes-the-cycle = 这条 include 使包含成环
s020-cut-here = 每个文件只读一次：循环在这里切断，归入 `{ $file }` 所在的文档
s020-help = 每个文件只从一处包含：文档的根文件

s021-leads-outside = `{ $path }` 指向项目根目录之外
s021-is-outside = `{ $include }` 在项目根目录之外
s021-link-not-read = 指向项目根目录之外文件的链接：未读取
s021-not-read = 未读取：在项目根目录之外
s021-root-is = 项目根目录是 `{ $root }`
s021-help = 把文件移入项目，或用 `--root DIR` 指定更大的根目录

s022-not-a-regular-file = `{ $path }` 是{ $what }，不是普通文件
s022-not-read = 未读取
s022-help-directory = 要包含其中的 `.jx` 文件，请写 `include "{ $dir }/*.jx"`
s022-help = 只读取普通文件

## 文档中的单位（src/project/units.rs）。
r030-code-twice = 同一文档中单位代码 { $code } 声明了两次
r030-unit-twice = 同一文档中单位 { $unit } 声明了两次
r030-declared-again = 这里又声明了一次
r030-first-declared = 第一次声明在这里
r030-note = 第二次声明就是第二个单位：它的表会印两遍，需要整个单位的检查看到的是两半
r030-help = 单位只声明一次；要把它的一部分放在另一个文件里，在那里写 `续 单位 { $unit } {"{"} … {"}"}`

r032-no-parent = { $unit } 的上级是 { $parent }，但文档中没有这个单位
r032-label = 没有这个名称或代码的单位
r032-note = 这个单位不计入任何系统的合计
r032-help = 改正上级的名称或代码，或补上上级单位；语料只收录了文档的一部分时写 `{ $allow } R032`

s031-no-header = 本文档没有一个文件写了文件头：没有 { $names }，有些规则没有检查
s031-label = 在没有它们的情况下检查
s031-no-scheme = 层级规则（T001–T007）没有检查：没有现行的指标框架
s031-no-year = 日期和期间没有按预算年度核对（V007）：没有写 `{ $year }`
s031-defaults = 金额按万元、精确到 0.01 读取（`{ $money }` 和 `{ $precision }` 的默认值）
s031-help = 要被包含的文件，应通过包含它的根文件检查（`jixiao check main.jx`），根文件写了文件头；有意单独检查时写 `{ $allow } S031`

r031-what-code = 单位代码 { $code }
r031-what-name = 单位 { $unit }
r031-no-such-unit = `{ $continued } { $unit }` 指向{ $what }，但本文档没有哪个文件声明了它
r031-no-such-unit-label = 文档中没有这个单位
r031-no-such-unit-note = 这里写的内容不属于任何单位，需要整个单位才能做的检查（项目合计等于项目支出）无法进行
r031-no-such-unit-help = 请核对包含本文件的主文件和声明该单位的文件，或改正单位名称、代码
r031-code-and-name-differ = `{ $continued } { $unit }` 写的是 { $declared } 的代码，名称却是 { $written }
r031-not-its-name = 不是该单位的名称
r031-declared-name = 声明时的名称
r031-code-and-name-help = 按声明写单位代码、名称，或两者都写
