-- syntax: unfinished long string
-- expect error: syntax_unfinished_long_string.lua:4: unfinished long string (starting at line 3) near <eof>
local s = [[abc
