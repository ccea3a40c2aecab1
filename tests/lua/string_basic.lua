-- string library basics: len/sub/byte/char/rep/reverse/lower/upper, dump, method syntax and the string metatable.

local show = require("_show")

local s = "hello world"
show(#s, s:len(), ("").len(""), string.len("a\0b")) -- expect: 11 11 0 3
show(s:sub(1, 5), s:sub(-5), s:sub(7), s:sub(0), s:sub(-100, 3), s:sub(5, 4), s:sub(100)) -- expect: "hello" "world" "world" "hello world" "hel" "" ""
show(s:sub(3, -3), s:sub(-3, -1), s:sub(2, 2), s:sub(math.mininteger, math.maxinteger), s:sub(2.0, "3")) -- expect: "llo wor" "rld" "e" "hello world" "el"
show(s:byte(), s:byte(-1), s:byte(1, 3), s:byte(100), s:byte(3, 2)) -- expect: 104 100 104 nil
show(select("#", s:byte(1, -1)), ("\0\255"):byte(1, 2)) -- expect: 11 0 255
show(string.char(), string.char(72, 105, 0, 255), string.char("65", 66.0)) -- expect: "" "Hi\0\255" "AB"
show(s:upper(), ("MiXeD 123 \xe9"):lower(), ("abc"):reverse(), (""):reverse(), ("a\0b"):reverse()) -- expect: "HELLO WORLD" "mixed 123 \233" "cba" "" "b\0a"
show(("ab"):rep(3), ("ab"):rep(3, ", "), ("x"):rep(0), ("x"):rep(-5), ("x"):rep(1, "sep"), (""):rep(5, ""), (""):rep(3, "-")) -- expect: "ababab" "ab, ab, ab" "" "" "x" "" "--"

-- errors raised by argument checks
show(pcall(string.char, 256)) -- expect: false "bad argument #1 to 'string.char' (value out of range)"
show(pcall(string.char, -1)) -- expect: false "bad argument #1 to 'string.char' (value out of range)"
show(pcall(string.rep, "x", 1 << 40)) -- expect: false "resulting string too large"
show(pcall(string.sub)) -- expect: false "bad argument #1 to 'string.sub' (string expected, got no value)"
show(pcall(string.sub, "x", 1.5)) -- expect: false "bad argument #2 to 'string.sub' (number has no integer representation)"
show(pcall(string.byte, "x", {})) -- expect: false "bad argument #2 to 'string.byte' (number expected, got table)"
show(pcall(string.upper)) -- expect: false "bad argument #1 to 'string.upper' (string expected, got no value)"
show(pcall(("x").rep, "x", "y")) -- expect: false "bad argument #2 to 'string.rep' (number expected, got string)"

-- dump and load round trip
local function add(a, b) return a + b end
local d = string.dump(add)
show(type(d), d:sub(1, 4) == "\27Lua", load(d)(2, 3)) -- expect: "string" true 5
show(load(string.dump(add, true))(10, 20)) -- expect: 30
show(pcall(string.dump, string.len)) -- expect: false "unable to dump given function"
show(pcall(string.dump)) -- expect: false "bad argument #1 to 'string.dump' (function expected, got no value)"

-- the string metatable
local mt = getmetatable("")
show(mt.__index == string, ("x").upper == string.upper, mt.__name) -- expect: true true nil
local keys = {}
for k in pairs(mt) do keys[#keys + 1] = k end
table.sort(keys)
show(table.concat(keys, ",")) -- expect: "__add,__div,__idiv,__index,__mod,__mul,__pow,__sub,__unm"
show(("%d-%s"):format(5, "x"), ("abc"):find("b"), #("abc"):rep(2)) -- expect: "5-x" 2 6

-- numeric strings in arithmetic (string metamethods)
show("10" + 1, "3" * "4", "10" / 2, "7" // 2, "7" % "3", "2" ^ 10, -"3", "0x10" + 0, " 5 " - 1) -- expect: 11 12 5.0 3 1 1024.0 -3 16 4
show(math.type("10" + 1), math.type("10.0" + 1), math.type("1e2" * 1), "10" // "0.0") -- expect: "integer" "float" "float" inf
show(pcall(function() return "abc" + 1 end)) -- expect: false "string_basic.lua:45: attempt to add a 'string' with a 'number'"
show(pcall(function() return {} .. "x" end)) -- expect: false "string_basic.lua:46: attempt to concatenate a table value"
show(pcall(function() return 1 - "x1" end)) -- expect: false "string_basic.lua:47: attempt to sub a 'number' with a 'string'"
show(pcall(function() return -"z" end)) -- expect: false "string_basic.lua:48: attempt to unm a 'string' with a 'string'"
show(pcall(mt.__add, "1", "2"), pcall(mt.__add, true, 1)) -- expect: true false "attempt to add a 'boolean' with a 'number'"
local obj = setmetatable({}, {__add = function(a, b) return "custom" end, __sub = function() return "csub" end})
show("abc" + obj, "5" - obj) -- expect: "custom" "csub"
show(pcall(function() return obj + "abc" end)) -- expect: true "custom"
