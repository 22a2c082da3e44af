" Vim syntax file
" Language:    jixiao (.jx), budget performance targets (预算绩效目标)
" Follows:     grammar/jixiao.pest
"
" Han text has no word boundaries, so nothing here relies on \< \> or
" iskeyword: a keyword is a keyword only when the character before it is
" white space, a brace or the start of the line, and the character after it
" cannot continue a name (`单位负责人` is a name, `单位 "…"` starts a unit).
"
" The keyword and comparison lists (between the GENERATED KEYWORDS lines)
" are written from the keyword table, src/syntax/keywords.rs.
scriptencoding utf-8

if exists('b:current_syntax')
  finish
endif

let s:cpo_save = &cpo
set cpo&vim

syn case match
syn sync minlines=200

" ------------------------------------------------------------ characters
" White space as in the grammar: space, tab, U+3000, U+00A0 (inside []).
let s:ws = ' \t\u3000\u00a0'
let s:cmp_chars = '<>＜＞≥≤≧≦˃˂⩾⩽≠›‹'
" Characters that cannot occur in a bare name (besides // and /*).
let s:notname = s:ws . '{}｛｝"“”「」=＝:：|;；' . s:cmp_chars
let s:bare = '\%([^' . s:notname . '/]\|/[/*]\@!\)\+'
let s:quoted = '\%("\%([^"\\]\|\\.\)*"\|“[^”]*”\|「[^」]*」\)'
" Start of a token: no name character just before.
let s:start = '\%([^' . s:ws . '{}｛｝]\)\@4<!'
" End of a word: the next character cannot continue a name.
let s:end = '\%([^' . s:notname . '/]\|/[/*]\@!\)\@!'
" The first token of an item: at the start of the line or after a brace.
let s:item = '\%(^[' . s:ws . ']*\|[{｛][' . s:ws . ']*\)\@<='
let s:unitchar = '[^' . s:ws . '/／*＊×÷·()（）+＋\-－=＝{}｛｝"“”「」:：;；|#' . s:cmp_chars . '0-9０-９%％‰]'
let s:digit = '[0-9０-９]'
let s:unsigned = s:digit . '\+\%([,，]' . s:digit . '\{3}\)*\%([.．]' . s:digit . '\+\)\='

" ------------------------------------------------------------ words
function! s:Alt(words) abort
  let words = sort(copy(a:words), {a, b -> strchars(b) - strchars(a)})
  return '\%(' . join(map(words, {_, w -> escape(w, '\.*[]~^$/')}), '\|') . '\)'
endfunction

" BEGIN GENERATED KEYWORDS
" Generated from src/syntax/keywords.rs by `JIXIAO_BLESS=1 cargo test --test keywords`:
" edit the table there, not these lines. s:w holds each keyword's spellings.
let s:w = {}
let s:w.year = ['year', '年度']
let s:w.money = ['money', '金额单位']
let s:w.precision = ['precision', '精度']
let s:w.scheme = ['scheme', '框架']
let s:w.title = ['title', '标题']
let s:w.include = ['include', '包含']
let s:w.form = ['form', '表', '表格']
let s:w.allow = ['allow', '允许']
let s:w.warn = ['warn', '警告']
let s:w.deny = ['deny', '禁止']
let s:w.extends = ['extends', '继承']
let s:w.required = ['required', '必填']
let s:w.unit = ['unit', '单位']
let s:w.rollup = ['rollup', '系统']
let s:w.parent = ['parent', '上级']
let s:w.duties = ['duties', '职责']
let s:w.goal = ['goal', '目标']
let s:w.term = ['term', '长期', '实施期']
let s:w.annual = ['annual', '年度']
let s:w.plan = ['plan', '重点工作']
let s:w.owner = ['owner', '责任单位']
let s:w.staff = ['staff', '人员']
let s:w.budget = ['budget', '预算']
let s:w.amount = ['amount', '金额']
let s:w.by = ['by', '按']
let s:w.project = ['project', '项目']
let s:w.period = ['period', '实施期']
let s:w.schedule = ['schedule', '进度']
let s:w.indicators = ['indicators', '绩效指标', '年度绩效指标']
let s:w.qualitative = ['qualitative', '定性']
let s:w.quantitative = ['quantitative', '定量']
let s:w.explain = ['explain', '指标解释', '解释']
let s:w.scoring = ['scoring', '评分标准', '评(扣)分标准', '评分']
let s:w.standard = ['standard', '绩效标准', '标准']
let s:w.weight = ['weight', '分值', '权重']
let s:w.note = ['note', '备注']
let s:w.summary = ['summary', '汇总表']
let s:w.total = ['total', '合计', '总计', '小计']
let s:w.continued = ['continued', '续']
let s:w.prior = ['prior', '上年']
let s:w.change = ['change', '增减']
let s:w.restates = ['restates', '重述']
let s:w.basis = ['basis', '测算依据', '依据']
let s:w.income = ['income', '收入']
let s:w.expense = ['expense', '支出']
let s:w.economic = ['economic', '经济分类']
let s:w.functional = ['functional', '功能分类']
let s:w.source = ['source', '来源']
let s:w.detail = ['detail', '明细']
let s:kw = {}
let s:kw.jxDirective = s:w.year + s:w.money + s:w.precision + s:w.scheme + s:w.title + s:w.include +
      \ s:w.form
