-- break outside a loop (5.4.4 says "break outside loop", 5.4.6 "break outside a loop")
-- expect error: syntax_break_outside.lua:5: break outside 
-- expect error: loop at line 4
break
