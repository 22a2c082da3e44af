# The command line: the help of every command and flag (`cli-COMMAND-about`,
# `cli-COMMAND-long-about`, `cli-COMMAND-ARG`, else `cli-ARG`), possible values,
# headings, and the errors the command line reports.

cli-about = jixiao checks budget performance targets (预算绩效目标) written as text.
cli-long-about =
    jixiao checks budget performance targets (预算绩效目标) written as text.

    A `.jx` file states a budget unit's budget, its projects and its
    three-tier indicator tree. jixiao reads it, checks that every figure adds
    up and every tier is in its place, and writes the publishable tables.

    Messages are in Chinese under a Chinese locale (LANG, LC_ALL, LC_MESSAGES
    such as zh_CN.UTF-8), in English otherwise; --lang or JIXIAO_LANG chooses.

    Examples:
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
      jixiao lsp                  (started by an editor)

cli-color = When to use colour in diagnostics. NO_COLOR in the environment means never (for `auto`).
cli-lang = The language of messages, help and outputs (default: JIXIAO_LANG, then the locale: LC_ALL, LC_MESSAGES, LANG).
cli-help = Print help (see more with '--help')
cli-version = Print version

## Headings of the help (English keeps clap's own).
cli-heading-usage = Usage:
cli-heading-arguments = Arguments
cli-heading-options = Options
cli-heading-commands = Commands
cli-value-command = COMMAND

## Possible values.
cli-value-color-auto = Colour on a terminal, unless NO_COLOR is set.
cli-value-color-always = Always colour.
cli-value-color-never = Never colour.
cli-value-lang-zh = Chinese (简体中文).
cli-value-lang-en = English.
cli-value-format-human = Diagnostics as rustc shows them, with the source underlined.
cli-value-format-json = One JSON object per line: code, severity, message, file, line, column, end_line, end_column, labels, notes, help.
cli-value-keywords-zh = Chinese keywords: 单位, 预算, 按 收入, 绩效指标 …
cli-value-keywords-en = English keywords: unit, budget, by income, indicators …
cli-value-output-json = The checked model, `NAME.json` (schema/jixiao-model.v1.schema.json).
cli-value-output-csv = Flat tables: `NAME.indicators.csv`, `NAME.budget.csv`, `NAME.projects.csv`.
cli-value-output-html = The official tables, `NAME.html` (and `index.html` for several documents).
cli-value-output-xlsx = The official tables as a workbook, `NAME.xlsx`, one sheet per unit.
cli-value-output-report = The reviewer's report: every finding by unit, with an empty column for the reviewer's opinion, `NAME.report.html` and `NAME.report.xlsx`.

## Options shared by `check` and `build`.
cli-allow = Allow (silence) a diagnostic code; `warnings` means every warning.
cli-warn = Report a code as a warning.
cli-deny = Report a code as an error; `-D warnings` makes every warning an error.
cli-message_format = How to print diagnostics.
cli-root = The project root: `include` may not reach outside it (default: the directory of each file named, or the directory named).
cli-summary = Print only the counts of findings by code and by unit, and the total.
cli-short = One line per finding: `file:line:col: severity[CODE] message`, as editors' problem matchers and Vim's errorformat read it.
cli-quiet = Print the findings only, without the closing summary.

cli-check-about = Check documents: every sum, tier and value. Prints diagnostics.
cli-check-long-about =
    Check documents: every sum, tier and value. Prints diagnostics.

    PATH is a `.jx` file, a directory (every `.jx` file below it), or `-`
    for standard input. Files included by another file are checked as
    part of the file that includes them. The findings are followed by a
    summary: the counts by code (with what each code means) and by unit.
cli-check-paths = Files or directories to check (`-` reads standard input).

cli-build-about = Check documents and write them in an output format.
cli-build-long-about =
    Check documents and write them in an output format.

    Writes each document's files into DIR (named after the root file), or
    a single output to standard output with `-o -` (or when -o is not
    given). Output is written even when the checks find errors (the
    findings are part of the model), but not when a document cannot be
    read. The files of one run appear in DIR all at once. See
    docs/outputs.md.
cli-build-paths = Files or directories to check and write.
cli-build-format = Output format.
cli-build-output = Output directory, or `-` for standard output.
cli-build-bom = Start CSV files with a UTF-8 byte-order mark (Excel needs it to read Chinese).

