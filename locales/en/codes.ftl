# The words of `jixiao explain`. The English summary, explanation and fix of
# each code are the registry itself (src/diag/codes.rs, which docs/diagnostics.md
# is generated from); the Chinese ones are in zh-CN/codes.ftl.

explain-heading = { $code } ({ $name }): { $summary }
explain-default-level = Default level: { $level }
explain-cannot-be-lowered = {" "}(cannot be lowered)
explain-example = Example:
explain-fix = Fix: { $text }
explain-grouping = Findings of this code that repeat one choice in a document (the same finding, or the same kind of finding where the message says so, in several places) are reported once, with the number of places, each place labelled.
explain-list-line = { $code }  { $level }  { $name } { $summary }
explain-unknown-code = unknown diagnostic code `{ $code }` (see `jixiao explain --list`)

level-allow = allow
level-warn = warn
level-deny = deny
