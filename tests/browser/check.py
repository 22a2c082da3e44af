#!/usr/bin/env python3
"""Checks jixiao's outputs with independent readers (run by run.sh).

- JSON: every example's model validates against
  schema/jixiao-model.v1.schema.json (python `jsonschema`, draft 2020-12),
  and the validator does reject a model with a float amount.
- CSV: read back by Python's csv module (with the BOM `--bom` writes); every
  indicator of the JSON model is found with its value and comparison, every
  budget line has its row, no cell can run as an Excel formula.
- HTML: rendered by headless Chromium; the rendered DOM has, per unit, as
  many indicator rows as the model has indicators, 一级 and 二级 cells merged
  with rowspan over exactly those rows, markup in names shown as text; a
  screenshot of one table is saved to target/ci-artifacts/; print to PDF
  gives one A4 landscape page per unit for tests/browser/fixtures/pages.jx.
- XLSX: opened by `openpyxl`; one sheet per unit and summary, the 一级 cells
  merged over their rows, 资金总额 a number formatted #,##0.00, frozen panes.
- The reviewer's report (`--format report`, in Chinese): rendered by
  Chromium, a row for every finding of the JSON model with an empty 审核意见
  cell, a screenshot of its first page; one A4 landscape PDF; its workbook
  opened by `openpyxl`, every finding numbered once.

The outputs are built with `--lang en` (the CSV header keys are English),
the report with `--lang zh`.

Prints one line per failed check and a last line `N passed, M failed`.
"""

import csv
import glob
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from decimal import Decimal
from html.parser import HTMLParser

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
os.chdir(ROOT)
# Cargo builds into $CARGO_TARGET_DIR when it is set.
TARGET = os.path.join(ROOT, os.environ.get("CARGO_TARGET_DIR", "target"))
BIN = os.path.join(TARGET, "debug", "jixiao")
ART = os.path.join(ROOT, "target", "ci-artifacts")
OUT = os.path.join(ART, "outputs")
EXAMPLES = ["yuntian-2023", "shifeng-2020", "xiangyin-2023", "yueyang-2024"]
FIXTURES = ["escape", "pages"]
SOURCES = {**{e: f"examples/{e}" for e in EXAMPLES},
           **{f: f"tests/browser/fixtures/{f}.jx" for f in FIXTURES}}

passed = 0
failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {what}")
    return ok


# ------------------------------------------------------------ building


def build(fmt, extra=(), lang="en"):
    os.makedirs(OUT, exist_ok=True)
    args = [BIN, "--lang", lang, "build", *SOURCES.values(), "--format", fmt, "-o", OUT, *extra]
    r = subprocess.run(args, capture_output=True, text=True)
    # 1 means the documents have error-level findings: the output is written.
    check(r.returncode in (0, 1), f"jixiao build --format {fmt}: status {r.returncode}\n{r.stderr[-2000:]}")


# ------------------------------------------------------------ the model, walked


def units_of(model):
    return model["units"]


def leaves(nodes):
    """Indicators of a tree, depth first."""
    for n in nodes:
        if "indicator" in n:
            yield n
        else:
            yield from leaves(n["children"])


def grid_rows(nodes):
    """Rows of an indicator grid: one per indicator, one per empty tier."""
    count = 0
    for n in nodes:
        if "indicator" in n:
            count += 1
        elif not n["children"]:
            count += 1
        else:
            count += grid_rows(n["children"])
    return count


def regular(nodes):
    """Every top node is a group of groups (一级 → 二级 → indicators)."""
    return all("tier" in n and n["children"] and all("tier" in c for c in n["children"])
               for n in nodes)


def expected_tier1(nodes):
    """(一级 name, rows) of a regular tree."""
    return [(n["tier"], grid_rows(n["children"])) for n in nodes]


def number_text(num):
    return "" if num is None else num["value"]