cli-fmt-about = Rewrite documents in the canonical style, keeping every comment.
cli-fmt-long-about =
    Rewrite documents in the canonical style, keeping every comment.

    PATH is a `.jx` file, a directory (every `.jx` file below it), or `-`
    to format standard input to standard output. Files are rewritten in
    place (atomically; a symbolic link is kept and its target rewritten).
    Lines with syntax errors are kept as written; a file whose braces do
    not balance is reported and left as it is. A directory is formatted
    without leaving it: a link to a file or directory outside it is not
    followed. Exit status: 0 done, 1 a file could not be formatted (or,
    with --check, would change), 2 an I/O error.
cli-fmt-paths = Files or directories to format (`-` formats standard input).
cli-fmt-check = Change nothing: list the files that would change and exit 1 if any.
cli-fmt-keywords = Spell every keyword in this language (default: each file keeps the language most of its keywords are written in).

cli-import-about = Turn the Excel/WPS tables a unit already has (.xlsx, .xls, .csv) into .jx files.
cli-import-long-about =
    Turn the Excel/WPS tables a unit already has (.xlsx, .xls, .csv) into
    `.jx` files, one per workbook (NAME.jx), in the canonical style.

    The official tables are recognised by their titles, labels and column
    headers, wherever they stand on a sheet: unit and project
    performance-target tables, summary tables (序号 名称 金额), budget
    tables (项目 金额). Every cell that could not be placed is reported with
    its address (I001). A sheet that is not recognised (I002) or a file that
    cannot be read (I003) stops the import: nothing is written. What the
    tables state is imported as stated: run `jixiao check` on the result.
    See docs/import.md.
cli-import-files = Workbooks to import (.xlsx, .xls, .csv).
cli-import-output = Directory to write the .jx files into (default: the current directory).
cli-import-scheme = The indicator framework to state in the .jx files (default: the one the tables' tiers show, if any).

cli-explain-about = Explain a diagnostic code: what it means, why, an example and the fix.
cli-explain-code = The code, e.g. B001.
cli-explain-list = List every code with its default level and one line.


cli-lsp-about = Run the editor server: the Language Server Protocol over standard input and output (diagnostics as you type, hover, go to definition, completion, formatting). Editors start it; see editors/README.md.

cli-help-about = Print the help of jixiao or of one of its commands.
cli-help-command = The command whose help to print.

## Errors of the command line.
cli-error = error: { $text }
cli-cannot-write-stdout = cannot write to standard output: { $error }
cli-cannot-read-stdin = cannot read standard input: { $error }
cli-stdin-not-utf8 = { $message } ({ $label }); { $help }
cli-cannot-read = cannot read `{ $path }`: { $error }
cli-cannot-write = cannot write `{ $path }`: { $error }
cli-cannot-write-into = cannot write into `{ $dir }`: { $error }
cli-root-not-a-directory = --root `{ $root }` is not a directory
cli-nothing-written = nothing was written: a document could not be read
cli-xlsx-is-binary = an XLSX workbook is binary: redirect standard output or give -o DIR
cli-several-outputs = { $count } files to write ({ $names }): give an output directory with -o DIR
cli-unknown-command = unknown command `{ $name }` (see `jixiao --help`)
cli-fmt-unbalanced = `{ $name }` has unbalanced braces: not formatted
cli-fmt-too-deep = `{ $name }` nests too deeply: not formatted
cli-fmt-internal = `{ $name }` not formatted: { $why } (please report this)
cli-fmt-in-encoding = { $message }: not formatted; { $help }
cli-fmt-link-outside = `{ $name }` is a link to a file outside `{ $dir }`: not formatted
cli-fmt-not-a-file = `{ $name }` is { $what }: not formatted
cli-fmt-too-large = `{ $name }` is larger than a file may be ({ $limit } MiB): not formatted

## Possible values and defaults, where clap cannot say them in the language.
cli-possible-values = {" "}[possible values: { $values }]
cli-possible-values-heading = Possible values:
cli-default = {" "}[default: { $value }]

## clap's errors, said again in the language of the run.
cli-unknown-argument = unexpected argument `{ $arg }`
cli-invalid-value = invalid value `{ $value }` for `{ $arg }` (possible values: { $values })
cli-missing-argument = a required argument was not given: `{ $arg }`
cli-see-help = For more information, try '--help'.
cli-missing-command = a command is needed: `check`, `build`, `fmt`, `explain`, `lsp` or `help`
