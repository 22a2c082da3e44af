" Checks the syntax groups that a fixture's assertion lines expect.
"
" An assertion line starts with `//>` and speaks of the nearest line above
" it that is not an assertion:
"   //> 单位负责人 jxPropertyKey      every character of the first 单位负责人
"   //>2 人 jxUnit                    the second 人 on that line
"   //> 单位 !jxBlockKeyword          any group but jxBlockKeyword
"   //> 工资福利支出 NONE             no syntax group at all
" Columns are looked up as byte offsets (synID() counts bytes), so the
" assertions can be written without counting columns under Han text.
"
" Usage: vim -Nu NONE -es ... -S check.vim, with g:jx_report set to the file
" that receives the report. Exits non-zero (:cquit) when any check fails.
scriptencoding utf-8

let s:passed = 0
let s:failed = []
let s:target = 0
let s:file = expand('%:t')

function! s:Fail(lnum, msg) abort
  call add(s:failed, printf('%s:%d: %s', s:file, a:lnum, a:msg))
endfunction

for s:lnum in range(1, line('$'))
  let s:text = getline(s:lnum)
  if s:text !~# '^//>'
    let s:target = s:lnum
    continue
  endif
  let s:m = matchlist(s:text, '^//>\(\d*\) \+\(\S\+\) \+\(!\=\)\(\S\+\)\s*$')
  if empty(s:m) || s:target == 0
    call s:Fail(s:lnum, 'malformed assertion: ' . s:text)
    continue
  endif
  let [s:nth, s:sub, s:negate, s:want] = [s:m[1] ==# '' ? 1 : str2nr(s:m[1]), s:m[2], s:m[3] ==# '!', s:m[4]]
  let s:want = s:want ==# 'NONE' ? '' : s:want
  let s:src = getline(s:target)
  let s:col = -1
  for s:i in range(s:nth)
    let s:col = stridx(s:src, s:sub, s:col + 1)
    if s:col < 0
      break
    endif
  endfor
  if s:col < 0
    call s:Fail(s:lnum, printf('%s (occurrence %d) not found in line %d: %s', s:sub, s:nth, s:target, s:src))
    continue
  endif
  let s:ok = 1
  let s:byte = s:col
  while s:byte < s:col + strlen(s:sub)
    let s:got = synIDattr(synID(s:target, s:byte + 1, 1), 'name')
    if s:negate ? s:got ==# s:want : s:got !=# s:want
      call s:Fail(s:lnum, printf('line %d, byte column %d (%s in %s): expected %s%s, got %s',
            \ s:target, s:byte + 1, strcharpart(strpart(s:src, s:byte), 0, 1), s:sub,
            \ s:negate ? 'anything but ' : '', s:want ==# '' ? 'no group' : s:want,
            \ s:got ==# '' ? 'no group' : s:got))
      let s:ok = 0
      break
    endif
    let s:byte += strlen(strcharpart(strpart(s:src, s:byte), 0, 1))
  endwhile
  let s:passed += s:ok
endfor

if v:errmsg !=# ''
  call s:Fail(0, 'vim reported an error while loading: ' . v:errmsg)
endif
call writefile(s:failed + [printf('%s: %d passed, %d failed', s:file, s:passed, len(s:failed))], g:jx_report, 'a')
if empty(s:failed)
  qall!
else
  cquit!
endif