def value_text(v):
    if v is None:
        return ""
    if "quantity" in v:
        return number_text(v["quantity"]["number"])
    if "range" in v:
        a, b = v["range"]
        ua, ub = a["unit"] or "", b["unit"] or ""
        if ua == ub or not ua:
            return f"{number_text(a['number'])}-{number_text(b['number'])}"
        return f"{number_text(a['number'])}{ua}-{number_text(b['number'])}{ub}"
    if "date" in v:
        return v["date"]
    if "mark" in v:
        return {"none": "无", "not_applicable": "不适用"}[v["mark"]]
    return v["text"]


def numbers_in(text):
    """The figures of a cell as written (full-width digits, separators)."""
    text = unicodedata.normalize("NFKC", text).replace(",", "")
    return [Decimal(x) for x in re.findall(r"[0-9]+(?:\.[0-9]+)?", text)]


def cell_shows(cell, i):
    """The 指标值 cell of an indicator: a figure alone (its unit in the next
    cell), a text, or — a figure with words, a range, a time — the value
    as written, which holds the JSON's words and figures."""
    v, quals = i["value"], i["qualifiers"]
    if v is None:
        return cell == ""
    if "text" in v:
        return cell == v["text"]
    if "quantity" in v and not quals:
        return cell == number_text(v["quantity"]["number"])
    if not all(q["text"] in cell for q in quals):
        return False
    shown = numbers_in(cell)
    if "date" in v:
        parts = re.findall(r"[0-9]+", v["date"].split("-Q")[0].split("-H")[0])
        if not v["year_stated"]:
            parts = parts[1:]
        return all(Decimal(p) in shown for p in parts)
    qs = v["range"] if "range" in v else [v["quantity"]]
    return all(q["number"] is None or Decimal(q["number"]["value"]) in shown for q in qs)


SYMBOL = {"ge": "≥", "le": "≤", "eq": "=", "ne": "≠", "gt": ">", "lt": "<", "approx": "≈", None: ""}


def all_lines(model):
    """Every row of the budget CSV: each budget and amount tree root, every
    line of every breakdown, and each breakdown's own 合计 row."""
    count = 0

    def breakdown(b):
        return lines(b["lines"]) + (b["total"] is not None)

    def lines(ls):
        n = 0
        for l in ls:
            n += 1
            for b in l["breakdowns"]:
                n += breakdown(b)
        return n

    for u in model["units"]:
        if u["budget"] is not None:
            count += 1 + sum(breakdown(b) for b in u["budget"]["breakdowns"])
        count += lines(u["amounts"])
        for p in u["projects"]:
            count += 1 + sum(breakdown(b) for b in p["breakdowns"]) + lines(p["amounts"])
    return count


# ------------------------------------------------------------ JSON


