# Tiers of the indicator framework (src/check/tiers.rs).

s009-no-framework = there is no indicator framework `{ $name }`
s009-unknown-scheme = unknown scheme
s009-known-frameworks = known frameworks: { $known }
s009-scheme-help = define it with a `{ $scheme } NAME {"{"} … {"}"}` block, or use a built-in one

t001-a-tier2 = { $tier } is not a 一级 of { $framework }: it is a 二级 of { $parent }
t001-used-as-tier1 = used as a 一级
t001-unknown = { $tier } is not a 一级 of { $framework }
t001-unknown-label = unknown 一级
t001-the-tier1-are = the 一级 of { $framework } are { $tiers }

t002-unknown = { $tier } is not a 二级 of { $parent } in { $framework }
t002-unknown-label = unknown 二级
t002-the-tier2-are = the 二级 of { $parent } are { $tiers }

t003-belongs-under = 二级 { $tier } belongs under { $parent }, not { $written }
t003-puts-it-under = { $framework } puts it under { $parent }
t003-written-under = written under this 一级

t004-missing = the required 一级 { $tier } is missing
t004-not-in-tree = no { $tier } in this tree
t004-requires = { $framework } requires { $tiers }
t004-no-indicator = the required 一级 { $tier } has no indicator
t004-requires-each = { $framework } requires { $tiers }, each with at least one indicator

t005-tier1-twice = 一级 { $tier } is given twice in one tree
t005-tier2-twice = 二级 { $tier } is given twice under { $parent }

t006-tier1-of = { $tier } is a 一级 of { $others }, not of { $framework } which this document follows
t006-tier2-of = { $tier } under { $parent } is a tier of { $others }, not of { $framework } which this document follows
t006-a-tier-of = a tier of { $others }

t007-outside-any-tier = indicator { $indicator } stands outside any tier
t007-no-tier-above = no 一级 or 二级 above it
t007-outside-help = write it inside its 二级, inside its 一级
t007-without-tier1 = 二级 { $tier } stands without its 一级
t007-belongs-under = belongs under { $parent }
t007-write-inside = write it inside `{ $parent } {"{"} … {"}"}`
t007-directly-under = indicator { $indicator } stands directly under 一级 { $tier }
t007-no-tier2-above = no 二级 above it
t007-inside-one-of = write it inside one of { $tiers }
t007-fourth-tier = { $tier } is a fourth tier under { $parent }
t007-tiers-stop = tiers stop at 三级 (the indicator)
t007-fourth-help = write its indicators directly under the 二级

t020-no-indicators = { $what ->
    [project] project
   *[unit] unit
} { $name } states no indicators
t020-label = no indicator tree
t020-help = write its `{ $indicators } {"{"} … {"}"}` as the table publishes them
t020-key = tables state no indicators

t021-tier2-under-empty = 二级 { $tier } under { $parent } holds no indicator
t021-tier2-empty = 二级 { $tier } holds no indicator
t021-tier1-empty = 一级 { $tier } holds no indicator
t021-help = write its indicators, or leave the tier out
