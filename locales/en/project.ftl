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
s008-invalid-byte = invalid byte at offset { $offset }
s008-help = convert it, e.g. `iconv -f GBK -t UTF-8`

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