def check_json():
    import jsonschema

    with open("schema/jixiao-model.v1.schema.json", encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    models = {}
    for name in SOURCES:
        with open(os.path.join(OUT, f"{name}.json"), encoding="utf-8") as f:
            model = json.load(f)
        errors = list(validator.iter_errors(model))
        detail = "; ".join(f"{e.json_path}: {e.message[:160]}" for e in errors[:5])
        check(not errors, f"{name}.json does not validate: {detail}")
        models[name] = model
    # The schema is not vacuous: a float amount and an unknown field fail.
    bad = json.loads(json.dumps(models["yuntian-2023"]))
    bad["units"][0]["budget"]["total"]["value"] = 1056.4
    check(not validator.is_valid(bad), "the schema accepts a float amount")
    bad = json.loads(json.dumps(models["pages"]))
    bad["units"][0]["surprise"] = True
    check(not validator.is_valid(bad), "the schema accepts an unknown field")
    return models


# ------------------------------------------------------------ CSV


def read_csv(path):
    with open(path, "rb") as f:
        raw = f.read()
    check(raw.startswith(b"\xef\xbb\xbf"), f"{path}: no BOM with --bom")
    check(b"\r\n" in raw, f"{path}: CRLF line ends")
    text = raw.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


DANGEROUS = re.compile(r"^[=+\-@\t\r]")
PLAIN_NUMBER = re.compile(r"^[+-]?[0-9]+(\.[0-9]+)?$")


def unneutralise(cell):
    if cell.startswith("'") and DANGEROUS.match(cell[1:]):
        return cell[1:]
    return cell


def check_csv(models):
    for name, model in models.items():
        rows = read_csv(os.path.join(OUT, f"{name}.indicators.csv"))
        for path in glob.glob(os.path.join(OUT, f"{name}.*.csv")):
            for r in read_csv(path):
                for v in r.values():
                    if DANGEROUS.match(v) and not PLAIN_NUMBER.match(v):
                        check(False, f"{path}: a cell Excel would run: {v!r}")
        expected = []
        for u in model["units"]:
            for i in leaves(u["indicators"]):
                expected.append((u["name"], "", i))
            for p in u["projects"]:
                for i in leaves(p["indicators"]):
                    expected.append((u["name"], p["name"], i))
        check(len(rows) == len(expected),
              f"{name}.indicators.csv: {len(rows)} rows for {len(expected)} indicators")
        for row, (unit, project, i) in zip(rows, expected):
            got = tuple(unneutralise(row[k])
                        for k in ("unit", "project", "indicator", "value", "comparison"))
            want = (unit, project, i["indicator"], value_text(i["value"]), SYMBOL[i["comparison"]])
            check(got == want, f"{name}.indicators.csv: {got} != {want}")
        budget = read_csv(os.path.join(OUT, f"{name}.budget.csv"))
        check(len(budget) == all_lines(model),
              f"{name}.budget.csv: {len(budget)} rows for {all_lines(model)} lines")
        projects = read_csv(os.path.join(OUT, f"{name}.projects.csv"))
        want = [p["name"] for u in model["units"] for p in u["projects"]]
        check([unneutralise(p["name"]) for p in projects] == want, f"{name}.projects.csv: projects differ")
    # The comparison column holds `=`: it is written `'=`.
    rows = read_csv(os.path.join(OUT, "pages.indicators.csv"))
    check(any(r["comparison"] == "'=" for r in rows), "pages.indicators.csv: `=` not neutralised")


# ------------------------------------------------------------ HTML


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent = tag, dict(attrs), parent
        self.children, self.text = [], []

    def classes(self):
        return (self.attrs.get("class") or "").split()

    def find_all(self, pred):
        for c in self.children:
            if pred(c):
                yield c
            yield from c.find_all(pred)

    def text_content(self):
        return "".join(self.text) + "".join(c.text_content() for c in self.children)


VOID = {"meta", "col", "br", "img", "link", "input", "hr", "base", "source", "wbr"}


class Tree(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", [], None)
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        n = Node(tag, attrs, self.cur)
        self.cur.children.append(n)
        if tag not in VOID:
            self.cur = n

    def handle_endtag(self, tag):
        n = self.cur
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:
            self.cur = n.parent

    def handle_data(self, data):
        # Keep text in order with children: attach to a text child.
        t = Node("#text", [], self.cur)
        t.text.append(data)
        self.cur.children.append(t)


def chromium():
    for c in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(c):
            return c
    return None


def browser(url, *flags, timeout=180):
    profile = tempfile.mkdtemp(prefix="jixiao-chromium-")
    args = [chromium(), "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", f"--user-data-dir={profile}", *flags, url]
    try:
        return subprocess.run(args, capture_output=True, timeout=timeout)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def dom(name):
    r = browser("file://" + os.path.join(OUT, f"{name}.html"), "--dump-dom")
    check(r.returncode == 0, f"chromium --dump-dom {name}.html: {r.stderr[-500:]!r}")
    t = Tree()
    t.feed(r.stdout.decode("utf-8"))
    return t.root, r.stdout.decode("utf-8")


def has_class(c):
    return lambda n: c in n.classes()


def check_html(models):
    for name, model in models.items():
        root, text = dom(name)
        check("<script" not in text.lower(), f"{name}.html: a script element in the DOM")
        pages = [p for p in root.find_all(lambda n: n.tag == "section" and "page" in n.classes()
                                          and "unit" in n.classes())]
        units = model["units"]
        check(len(pages) == len(units), f"{name}.html: {len(pages)} unit pages for {len(units)} units")
        for page, u in zip(pages, units):
            check(page.attrs.get("data-name") == u["name"],
                  f"{name}.html: page {page.attrs.get('data-name')!r} for unit {u['name']!r}")
            tbl = next(page.find_all(has_class("tbl")), None)
            names = [c.text_content() for c in tbl.find_all(has_class("unit-name"))]
            check(names == [u["name"]], f"{name}.html: unit name shown as {names!r}")
            grid = next(tbl.find_all(lambda n: n.tag == "table" and "indicators" in n.classes()), None)
            if grid is None:
                check(u["rollup"] and not u["indicators"], f"{name}.html: no grid for {u['name']}")
                continue
            body = next(grid.find_all(lambda n: n.tag == "tbody"))
            rows = [r for r in body.children if r.tag == "tr"]
            want = grid_rows(u["indicators"])
            check(len(rows) == want, f"{name}.html: {u['name']}: {len(rows)} rows for {want}")
            for cls in ("t1", "t2"):
                spans = [int(c.attrs.get("rowspan", "1")) for c in body.find_all(has_class(cls))]
                check(sum(spans) == len(rows),
                      f"{name}.html: {u['name']}: {cls} cells cover {sum(spans)} of {len(rows)} rows")
            if regular(u["indicators"]):
                got = [(c.text_content(), int(c.attrs.get("rowspan", "1")))
                       for c in body.find_all(has_class("t1"))]
                check(got == expected_tier1(u["indicators"]),
                      f"{name}.html: {u['name']}: 一级 {got} != {expected_tier1(u['indicators'])}")
            # Every indicator is in its row with its value.
            shown = []
            for r in rows:
                ind = next(r.find_all(lambda n: n.tag == "td" and "ind" in n.classes()))
                val = next(r.find_all(has_class("val")), None)
                if val is not None:  # an empty tier's row has no value cell
                    shown.append((ind.text_content(), val.text_content()))
            want = leaves(u["indicators"])
            check([n for n, _ in shown] == [i["indicator"] for i in want],
                  f"{name}.html: {u['name']}: indicators differ")
            for (ind, cell), i in zip(shown, want):
                check(cell_shows(cell, i),
                      f"{name}.html: {u['name']}: {ind}: the value cell {cell!r} is not {i['value']}")

    # Markup in a name is text.
    root, text = dom("escape")
    cells = [c.text_content() for c in root.find_all(has_class("unit-name"))]
    check(cells == ["<script>alert(1)</script>"], f"escape.html: unit name rendered as {cells!r}")
    check(not list(root.find_all(lambda n: n.tag in ("script", "img", "i", "u", "b"))),
          "escape.html: markup from the document became elements")
    title = next(root.find_all(lambda n: n.tag == "title")).text_content()
    check(title == '<b>转义</b> & "测试"', f"escape.html: title {title!r}")

    # A screenshot of one table (the URL fragment shows that table alone).
    os.makedirs(ART, exist_ok=True)
    shot = os.path.join(ART, "yueyang-2024-u2.png")
    if os.path.exists(shot):
        os.remove(shot)
    r = browser("file://" + os.path.join(OUT, "yueyang-2024.html") + "#u2", "--hide-scrollbars",
                "--window-size=1280,900", f"--screenshot={shot}")
    ok = os.path.exists(shot) and open(shot, "rb").read(8) == b"\x89PNG\r\n\x1a\n"
    check(ok and os.path.getsize(shot) > 20000, f"screenshot: {r.stderr[-300:]!r}")

    # Print: one A4 landscape page per unit.
    for name, units in (("pages", 3),):
        pdf = os.path.join(ART, f"{name}.pdf")
        if os.path.exists(pdf):
            os.remove(pdf)
        r = browser("file://" + os.path.join(OUT, f"{name}.html"), "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}")
        check(r.returncode == 0 and os.path.exists(pdf), f"print-to-pdf {name}: {r.stderr[-300:]!r}")
        count, landscape = pdf_pages(pdf)
        check(count == units, f"{name}.pdf: {count} pages for {units} units")
        check(landscape, f"{name}.pdf: not landscape")
    # The big example prints too.
    pdf = os.path.join(ART, "yuntian-2023.pdf")
    r = browser("file://" + os.path.join(OUT, "yuntian-2023.html"), "--no-pdf-header-footer",
                f"--print-to-pdf={pdf}")
    check(r.returncode == 0 and pdf_pages(pdf)[0] >= 5, "print-to-pdf yuntian-2023")


def pdf_pages(path):
    if not os.path.exists(path):
        return 0, False
    if shutil.which("pdfinfo"):
        out = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
        pages = int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))
        size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+)", out, re.M)
        return pages, float(size.group(1)) > float(size.group(2))
    data = open(path, "rb").read()
    return len(re.findall(rb"/Type\s*/Page[^s]", data)), True


