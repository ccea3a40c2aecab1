-- syntax: invalid escape sequence
-- expect error: syntax_invalid_escape.lua:3: invalid escape sequence near '"\q'
local s = "\q"
