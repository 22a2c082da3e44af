" Vim filetype plugin for jixiao (.jx) files
scriptencoding utf-8

if exists('b:did_ftplugin')
  finish
endif
let b:did_ftplugin = 1

let s:cpo_save = &cpo
set cpo&vim

setlocal commentstring=//\ %s
setlocal comments=s1:/*,mb:*,ex:*/,://
setlocal formatoptions-=t formatoptions+=croql
setlocal shiftwidth=2 softtabstop=2 expandtab
" Full-width brackets jump with % as the ASCII ones do.
setlocal matchpairs=(:),{:},[:],（:）,｛:｝

" Indent by braces: one level per brace left open on the previous line, one
" less on a line that starts by closing a block.
setlocal autoindent nosmartindent nocindent
setlocal indentexpr=JxIndent()
setlocal indentkeys=0{,0},0｛,0｝,!^F,o,O

let b:undo_ftplugin = 'setlocal commentstring< comments< formatoptions< shiftwidth< softtabstop<'
      \ . ' expandtab< matchpairs< autoindent< smartindent< cindent< indentexpr< indentkeys<'

if !exists('*JxIndent')
  " The text of line lnum without strings and comments, for counting braces.
  function! s:Code(lnum) abort
    let line = getline(a:lnum)
    let line = substitute(line, '"\%([^"\\]\|\\.\)*"\|“[^”]*”\|「[^」]*」', '', 'g')
    let line = substitute(line, '/\*.\{-}\*/', '', 'g')
    " A string or comment that goes on to the next lines.
    return substitute(line, '//.*$\|/\*.*$\|"\%([^"\\]\|\\.\)*$\|“[^”]*$\|「[^」]*$', '', '')
  endfunction

  function! s:Braces(text, pattern) abort
    return len(split(a:text, a:pattern, 1)) - 1
  endfunction

  " Whether line lnum starts inside a string or block comment from above.
  function! s:Continued(lnum) abort
    let line = getline(a:lnum)
    let first = match(line, '\S')
    return first >= 0 && line !~# '^\s*\%("\|“\|「\|/\*\)'
          \ && synIDattr(synID(a:lnum, first + 1, 1), 'name') =~# '^\%(jxString\|jxBlockComment\)$'
  endfunction

  function! JxIndent() abort
    " Inside a string or a block comment that spans lines: leave it alone.
    if s:Continued(v:lnum)
      return -1
    endif
    " The previous line, or the line where its string or comment began.
    let plnum = prevnonblank(v:lnum - 1)
    while plnum > 1 && s:Continued(plnum)
      let plnum = prevnonblank(plnum - 1)
    endwhile
    if plnum == 0
      return 0
    endif
    let prev = s:Code(plnum)
    let delta = s:Braces(prev, '[{｛]') - s:Braces(prev, '[}｝]')
    " A previous line that starts with a closing brace was already outdented.
    if prev =~# '^\s*[}｝]'
      let delta += 1
    endif
    let ind = indent(plnum) + delta * shiftwidth()
    if getline(v:lnum) =~# '^\s*[}｝]'
      let ind -= shiftwidth()
    endif
    return max([ind, 0])
  endfunction
endif

let &cpo = s:cpo_save
unlet s:cpo_save
