#!/usr/bin/env python3
# Regenerate data/units.tsv (from the repository root): python3 examples/yueyang-2024/data/extract_units.py [SEED]
"""Extract the unit row of every unit table of seed 004 (岳阳市2024年市本级部门预算整体支出绩效目标).

Regenerate the data (from the repository root; the seed path is optional):

    python3 examples/yueyang-2024/data/extract_units.py [SEED]

It writes examples/yueyang-2024/data/units.tsv (next to this script) and prints
a short account on stderr. Standard library only. Without SEED it reads
../shared/seeds/004_c64bdeb09813d8b2.txt relative to the repository root (or to
the working directory).

What it reads. Each 整体支出绩效目标表 has a three-line header (单位编码, 单位名称,
年度预算申请 / 资金总额, 按收入性质分, 按支出性质分 / 一般公共预算, 政府性基金拨款,
财政专户管理资金, 其他资金, 基本支出, 项目支出) and one unit row: the line whose
first cell is the 6-digit unit code (printed "201001", or wrapped as "2130 01").
The row gives the name, the 资金总额 and the parts by income and by expense
nature, then the goal and the first indicator. One table (23, 水文) is printed
one cell per line ("3990" / "06" / name pieces / figures).

The text is PDF extraction: cells are tab-separated, but blank cells are
sometimes kept and sometimes dropped, so a figure's column cannot always be
read from its position. The rules, in order:

1. The first figure after the name is 资金总额. The cell right after it is read
   as 一般公共预算 (where it is blank the row keeps the blank, table 14.3).
2. A row printed at full width — its last figure stands where the header puts
   项目支出 (one cell after 按支出性质分, counted from 资金总额) — is read by
   position: 基本支出 and 项目支出 are its last two cells.
3. Otherwise (blank cells dropped) the figures after 一般公共预算 are, in order,
   the expense parts when 一般公共预算 equals the total: two figures are
   基本支出 and 项目支出 (the extraction keeps the order of cells), none means
   both are blank.
4. Anything else cannot be decided: a single expense figure in a row with
   dropped cells (基本支出 or 项目支出?), an income figure other than
   一般公共预算, the one-cell-per-line table. Such a row is written with what is
   certain, the undecided cells left empty, `?` in the confidence column and
   the reason in the note.

Output: TSV, one line per unit table in seed order, with a header line. Amounts
keep their written form (thousands separators included); a blank cell is
empty. Columns: code, name (the 单位名称 cell of the unit row, wrapped pieces
joined), table (the serial in the table's title), 资金总额, 一般公共预算,
政府性基金拨款, 财政专户管理资金, 其他资金, 基本支出, 项目支出, confidence (`ok`,
or `?` when an empty cell means "not decided" rather than "blank"),
seed_line (the unit row), note.
"""
import os
import re
import sys

from seed import find_seed

OUTPUT = "units.tsv"
COLUMNS = ["code", "name", "table", "资金总额", "一般公共预算", "政府性基金拨款",
           "财政专户管理资金", "其他资金", "基本支出", "项目支出", "confidence",
           "seed_line", "note"]

TITLE = re.compile(r"^(\d+)\s*(?:[.\-]\s*(\d+))?\.?\s*(\S.*?)整体支出绩效目")
CODE = re.compile(r"^(\d{4}) ?(\d{2})$")
NUMBER = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")


def value(text):
    """The value of a written amount, in cents (exact)."""
    whole, _, frac = text.replace(",", "").partition(".")
    frac = (frac + "00")[:2] if len(frac) <= 2 else None
    if frac is None:
        raise ValueError("more than two decimals: %r" % text)
    sign = -1 if whole.startswith("-") else 1
    return sign * (abs(int(whole)) * 100 + int(frac))


def header_width(line):
    """For the header line 资金总额 / 按收入性质分 / 按支出性质分: the offset from
    资金总额 at which a full-width row prints 项目支出."""
    cells = [c.replace(" ", "") for c in line.split("\t")]
    total = [i for i, c in enumerate(cells) if c == "资金总额"]
    expense = [i for i, c in enumerate(cells) if c == "按支出性质分"]
    if not total or not expense:
        return None
    return expense[0] - total[0] + 2


def read_figures(cells):
    """(offset, text) of the figures at the start of `cells`: blank cells count,
    the first other cell ends them. Offset 0 is 资金总额."""
    figures = []
    for offset, cell in enumerate(cells):
        cell = cell.strip()
        if not cell:
            continue
        if not NUMBER.match(cell):
            break
        figures.append((offset, cell))
    return figures


