-- break outside a loop: reported where the enclosing block ends (here the end of the file)
-- expect error: syntax_break_outside.lua:4: break outside loop at line 3
break
