-- __concat and __len metamethods.
local C = setmetatable({name = "C"}, {__concat = function(a, b)
  local function s(o) return type(o) == "table" and o.name or tostring(o) end
  return s(a) .. "+" .. s(b)
end})
print(C .. "x", "x" .. C, 1 .. C, C .. 2.5, C .. C) -- expect: C+x	x+C	1+C	C+2.5	C+C
-- concat is right associative; metamethod sees partial results
print("a" .. "b" .. C, C .. "a" .. "b", "a" .. C .. "b") -- expect: ab+C	C+ab	aC+b
-- numbers are converted, other types need __concat
print(pcall(function() return "a" .. {} end)) -- expect: false	meta_concat_len.lua:10: attempt to concatenate a table value
print(pcall(function() return true .. "a" end)) -- expect: false	meta_concat_len.lua:11: attempt to concatenate a boolean value
print(pcall(function() local n = nil return "a" .. n end)) -- expect: false	meta_concat_len.lua:12: attempt to concatenate a nil value (local 'n')
print(pcall(function() return 1 .. nil .. 2 end)) -- expect: false	meta_concat_len.lua:13: attempt to concatenate a nil value
-- __concat result can be any value
local R = setmetatable({}, {__concat = function() return 42 end})
print(R .. "x", math.type(R .. "x")) -- expect: 42	integer
local L = setmetatable({}, {__concat = function(a, b) return {a, b} end})
local res = L .. L
print(type(res), res[1] == L) -- expect: table	true
-- long chains of concatenation with a metamethod in the middle
local parts = {}
for i = 1, 10 do parts[i] = "p" .. i end
local chained = parts[1] .. parts[2] .. parts[3] .. C .. parts[4] .. parts[5]
print(chained) -- expect: p1p2p3C+p4p5
-- __len
local Len = setmetatable({1, 2, 3}, {__len = function(t) return 99 end})
print(#Len, rawlen(Len)) -- expect: 99	3
local LenStr = setmetatable({}, {__len = function() return "not a number" end})
print(#LenStr) -- expect: not a number
print(pcall(function() return #5 end)) -- expect: false	meta_concat_len.lua:30: attempt to get length of a number value
print(pcall(function() local b = true return #b end)) -- expect: false	meta_concat_len.lua:31: attempt to get length of a boolean value (local 'b')
print(#"abc", #{1, 2}) -- expect: 3	2
-- table.unpack uses __len and __index; ipairs uses __index
local proxied = setmetatable({}, {__len = function() return 3 end, __index = function(_, i) return i * 10 end})
print(table.unpack(proxied)) -- expect: 10	20	30
print(table.concat({1, 2, 3}, "-"), select("#", table.unpack({}, 1, 3))) -- expect: 1-2-3	3
local seen = {}
for i, v in ipairs(proxied) do seen[#seen + 1] = v; if i >= 5 then break end end
print(table.concat(seen, ",")) -- expect: 10,20,30,40,50
