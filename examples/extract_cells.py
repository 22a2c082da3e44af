#!/usr/bin/env python3
"""Extract every cell of the published tables of seeds 001–003, for the test
that finds each of them in the checked model (tests/cells.rs).

Regenerate the data (from the repository root; Python 3, standard library
only; the seeds are read from ../shared/seeds/ unless a directory is given):

    python3 examples/extract_cells.py [SEEDS_DIR]

It writes data/cells.tsv in examples/yuntian-2023 (seed 001),
examples/shifeng-2020 (002) and examples/xiangyin-2023 (003), and prints on
stderr how many cells of each kind each seed has.

What a cell is. The seeds are text extracted from the published PDF or
Word files:

- 001 prints one cell per line, each line of a cell after a tab, a cell's
  further lines without one, and a blank line between rows;
- 002 and 003 print one row per line, its cells separated by tabs (a cell
  that wraps continues on the next line, without a tab before it).

Only the tables are read: 001's 编报说明 (its lines before the first table)
and 002's 第一部分 (before 第二部分 部门预算公开表格) are prose.

Which cells are data. A table's labels — its title, its column headers, the
labels of its rows (部门名称, 项目金额, 一级指标 …), the 合计 of a total row,
the 单位：万元 of its header — are the form, and are left out (LABELS below,
per seed). Every other non-blank cell is data, and the test must find it in
the model. A blank cell states nothing and is not listed.

How a cell is read. Each cell gives one or more atoms, each on a line of the
TSV, with the reading the test looks for:

- `figure`: a number, as written (`365. 55` is 365.55; `15万`, `60万元`,
  `≥98`, `98%以上`, `9/个`, `500元/人` are 15, 60, 98, 98, 9, 500): a number
  of the model written with the same digits;
- `date`, `period`: a date (2023年12月31日前 is 2023-12-31, the year's end
  2023年年底之前 is 2023) or a period (2023.01--2023.12 is 2023-01..2023-12):
  a date or a period of the model, or else the cell's text;
- `text`: the cell's text; the test compares texts without white space and
  without a leading serial (`一、`, `(1)`, `1.`, `1、`) or `其中：`;
- `choice`: one checkbox of a form: its label and whether it is ticked;
- `field`: a form field printed with its value in one cell (填报单位：…,
  the footer's 单位负责人签字：, 填表人：…, 联系电话：…): a property with that
  key and that value (blank when the cell is);
- `mark`: a cell reading 无 or 不适用.

A cell that lists several items reads as several atoms: two lines of a cell
that the table reads as two rows (001's 基本支出 / 项目支出 and their two
costs), a numbered list of 三级 names whose value cell lists as many values
(003's "1. 发布、办理公文数量 2. 各战线调研单位次数"), a goal cell of numbered
goals (目标1：… 目标2：…), a label with its figure (002's 一、基本支出
448.93), the 类/款/项 cells of a functional code (201 | 03 | 01 is 2010301),
an indicator cell that names its target and its value (002's 短信 10000 条,
通话时长 20000 分钟: 短信, 10000, 通话时长, 20000). A value cell gives its
figures only (the words around them say again what the name says). A 一级
cell's parenthetical guidance (产出指标（预期提供的公共产品或服务…）) is the
form's, and is left out. READINGS below gives, for the one malformed cell
the transcription had to read (2023/1/12月), the reading it chose.

Output: TSV with a header line; one line per atom: the cell's number (cells
are numbered in seed order), its seed line, the table it is in, the atom's
kind, its reading, and the cell as printed (tabs and line breaks written
\\t and \\n).
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEEDS = {
    "yuntian-2023": "001_19b52f3a39921f34.txt",
    "shifeng-2020": "002_79f57dc323052dcc.txt",
    "xiangyin-2023": "003_a2d9fc0868249441.txt",
}

NUMBER = r"\d+(?:[.．]\s*\d+)?"
# Units of measure and money the seeds write after a figure.
UNITS = ("%", "个", "次", "万元", "万", "元/人", "家", "件", "人", "分钟", "条", "年")
FIGURE = re.compile(
    r"^(?:[≥≤>˃<=＞＜]|大于等于|不少于|不低于)?\s*(" + NUMBER + r")\s*(?:/?\s*(?:"
    + "|".join(re.escape(u) for u in UNITS)
    + r"))?\s*(?:以上|以下)?$"
)
SPACE = re.compile(r"[\s\u3000\u00a0]+")


def squash(text):
    """The text without white space."""
    return SPACE.sub("", text)


def number_text(text):
    """A written number with the spaces the extraction put in removed."""
    return squash(text).replace("．", ".")


def escape(text):
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


# ------------------------------------------------------------ dates

CN_DATE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?(?:前|底)?$")
YEAR_END = re.compile(r"^(\d{4})\s*年\s*年?\s*[底末](?:之前|以前|前)?$")
DOT_DATE = re.compile(r"^(\d{4})\s*[./]\s*(\d{1,2})(?:\s*[./]\s*(\d{1,2}))?$")


def date(text):
    """A date written in one of the seeds' forms, as YYYY-MM(-DD), or None."""
    t = text.strip()
    for pat in (CN_DATE, DOT_DATE):
        m = pat.match(t)
        if m:
            y, mo, d = m.group(1), int(m.group(2)), m.group(3)
            if not 1 <= mo <= 12:
                return None
            return "%s-%02d" % (y, mo) + ("-%02d" % int(d) if d else "")
    m = re.match(r"^(\d{4})(\d{2})$", t)
    if m and 1 <= int(m.group(2)) <= 12:
        return "%s-%s" % (m.group(1), m.group(2))
    # The end of a year (2023年底, 2023年年底之前): the year.
    m = YEAR_END.match(t)
    if m:
        return m.group(1)
    return None


