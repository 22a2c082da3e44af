# 绩效指标框架的层级（src/check/tiers.rs）。

s009-no-framework = 没有指标框架 `{ $name }`
s009-unknown-scheme = 未知的框架
s009-known-frameworks = 已知的框架：{ $known }
s009-scheme-help = 用 `{ $scheme } 名称 {"{"} … {"}"}` 块定义它，或使用内置框架

t001-a-tier2 = { $tier } 不是 { $framework } 的一级指标：它是 { $parent } 下的二级指标
t001-used-as-tier1 = 被用作一级指标
t001-unknown = { $tier } 不是 { $framework } 的一级指标
t001-unknown-label = 未知的一级指标
t001-the-tier1-are = { $framework } 的一级指标是 { $tiers }

t002-unknown = 在 { $framework } 中，{ $tier } 不是 { $parent } 的二级指标
t002-unknown-label = 未知的二级指标
t002-the-tier2-are = { $parent } 的二级指标是 { $tiers }

t003-belongs-under = 二级指标 { $tier } 应在 { $parent } 之下，而不是 { $written } 之下
t003-puts-it-under = { $framework } 把它放在 { $parent } 之下
t003-written-under = 写在这个一级指标之下

t004-missing = 缺少必需的一级指标 { $tier }
t004-not-in-tree = 这棵指标树中没有 { $tier }
t004-requires = { $framework } 要求有 { $tiers }
t004-no-indicator = 必需的一级指标 { $tier } 没有指标
t004-requires-each = { $framework } 要求有 { $tiers }，且每个至少有一个指标

t005-tier1-twice = 同一棵指标树中一级指标 { $tier } 写了两次
t005-tier2-twice = { $parent } 下二级指标 { $tier } 写了两次

t006-tier1-of = { $tier } 是 { $others } 的一级指标，不是本文档所遵循的 { $framework } 的
t006-tier2-of = { $parent } 下的 { $tier } 是 { $others } 的层级，不是本文档所遵循的 { $framework } 的
t006-a-tier-of = { $others } 的层级

t007-outside-any-tier = 指标 { $indicator } 不在任何层级之下
t007-no-tier-above = 上面没有一级或二级指标
t007-outside-help = 把它写在它的二级指标里，二级指标写在一级指标里
t007-without-tier1 = 二级指标 { $tier } 没有写在一级指标之下
t007-belongs-under = 应在 { $parent } 之下
t007-write-inside = 把它写在 `{ $parent } {"{"} … {"}"}` 里
t007-directly-under = 指标 { $indicator } 直接写在一级指标 { $tier } 之下
t007-no-tier2-above = 上面没有二级指标
t007-inside-one-of = 把它写在 { $tiers } 中的一个里
t007-fourth-tier = { $parent } 下的 { $tier } 是第四级
t007-tiers-stop = 层级到三级（指标）为止
t007-fourth-help = 把它的指标直接写在二级指标之下

t020-no-indicators = { $what ->
    [project] 项目
   *[unit] 单位
} { $name } 没有写绩效指标
t020-label = 没有指标树
t020-help = 按该表公布的内容写出它的 `{ $indicators } {"{"} … {"}"}`
t020-key = 目标表没有绩效指标

t021-tier2-under-empty = { $parent } 下的二级指标 { $tier } 没有指标
t021-tier2-empty = 二级指标 { $tier } 没有指标
t021-tier1-empty = 一级指标 { $tier } 没有指标
t021-help = 写出该层级的指标，或删去该层级
