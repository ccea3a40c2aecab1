-- an unterminated set in a pattern
local s = "abc"
print(s:find("[a-"))
-- expect error: string_pattern_malformed.lua:3: malformed pattern (missing ']')
