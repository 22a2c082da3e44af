#!/usr/bin/env python3
"""Checks jixiao's outputs with independent readers (run by run.sh).

- JSON: every example's model validates against
  schema/jixiao-model.v1.schema.json (python `jsonschema`, draft 2020-12),
  and the validator does reject a model with a float amount.
- CSV: read back by Python's csv module (with the BOM `--bom` writes); every
  indicator of the JSON model is found with its value and comparison, every
  budget line has its row, no cell can run as an Excel formula.
- HTML: rendered by headless Chromium; the rendered DOM has one table per
  unit (none for a rollup that states nothing of its own) with as many
  indicator rows as the model has indicators, 一级 and 二级 cells merged
  with rowspan over exactly those rows, markup in names shown as text; a
  screenshot of one table is saved to target/ci-artifacts/; print to PDF
  gives one A4 landscape page per unit for tests/browser/fixtures/pages.jx,
  and for the examples of seeds 001–003 every page is numbered, every table
  starts a page with its title, and every page after a table's first says
  续表 with the unit's name and repeats the grid's column headers (read
  back with pdftotext): every page A4, the header block kept with the
  first rows of its grid, no row split by a page break.
- XLSX: opened by `openpyxl`; one sheet per table, A4 landscape with page
  numbers and print titles on each table's grid headers, the 一级 cells
  merged over their rows, 资金总额 a number formatted #,##0.00, frozen
  panes; printed by LibreOffice with page numbers and text at 7pt or more.
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
FIXTURES = ["escape", "pages", "forms"]
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


def combined_shows(cell, i):
    """A 指标值及单位 cell: the value as written with its sign and unit
    around it."""
    v = i["value"]
    if v is None:
        return True
    if "text" in v:
        return v["text"] in cell
    if not all(q["text"] in cell for q in i["qualifiers"]):
        return False
    shown = numbers_in(cell)
    if "date" in v:
        return cell_shows(cell, i)
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
                    if DANGEROUS.match(v) and not PLAIN_NUMBER.match(v) and len(v.strip()) > 1:
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
        # One row per budget line, a line restated in another table once.
        check(0 < len(budget) <= all_lines(model),
              f"{name}.budget.csv: {len(budget)} rows for {all_lines(model)} lines")
        want = [p["name"] for u in model["units"] for p in u["projects"]]
        path = os.path.join(OUT, f"{name}.projects.csv")
        if want:
            projects = read_csv(path)
            check([unneutralise(p["name"]) for p in projects] == want, f"{name}.projects.csv: projects differ")
        else:
            check(not os.path.exists(path), f"{name}.projects.csv: written with no project")
        # A fact is one row.
        raw = open(os.path.join(OUT, f"{name}.budget.csv"), encoding="utf-8-sig").read().split("\r\n")
        check(len(raw) == len(set(raw)) + (raw.count("") - 1 if "" in raw else 0),
              f"{name}.budget.csv: a row twice")
    # The comparison column holds `=`, alone: it runs nothing and is left readable.
    rows = read_csv(os.path.join(OUT, "pages.indicators.csv"))
    check(any(r["comparison"] == "=" for r in rows), "pages.indicators.csv: `=` not readable")


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


def tables_of(root):
    """The printed tables of a page, in order: (section, subject, unit, name)."""
    return [(n, n.attrs.get("class", "").split()[1], n.attrs.get("data-unit"), n.attrs.get("data-name"))
            for n in root.find_all(lambda n: n.tag == "section" and "tbl" in n.classes())]


def grid_body_rows(section, kind):
    """The body rows of a table's grids of a kind, across the parts a page
    break splits them into, with each part's rows."""
    parts = []
    for g in section.find_all(lambda n: n.tag == "table" and kind in n.classes()):
        body = next(g.find_all(lambda n: n.tag == "tbody"))
        parts.append([r for r in body.children if r.tag == "tr"])
    return parts


def merged_runs(parts, cls):
    """(text, rows) of the cells of a class merged down, a run cut by a
    page break joined again."""
    runs = []
    for k, rows in enumerate(parts):
        first = True
        for r in rows:
            for c in r.find_all(has_class(cls)):
                t, n = c.text_content(), int(c.attrs.get("rowspan", "1"))
                if first and k > 0 and runs and runs[-1][0] == t and r is rows[0]:
                    runs[-1] = (t, runs[-1][1] + n)
                else:
                    runs.append((t, n))
            first = False
    return runs


