-- syntax: unexpected symbol in expression
-- expect error: syntax_near_eof_expr.lua:4: unexpected symbol near <eof>
x = 1 +
