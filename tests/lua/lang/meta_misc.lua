-- __tostring, __name, __pairs, __metatable and getmetatable/setmetatable rules.
local P = setmetatable({}, {__tostring = function(self) return "<P>" end})
print(tostring(P), P)
print(string.format("%s|%5s", P, setmetatable({}, {__tostring = function() return "ab" end})))
print(pcall(tostring, setmetatable({}, {__tostring = function() return 1 end})))
print(pcall(tostring, setmetatable({}, {__tostring = function() error("ts fail", 0) end})))
-- __name is used by tostring when there is no __tostring
local named = setmetatable({}, {__name = "MyType"})
print((tostring(named):gsub("0x%x+", "ADDR"):gsub(": [%x]+$", ": ADDR")))
print(tostring(setmetatable({}, {__name = 42})):match("^table") ~= nil)
-- __name in error messages of the auxiliary library
print(pcall(string.rep, named))
print(pcall(math.floor, named))
-- __pairs
local pp = setmetatable({}, {__pairs = function(t)
  local i = 0
  return function(_, k) i = i + 1; if i <= 3 then return i, i * i end end, t, nil
end})
for k, v in pairs(pp) do print("pairs", k, v) end
-- __pairs may return a fourth value (closing value) which is ignored by pairs but used by for
local plain = {10, 20}
local cnt = 0
for k, v in pairs(plain) do cnt = cnt + v end
print(cnt)
-- next ignores __pairs; ipairs ignores __pairs
print(next(pp), select("#", ipairs(pp)))
-- __metatable protects the metatable
local prot = setmetatable({}, {__metatable = "locked"})
print(getmetatable(prot), pcall(setmetatable, prot, {}))
local protf = setmetatable({}, {__metatable = false})
print(getmetatable(protf))
print(getmetatable("abc").__index == string, getmetatable(1), getmetatable(print))
-- setmetatable argument checks
print(pcall(setmetatable, {}, 1))
print(pcall(setmetatable, 1, {}))
print(select("#", setmetatable({}, nil)), type(setmetatable({}, nil)))
-- debug.setmetatable on other types, restored afterwards
debug.setmetatable(nil, {__index = function() return "nil indexed" end})
local nothing = nil
print(nothing.x)
debug.setmetatable(nil, nil)
debug.setmetatable(true, {__tostring = function(b) return b and "YES" or "NO" end})
print(tostring(true), tostring(false))
debug.setmetatable(true, nil)
print(tostring(true))
debug.setmetatable(print, {__index = {kind = "function"}})
print(print.kind, (function() end).kind)
debug.setmetatable(print, nil)
-- __index on the string metatable can be extended
string.shout = function(s) return s:upper() .. "!" end
print(("hey"):shout())
string.shout = nil
-- __close and __gc with __metatable do not interfere
local mt = {__metatable = "m", __close = function() print("closed protected") end}
do local c <close> = setmetatable({}, mt) end
