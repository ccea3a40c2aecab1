-- syntax: invalid long string delimiter
-- expect error: syntax_invalid_long_delim.lua:3: invalid long string delimiter near '[=='
local s = [==x
