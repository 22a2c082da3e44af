#!/usr/bin/env bash
# Runs the editor-support tests: the VS Code TextMate grammar (npm test in
# vscode/), the VS Code extension packaged as a .vsix (vsce), and the Vim
# runtime files (vim/test/run.sh). Installs what they need when it is
# missing: the npm dependencies (npm ci) and a Vim with +syntax (apt-get).
# Prints one summary line last and exits non-zero if any test failed.
# (The editor server itself is tested by `cargo test --test lsp`.)
set -u
cd "$(dirname "${BASH_SOURCE[0]}")"

passed=0
failed=0
status=0

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else "$@"; fi
}

# ------------------------------------------------------------ VS Code
echo "== vscode: TextMate grammar"
if ! command -v npm >/dev/null 2>&1; then
  echo "vscode: npm not found; install Node.js (e.g. apt-get install -y nodejs npm)" >&2
  failed=$((failed + 1)); status=1
else
  if [ ! -x vscode/node_modules/.bin/vscode-tmgrammar-test ] \
     || [ vscode/package-lock.json -nt vscode/node_modules/.package-lock.json ]; then
    (cd vscode && npm ci --no-audit --no-fund) || { echo "vscode: npm ci failed" >&2; status=1; }
  fi
  out="$(cd vscode && npm test 2>&1)"; rc=$?
  printf '%s\n' "$out"
  # Manifest checks print one ✓/✖ line each; the grammar fixtures count one
  # test per assertion line, less one per token that failed an assertion.
  checks_ok=$(printf '%s\n' "$out" | grep -c '^✓ manifest:')
  checks_bad=$(printf '%s\n' "$out" | grep -c '^✖ manifest:')
  assertions=$(cat vscode/test/*.test.jx | grep -Ec '^//[[:space:]]*(\^|<~*-)')
  mismatches=$(printf '%s\n' "$out" | grep -Ec '^[[:space:]]+at \[')
  ok=$((checks_ok + assertions - mismatches))
  bad=$((checks_bad + mismatches))
  if [ "$rc" -ne 0 ]; then
    status=1
    [ "$bad" -eq 0 ] && bad=1   # failed before reporting a test (stale grammar, missing tool)
  fi
  echo "vscode: $ok passed, $bad failed"
  passed=$((passed + ok)); failed=$((failed + bad))
fi

# ------------------------------------------------------------ VS Code package
# The extension as a .vsix (vsce, a dev dependency), with the language
# client it needs at run time inside it.
echo "== vscode: package"
if command -v npm >/dev/null 2>&1 && [ -x vscode/node_modules/.bin/vsce ]; then
  rm -f vscode/jixiao-jx.vsix
  if (cd vscode && npm run --silent package >/dev/null 2>&1) \
     && python3 - vscode/jixiao-jx.vsix <<'PY'
import sys, zipfile
names = set(zipfile.ZipFile(sys.argv[1]).namelist())
for need in ("extension/extension.js", "extension/package.json",
             "extension/syntaxes/jx.tmLanguage.json",
             "extension/node_modules/vscode-languageclient/package.json"):
    assert need in names, need
PY
  then
    echo "✓ vscode: packaged editors/vscode/jixiao-jx.vsix"
    passed=$((passed + 1))
  else
    echo "✖ vscode: vsce package failed or the .vsix lacks a file" >&2
    failed=$((failed + 1)); status=1
  fi
else
  echo "✖ vscode: vsce is not installed (npm ci in editors/vscode)" >&2
  failed=$((failed + 1)); status=1
fi

# ------------------------------------------------------------ Vim
echo "== vim: runtime files"
if ! command -v vim >/dev/null 2>&1 || ! vim --version | grep -q '+syntax'; then
  echo "vim: installing vim-nox"
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq vim-nox >/dev/null \
    || echo "vim: could not install vim-nox" >&2
fi
out="$(bash vim/test/run.sh 2>&1)"; rc=$?
printf '%s\n' "$out"
ok=$(printf '%s\n' "$out" | sed -n 's/^vim: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
bad=$(printf '%s\n' "$out" | sed -n 's/^vim: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
ok=${ok:-0}; bad=${bad:-0}
if [ "$rc" -ne 0 ]; then
  status=1
  [ "$bad" -eq 0 ] && bad=1
fi
passed=$((passed + ok)); failed=$((failed + bad))

echo "editors: $passed passed, $failed failed"
exit "$status"
