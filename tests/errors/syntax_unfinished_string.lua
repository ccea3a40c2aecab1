-- syntax: unfinished string
-- expect error: syntax_unfinished_string.lua:3: unfinished string near '"abc'
local s = "abc
print(s)
