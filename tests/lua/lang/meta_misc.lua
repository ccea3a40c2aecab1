-- __tostring, __name, __pairs, __metatable and getmetatable/setmetatable rules.
local P = setmetatable({}, {__tostring = function(self) return "<P>" end})
print(tostring(P), P) -- expect: <P>	<P>
print(string.format("%s|%5s", P, setmetatable({}, {__tostring = function() return "ab" end}))) -- expect: <P>|   ab
print(pcall(tostring, setmetatable({}, {__tostring = function() return 1 end}))) -- expect: true	1
print(pcall(tostring, setmetatable({}, {__tostring = function() error("ts fail", 0) end}))) -- expect: false	ts fail
-- __name is used by tostring when there is no __tostring
local named = setmetatable({}, {__name = "MyType"})
print((tostring(named):gsub("0x%x+", "ADDR"):gsub(": [%x]+$", ": ADDR"))) -- expect: MyType: ADDR
print(tostring(setmetatable({}, {__name = 42})):match("^table") ~= nil) -- expect: true
-- __name in error messages of the auxiliary library
print(pcall(string.rep, named)) -- expect: false	bad argument #1 to 'string.rep' (string expected, got MyType)
print(pcall(math.floor, named)) -- expect: false	bad argument #1 to 'math.floor' (number expected, got MyType)
-- __pairs
local pp = setmetatable({}, {__pairs = function(t)
  local i = 0
  return function(_, k) i = i + 1; if i <= 3 then return i, i * i end end, t, nil
end})
for k, v in pairs(pp) do print("pairs", k, v) end
-- expect: pairs	1	1
-- expect: pairs	2	4
-- expect: pairs	3	9
-- __pairs may return a fourth value (closing value) which is ignored by pairs but used by for
local plain = {10, 20}
local cnt = 0
for k, v in pairs(plain) do cnt = cnt + v end
print(cnt) -- expect: 30
-- next ignores __pairs; ipairs ignores __pairs
print(next(pp), select("#", ipairs(pp))) -- expect: nil	3
-- __metatable protects the metatable
local prot = setmetatable({}, {__metatable = "locked"})
print(getmetatable(prot), pcall(setmetatable, prot, {})) -- expect: locked	false	cannot change a protected metatable
local protf = setmetatable({}, {__metatable = false})
print(getmetatable(protf)) -- expect: false
print(getmetatable("abc").__index == string, getmetatable(1), getmetatable(print)) -- expect: true	nil	nil
-- setmetatable argument checks
print(pcall(setmetatable, {}, 1)) -- expect: false	bad argument #2 to 'setmetatable' (nil or table expected, got number)
print(pcall(setmetatable, 1, {})) -- expect: false	bad argument #1 to 'setmetatable' (table expected, got number)
print(select("#", setmetatable({}, nil)), type(setmetatable({}, nil))) -- expect: 1	table
-- debug.setmetatable on other types, restored afterwards
debug.setmetatable(nil, {__index = function() return "nil indexed" end})
local nothing = nil
print(nothing.x) -- expect: nil indexed
debug.setmetatable(nil, nil)
debug.setmetatable(true, {__tostring = function(b) return b and "YES" or "NO" end})
print(tostring(true), tostring(false)) -- expect: YES	NO
debug.setmetatable(true, nil)
print(tostring(true)) -- expect: true
debug.setmetatable(print, {__index = {kind = "function"}})
print(print.kind, (function() end).kind) -- expect: function	function
debug.setmetatable(print, nil)
-- __index on the string metatable can be extended
string.shout = function(s) return s:upper() .. "!" end
print(("hey"):shout()) -- expect: HEY!
string.shout = nil
-- __close and __gc with __metatable do not interfere
local mt = {__metatable = "m", __close = function() print("closed protected") end}
do local c <close> = setmetatable({}, mt) end -- expect: closed protected