def assign(figures, width):
    """Map a row's figures to the columns. Returns (row dict, confident, note)."""
    row = {}
    notes = []
    if not figures or figures[0][0] != 0:
        return row, False, "no 资金总额 figure"
    total = figures[0][1]
    row["资金总额"] = total
    rest = figures[1:]
    if rest and rest[0][0] == 1:
        row["一般公共预算"] = rest[0][1]
        rest = rest[1:]
    last = figures[-1][0]
    if width is not None and last == width:
        # full width: read by position
        by_offset = dict(rest)
        if width - 1 in by_offset:
            row["基本支出"] = by_offset.pop(width - 1)
        if width in by_offset:
            row["项目支出"] = by_offset.pop(width)
        if by_offset:
            notes.append("figures %s stand between the income and expense columns"
                         % ", ".join(by_offset.values()))
            return row, False, "; ".join(notes)
        if "一般公共预算" not in row:
            notes.append("一般公共预算 blank (the row keeps the blank cell)")
        if "基本支出" not in row or "项目支出" not in row:
            notes.append("one expense figure, placed by position (full-width row)")
    else:
        gp = row.get("一般公共预算")
        if gp is None or value(gp) != value(total):
            return row, False, ("income other than one 一般公共预算 figure equal to the total: "
                                "columns cannot be told (figures after it: %s)"
                                % (", ".join(t for _, t in rest) or "none"))
        if len(rest) == 2:
            row["基本支出"], row["项目支出"] = rest[0][1], rest[1][1]
        elif not rest:
            notes.append("no expense figure printed")
        else:
            return row, False, ("%d expense figure(s) (%s) in a row whose blank cells are "
                                "dropped: 基本支出 or 项目支出 cannot be told"
                                % (len(rest), ", ".join(t for _, t in rest)))
    # arithmetic is reported, not corrected: a defect of the document stays
    income = sum(value(row[c]) for c in COLUMNS[4:8] if c in row)
    expense = sum(value(row[c]) for c in COLUMNS[8:10] if c in row)
    t = value(total)
    if income and income != t:
        notes.append("income parts do not add up to the total")
    if expense and expense != t:
        notes.append("expense parts do not add up to the total")
    return row, True, "; ".join(notes)


def vertical(lines, i):
    """The one-cell-per-line table: code on lines i, i+1, then the name pieces
    up to a blank line, then the figures (one per line, blank lines between)."""
    code = lines[i].strip() + lines[i + 1].strip()
    j = i + 2
    name = []
    while j < len(lines) and lines[j].strip():
        name.append(lines[j].strip())
        j += 1
    figures = []
    while j < len(lines):
        cell = lines[j].strip()
        if cell:
            if not NUMBER.match(cell):
                break
            figures.append(cell)
        j += 1
    return code, "".join(name), figures


def extract(lines):
    units = []
    table = ""
    width = None
    i = 0
    while i < len(lines):
        line = lines[i].rstrip("\n")
        m = TITLE.match(line)
        if m and "\t" not in line:
            table = m.group(1) + ("." + m.group(2) if m.group(2) else "")
            width = None
        elif "按收入性质分" in line and "按支出性质分" in line:
            width = header_width(line)
        cells = line.split("\t")
        m = CODE.match(cells[0].strip())
        if m and len(cells) > 2:
            row, confident, note = assign(read_figures(cells[2:]), width)
            units.append(dict(row, code=m.group(1) + m.group(2),
                              name=cells[1].replace(" ", "").strip(), table=table,
                              confidence="ok" if confident else "?",
                              seed_line=str(i + 1), note=note))
            table, width = "", None
        elif (re.match(r"^\d{4}$", line.strip()) and i + 1 < len(lines)
              and re.match(r"^\d{2}$", lines[i + 1].strip())):
            code, name, figures = vertical(lines, i)
            row = {"资金总额": figures[0]} if figures else {}
            units.append(dict(row, code=code, name=name, table=table, confidence="?",
                              seed_line=str(i + 1),
                              note="one cell per line: the figures %s have lost their "
                                   "columns; only 资金总额 (the first) is certain"
                                   % ", ".join(figures)))
            table, width = "", None
        i += 1
    return units


def main(argv):
    with open(find_seed(argv), encoding="utf-8") as f:
        units = extract(f.readlines())
    out_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), OUTPUT)
    with open(out_path, "w", encoding="utf-8", newline="\n") as out:
        out.write("\t".join(COLUMNS) + "\n")
        for u in units:
            out.write("\t".join(u.get(c, "") for c in COLUMNS) + "\n")
    unsure = [u["code"] for u in units if u["confidence"] != "ok"]
    sys.stderr.write("%d unit rows written to %s; %d marked ? (%s)\n"
                     % (len(units), out_path, len(unsure), ", ".join(unsure)))


if __name__ == "__main__":
    main(sys.argv)