# ------------------------------------------------------------ XLSX


def check_xlsx(models):
    import openpyxl

    for name, model in models.items():
        wb = openpyxl.load_workbook(os.path.join(OUT, f"{name}.xlsx"))
        want = len(model["summaries"]) + len(model["units"])
        check(len(wb.sheetnames) == want, f"{name}.xlsx: {len(wb.sheetnames)} sheets for {want}")
        sheets = wb.worksheets[len(model["summaries"]):]
        for ws, u in zip(sheets, model["units"]):
            check(ws.freeze_panes is not None, f"{name}.xlsx: {ws.title}: no frozen rows")
            # 资金总额: a number with #,##0.00.
            total = u["budget"] and u["budget"]["total"]
            cells = {(c.row, c.column): c for row in ws.iter_rows() for c in row}
            label = next((c for c in cells.values() if c.value == "资金总额"), None)
            if total:
                amount = ws.cell(row=label.row, column=label.column + 2)
                check(isinstance(amount.value, (int, float))
                      and abs(amount.value - float(total["value"])) < 1e-9,
                      f"{name}.xlsx: {ws.title}: 资金总额 {amount.value!r} for {total['value']}")
                if total["scale"] <= 2:
                    check(amount.number_format == "#,##0.00",
                          f"{name}.xlsx: {ws.title}: format {amount.number_format!r}")
            header = next((c for c in cells.values() if c.value == "一级指标"), None)
            if header is None:
                check(not u["indicators"], f"{name}.xlsx: {ws.title}: no indicator grid")
                continue
            merged = {(m.min_row, m.min_col): m for m in ws.merged_cells.ranges}
            rows = grid_rows(u["indicators"])
            if regular(u["indicators"]):
                got = []
                r = header.row + 1
                while r <= header.row + rows:
                    m = merged.get((r, 1))
                    n = (m.max_row - m.min_row + 1) if m else 1
                    got.append((ws.cell(row=r, column=1).value, n))
                    r += n
                check(got == expected_tier1(u["indicators"]),
                      f"{name}.xlsx: {ws.title}: 一级 {got} != {expected_tier1(u['indicators'])}")
            # Numeric indicator values are numbers.
            for r in range(header.row + 1, header.row + rows + 1):
                v = ws.cell(row=r, column=5).value
                check(v is None or isinstance(v, (int, float, str)), f"{name}.xlsx: value {v!r}")
    wb = openpyxl.load_workbook(os.path.join(OUT, "escape.xlsx"))
    check(wb.sheetnames == ["<script>alert(1)<_script>"], f"escape.xlsx: sheets {wb.sheetnames}")


