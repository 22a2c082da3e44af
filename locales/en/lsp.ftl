## Hover in the editor: what a figure adds up to, what a name is.
hover-owner-unit = unit { $unit }
hover-owner-project = project { $project }
hover-sum-too-large = the sum is too large to compute
hover-agrees = ✓ agrees
hover-differs-from = ✗ differs from { $stated } by { $difference }
hover-differs-by = ✗ differs by { $difference }
hover-no-figures = no figures
hover-budget-of = , the budget of { $unit }
hover-member-units = its { $count } member units: { $sum }
hover-figure-of-project = , project { $project } of { $unit }
hover-one-of-projects = one of the { $count } projects adding up to 项目支出{ $stated }: { $sum }
hover-figure-of-line = , { $line } of { $owner }
hover-its-projects = its { $count ->
        [one] project
       *[other] { $count } projects
    }: { $sum }
hover-figure-of-row = , row { $row } of summary { $summary }
hover-summary-total = , the total of summary { $summary } ({ $count } rows; rows that aggregate the rows numbered below them are not counted again)
hover-line = **{ $line }**, a line of { $owner }
hover-unit = **{ $rollup ->
        [yes] rollup unit (系统)
       *[no] unit
    }{ $has_code ->
        [yes] {" "}{ $code }
       *[no] {""}
    } { $unit }**
hover-unit-budget = budget { $amount } { $money }
hover-unit-parent = parent: { $parent }
hover-unit-projects = { $count ->
        [one] 1 project
       *[other] { $count } projects
    }
hover-project = **project { $project }** of { $unit }
hover-parent = parent: **{ $unit }**{ $has_budget ->
        [yes] , budget { $budget }
       *[no] {""}
    }
hover-parent-unknown = parent { $parent }: no unit of this document has this name or code
hover-row = row **{ $row }** of summary { $summary }
hover-indicator = **{ $indicator }**, a 三级 indicator{ $has_tiers ->
        [yes] {" "}under { $tiers }
       *[no] {""}
    }{ $has_framework ->
        [yes] {" "}({ $framework })
       *[no] {""}
    }
hover-target = target: { $target }
hover-written = (written `{ $written }`: { $words })
hover-include = include **{ $file }**
hover-the-budget = the budget
hover-the-project = the project
hover-line-named = { $line }
hover-part-of = part of { $total } by { $dimension }: { $sum }
hover-named-by-row = summary { $summary }: row { $row }
hover-names-unit = names unit **{ $unit }**, whose own budget is { $budget }{ $verdict }
hover-names-unit-no-budget = names unit **{ $unit }**, whose own budget is not stated
hover-names-project = names project **{ $project }**{ $has_amount ->
        [yes] , { $amount }
       *[no] {""}
    }
hover-names-nothing = names no unit or project of this document
hover-tier-no-framework = **{ $tier }**: this document names no framework (`scheme`)
hover-tier1 = **{ $tier }**: 一级 { $canonical } of { $framework }{ $required ->
        [yes] {" "}(required)
       *[no] {""}
    }

    its 二级: { $children }
hover-tier2-not-tier1 = **{ $tier }** is a 二级 of { $framework } under { $parent }, not a 一级
hover-not-tier1 = **{ $tier }** is not a 一级 of { $framework }; its 一级 are { $tiers }
hover-tier2 = **{ $tier }**: 二级 { $canonical } under 一级 { $parent } of { $framework }
hover-tier2-elsewhere = **{ $tier }** is a 二级 of { $framework } under { $parent }
hover-not-tier2 = **{ $tier }** is not a 二级 of { $parent } in { $framework }
hover-below-tier2 = **{ $tier }** stands below the 二级: tiers stop at the indicator (三级)

## Completion in the editor: what each offered word is.
complete-unit = unit
complete-code-of = code of { $unit }
complete-dimension = dimension ({ $other })
complete-goal-kind = goal kind ({ $other })
complete-built-in-framework = built-in framework
complete-framework = framework
complete-unit-of-measure = unit of measure
complete-unit-of-measure-used = unit of measure (used in this document)
complete-keyword = keyword ({ $others })
complete-tier1 = 一级 of { $framework }
complete-tier1-alias = 一级 of { $framework } (alias of { $canonical })
complete-tier2 = 二级 under { $parent } ({ $framework })

## Formatting in the editor.
format-syntax-errors = not formatted: the file has { $count ->
        [one] a syntax error
       *[other] { $count } syntax errors
    } (see the diagnostics)
format-too-large = not formatted: the buffer is larger than a file may be ({ $limit } MiB)
format-internal = not formatted: { $why } (please report this)
