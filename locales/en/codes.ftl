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

## docs/diagnostics.md (and .zh-CN.md), generated.
diagnostics-md-intro =
    # Diagnostic codes

    <!-- Generated from src/diag/codes.rs by `JIXIAO_BLESS=1 cargo test --test docs`; do not edit by hand. -->

    Every finding of jixiao has a code. `jixiao explain CODE` prints the entry below;
    `jixiao explain --list` lists them all.

    Levels: `error` fails the check (exit status 1), `warning` is reported, `allow` is silent.
    A document changes a level with `allow CODE`, `warn CODE` or `deny CODE` (also
    `允许`, `警告`, `禁止`); a run with `-A CODE`, `-W CODE`, `-D CODE`, applied after the
    document's. `warnings` stands for every warning: `-D warnings` makes them errors.
    Syntax codes (S) cannot be lowered, except S031, which says what was not checked.

    Some codes group: findings that repeat one choice in a document are reported once,
    with the number of places and each place labelled (their entries say so).

    Families: S — syntax and files; B — budget arithmetic; T — tiers of the indicator
    framework; V — indicator values; R — references between summaries and units.

    | code | name | level | summary |
    |---|---|---|---|
diagnostics-md-entry = **{ $name }** — { $summary }. Default level: `{ $level }`{ $lowering }.

level-allow = allow
level-warn = warn
level-deny = deny
