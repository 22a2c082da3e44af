# Reading files and includes (src/project.rs).

load-cannot-read = cannot read `{ $path }`: { $error }
load-not-a-file = cannot read `{ $path }`: { $what }, not a regular file

## What a path is instead of a regular file.
file-kind-directory = a directory
file-kind-fifo = a FIFO (named pipe)
file-kind-character-device = a character device
file-kind-block-device = a block device
file-kind-socket = a socket
file-kind-not-a-file = not a file

s005-differs = `{ $what }` differs between files of one document
s005-here = { $what } { $value } here

s007-invalid-pattern = `{ $include }` is not a valid pattern
s007-matches-no-file = `{ $include }` matches no file
s007-nothing-to-include = nothing to include
s007-looked-for = looked for { $path }
s007-cannot-read = cannot read `{ $path }`

s008-not-utf8 = `{ $name }` is not UTF-8 text
s008-in-encoding = `{ $name }` is { $encoding }, not UTF-8
s008-invalid-byte = invalid byte at offset { $offset }
s008-by-bom = recognised by its byte-order mark
s008-every-byte-reads-as = not UTF-8 from offset { $offset }; every byte reads as { $encoding }
s008-by-zero-bytes = recognised by the zero bytes beside its ASCII characters
s008-convert = convert it: `iconv -f { $from } -t UTF-8 { $file } > converted.jx`, then replace the file with `converted.jx`
s008-save-as-utf8 = save it as UTF-8 in its editor, or convert it from its encoding, e.g. `iconv -f { $from } -t UTF-8 { $file } > converted.jx`, then replace the file with `converted.jx`

## The encodings a file is recognised to be in.
encoding-utf16le = UTF-16 (little-endian) text
encoding-utf16be = UTF-16 (big-endian) text
encoding-utf32le = UTF-32 (little-endian) text
encoding-utf32be = UTF-32 (big-endian) text
encoding-gbk = GBK text (the Chinese Windows encoding)
encoding-gb18030 = GB18030 text (the Chinese national encoding)

s011-file-too-large = `{ $name }` is larger than a file may be ({ $limit } MiB): it was not read
s011-this-file = this file
s011-too-many-files = more than { $limit } files to read: `{ $name }` and the files after it were not read
s011-too-many-files-help = check the paths and `include` patterns of this run
s011-import-too-large = the tables of `{ $file }` would make a `.jx` file larger than a file may be ({ $limit } MiB): nothing was written
s011-import-help = split the workbook and import its parts one at a time

s020-includes-itself = `{ $file }` includes itself
s020-cycle = include cycle: `{ $files }`
s020-closes-the-cycle = this include closes the cycle
s020-cut-here = each file is read once: the cycle is cut here, in the document of `{ $file }`
s020-help = include each file from one place: the root file of the document

s021-leads-outside = `{ $path }` leads outside the project root
s021-is-outside = `{ $include }` is outside the project root
s021-link-not-read = a link to a file outside the project root: not read
s021-not-read = not read: outside the project root
s021-root-is = the project root is `{ $root }`
s021-help = move the file into the project, or give a wider root with `--root DIR`

s022-not-a-regular-file = `{ $path }` is { $what }, not a regular file
s022-not-read = not read
s022-help-directory = to include the `.jx` files in it, write `include "{ $dir }/*.jx"`
s022-help = only regular files are read

## The units of a document (src/project/units.rs).
r030-code-twice = unit code { $code } is declared twice in one document
r030-unit-twice = unit { $unit } is declared twice in one document
r030-declared-again = declared again here
r030-first-declared = first declared here
r030-note = a second declaration makes a second unit: its tables are printed twice, and the checks that need the whole unit see two halves
r030-help = declare the unit once; to keep some of its parts in another file, write `continued unit { $unit } {"{"} … {"}"}` there

r032-no-parent = { $unit } names { $parent } as its parent, which is no unit of the document
r032-label = no unit of this name or code
r032-note = the unit counts in no rollup's sum
r032-help = correct the parent's name or code, or add the parent unit; `{ $allow } R032` for a corpus that holds only part of the document

s031-no-header = no file of this document states a header: without { $names }, some rules did not run
s031-label = checked without them
s031-no-scheme = the tier rules (T001–T007) did not run: no indicator framework is in force
s031-no-year = dates and periods were not checked against the budget year (V007): no `{ $year }` is stated
s031-defaults = amounts are read in 万元, exact to 0.01 (the defaults of `{ $money }` and `{ $precision }`)
s031-help = a file meant to be included is checked through the root file that includes it (`jixiao check main.jx`), which states the header; `{ $allow } S031` when it is checked on its own on purpose

r031-what-code = unit code { $code }
r031-what-name = unit { $unit }
r031-no-such-unit = `{ $continued } { $unit }` names { $what }, which no file of this document declares
r031-no-such-unit-label = no such unit in the document
r031-no-such-unit-note = the parts written here belong to no unit, and the checks that need the whole unit (its projects add up to 项目支出) cannot run
r031-no-such-unit-help = check the root file that includes this one and the file declaring the unit, or correct the name or code
r031-code-and-name-differ = `{ $continued } { $unit }` gives the code of { $declared } but the name { $written }
r031-not-its-name = not the name of that unit
r031-declared-name = declared with this name
r031-code-and-name-help = write the unit's code, its name, or both as declared
