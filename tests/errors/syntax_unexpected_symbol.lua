-- syntax: unexpected symbol
-- expect error: syntax_unexpected_symbol.lua:3: unexpected symbol near '='
local x = = 1