let s:kw.jxLintLevel = s:w.allow + s:w.warn + s:w.deny
let s:kw.jxBlockKeyword = s:w.extends + s:w.required + s:w.unit + s:w.rollup + s:w.plan +
      \ s:w.staff + s:w.budget + s:w.amount + s:w.by + s:w.project + s:w.indicators + s:w.summary +
      \ s:w.total + s:w.continued
let s:kw.jxFieldKeyword = s:w.parent + s:w.duties + s:w.goal + s:w.owner + s:w.period +
      \ s:w.schedule + s:w.prior + s:w.change + s:w.restates + s:w.basis
let s:kw.jxKind = s:w.qualitative + s:w.quantitative
let s:kw.jxAttribute = s:w.explain + s:w.scoring + s:w.standard + s:w.weight + s:w.note
" Only right after `goal`, and only right after `by`; not reserved elsewhere.
let s:goal_kinds = s:w.term + s:w.annual
let s:dimensions = s:w.income + s:w.expense + s:w.economic + s:w.functional + s:w.source +
      \ s:w.detail
let s:cmp_symbols = ['>=', '≥', '≧', '＞＝', '＞=', '⩾', '=>', '》=', '》＝', '〉=', '<=', '≤',
      \ '≦', '＜＝', '＜=', '⩽', '=<', '《=', '《＝', '〈=', '!=', '≠', '==', '=', '＝', '>',
      \ '＞', '˃', '›', '》', '〉', '<', '＜', '˂', '‹', '《', '〈', '≈', '≒']
let s:cmp_words = ['大于等于', '大于或等于', '不低于', '不少于', '不小于', '至少', '小于等于',
      \ '小于或等于', '不高于', '不超过', '未超过', '不多于', '不大于', '至多', '不等于', '等于',
      \ '大于', '高于', '超过', '多于', '小于', '低于', '少于', '不足', '约等于']
" END GENERATED KEYWORDS
let s:all_kw = []
for s:words in values(s:kw)
  call extend(s:all_kw, s:words)
endfor
unlet s:words

let s:schemes = ['财预2020', '财预2021', '地方旧式']
let s:standards = ['计划标准', '历史标准', '行业标准', '预算支出标准', '其他标准']

function! s:WithZhibiao(names) abort
  let out = []
  for n in a:names
    call extend(out, [n . '指标', n])
  endfor
  return out
endfunction
let s:tier1 = s:WithZhibiao(['产出', '效益', '效果', '满意度'])
let s:tier_either = s:WithZhibiao(['成本'])
let s:tier2 = s:WithZhibiao(['数量', '质量', '时效', '经济效益', '社会效益', '生态效益', '环境效益',
      \ '经济效果', '社会效果', '生态效果', '环境效果', '可持续影响', '服务对象满意度', '社会公众满意度',
      \ '社会公众或服务对象满意度', '社会公众及服务对象满意度', '经济成本', '社会成本', '生态环境成本'])