PERIOD_SEP = re.compile(r"\s*(?:--|-|—|～|~|至)\s*")


def period(text):
    """A period `A-B` (2023.01.01-2023.12.31, 2023年1月-12月, 202301-202312,
    2023.01--2023.12), as `start..end`, or None."""
    t = text.strip()
    m = re.match(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(?:-|—)\s*(\d{1,2})\s*月$", t)
    if m:
        return "%s-%02d..%s-%02d" % (m.group(1), int(m.group(2)), m.group(1), int(m.group(3)))
    parts = PERIOD_SEP.split(t)
    if len(parts) == 2:
        a, b = date(parts[0]), date(parts[1])
        if a and b:
            return "%s..%s" % (a, b)
    return None


# The readings the transcription chose for cells no rule can read.
READINGS = {
    # 003, 驻京联络维稳工作组 结束时间: "2023/1/12月", read as 2023年12月 after
    # its 项目起止时间 (2023年1月-12月).
    "2023/1/12月": ("date", "2023-12"),
    # 003's 时效 value "全年" (the whole year): the budget year, 2023.
    "全年": ("date", "2023"),
}


# ------------------------------------------------------------ atoms


class Cells:
    """The cells of one seed, numbered, each with its atoms."""

    def __init__(self):
        self.rows = []
        self.count = 0
        self.table = ""

    def add(self, line, text, atoms):
        if not atoms:
            return
        self.count += 1
        for kind, reading in atoms:
            self.rows.append((self.count, line, self.table, kind, reading, text))


def figures_of(text):
    """The figures of a value cell (`445.40万元\\n611.00万元`, `1、办理公文数量
    780次 2. 各战线调研单位约220次`): its numbers that are not serials."""
    out = []
    for m in re.finditer(r"(?<![\d.])(" + NUMBER + r")(?![\d.、])", text):
        before = text[: m.start()].rstrip()
        after = text[m.end():]
        # A serial: `1、`, `1.` followed by a space or text, at the start of
        # the cell or of an item.
        if re.match(r"^\s*[、.]\s*\D", after) and (not before or before.endswith(("：", " "))):
            continue
        out.append(("figure", number_text(m.group(1))))
    return out


def read_cell(text, value_cell=False):
    """The atoms of one data cell."""
    t = text.strip()
    if not t:
        return []
    if t in READINGS:
        return [READINGS[t]]
    if t in ("无", "不适用"):
        return [("mark", t)]
    # A telephone number is a text.
    if re.match(r"^\d{7,}$", t):
        return [("text", t)]
    m = FIGURE.match(t)
    if m:
        return [("figure", number_text(m.group(1)))]
    p = period(t)
    if p:
        return [("period", p)]
    d = date(t)
    if d:
        return [("date", d)]
    if value_cell and re.search(r"\d", t) and not re.search(r"[年月日]", t):
        figs = figures_of(t)
        if figs:
            return figs
    return [("text", t)]


def numbered(text):
    """The items of a numbered list (`1. A 2. B`, `1、A2、B`), or None."""
    parts = re.split(r"(?:^|\s|(?<=[^\d]))(\d)\s*[.、．]\s*", text.strip())
    if len(parts) < 5 or parts[0].strip():
        return None
    items = [parts[i + 1].strip() for i in range(1, len(parts), 2)]
    serials = [parts[i] for i in range(1, len(parts), 2)]
    if serials != [str(i + 1) for i in range(len(serials))]:
        return None
    return items


# ------------------------------------------------------------ 001

LABELS_001 = {
    "2023年部门整体支出绩效目标表", "金额：万元", "部门名称", "年度预算申请（万元）",
    "按收入性质分", "按支出性质分", "部门职责概述", "年度重点工作计划", "事项",
    "责任单位/科室", "工作目标", "年度绩效指标", "一级指标", "二级指标", "三级指标",
    "指标值及单位", "附表2", "附表3", "2023年区级专项资金绩效目标汇总表",
    "金额单位：万元", "序号", "名称", "金额", "实施期绩效目标", "年度绩效目标", "合计",
    "2023年区级专项资金支出方向绩效目标表", "支出方向（子项）", "所属专项", "项目金额",
    "项目实施期", "绩效标准", "支出明细及测算说明", "支出内容简介", "支出明细",
    "支出测算依据及过程说明",
}

FIELD = re.compile(r"(填报单位|单位负责人签字|填表人|联系电话)：(?:（盖章）)?")


def fields(text):
    """A cell of form fields `KEY：VALUE`, as field atoms `KEY=VALUE`."""
    out = []
    matches = list(FIELD.finditer(text))
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        out.append(("field", "%s=%s" % (m.group(1), squash(text[m.end():end]))))
    return out


def seed_001(lines):
    """Cells are lines after a tab; a line without one continues the cell
    before it; a blank line ends a row."""
    cells = Cells()
    raw = []  # (line, text) of each cell, in order
    start = next(i for i, l in enumerate(lines) if "部门整体支出绩效目标表" in l and "\t" in l)
    for n, line in enumerate(lines[start:], start + 1):
        line = line.rstrip("\n")
        if re.match(r"^\s*\t", line):
            raw.append([n, line.split("\t", 1)[1]])
        elif line.strip() and raw:
            # A cell's further line; blank lines inside the cell (the
            # footer's 单位负责人签字： … 填表人：) do not end its row.
            while raw[-1][1] is None:
                raw.pop()
            raw[-1][1] += "\n" + line
        elif not line.strip():
            raw.append([n, None])  # end of a row
    rows, row = [], []
    for n, text in raw:
        if text is None:
            if row:
                rows.append(row)
            row = []
        else:
            row.append((n, text))
    if row:
        rows.append(row)
    for row in rows:
        for i, (n, text) in enumerate(row):
            key = squash(text)
            if not key or key in LABELS_001:
                if key.endswith("绩效目标表"):
                    cells.table = key
                continue
            if FIELD.search(text):
                cells.add(n, text, fields(text))
                continue
            m = re.match(r"^资金总额：\s*(" + NUMBER + r")$", key)
            if m:
                cells.add(n, text, [("figure", m.group(1))])
                continue
            lines_of = [l for l in text.split("\n") if l.strip()]
            # Lines that the table reads as rows: 三级 names beside a value
            # cell of as many lines, and those values.
            def count(j):
                if 0 <= j < len(row):
                    return len([l for l in row[j][1].split("\n") if l.strip()])
                return 0
            if len(lines_of) > 1 and len(lines_of) in (count(i - 1), count(i + 1)):
                cells.add(n, text, [a for l in lines_of for a in read_cell(l)])
                continue
            cells.add(n, text, read_cell(text))
    return cells


# ------------------------------------------------------------ 002

# Titles and header lines, and the words of header rows. A row whose cells
# are all labels is a header row; in other rows, only ROW_LABELS_002 are the
# form's (the same words name data rows elsewhere: 工资福利支出 is a column
# of 附件11 and a line of 附件17).
LABELS_002 = {
    "第二部分", "部门预算公开表格", "部门收支总表", "部门收入总表", "部门支出总表",
    "部门支出预算明细表", "基本支出－工资福利支出", "基本支出—单位运转经费支出",
    "基本支出－对个人和家庭的补助", "项目支出预算明细表", "一般公共预算“三公”经费支出表",
    "财政拨款收支总表", "2020年一般公共预算支出情况表", "一般公共预算基本支出－工资福利支出",
    "一般公共预算基本支出－一般商品和服务支出", "一般公共预算基本支出－对个人和家庭的补助",
    "政府性基金拨款部门支出总表（分类）", "纳入专户管理的非税收收入拨款部门支出总表（分类）",
    "[illegible]", "2020年一般公共预算基本支出情况表", "绩效目标申报表",
    "2020年部门整体支出绩效申报表", "2020年区级专项资金预算绩效目标汇总表",
    "2020年区级专项资金支出方向绩效目标表", "单位:万元", "单位：万元",
    "单位名称：株洲市石峰区人民政府办公室", "单位名称：株洲市石峰区人民政府办公室单位：万元",
    # header rows
    "收入", "支出", "项目", "本年预算", "总计", "一般公共预算拨款", "政府性基金拨款",
    "纳入专户管理的非税收入拨款", "其他收入", "上年结转", "科目", "科目编码", "科目名称",
    "类", "款", "项", "合计", "部门经济科目编码", "部门经济科目名称", "预算金额",
    "经济科目代码", "经济科目名称", "项目名称", "资金来源", "财政全额拨款",
    "纳入预算管理的非税收入拨款", "专项收入拨款", "其他收入拨款", "财政专户管理的非税收入拨款",
    "一般公共预算", "政府性基金预算", "功能科目", "基本支出", "项目支出", "工资福利支出",
    "一般商品和服务支出", "对个人和家庭的补助", "专项商品和服务支出", "对企事业单位的补贴",
    "债务利息支出", "资本性支出", "其他支出", "对社会保障基金补助", "经济科目", "人员经费",
    "公用经费", "**", "1", "2", "3", "序号", "专项支出名称", "支出方向", "资金总额",
    "实施期绩效目标", "年度绩效目标", "主管部门", "所属专项名称", "专项实施期",
    "支出方向年度金额", "绩效指标", "产出指标", "效益指标", "数量指标", "质量指标",
    "时效指标", "成本指标", "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标",
}
ROW_LABELS_002 = {
    "合计", "收入总计", "支出总计", "本年收入合计", "本年支出合计", "部门名称", "年度预算申请",
    "资金总额:", "按支出性质分:", "整体绩效目标", "部门整体支出年度绩效指标",
}


def seed_002(lines):
    cells = Cells()
    start = next(i for i, l in enumerate(lines) if l.strip() == "第二部分" and i > 200)
    in_indicators_table = False
    for n, line in enumerate(lines[start:], start + 1):
        line = line.rstrip("\n")
        if not line.strip():
            continue
        if "\t" not in line:
            key = squash(line)
            if re.match(r"^附件\d+$", key) or key.endswith("表") or key.endswith("表（分类）"):
                cells.table = key
            if key in LABELS_002 or re.match(r"^附件\d+$", key):
                continue
            m = re.match(r"^说明：(.*)$", line.strip())
            if m:
                cells.add(n, line, [("text", m.group(1))])
                continue
            raise SystemExit("002 line %d: not a known label: %r" % (n, line))
        if cells.table == "2020年区级专项资金支出方向绩效目标表":
            in_indicators_table = True
        raw = [c.strip() for c in line.split("\t")]
        # A functional code in 类 | 款 | 项 cells (201 | 03 | 01) is one code.
        if len(raw) > 3 and re.match(r"^\d{3}$", raw[0]) and all(
                re.match(r"^(\d{2})?$", c) for c in raw[1:3]):
            code = "".join(raw[:3])
            cells.add(n, "\t".join(raw[:3]), [("text", code)])
            raw = raw[3:]
        # An economic code (301, 30101) before its name.
        if len(raw) > 1 and re.match(r"^\d{3}(\d{2})*$", raw[0]) and not re.match(r"^[\d.\s]*$", raw[1]):
            cells.add(n, raw[0], [("text", raw[0])])
            raw = raw[1:]
        # The 序号 of the 汇总表.
        if cells.table == "2020年区级专项资金预算绩效目标汇总表" and re.match(r"^\d+$", raw[0]):
            cells.add(n, raw[0], [("text", raw[0])])
            raw = raw[1:]
        if all(not squash(c) or squash(c) in LABELS_002 for c in raw):
            continue  # a header row
        for col, cell in enumerate(raw):
            t = cell.strip()
            key = squash(t)
            if not key or key in ROW_LABELS_002:
                continue
            # A label with its figure: 一、基本支出 448.93, 支 出 总 计 508.93.
            m = re.match(r"^(.*\D)\s+(" + NUMBER + r")\s*(万元)?$", t)
            if m and not FIGURE.match(t):
                label = squash(m.group(1)).rstrip(":：")
                atoms = [] if _strip_serial(label) in ROW_LABELS_002 else [("text", label)]
                atoms.append(("figure", number_text(m.group(2))))
                cells.add(n, t, atoms)
                continue
            # 附件3's indicator columns follow its seven columns 主管部门 …
            # 年度绩效目标.
            if in_indicators_table and col >= 7:
                cells.add(n, t, indicator_cell(t))
                continue
            # The row labels of the 申报表 that name its lines (其中: 基本支出:).
            m = re.match(r"^(?:其中:\s*)?(.*?):$", t)
            if m:
                cells.add(n, t, [("text", m.group(1))])
                continue
            cells.add(n, t, read_cell(t))
    return cells


def _strip_serial(text):
    return re.sub(r"^(?:其中[：:]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．])", "", text)


def indicator_cell(t):
    """A cell of 002's 附件3 indicator columns: a text, or targets written
    `NAME QUALIFIER? NUMBER UNIT` (短信 10000 条, 每月开展督查不少于 3 次,
    社会公众综合满意度达到 100%), each a name and a figure."""
    if FIGURE.match(t):
        return read_cell(t)
    out = []
    for item in re.split(r"\s*[,，]\s*", t):
        m = re.match(r"^(.+?)(?:达到|不少于)?\s*(" + NUMBER + r")\s*(%|条|分钟|次)$", item)
        if m:
            out += [("text", m.group(1)), ("figure", number_text(m.group(2)))]
        else:
            return [("text", t)]
    return out


# ------------------------------------------------------------ 003

LABELS_003 = {
    "项目基本情况", "项目名称", "项目属性", "主管部门", "项目起止时间", "项目负责人",
    "联系电话", "绩效管理联络员", "项目类型", "项目概况", "项目立项依据", "项目资金情况",
    "项目资金申请（万元）", "项目", "上年度安排资金", "本年度申请资金", "合计",
    "支出明细预算（万元）", "测算依据及说明", "单位已有的（或拟订的）保障项目实施的制度、措施",
    "项目年度实施进度计划", "项目实施内容", "开始时间", "结束时间", "项目年度绩效目标情况",
    "长期绩效目标", "本年度绩效目标", "项目年度绩效指标", "一级指标", "二级指标", "三级指标",
    "指标值", "其他说明的问题", "财政部门审核意见", "附件1", "部门基本信息", "预算单位",
    "人员编制数", "实有人数", "部门职能职责概述", "单位年度收入预算（万元）", "收入合计",
    "单位年度支出预算（万元）", "支出合计", "其中", "三公经费预算（万元）", "年度整体支出目标",
    # the 整体支出 table's labels, printed one character a line (部门整体支出年度绩效指标,
    # 财政部门审核意见) and read back out of order
    "部年门度整体效支指出标", "年度绩效指标部门整体支出", "财政核审部门意见", "本年度绩效目",
}
TITLE_003 = re.compile(r"^2023年度湘阴县人民政府办公室.*申报表$")


def seed_003(lines):
    cells = Cells()
    rows = []
    for n, line in enumerate(lines, 1):
        line = line.rstrip("\n")
        if not line.strip():
            continue
        rows.append((n, line))
    in_detail = False
    for k, (n, line) in enumerate(rows):
        key = squash(line)
        # The rows of 支出明细预算 start with their 项目 (a name, "1", "2" …).
        if "支出明细预算" in key:
            in_detail = True
        elif key.startswith("单位已有的"):
            in_detail = False
        if "\t" not in line:
            if TITLE_003.match(key):
                cells.table = key
                continue
            if key in LABELS_003:
                continue
            m = re.match(r"^(填报单位)（盖章）：(.*)$|^(单位负责人)：(.*)$", key)
            if m:
                k_, v = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
                cells.add(n, line, [("field", "%s=%s" % (k_, v))])
                continue
        raw = line.split("\t")
        first = True
        for i, cell in enumerate(raw):
            t = cell.strip()
            key = squash(t)
            if not key:
                continue
            if key in LABELS_003:
                first = False
                continue
            if in_detail and first and "支出明细预算" not in key:
                first = False
                cells.add(n, t, [("text", t)])
                continue
            first = False
            # A 一级 cell's parenthetical guidance is the form's.
            m = re.match(r"^(产出指标|效益指标)（预期.*）$", key)
            if m:
                cells.add(n, t, [("text", m.group(1))])
                continue
            if "<input" in t:
                cells.add(n, t, choices(t))
                continue
            if re.match(r"^目标1：", t):
                goals = re.split(r"\s*(?=目标\d：)", t)
                cells.add(n, t, [("text", g) for g in goals if g.strip()])
                continue
            # A numbered list of 三级 names whose value cell (the next) lists as
            # many values reads as that many names.
            items = numbered(t)
            if items is not None:
                value = raw[i + 1].strip() if i + 1 < len(raw) else ""
                values = numbered(value)
                if values is not None and len(values) == len(items):
                    cells.add(n, t, [("text", x) for x in items])
                    continue
            # A value cell that lists its values (1、…780次 2. …约220次) gives
            # its figures.
            cells.add(n, t, read_cell(t, value_cell=items is not None))
    return cells


def choices(t):
    """`新增项目 <input type="checkbox"/>`, `延续项目 <input checked=… />`:
    each label (serial and 其中： dropped) and whether it is ticked."""
    out = []
    for m in re.finditer(r"([^<>]*?)\s*<input([^>]*)/>", t):
        label = re.sub(r"^\s*(?:\d\.\s*|其中：)", "", m.group(1)).strip()
        checked = re.search(r"\bchecked\b", m.group(2)) is not None
        out.append(("choice", "%s=%d" % (squash(label), 1 if checked else 0)))
    return out


# ------------------------------------------------------------ main


def main(argv):
    seeds_dir = argv[1] if len(argv) > 1 else os.path.normpath(
        os.path.join(HERE, "..", "..", "shared", "seeds"))
    for example, name in SEEDS.items():
        with open(os.path.join(seeds_dir, name), encoding="utf-8") as f:
            lines = f.readlines()
        cells = {"yuntian-2023": seed_001, "shifeng-2020": seed_002,
                 "xiangyin-2023": seed_003}[example](lines)
        out_dir = os.path.join(HERE, example, "data")
        os.makedirs(out_dir, exist_ok=True)
        with open(os.path.join(out_dir, "cells.tsv"), "w", encoding="utf-8", newline="\n") as out:
            out.write("cell\tseed_line\ttable\tkind\treading\ttext\n")
            for c, n, table, kind, reading, text in cells.rows:
                out.write("%d\t%d\t%s\t%s\t%s\t%s\n" % (c, n, table, kind, escape(reading), escape(text)))
        kinds = {}
        for row in cells.rows:
            kinds[row[3]] = kinds.get(row[3], 0) + 1
        sys.stderr.write("%s: %d cells, %d atoms (%s)\n" % (
            example, cells.count, len(cells.rows),
            ", ".join("%s %d" % kv for kv in sorted(kinds.items()))))


if __name__ == "__main__":
    main(sys.argv)
