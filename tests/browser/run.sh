#!/usr/bin/env bash
# Checks the backends' outputs with independent readers: the JSON against
# its schema (python jsonschema), the CSV with Python's csv module, the HTML
# in headless Chromium (DOM, screenshot, print to PDF read back with
# poppler's pdftotext), the XLSX with openpyxl and printed by LibreOffice.
# Run by .ci/run; installs what it needs on a Debian machine. The
# screenshot and PDFs are kept in target/ci-artifacts/.
set -euo pipefail
echo "== outputs: JSON against its schema, CSV, HTML in Chromium, XLSX"
cd "$(dirname "$0")/../.."

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdfinfo >/dev/null 2>&1 || missing+=(poppler-utils)
# A Chinese font, so that the screenshot and the PDF show the text.
if ! (fc-list 2>/dev/null | grep -qiE 'CJK|WenQuanYi|Han Sans|Han Serif'); then
  missing+=(fonts-wqy-microhei)
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# LibreOffice prints the XLSX workbooks, as a user's spreadsheet would
# (its calc alone, without a desktop: about 200 MB).
if ! command -v soffice >/dev/null 2>&1; then
  echo "== installing libreoffice-calc-nogui"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null
fi

if ! python3 -c 'import jsonschema, openpyxl' 2>/dev/null; then
  echo "== installing jsonschema openpyxl"
  python3 -m pip install --quiet jsonschema openpyxl 2>/dev/null \
    || python3 -m pip install --quiet --break-system-packages jsonschema openpyxl 2>/dev/null \
    || (as_root apt-get update -qq \
        && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-jsonschema python3-openpyxl >/dev/null)
fi

cargo build --quiet
python3 tests/browser/check.py