let s:range_sep = '\%(\.\.\|--\|[~～—]\|至\)'

let s:kind = s:Alt(s:kw.jxKind) . s:end
let s:cmp = '\%(' . s:Alt(s:cmp_symbols) . '\|' . s:Alt(s:cmp_words) . '\)'
let s:keyword = s:Alt(s:all_kw) . s:end
" Start of a number or a date: not glued to a name on its left, but it may
" follow a comparison word directly (`大于等于10万公里`).
let s:num_start = '\%(\%([^' . s:ws . '{}｛｝(（=＝' . s:cmp_chars . ':：~～—×*＊·/÷／+＋]\)\@4<!'
      \ . '\|\%(--\|\.\.\|[0-9０-９%％‰]至\|[' . s:ws . ']' . s:Alt(s:cmp_words) . '\)\@<=\)'

" Every pattern below is built as a string; this runs `syn match` on it.
function! s:Match(group, pattern, ...) abort
  execute 'syn match ' . a:group . ' `' . a:pattern . '` ' . join(a:000)
endfunction

" ------------------------------------------------------------ items
" Items defined later win when two start at the same place.
syn match jxBrace /[{}｛｝]/
syn match jxAliasSep /|/
syn match jxTerminator /[;；]/

" Comparisons: signs anywhere; words only after white space and not as the
" first token of an item (`超过期限案件数` is a name).
call s:Match('jxComparison', s:Alt(s:cmp_symbols))
call s:Match('jxComparison', '\%([' . s:ws . ']\)\@4<=\%(^[' . s:ws . ']*\)\@<!'
      \ . '\%([{｛][' . s:ws . ']*\)\@<!' . s:Alt(s:cmp_words))

" Numbers, percentages and the unit of measure after them: `9 个`, `95%`,
" `1,056.40 万元`, `１０５６．４０`, `500 元/人`. A word after a number is not a
" unit when an amount, a comparison, a kind or `=` follows it (then it is the
" next item's name: `{ 人员经费 379.89  公用经费 69.04 }`).
call s:Match('jxNumber', s:num_start . '[-－]\=' . s:unsigned, 'nextgroup=jxPercent,jxUnit skipwhite')
call s:Match('jxPercent', '[%％‰]', 'contained nextgroup=jxUnit skipwhite')
call s:Match('jxUnit', '\%(' . s:range_sep . '\|' . s:kind . '\|' . s:cmp . '\|' . s:keyword . '\)\@!'
      \ . '\%(\%(' . s:unitchar . '\|/[/*]\@!\|／\)\+\)\@>'
      \ . '\%([' . s:ws . ']*\%([=＝]\|' . s:cmp . '\|' . s:kind . '\)'
      \ . '\|[' . s:ws . ']\+[-－]\=' . s:digit
      \ . '\|[' . s:ws . ']\+[-—－][' . s:ws . ']*\%($\|[{}｛｝]\)\)\@!', 'contained')

call s:Match('jxRange', '\%([' . s:ws . '0-9０-９%％‰]\)\@4<=' . s:range_sep . '\%([' . s:ws . '0-9０-９]\)\@=')
" A blank cell: `纳入一般公共预算管理的非税收入拨款 -`
call s:Match('jxBlank', '\%([' . s:ws . ']\)\@4<=[-—－]\ze[' . s:ws . ']*\%($\|[{}｛｝]\|//\|/\*\)')
call s:Match('jxDate', s:num_start . '[0-9]\{4}\%(-[0-9]\{1,2}-[0-9]\{1,2}\|\.[0-9]\{1,2}\.[0-9]\{1,2}'
      \ . '\|/[0-9]\{1,2}/[0-9]\{1,2}\|年[0-9]\{1,2}月[0-9]\{1,2}日'
      \ . '\|\%(-[0-9]\{1,2}\|/[0-9]\{1,2}\|年[0-9]\{1,2}月\)[0-9]\@!\)')