TABLES = {}
HEADS = {}  # per document, per table: its first grid's column headers (first text, rows)


def grid_head(sec):
    grid = next(sec.find_all(lambda n: n.tag == "table" and "grid" in n.classes()), None)
    thead = None if grid is None else next(grid.find_all(lambda n: n.tag == "thead"), None)
    if thead is None:
        return None
    rows = [r for r in thead.children if r.tag == "tr"]
    th = next((c for r in rows for c in r.children if c.tag == "th" and c.text_content()), None)
    return None if th is None else (th.text_content(), len(rows))


def check_unit_grid(name, u, tbl):
    """A unit table's indicator grid against the model."""
    parts = grid_body_rows(tbl, "indicators")
    rows = [r for p in parts for r in p]
    want = grid_rows(u["indicators"])
    check(len(rows) == max(want, 1), f"{name}.html: {u['name']}: {len(rows)} rows for {want}")
    if not u["indicators"]:
        return
    for cls in ("t1", "t2"):
        spans = [int(c.attrs.get("rowspan", "1")) for p in parts for r in p
                 for c in r.find_all(has_class(cls))]
        if cls == "t2" and not spans:
            continue  # a form without a 二级 column
        check(sum(spans) == len(rows),
              f"{name}.html: {u['name']}: {cls} cells cover {sum(spans)} of {len(rows)} rows")
    if regular(u["indicators"]):
        got = merged_runs(parts, "t1")
        check(got == expected_tier1(u["indicators"]),
              f"{name}.html: {u['name']}: 一级 {got} != {expected_tier1(u['indicators'])}")
    # Every indicator is in its row with its value (the value cell
    # may also show the comparison and the unit).
    shown = []
    for r in rows:
        if "ind" not in r.classes():
            continue  # a tier written empty
        ind = next(r.find_all(lambda n: n.tag == "td" and "ind" in n.classes()))
        val = next(r.find_all(has_class("val")), None)
        shown.append((ind.text_content(), None if val is None else val.text_content()))
    want = leaves(u["indicators"])
    check([n for n, _ in shown] == [i["indicator"] for i in want],
          f"{name}.html: {u['name']}: indicators differ")
    # A grid with one 指标值及单位 column shows the sign and the unit
    # with the value.
    combined = "指标值及单位" in tbl.text_content()
    for (ind, cell), i in zip(shown, want):
        if cell is None:
            continue
        check(cell_shows(cell, i) or (combined and combined_shows(cell, i)),
              f"{name}.html: {u['name']}: {ind}: the value cell {cell!r} is not {i['value']}")


def check_html(models):
    for name, model in models.items():
        root, text = dom(name)
        check("<script" not in text.lower(), f"{name}.html: a script element in the DOM")
        tables = tables_of(root)
        TABLES[name] = [(subject, unit, nm) for _, subject, unit, nm in tables]
        HEADS[name] = [grid_head(sec) for sec, _, _, _ in tables]
        for u in model["units"]:
            mine = [t for t in tables if t[1] == "unit" and t[2] == u["name"]]
            if u["rollup"] and not u["indicators"]:
                check(not mine, f"{name}.html: a table for the rollup {u['name']}")
                continue
            # One table per unit form the document prints (the forms'
            # fixture prints all four).
            forms = {t[0].attrs.get("data-form") for t in mine}
            check(mine and len(mine) == len(forms),
                  f"{name}.html: {len(mine)} unit tables for {u['name']!r}")
            for tbl, _, _, _ in mine:
                check_unit_grid(name, u, tbl)

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

    # Print: one A4 landscape page per unit of the small units.
    for name, units in (("pages", 3),):
        pdf = print_pdf(name)
        count, landscape = pdf_pages(pdf)
        check(count == units, f"{name}.pdf: {count} pages for {units} units")
        check(landscape, f"{name}.pdf: not landscape")
    for name in ("yuntian-2023", "shifeng-2020", "xiangyin-2023", "forms"):
        check_print(name, root_of(name))
    # A picture of every page of the forms' fixture: a picture of each form.
    pictures = os.path.join(ART, "forms")
    shutil.rmtree(pictures, ignore_errors=True)
    os.makedirs(pictures)
    if shutil.which("pdftoppm"):
        r = subprocess.run(["pdftoppm", "-r", "60", "-png", os.path.join(ART, "forms.pdf"),
                            os.path.join(pictures, "page")], capture_output=True)
        check(r.returncode == 0 and len(os.listdir(pictures)) >= len(tables_of(root_of("forms"))),
              f"pictures of the forms: {r.stderr[-300:]!r}")


