#!/usr/bin/env node
// Builds syntaxes/jx.tmLanguage.json from the word lists and character
// classes below, so that the long regular expressions are written once.
//
//   node syntaxes/build-grammar.js           write the JSON
//   node syntaxes/build-grammar.js --check   fail if the JSON is stale
//
// The rules follow grammar/jixiao.pest. Han text has no word boundaries, so
// no rule uses `\b`: a keyword is a keyword only when the character before
// it is white space, a brace or the start of the line, and the character
// after it cannot continue a name (`单位负责人` is a name, `单位 "…"` is not).
//
// The keyword and comparison lists (between the GENERATED KEYWORDS lines)
// are written from the keyword table, src/syntax/keywords.rs, by
// `JIXIAO_BLESS=1 cargo test --test keywords`.
'use strict';
const fs = require('fs');
const path = require('path');

// ------------------------------------------------------------ characters
// White space, as in the grammar: ASCII space and tab, U+3000, U+00A0.
const WS = '\\s\\x{3000}\\x{00A0}';
const HSP = `[ \\t\\x{3000}\\x{00A0}]`;
// Comparison characters (cmp_char in the grammar).
const CMP_CHARS = '<>＜＞≥≤≧≦˃˂⩾⩽≠›‹';
// Characters that cannot occur in a bare name (besides `//` and `/*`).
const NOT_NAME = `${WS}{}｛｝"“”「」=＝:：|;；${CMP_CHARS}`;
// A bare word: a run of name characters (a `/` is one unless it starts a comment).
const BARE = `(?:[^${NOT_NAME}/]|/(?![/*]))+`;
// A one-line quoted name.
const QUOTED = '(?:"(?:[^"\\\\]|\\\\.)*"|“[^”]*”|「[^」]*」)';
// Start of a token: the character before is white space, a brace, or none.
const START = `(?<![^${WS}{}｛｝])`;
// End of a word: the next character cannot continue a name.
const END = `(?=[${NOT_NAME}]|//|/\\*|$)`;

// Start of the line, or just after an opening brace (the first token of an item).
const ITEM_START = `(?:^|(?<=[{｛]))${HSP}*`;
// Characters of a unit of measure (unit_char in the grammar).
const UNIT_CHAR = `[^${WS}/／*＊×÷·()（）+＋\\-－=＝{}｛｝"“”「」:：;；|#${CMP_CHARS}0-9０-９%％‰]`;

const DIGITS = '[0-9０-９]';
const NUMBER = `[-－]?${DIGITS}+(?:[,，]${DIGITS}{3})*(?:[.．]${DIGITS}+)?`;
const UNSIGNED = `${DIGITS}+(?:[,，]${DIGITS}{3})*(?:[.．]${DIGITS}+)?`;
const PERCENT = '[%％‰]';
const DATE =
  '[0-9]{4}(?:-[0-9]{1,2}-[0-9]{1,2}|\\.[0-9]{1,2}\\.[0-9]{1,2}|/[0-9]{1,2}/[0-9]{1,2}|年[0-9]{1,2}月[0-9]{1,2}日' +
  '|(?:-[0-9]{1,2}|/[0-9]{1,2}|年[0-9]{1,2}月)(?![0-9]))';