" Codes: `30101 基本工资 111.6768`, `#1-1 201001 中共岳阳市委办公室 3,394.31`.
call s:Match('jxCode', s:item . '[0-9]\+\ze[' . s:ws . ']\+\%([^' . s:notname . '0-9０-９\-－—/]\|["“「]\)')
call s:Match('jxCode', '[0-9]\+\ze[' . s:ws . ']', 'contained nextgroup=jxDeclName skipwhite')
call s:Match('jxSerial', s:item . '#[^' . s:ws . ']\+', 'nextgroup=jxCode skipwhite')

" Keywords.
for [s:group, s:words] in items(s:kw)
  call s:Match(s:group, s:start . s:Alt(s:words) . s:end)
endfor
unlet s:group s:words

" Tier names (一级 / 二级), where they open a group or list aliases.
let s:tier_follow = '\ze[' . s:ws . ']*\%([{}｛｝|]\|$\|//\|/\*\)'
call s:Match('jxTier1', '\%([^' . s:ws . '{}｛｝|]\)\@4<!' . s:Alt(s:tier1) . s:tier_follow)
call s:Match('jxTier', '\%([^' . s:ws . '{}｛｝|]\)\@4<!' . s:Alt(s:tier_either) . s:tier_follow)
call s:Match('jxTier2', '\%([^' . s:ws . '{}｛｝|]\)\@4<!' . s:Alt(s:tier2) . s:tier_follow)

" Keywords that give meaning to the word after them.
call s:Match('jxDeclName', '[0-9０-９]\@!\%(' . s:keyword . '\)\@!' . s:bare, 'contained')
call s:Match('jxDimension', s:Alt(s:dimensions) . s:end, 'contained')
call s:Match('jxScheme', s:Alt(s:schemes) . s:end, 'contained')
call s:Match('jxStandard', s:Alt(s:standards) . s:end, 'contained')
call s:Match('jxGoalKind', s:Alt(s:goal_kinds) . s:end, 'contained')
call s:Match('jxMoneyUnit', s:bare, 'contained')
call s:Match('jxLintCode', '\%([A-Z]\+[0-9]\+\|warnings\)[A-Za-z0-9]\@!', 'contained nextgroup=jxLintComma skipwhite')
call s:Match('jxLintComma', '[,，]', 'contained nextgroup=jxLintCode skipwhite skipnl')

call s:Match('jxBlockKeyword',
      \ s:start . s:Alt(s:w.unit + s:w.project + s:w.plan + s:w.amount + s:w.summary) . s:end,
      \ 'nextgroup=jxCode,jxDeclName skipwhite')
call s:Match('jxBlockKeyword', s:start . s:Alt(s:w.extends) . s:end, 'nextgroup=jxDeclName,jxScheme skipwhite')
call s:Match('jxBlockKeyword', s:start . s:Alt(s:w.by) . s:end, 'nextgroup=jxDeclName,jxDimension skipwhite')
call s:Match('jxDirective', s:start . s:Alt(s:w.scheme) . s:end, 'nextgroup=jxDeclName,jxScheme skipwhite')
call s:Match('jxDirective', s:start . s:Alt(s:w.money) . s:end, 'nextgroup=jxMoneyUnit skipwhite')
call s:Match('jxFieldKeyword', s:start . s:Alt(s:w.goal) . s:end, 'nextgroup=jxGoalKind skipwhite')
call s:Match('jxFieldKeyword', s:start . s:Alt(s:w.parent) . s:end, 'nextgroup=jxDeclName skipwhite')
call s:Match('jxAttribute', s:start . s:Alt(s:w.standard) . s:end, 'nextgroup=jxStandard skipwhite')
call s:Match('jxLintLevel', s:start . s:Alt(s:kw.jxLintLevel) . s:end, 'nextgroup=jxLintCode skipwhite')

" Properties: `绩效管理联络员: "方小莉"`, `"项目 负责人"：…`
call s:Match('jxPropertyKey', s:item . '\%(' . s:bare . '\|' . s:quoted . '\)\ze[' . s:ws . ']*[:：]',
      \ 'nextgroup=jxPropSep skipwhite')
