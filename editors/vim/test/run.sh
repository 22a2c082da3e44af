#!/usr/bin/env bash
# Headless tests of the Vim support: filetype detection, the ftplugin's
# settings, brace indentation, and the syntax groups that syntax.jx asserts.
# Exits non-zero, naming every mismatch, when anything is off.
set -u
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
vimdir="$(dirname "$here")"
VIM="${VIM_BIN:-vim}"

if ! command -v "$VIM" >/dev/null 2>&1; then
  echo "vim: not found (install vim, e.g. apt-get install -y vim-nox)" >&2
  exit 2
fi
if ! "$VIM" --version | grep -q '+syntax'; then
  echo "vim: $VIM has no +syntax (vim-tiny?): install vim-nox or vim" >&2
  exit 2
fi

report="$(mktemp)"
trap 'rm -f "$report" "$report".*' EXIT

# vim -Nu NONE -es: no vimrc, no plugins, silent Ex mode; only this runtime.
run_vim() {
  "$VIM" -Nu NONE -i NONE -es \
    --cmd 'set encoding=utf-8 fileencodings=utf-8' \
    --cmd "set runtimepath^=$vimdir" \
    --cmd "let g:jx_report = '$report'" \
    -c 'filetype plugin indent on' -c 'syntax on' "$@" </dev/null
}

status=0

# 1. syntax groups
run_vim -c 'edit '"$here"'/syntax.jx' -S "$here/check.vim" || status=1

# 2. filetype, ftplugin settings and indentation
cat >"$report.settings.vim" <<'VIM'
let s:fail = []
let s:n = 0
function! s:Is(what, got, want) abort
  let s:n += 1
  if a:got !=# a:want
    call add(s:fail, printf('settings: %s is %s, expected %s', a:what, string(a:got), string(a:want)))
  endif
endfunction
call s:Is('filetype', &filetype, 'jx')
call s:Is('b:current_syntax', get(b:, 'current_syntax', ''), 'jx')
call s:Is('commentstring', &commentstring, '// %s')
call s:Is('comments has //', &comments =~# '://', 1)
call s:Is('shiftwidth', &shiftwidth, 2)
call s:Is('expandtab', &expandtab, 1)
call s:Is('indentexpr', &indentexpr, 'JxIndent()')
" Re-indent the fixture from nothing and compare with how it is written.
let s:want = getline(1, '$')
silent %s/^\s\+//e
silent normal! gg=G
let s:got = getline(1, '$')
let s:n += 1
for s:i in range(len(s:want))
  if s:got[s:i] !=# s:want[s:i]
    call add(s:fail, printf('indent.jx:%d: expected %s, got %s', s:i + 1, string(s:want[s:i]), string(s:got[s:i])))
    break
  endif
endfor
if v:errmsg !=# ''
  call add(s:fail, 'settings: vim reported an error: ' . v:errmsg)
endif
call writefile(s:fail + [printf('settings: %d passed, %d failed', s:n - len(s:fail), len(s:fail))], g:jx_report, 'a')
execute empty(s:fail) ? 'qall!' : 'cquit!'
VIM
run_vim -c 'edit '"$here"'/indent.jx' -S "$report.settings.vim" || status=1

cat "$report"
passed=$(awk '/: [0-9]+ passed, [0-9]+ failed$/ { n += $(NF-3) } END { print n + 0 }' "$report")
failed=$(awk '/: [0-9]+ passed, [0-9]+ failed$/ { n += $(NF-1) } END { print n + 0 }' "$report")
if [ "$passed" -eq 0 ] || { [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; }; then
  echo "vim: the test run did not complete (vim exited with an error before reporting)" >&2
  exit 1
fi
echo "vim: $passed passed, $failed failed"
exit "$status"