// ------------------------------------------------------------ words
// BEGIN GENERATED KEYWORDS
// Generated from src/syntax/keywords.rs by `JIXIAO_BLESS=1 cargo test --test keywords`:
// edit the table there, not these lines. W holds each keyword's spellings.
const W = {
  year: ['year', '年度'],
  money: ['money', '金额单位'],
  precision: ['precision', '精度'],
  scheme: ['scheme', '框架'],
  title: ['title', '标题'],
  include: ['include', '包含'],
  form: ['form', '表', '表格'],
  allow: ['allow', '允许'],
  warn: ['warn', '警告'],
  deny: ['deny', '禁止'],
  extends: ['extends', '继承'],
  required: ['required', '必填'],
  unit: ['unit', '单位'],
  rollup: ['rollup', '系统'],
  parent: ['parent', '上级'],
  duties: ['duties', '职责'],
  goal: ['goal', '目标'],
  term: ['term', '长期', '实施期'],
  annual: ['annual', '年度'],
  plan: ['plan', '重点工作'],
  owner: ['owner', '责任单位'],
  staff: ['staff', '人员'],
  budget: ['budget', '预算'],
  amount: ['amount', '金额'],
  by: ['by', '按'],
  project: ['project', '项目'],
  period: ['period', '实施期'],
  schedule: ['schedule', '进度'],
  indicators: ['indicators', '绩效指标', '年度绩效指标'],
  qualitative: ['qualitative', '定性'],
  quantitative: ['quantitative', '定量'],
  explain: ['explain', '指标解释', '解释'],
  scoring: ['scoring', '评分标准', '评(扣)分标准', '评分'],
  standard: ['standard', '绩效标准', '标准'],
  weight: ['weight', '分值', '权重'],
  note: ['note', '备注'],
  summary: ['summary', '汇总表'],
  total: ['total', '合计', '总计', '小计'],
  continued: ['continued', '续'],
  prior: ['prior', '上年'],
  change: ['change', '增减'],
  restates: ['restates', '重述'],
  basis: ['basis', '测算依据', '依据'],
  income: ['income', '收入'],
  expense: ['expense', '支出'],
  economic: ['economic', '经济分类'],
  functional: ['functional', '功能分类'],
  source: ['source', '来源'],
  detail: ['detail', '明细'],
};
const KEYWORDS = {
  // header statements
  'keyword.control.directive.jx': [...W.year, ...W.money, ...W.precision, ...W.scheme, ...W.title,
    ...W.include, ...W.form],
  // lint levels
  'keyword.control.directive.lint.jx': [...W.allow, ...W.warn, ...W.deny],
  // blocks and the items that open them
  'keyword.control.block.jx': [...W.extends, ...W.required, ...W.unit, ...W.rollup, ...W.plan,
    ...W.staff, ...W.budget, ...W.amount, ...W.by, ...W.project, ...W.indicators, ...W.summary,
    ...W.total, ...W.continued],
  // fields of units, plans and projects
  'keyword.other.field.jx': [...W.parent, ...W.duties, ...W.goal, ...W.owner, ...W.period,
    ...W.schedule, ...W.prior, ...W.change, ...W.restates, ...W.basis],
  // indicator kind
  'keyword.other.kind.jx': [...W.qualitative, ...W.quantitative],
  // indicator attributes
  'keyword.other.attribute.jx': [...W.explain, ...W.scoring, ...W.standard, ...W.weight, ...W.note],
};
// Only right after `goal`; not reserved elsewhere.
const GOAL_KINDS = [...W.term, ...W.annual];
// Built-in dimensions, only right after `by`.
const DIMENSIONS = [...W.income, ...W.expense, ...W.economic, ...W.functional, ...W.source,
  ...W.detail];
const CMP_SYMBOLS = ['>=', '≥', '≧', '＞＝', '＞=', '⩾', '=>', '》=', '》＝', '〉=', '<=', '≤',
  '≦', '＜＝', '＜=', '⩽', '=<', '《=', '《＝', '〈=', '!=', '≠', '==', '=', '＝', '>', '＞',
  '˃', '›', '》', '〉', '<', '＜', '˂', '‹', '《', '〈', '≈', '≒'];
const CMP_WORDS = ['大于等于', '大于或等于', '不低于', '不少于', '不小于', '至少', '小于等于',
  '小于或等于', '不高于', '不超过', '未超过', '不多于', '不大于', '至多', '不等于', '等于', '大于',
  '高于', '超过', '多于', '小于', '低于', '少于', '不足', '约等于'];
// END GENERATED KEYWORDS
const ALL_KEYWORDS = [].concat(...Object.values(KEYWORDS));
const LINT_KW = KEYWORDS['keyword.control.directive.lint.jx'];

// Built-in frameworks, after `scheme` / `extends`.
const SCHEMES = ['财预2020', '财预2021', '地方旧式'];
// Values of the `standard` attribute.
const STANDARDS = ['计划标准', '历史标准', '行业标准', '预算支出标准', '其他标准'];

// Tier names of the frameworks (docs/language.md, shared domain notes),
// with and without the trailing 指标.
const withZhibiao = (xs) => [].concat(...xs.map((x) => [x + '指标', x]));
const TIER1 = withZhibiao(['产出', '效益', '效果', '满意度']);
const TIER_EITHER = withZhibiao(['成本']); // 一级 in 财预2021, 二级 under 产出 before
const TIER2 = withZhibiao(['数量', '质量', '时效', '经济效益', '社会效益', '生态效益', '环境效益',
  '经济效果', '社会效果', '生态效果', '环境效果', '可持续影响', '服务对象满意度', '社会公众满意度',
  '社会公众或服务对象满意度', '社会公众及服务对象满意度', '经济成本', '社会成本', '生态环境成本']);
const ALL_TIERS = [...TIER1, ...TIER_EITHER, ...TIER2];