# ------------------------------------------------------------ the reviewer's report


def check_report(models):
    import openpyxl

    for name, model in models.items():
        want = len(model["diagnostics"])
        root, text = dom_file(f"{name}.report.html")
        rows = list(root.find_all(lambda n: n.tag == "tr" and "finding" in n.classes()))
        numbers = {int(r.attrs["data-finding"]) for r in rows}
        check(numbers == set(range(1, want + 1)),
              f"{name}.report.html: findings {sorted(numbers)[:10]}… for {want} in the model")
        for r in rows:
            cells = [c for c in r.children if c.tag == "td"]
            opinion = [c for c in cells if "opinion" in c.classes()]
            if not (len(opinion) == 1 and opinion[0].text_content().strip() == ""):
                check(False, f"{name}.report.html: a finding without an empty 审核意见 cell")
                break
        check(want == 0 or "审核意见" in text, f"{name}.report.html: no 审核意见 column")
        codes = {c.attrs.get("data-code") for c in root.find_all(
            lambda n: n.tag == "tr" and n.attrs.get("data-code") and "finding" not in n.classes())}
        want_codes = {d["code"] for d in model["diagnostics"]}
        check(codes == want_codes, f"{name}.report.html: codes counted {codes} != {want_codes}")
        wb = openpyxl.load_workbook(os.path.join(OUT, f"{name}.report.xlsx"))
        check(len(wb.sheetnames) == 2, f"{name}.report.xlsx: sheets {wb.sheetnames}")
        ws = wb.worksheets[1]
        numbers = {ws.cell(row=r, column=2).value for r in range(2, ws.max_row + 1)}
        check(numbers == set(range(1, want + 1)) or (want == 0 and numbers <= {None}),
              f"{name}.report.xlsx: {len(numbers)} findings numbered for {want}")
    # The first page of the city corpus's report, and the report printed.
    shot = os.path.join(ART, "yueyang-2024-report.png")
    if os.path.exists(shot):
        os.remove(shot)
    r = browser("file://" + os.path.join(OUT, "yueyang-2024.report.html"), "--hide-scrollbars",
                "--window-size=1280,1400", f"--screenshot={shot}")
    ok = os.path.exists(shot) and open(shot, "rb").read(8) == b"\x89PNG\r\n\x1a\n"
    check(ok and os.path.getsize(shot) > 20000, f"report screenshot: {r.stderr[-300:]!r}")
    pdf = os.path.join(ART, "yueyang-2024-report.pdf")
    if os.path.exists(pdf):
        os.remove(pdf)
    r = browser("file://" + os.path.join(OUT, "yueyang-2024.report.html"), "--no-pdf-header-footer",
                f"--print-to-pdf={pdf}")
    count, landscape = pdf_pages(pdf)
    check(r.returncode == 0 and count >= 10 and landscape, f"report print-to-pdf: {count} pages")


def dom_file(file):
    r = browser("file://" + os.path.join(OUT, file), "--dump-dom")
    check(r.returncode == 0, f"chromium --dump-dom {file}: {r.stderr[-500:]!r}")
    t = Tree()
    t.feed(r.stdout.decode("utf-8"))
    return t.root, r.stdout.decode("utf-8")


def main():
    if not os.path.exists(BIN):
        print(f"{BIN} is missing: run `cargo build` first")
        return 2
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    for fmt in ("json", "html", "xlsx"):
        build(fmt)
    build("csv", ["--bom"])
    build("report", lang="zh")
    models = check_json()
    check_csv(models)
    check_xlsx(models)
    if chromium():
        check_html(models)
        check_report(models)
    else:
        check(False, "chromium is not installed")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
