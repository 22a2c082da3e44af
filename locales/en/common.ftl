# Messages shared by every part of jixiao. The English catalogue keeps the
# wording jixiao has always printed; tests/i18n.rs holds the Chinese one to it
# (same ids, same placeholders).

# A text that is the same in every language: a formula, a figure, a name.
text = { $text }

## Lists: "a, b or c".
list-separator = {", "}
list-or = { $head } or { $last }
list-and = { $head } and { $last }

## Severities, as a reader sees them.
severity-error = error
severity-warning = warning
severity-note = note

## What the human form leaves out so that it stays readable.
render-locations-not-shown = { $count ->
    [one] { $count } more location is not shown (--message-format json lists it)
   *[other] { $count } more locations are not shown (--message-format json lists them)
}
render-line-flood = { $count ->
    [one] { $count } more finding on line { $line } of { $file } is not shown (--message-format json lists every one)
   *[other] { $count } more findings on line { $line } of { $file } are not shown (--message-format json lists every one)
}

# A help line under a finding.
help-line = help: { $text }

# A finding that stands for several places of one document.
grouped = { $what } ({ $places ->
    [one] { $places } place
   *[other] { $places } places
})

## Counts and the closing summary of `jixiao check`.
count-errors = { $count ->
    [one] { $count } error
   *[other] { $count } errors
}
count-warnings = { $count ->
    [one] { $count } warning
   *[other] { $count } warnings
}
count-errors-and-warnings = { $errors }, { $warnings }
total-clean = no findings
total-errors = found { $errors }
total-warnings = finished with { $warnings }
total-errors-and-warnings = found { $errors } and { $warnings }
summary-by-code = findings by code:
summary-places = {" "}({ $places } places)
summary-by-unit = findings by unit (a finding in several units counts in each):
summary-other-units = … { $units ->
    [one] { $units } more unit
   *[other] { $units } more units
}: { $counts }

## Where a finding stands: the table and cell a reviewer turns to.
place-summary = summary { $name }
place-document = the document (header, levels, includes)
place-total = total
place-name = name
place-budget = budget
place-project = project { $name }
place-goal = goal
place-formula = basis of calculation
place-indicators = indicators

## Words several checks use.
did-you-mean = did you mean { $name }?
label-empty = empty

s006-no-code = there is no diagnostic code `{ $code }`
s006-help = `jixiao explain --list` lists every code
s006-cannot-be-lowered = `{ $code }` cannot be lowered
s006-always-an-error = a syntax error is always an error

## The editor server: a note under a finding, the titles of quick fixes.
note-line = note: { $text }
fix-write = Write `{ $text }`
fix-catalog-name = Write the catalog's name `{ $name }`
fix-mark-it = Mark it `{ $kind }`
fix-remove-brace = Remove the unmatched `{"}"}`
fix-close-block = Close the block at the end of the file

## Why the formatter left a file as it was: its own checks failed (a bug to
## report). `what` names the construct in the grammar's terms.
fmt-internal-unreadable = the formatted text's blocks cannot be read
fmt-internal-meaning = the formatted text would not mean the same
fmt-internal-diagnostics = the formatted text would not give the same diagnostics
fmt-internal-comment-lost = a comment would be lost
fmt-internal-comments-not-printed = { $count ->
        [one] a comment was not printed
       *[other] { $count } comments were not printed
    }
fmt-internal-construct = the formatter cannot print this construct ({ $what })
