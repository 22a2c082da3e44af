#!/usr/bin/env python3
"""Extract the summary table of seed 004 (岳阳市2024年市本级部门预算整体支出绩效目标).

The table "59个部门预算申报的184个整体支出绩效目标资金表" lists every unit with a
serial number (1, 1-1, 1-2, ...), its name and its income total (万元). In the
PDF extraction it is printed over several pages, each page repeating the
header row 序号/单位名称/收入金额（万元）, and it ends with a 合计 row.

Usage (from the repository root, or give the seed path as the first argument):

    python3 examples/yueyang-2024/data/extract_summary.py [SEED] > examples/yueyang-2024/data/summary-rows.tsv

Output: TSV with a header line `serial<TAB>name<TAB>amount`, one line per row
as published (amounts keep their written form, thousands separators included),
and a last line `合计<TAB><TAB>AMOUNT`. Standard library only.
"""
import re
import sys

from seed import find_seed

TITLE = "59个部门预算申报的184个整体支出绩效目标资金表"
ROW = re.compile(r"^(\d+(?:-\d+)?)\t([^\t]+)\t([0-9][0-9,]*(?:\.[0-9]+)?)\s*$")
TOTAL = re.compile(r"^合计\t+([0-9][0-9,]*(?:\.[0-9]+)?)\s*$")
HEADER = re.compile(r"^序号\t单位名称\t收入金额")


def extract(lines):
    rows, total = [], None
    inside = False
    for number, line in enumerate(lines, 1):
        line = line.rstrip("\n")
        if not inside:
            inside = line.strip() == TITLE
            continue
        if not line.strip() or HEADER.match(line):
            continue
        m = TOTAL.match(line)
        if m:
            total = m.group(1)
            break
        m = ROW.match(line)
        if not m:
            sys.exit("line %d: not a summary row: %r" % (number, line))
        rows.append((m.group(1), m.group(2).strip(), m.group(3)))
    if total is None:
        sys.exit("summary table or its 合计 row not found")
    return rows, total


def main(argv):
    with open(find_seed(argv), encoding="utf-8") as f:
        rows, total = extract(f.readlines())
    out = sys.stdout
    out.write("serial\tname\tamount\n")
    for serial, name, amount in rows:
        out.write("%s\t%s\t%s\n" % (serial, name, amount))
    out.write("合计\t\t%s\n" % total)
    # A cross-check on stderr (it does not change the data). A top-level row
    # whose sub-rows (N-1, N-2, …) add up to it exactly is a rollup (系统) of
    # them; the published 合计 should be the sum of all rows except those.
    cents = lambda a: round(float(a.replace(",", "")) * 100)
    rollups = []
    for serial, name, amount in rows:
        if "-" in serial:
            continue
        subs = [cents(a) for s, _, a in rows if s.startswith(serial + "-")]
        if subs and sum(subs) == cents(amount):
            rollups.append(serial)
    net = sum(cents(a) for s, _, a in rows if s not in rollups)
    sys.stderr.write("%d rows; rollup rows %s; sum of the other rows %.2f; published 合计 %s\n"
                     % (len(rows), ", ".join(rollups) or "none", net / 100, total))

if __name__ == "__main__":
    main(sys.argv)