call s:Match('jxPropSep', '[:：]', 'contained')

" Formulas (测算依据): after an amount, `卫生整治费 10 = 20 次 × 0.5 万元/次`, or
" after `=` when arithmetic follows on the line.
let s:formula_end = '\%([{}｛｝]\|//\|/\*\)\@=\|$'
let s:formula_in = 'contains=jxFormulaNumber,jxFormulaOp,jxFormulaParen,jxFormulaUnit oneline keepend'
execute 'syn region jxFormula matchgroup=jxFormulaEq start=`\%(' . s:digit . '[' . s:ws . ']*\)\@<=[=＝][=＝]\@!`'
      \ . ' end=`' . s:formula_end . '` ' . s:formula_in
execute 'syn region jxFormula matchgroup=jxFormulaEq start=`[=＝][=＝]\@!\%(\%([^{}｛｝/]\|/[/*]\@!\)\{-}'
      \ . '\%([×÷＊*·+＋]\|[ \t][xX/／\-－][ \t]\)\)\@=` end=`' . s:formula_end . '` ' . s:formula_in
call s:Match('jxFormulaUnit', s:unitchar . '\+', 'contained')
call s:Match('jxFormulaNumber', s:unsigned . '[%％‰]\=', 'contained')
call s:Match('jxFormulaOp', '[+＋\-－×*＊·/÷／]', 'contained')
call s:Match('jxFormulaOp', '\%([' . s:ws . '0-9０-９)）]\)\@4<=[xX]\%([' . s:ws . '0-9０-９(（]\)\@=', 'contained')
call s:Match('jxFormulaParen', '[()（）]', 'contained')

" Strings: "…" (with \" and \\), “…”, 「…」; they may span lines.
syn region jxString start=/"/ skip=/\\\\\|\\"/ end=/"/ contains=jxEscape
syn region jxString start=/“/ end=/”/
syn region jxString start=/「/ end=/」/
syn match jxEscape /\\./ contained

" Comments.
syn keyword jxTodo contained TODO FIXME XXX NOTE
syn region jxBlockComment start=`/\*` end=`\*/` contains=jxTodo,@Spell
syn match jxLineComment `//.*$` contains=jxTodo,@Spell

" ------------------------------------------------------------ colours
hi def link jxLineComment   Comment
hi def link jxBlockComment  Comment
hi def link jxTodo          Todo
hi def link jxString        String
hi def link jxEscape        SpecialChar
hi def link jxDirective     PreProc
hi def link jxLintLevel     PreProc
hi def link jxLintCode      Constant
hi def link jxLintComma     Delimiter
hi def link jxBlockKeyword  Keyword
hi def link jxFieldKeyword  Statement
hi def link jxKind          Type
hi def link jxAttribute     Label
hi def link jxGoalKind      Type
hi def link jxDimension     Special
hi def link jxScheme        Special
hi def link jxStandard      Special
hi def link jxDeclName      Identifier
hi def link jxTier1         Title
hi def link jxTier2         Title
hi def link jxTier          Title
hi def link jxComparison    Operator
hi def link jxNumber        Number
hi def link jxPercent       Type
hi def link jxUnit          Type
hi def link jxMoneyUnit     Type
hi def link jxDate          Constant
hi def link jxRange         Operator
hi def link jxBlank         Constant
hi def link jxCode          Constant
hi def link jxSerial        Constant
hi def link jxPropertyKey   Identifier
hi def link jxPropSep       Delimiter
hi def link jxFormulaEq     Operator
hi def link jxFormulaOp     Operator
hi def link jxFormulaParen  Delimiter
hi def link jxFormulaNumber Number
hi def link jxFormulaUnit   Type
hi def link jxBrace         Delimiter
hi def link jxAliasSep      Delimiter
hi def link jxTerminator    Delimiter

delfunction s:Alt
delfunction s:WithZhibiao
delfunction s:Match
let b:current_syntax = 'jx'

let &cpo = s:cpo_save
unlet s:cpo_save