def root_of(name):
    return dom(name)[0]


def print_pdf(name):
    pdf = os.path.join(ART, f"{name}.pdf")
    if os.path.exists(pdf):
        os.remove(pdf)
    r = browser("file://" + os.path.join(OUT, f"{name}.html"), "--no-pdf-header-footer",
                f"--print-to-pdf={pdf}")
    check(r.returncode == 0 and os.path.exists(pdf), f"print-to-pdf {name}: {r.stderr[-300:]!r}")
    return pdf


def pdf_text(pdf, page):
    out = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", pdf, "-"],
                         capture_output=True, text=True).stdout
    return [l.strip() for l in out.splitlines() if l.strip()]


def squeeze(s):
    return re.sub(r"\s+", "", s)


def check_print(name, root):
    """The printed document, read back from the PDF's text: every page
    numbered; every table starts on a new page with its title, and the
    header block and the first rows of its grid on that page; every page
    after a table's first says 续表 with the unit's name at its top and
    repeats the grid's column headers."""
    pdf = print_pdf(name)
    count, landscape = pdf_pages(pdf)
    check(landscape, f"{name}.pdf: not landscape")
    check(is_a4(pdf), f"{name}.pdf: not A4")
    # The pages' text in the order it is drawn: a cell's lines follow
    # each other, so a cell printed whole on a page is found whole in it.
    raw = [squeeze(subprocess.run(["pdftotext", "-raw", "-f", str(p), "-l", str(p), pdf, "-"],
                                  capture_output=True, text=True).stdout)
           for p in range(1, count + 1)]
    tables = []
    firsts_of = []  # the cells planned for each table's first page
    for sec, subject, unit, nm in tables_of(root):
        first = next(sec.find_all(lambda n: n.tag == "div" and "first" in n.classes()), None)
        cells = [] if first is None else list(first.find_all(lambda n: n.tag == "td"))
        firsts_of.append([t for t in (squeeze(c.text_content()) for c in cells) if t])
        # A grid's column headers are kept with a row after them, and the
        # header block with the first rows of its grid when it leaves room.
        if first is not None:
            grids = list(first.find_all(lambda n: n.tag == "table" and "grid" in n.classes()))
            head = [r for t in first.find_all(lambda n: n.tag == "table" and "head" in n.classes())
                    for r in t.find_all(lambda n: n.tag == "tr")]
            bodies = [r for g in grids for b in g.find_all(lambda n: n.tag == "tbody")
                      for r in b.children if r.tag == "tr"]
            check(not grids or bodies or not any(grid_body_rows(sec, "grid")),
                  f"{name}: {nm}: a grid's headers alone at the foot of a page")
            whole = [r for t in sec.find_all(lambda n: n.tag == "table" and "head" in n.classes())
                     for r in t.find_all(lambda n: n.tag == "tr")]
            # (A header block taller than a page goes on over the next.)
            if len(head) == len(whole) and any(grid_body_rows(sec, "grid")):
                check(bodies, f"{name}: {nm}: the header block apart from its grid's first rows")
        # No row is split by a page break: each of its cells is whole on one page.
        split = [t for t in (squeeze(td.text_content()) for td in sec.find_all(lambda n: n.tag == "td"))
                 if len(t) >= 2 and not any(t in pg for pg in raw)]
        check(not split, f"{name}.pdf: {nm}: a row split by a page break at {split[:1]!r}")
        title = next(sec.find_all(lambda n: n.tag == "h2")).text_content()
        headers = set()
        for grid in sec.find_all(lambda n: n.tag == "table" and "grid" in n.classes()):
            th = next(grid.find_all(lambda n: n.tag == "th" and "hdr" in n.classes()), None)
            if th is not None and th.text_content():
                headers.add(squeeze(th.text_content()))
        tables.append((squeeze(title), unit or "", headers))
    k = -1
    firsts = 0
    seen = False  # a grid's column headers were printed on an earlier page of the table
    for page in range(1, count + 1):
        lines = pdf_text(pdf, page)
        where = f"{name}.pdf page {page}"
        if not lines:
            check(False, f"{where}: empty")
            continue
        check(re.search(rf"第\s*{page}\s*页\s*共\s*{count}\s*页", lines[-1]) is not None,
              f"{where}: no page number at its foot: {lines[-1]!r}")
        starts = k + 1 < len(tables) and squeeze(lines[0]) == tables[k + 1][0]
        if starts:
            k += 1
            firsts += 1
            # The header block is kept with the first rows of its grid.
            apart = [t for t in firsts_of[k] if t not in raw[page - 1]]
            check(not apart, f"{where}: {tables[k][0]}: not on its first page: {apart[:3]!r}")
            check(not any("续表" in l for l in lines), f"{where}: 续表 on a table's first page")
            seen = any(h in squeeze("".join(lines)) for h in tables[k][2])
            continue
        if k < 0:
            check(False, f"{where}: no table starts")
            continue
        title, unit, header = tables[k]
        top = squeeze(lines[0])
        check(top.startswith("续表") and squeeze(unit) in top and top.endswith(title),
              f"{where}: a continued page of {title} does not say 续表 and {unit}: {lines[0]!r}")
        body = squeeze("".join(lines[1:]))
        if seen:
            check(any(h in body for h in header),
                  f"{where}: the column headers of {title} are not repeated")
        seen = seen or any(h in body for h in header)
    check(firsts == len(tables), f"{name}.pdf: {firsts} tables start a page, of {len(tables)}")


