-- the matcher limits its recursion
local s = string.rep("a", 400)
print(s:match(string.rep("a?", 400)))
-- expect error: string_pattern_complex.lua:3: pattern too complex