const RANGE_SEPS = ['..', '--', '~', '～', '—', '至'];
// Start of a number or date: not glued to a name on its left (but it may
// follow a comparison word directly: `大于等于10万公里`).
const NUM_START = `(?:(?<![^${WS}{}｛｝(（=＝${CMP_CHARS}:：~～—×*＊·/÷／+＋])|(?<=--|\\.\\.|[0-9０-９%％‰]至|` +
  CMP_WORDS.map((w) => `${HSP}${w}`).join('|') + '))';

// ------------------------------------------------------------ helpers
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\\/-]/g, '\\$&');
// An alternation, longest first so that a prefix never wins.
const alt = (xs) => '(?:' + [...new Set(xs)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(esc).join('|') + ')';
const word = (xs) => `${START}${alt(xs)}${END}`;

const KIND = alt(KEYWORDS['keyword.other.kind.jx']) + END;
const CMP = `(?:${alt(CMP_SYMBOLS)}|${alt(CMP_WORDS)})`;
const RANGE_SEP = alt(RANGE_SEPS);
const TIER_FOLLOW = `(?=${HSP}*(?:[{}｛｝|]|//|/\\*|$))`;
// A unit of measure after a number (measure_unit): not a range separator,
// a kind, a comparison or a keyword. It is not taken as a unit when it is
// followed by an amount (`人员经费 1.0  公用经费 2.0` is two breakdown
// lines) or by a comparison, a kind or `=` (then it is the next item's name).
const UNIT_WORD =
  `(?!${RANGE_SEP}|${KIND}|${CMP}|${alt(ALL_KEYWORDS)}${END})(?>(?:${UNIT_CHAR}|/(?![/*])|／)+)` +
  `(?!${HSP}*(?:[=＝]|${CMP}|${KIND})|${HSP}+[-－]?${DIGITS}|${HSP}+[-—－]${HSP}*(?:$|[{}｛｝]))`;

// ------------------------------------------------------------ rules
const repository = {
  comments: {
    patterns: [
      {
        name: 'comment.block.jx',
        begin: '/\\*',
        end: '\\*/',
        captures: { 0: { name: 'punctuation.definition.comment.jx' } },
      },
      {
        name: 'comment.line.double-slash.jx',
        match: '(//).*$',
        captures: { 1: { name: 'punctuation.definition.comment.jx' } },
      },
    ],
  },
  strings: {
    patterns: [
      {
        name: 'string.quoted.double.jx',
        begin: '"',
        end: '"',
        beginCaptures: { 0: { name: 'punctuation.definition.string.begin.jx' } },
        endCaptures: { 0: { name: 'punctuation.definition.string.end.jx' } },
        patterns: [{ name: 'constant.character.escape.jx', match: '\\\\.' }],
      },
      {
        name: 'string.quoted.double.fullwidth.jx',
        begin: '“',
        end: '”',
        beginCaptures: { 0: { name: 'punctuation.definition.string.begin.jx' } },
        endCaptures: { 0: { name: 'punctuation.definition.string.end.jx' } },
      },
      {
        name: 'string.quoted.other.corner.jx',
        begin: '「',
        end: '」',
        beginCaptures: { 0: { name: 'punctuation.definition.string.begin.jx' } },
        endCaptures: { 0: { name: 'punctuation.definition.string.end.jx' } },
      },
    ],
  },
  // `卫生整治费 10 = 20 次 × 0.5 万元/次`: a basis of calculation after an
  // amount, or after `=` when the rest of the line has arithmetic in it.
  formula: {
    patterns: [
      {
        name: 'meta.formula.jx',
        begin: `(?<=${DIGITS})${HSP}*([=＝])(?![=＝])`,
        beginCaptures: { 1: { name: 'keyword.operator.assignment.formula.jx' } },
        end: '(?=[{}｛｝]|//|/\\*|$)',
        patterns: [{ include: '#formula-body' }],
      },
      {
        name: 'meta.formula.jx',
        begin: `([=＝])(?![=＝])(?=(?:[^{}｛｝/\\n]|/(?![/*]))*?(?:[×÷＊*·+＋]|${HSP}[xX/／\\-－]${HSP}))`,
        beginCaptures: { 1: { name: 'keyword.operator.assignment.formula.jx' } },
        end: '(?=[{}｛｝]|//|/\\*|$)',
        patterns: [{ include: '#formula-body' }],
      },
    ],
  },
  'formula-body': {
    patterns: [
      { include: '#comments' },
      {
        match: `(${UNSIGNED})(${PERCENT})?`,
        captures: {
          0: { name: 'constant.numeric.jx' },
          2: { name: 'keyword.other.unit.percent.jx' },
        },
      },
      { name: 'punctuation.section.parens.begin.jx', match: '[(（]' },
      { name: 'punctuation.section.parens.end.jx', match: '[)）]' },
      { name: 'keyword.operator.arithmetic.jx', match: '[+＋\\-－×*＊·/÷／]' },
      { name: 'keyword.operator.arithmetic.jx', match: `(?<=[${WS}0-9０-９)）])[xX](?=[${WS}0-9０-９(（])` },
      { name: 'keyword.other.unit.jx', match: `${UNIT_CHAR}+` },
    ],
  },
  // `绩效管理联络员: "方小莉"`
  property: {
    match: `${ITEM_START}(${BARE}|${QUOTED})${HSP}*([:：])`,
    captures: {
      1: { name: 'support.type.property-name.jx', patterns: [{ include: '#strings' }] },
      2: { name: 'punctuation.separator.key-value.jx' },
    },
  },
  // `#1-1 201001 中共岳阳市委办公室 3,394.31`
  'summary-row': {
    match: `${ITEM_START}(#[^${WS}]+)(?:(${HSP}+)([0-9]+)(?=${HSP}))?`,
    captures: {
      1: { name: 'constant.other.serial.jx' },
      3: { name: 'constant.other.code.jx' },
    },
  },
  // `30101 基本工资 111.6768`: a code, then the line's name.
  'code-line': {
    match: `${ITEM_START}([0-9]+)(?=${HSP}+(?:[^${NOT_NAME}0-9０-９\\-－—/]|["“「]))`,
    captures: { 1: { name: 'constant.other.code.jx' } },
  },
  // `warn B001, B002` (the list may go on after a trailing comma)
  lint: {
    name: 'meta.directive.lint.jx',
    begin: word(LINT_KW),
    beginCaptures: { 0: { name: 'keyword.control.directive.lint.jx' } },
    end: '(?<![,，])$|(?=//|/\\*|[{}｛｝])',
    patterns: [
      { include: '#comments' },
      { name: 'constant.other.lint-code.jx', match: '(?<![A-Za-z0-9])(?:[A-Z]+[0-9]+|warnings)(?![A-Za-z0-9])' },
      { name: 'punctuation.separator.comma.jx', match: '[,，]' },
    ],
  },
  contextual: {
    patterns: [
      {
        // `goal annual "…"`, `目标 长期 "…"`
        match: `${START}(${alt(W.goal)})(${HSP}+)(${alt(GOAL_KINDS)})${END}`,
        captures: { 1: { name: 'keyword.other.field.jx' }, 3: { name: 'keyword.other.goal-kind.jx' } },
      },
      {
        // `by income {`, `按 经济分类 {`
        match: `${START}(${alt(W.by)})(${HSP}+)(${alt(DIMENSIONS)})${END}`,
        captures: { 1: { name: 'keyword.control.block.jx' }, 3: { name: 'support.constant.dimension.jx' } },
      },
      {
        // `scheme 财预2020`, `extends 财预2021`
        match: `${START}(${alt([...W.scheme, ...W.extends])})(${HSP}+)(${alt(SCHEMES)})${END}`,
        captures: { 1: { patterns: [{ include: '#keywords' }] }, 3: { name: 'support.constant.scheme.jx' } },
      },
      {
        // `standard 计划标准`
        match: `${START}(${alt(W.standard)})(${HSP}+)(${alt(STANDARDS)})${END}`,
        captures: { 1: { name: 'keyword.other.attribute.jx' }, 3: { name: 'support.constant.standard.jx' } },
      },
      {
        // `money 万元`
        match: `${START}(${alt(W.money)})(${HSP}+)(${BARE})`,
        captures: { 1: { name: 'keyword.control.directive.jx' }, 3: { name: 'keyword.other.unit.money.jx' } },
      },
    ],
  },
  // A keyword and the name it declares: `unit 201001 "…"`, `plan 城乡环境连片整治专项 {`.
  declarations: {
    patterns: [
      [W.unit, 'entity.name.type.unit.jx'],
      [W.project, 'entity.name.type.project.jx'],
      [W.plan, 'entity.name.type.plan.jx'],
      [W.amount, 'entity.name.type.amount.jx'],
      [W.summary, 'entity.name.type.summary.jx'],
      [W.scheme, 'entity.name.type.scheme.jx'],
      [W.extends, 'entity.name.type.scheme.jx'],
      [W.parent, 'entity.name.type.unit.jx'],
      [W.by, 'entity.name.type.dimension.jx'],
    ].map(([words, scope]) => ({
      match: `${START}(${alt(words)})(${HSP}+)(?:([0-9]+)(${HSP}+))?(?:(?!${alt(ALL_KEYWORDS)}${END})(${BARE})|(${QUOTED}))`,
      captures: {
        1: { patterns: [{ include: '#keywords' }] },
        3: { name: 'constant.other.code.jx' },
        5: { name: scope },
        6: { name: scope, patterns: [{ include: '#strings' }] },
      },
    })),
  },
  tiers: {
    patterns: [
      { name: 'entity.name.section.tier1.jx', match: `(?<![^${WS}{}｛｝|])${alt(TIER1)}${TIER_FOLLOW}` },
      { name: 'entity.name.section.tier.jx', match: `(?<![^${WS}{}｛｝|])${alt(TIER_EITHER)}${TIER_FOLLOW}` },
      { name: 'entity.name.section.tier2.jx', match: `(?<![^${WS}{}｛｝|])${alt(TIER2)}${TIER_FOLLOW}` },
    ],
  },
  keywords: {
    patterns: Object.entries(KEYWORDS).map(([scope, words]) => ({ name: scope, match: word(words) })),
  },
  // The name that starts an item (an indicator, a breakdown line, a group).
  // Taking it whole keeps a comparison word inside it (`超过期限数`) from
  // being read as a comparison.
  'item-name': {
    match: `${ITEM_START}(?!${alt(ALL_KEYWORDS)}${END}|${alt(ALL_TIERS)}${TIER_FOLLOW})(?![-－—]${END})(?![0-9０-９#])(${BARE})`,
    captures: { 1: { name: 'meta.name.jx' } },
  },
  comparison: {
    patterns: [
      { name: 'keyword.operator.comparison.jx', match: alt(CMP_SYMBOLS) },
      // In words, only after white space: a word inside a name is not one.
      { name: 'keyword.operator.comparison.jx', match: `(?<=[${WS}])${alt(CMP_WORDS)}` },
    ],
  },
  date: { name: 'constant.other.date.jx', match: `${NUM_START}${DATE}` },
  // A blank cell: `纳入一般公共预算管理的非税收入拨款 -`
  blank: {
    name: 'constant.language.blank.jx',
    match: `(?<=[${WS}])[-—－](?=${HSP}*(?:$|[{}｛｝]|//|/\\*))`,
  },
  // A number, a percentage, and the unit of measure after it: `9 个`,
  // `95%`, `95 %`, `1,056.40`, `１０５６．４０`, `500 元/人`.
  quantity: {
    match: `${NUM_START}(${NUMBER})(${PERCENT})?(?:(${HSP}*)(?:(${PERCENT})|(${UNIT_WORD})))?`,
    captures: {
      1: { name: 'constant.numeric.jx' },
      2: { name: 'constant.numeric.jx keyword.other.unit.percent.jx' },
      4: { name: 'keyword.other.unit.percent.jx' },
      5: { name: 'keyword.other.unit.jx' },
    },
  },
  range: {
    name: 'keyword.operator.range.jx',
    match: `(?<=[${WS}0-9０-９%％‰])${RANGE_SEP}(?=[${WS}0-9０-９])`,
  },
  punctuation: {
    patterns: [
      { name: 'punctuation.section.block.begin.jx', match: '[{｛]' },
      { name: 'punctuation.section.block.end.jx', match: '[}｝]' },
      { name: 'punctuation.separator.alias.jx', match: '\\|' },
      { name: 'punctuation.terminator.jx', match: '[;；]' },
    ],
  },
};

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'jixiao',
  scopeName: 'source.jx',
  fileTypes: ['jx'],
  comment: 'Generated by syntaxes/build-grammar.js from grammar/jixiao.pest; edit that script, not this file.',
  patterns: [
    '#comments', '#strings', '#formula', '#property', '#summary-row', '#code-line', '#lint', '#contextual',
    '#declarations', '#tiers', '#keywords', '#item-name', '#comparison', '#date', '#blank', '#quantity',
    '#range', '#punctuation',
  ].map((include) => ({ include })),
  repository,
};

const out = path.join(__dirname, 'jx.tmLanguage.json');
const text = JSON.stringify(grammar, null, 2) + '\n';
if (process.argv.includes('--check')) {
  const old = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
  if (old !== text) {
    console.error(`${path.relative(process.cwd(), out)} is stale: run \`npm run build\` in editors/vscode`);
    process.exit(1);
  }
} else {
  fs.writeFileSync(out, text);
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
}
