-- syntax: = expected
-- expect error: syntax_equals_expected.lua:4: syntax error near 'x'
local t
t x
