" pfc performance frameworks: *.pf
autocmd BufNewFile,BufRead *.pf setfiletype pfc
