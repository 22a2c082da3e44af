" jixiao performance-target files (预算绩效目标)
autocmd BufNewFile,BufRead *.jx set filetype=jx