def is_a4(path):
    """Every page of a PDF is A4 (297 × 210 mm, either way round)."""
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", "9999", path], capture_output=True, text=True).stdout
    sizes = re.findall(r"Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+)", out)
    return bool(sizes) and all(
        abs(max(float(a), float(b)) - 841.89) < 3 and abs(min(float(a), float(b)) - 595.28) < 3
        for a, b in sizes)


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
        tables = TABLES.get(name)
        if tables is not None:
            check(len(wb.sheetnames) == len(tables),
                  f"{name}.xlsx: {len(wb.sheetnames)} sheets for {len(tables)} tables")
        for ws in wb.worksheets:
            check(ws.freeze_panes is not None, f"{name}.xlsx: {ws.title}: no frozen rows")
            check("&P" in (ws.oddFooter.center.text or ""), f"{name}.xlsx: {ws.title}: no page number")
            check(ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == "9",
                  f"{name}.xlsx: {ws.title}: not A4 landscape")
        # Each table's grid headers: printed atop every page, and the
        # rows above them frozen on screen.
        for ws, head in zip(wb.worksheets, HEADS.get(name, [])):
            if head is None:
                continue
            text, n = head
            at = min((c.row for row in ws.iter_rows(min_row=2) for c in row if c.value == text),
                     default=None)
            if not check(at is not None, f"{name}.xlsx: {ws.title}: no column header {text!r}"):
                continue
            check((ws.print_title_rows or "").replace("$", "") == f"{at}:{at + n - 1}",
                  f"{name}.xlsx: {ws.title}: print titles {ws.print_title_rows} for rows {at}–{at + n - 1}")
            frozen = int(re.sub(r"\D", "", ws.freeze_panes or "0") or 0)
            check(frozen >= 2, f"{name}.xlsx: {ws.title}: frozen at {ws.freeze_panes}")
        units = {u["name"]: u for u in model["units"]}
        for ws, (subject, unit, _) in zip(wb.worksheets, tables or []):
            if subject != "unit":
                continue
            u = units[unit]
            cells = {(c.row, c.column): c for row in ws.iter_rows() for c in row}
            # The budget's total (or the 资金总额 the form prints): a number.
            totals = [float(u["budget"]["total"]["value"])] if u["budget"] and u["budget"]["total"] else []
            totals += [float(a["amount"]["value"]) for a in u["amounts"]
                       if a["name"] == "资金总额" and a["amount"]]
            if totals:
                found = [c for c in cells.values()
                         if isinstance(c.value, (int, float)) and any(abs(c.value - t) < 1e-9 for t in totals)]
                check(found, f"{name}.xlsx: {ws.title}: 资金总额 {totals} is not a number cell")
                check(any(c.number_format.startswith("#,##0") for c in found),
                      f"{name}.xlsx: {ws.title}: format {[c.number_format for c in found]!r}")
            texts = {c.value for c in cells.values() if isinstance(c.value, str)}
            missing = [i["indicator"] for i in leaves(u["indicators"])
                       if i["indicator"] and i["indicator"] not in texts]
            check(not missing, f"{name}.xlsx: {ws.title}: indicators missing: {missing[:3]}")
            header = next((c for c in cells.values() if c.value == "一级指标"), None)
            if header is None:
                continue  # a form that prints no column headers (seed 002's)
            merged = {(m.min_row, m.min_col): m for m in ws.merged_cells.ranges}
            top = merged.get((header.row, header.column))
            first = (top.max_row if top else header.row) + 1
            rows = grid_rows(u["indicators"])
            if regular(u["indicators"]):
                got = []
                r = first
                while r < first + rows:
                    m = merged.get((r, header.column))
                    n = (m.max_row - m.min_row + 1) if m else 1
                    got.append((ws.cell(row=r, column=header.column).value, n))
                    r += n
                check(got == expected_tier1(u["indicators"]),
                      f"{name}.xlsx: {ws.title}: 一级 {got} != {expected_tier1(u['indicators'])}")
    check_xlsx_print()
    wb = openpyxl.load_workbook(os.path.join(OUT, "escape.xlsx"))
    check(wb.sheetnames == ["<script>alert(1)<_script>", "=cmd|' _C calc'!A0"],
          f"escape.xlsx: sheets {wb.sheetnames}")


