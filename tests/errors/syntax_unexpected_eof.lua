-- syntax: unexpected end of file
-- expect error: syntax_unexpected_eof.lua:4: unexpected symbol near <eof>
local t = {
