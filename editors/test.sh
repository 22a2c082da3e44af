#!/usr/bin/env bash
# Runs the editor-support tests: the VS Code TextMate grammar (npm test in
# vscode/) and the Vim runtime files (vim/test/run.sh). Installs what they
# need when it is missing: the npm dev dependencies (npm ci) and a Vim with
# +syntax (apt-get). Prints one summary line last and exits non-zero if any
# test failed.
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