HAN = re.compile(r"^[\u4e00-\u9fff]+$")
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>')


def han_size(pdf, page):
    """The median size of Han text on a page, in points: a Han character is
    as wide as its size."""
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), pdf, "-"],
                         capture_output=True, text=True).stdout
    sizes = sorted((float(b) - float(a)) / len(t) for a, b, t in WORD.findall(out) if HAN.match(t))
    return sizes[len(sizes) // 2] if sizes else 0.0


def check_xlsx_print():
    """The workbooks as LibreOffice prints them: A4 landscape, every page
    numbered, text at a readable size (the columns fit a page: no scaling
    down to a page's width), and a sheet's grid headers repeated on the
    pages after its first."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        check(False, "libreoffice is not installed")
        return
    out = os.path.join(ART, "xlsx-pdf")
    os.makedirs(out, exist_ok=True)
    profile = tempfile.mkdtemp(prefix="jixiao-lo-")
    try:
        for name in ("yuntian-2023", "shifeng-2020", "xiangyin-2023"):
            r = subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                                "--convert-to", "pdf", "--outdir", out,
                                os.path.join(OUT, f"{name}.xlsx")], capture_output=True, timeout=300)
            pdf = os.path.join(out, f"{name}.pdf")
            if not check(r.returncode == 0 and os.path.exists(pdf), f"{name}.xlsx to PDF: {r.stderr[-300:]!r}"):
                continue
            count, landscape = pdf_pages(pdf)
            check(landscape, f"{name}.xlsx printed: not landscape")
            titles = set()
            for page in range(1, count + 1):
                lines = pdf_text(pdf, page)
                where = f"{name}.xlsx printed, page {page}"
                check(any(re.search(rf"第\s*{page}\s*页，共\s*{count}\s*页", l) for l in lines),
                      f"{where}: no page number")
                size = han_size(pdf, page)
                check(size >= 7.0, f"{where}: text printed at {size:.1f}pt")
                first = any(squeeze(l) in titles or "绩效" in l and "表" in l and i == 1
                            for i, l in enumerate(lines[:3]))
                if name == "yuntian-2023" and not first:
                    check("一级指标" in "".join(lines), f"{where}: the grid's headers are not repeated")
    finally:
        shutil.rmtree(profile, ignore_errors=True)


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
    if chromium():
        check_html(models)
        check_report(models)
    else:
        check(False, "chromium is not installed")
    check_xlsx(models)
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
