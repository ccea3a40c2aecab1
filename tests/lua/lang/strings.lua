-- Strings: 8-bit clean contents, escapes, long strings, length, comparison, interning.
local s = "a\0b\0c"
print(#s, s:byte(2), s:byte(4), s == "a\0b\0c", s ~= "a\0b\0d") -- expect: 5	0	0	true	true
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
local bin = table.concat(all)
print(#bin, bin:byte(1), bin:byte(256), bin:sub(66, 68)) -- expect: 256	0	255	ABC
local sum = 0
for i = 1, #bin do sum = sum + bin:byte(i) * i end
print(sum) -- expect: 5592320
local t = {[bin] = "binkey", ["a\0"] = 1, ["a"] = 2}
print(t[bin], t["a\0"], t["a"], t[bin:sub(1, 255)]) -- expect: binkey	1	2	nil
print(("\0"):rep(3) == "\0\0\0", #("\0"):rep(1000)) -- expect: true	1000
-- escapes
local zs = "\z
       joined"
print("tab:\t|", "nl\\n", "q\"q", 'q\'q', "\65\066\x43\u{44}", zs) -- expect: tab:	|	nl\n	q"q	q'q	ABCD	joined
print(#"\u{7FF}", #"\u{FFFF}", #"\u{10FFFF}", #"\u{7FFFFFFF}", "\u{48}\u{49}") -- expect: 2	3	4	6	HI
local nl = "a\
b"
print("\x41\x62\x5A", "\1\12\123" == string.char(1, 12, 123), nl)
-- expect: AbZ	true	a
-- expect: b
-- long strings
local ls = [[
first line
second]]
print(ls, #ls)
-- expect: first line
-- expect: second	17
local two = #[[

x]]
print([==[a]]b]=]c]==], [[]], two) -- expect: a]]b]=]c		2
local crlf = load("return [[\r\nA\r\nB]]")()
print(#crlf, crlf:byte(1), crlf:byte(2)) -- expect: 3	65	10
-- comparison is bytewise (C locale)
print("a" < "b", "abc" < "abd", "" < "\0", "\0" < "\1", "\255" > "\127", "a\0a" < "a\0b") -- expect: true	true	true	true	true	true
print("Z" < "a", "abc" == "ab" .. "c", ("x"):rep(50) == ("x"):rep(49) .. "x") -- expect: true	true	true
-- long string equality (not interned) still compares by content
local l1 = ("long string content "):rep(5)
local l2 = ("long string content "):rep(4) .. "long string content "
print(l1 == l2, #l1, rawequal(l1, l2)) -- expect: true	100	true
local kt = {}
kt[l1] = 1
print(kt[l2], next(kt) == l2) -- expect: 1	true
-- string methods via metatable, indexing
print(("hello"):upper(), ("%d"):format(7), #"hello", ("abc"):len()) -- expect: HELLO	7	5	3
print(getmetatable("").__index == string, ("x").y) -- expect: true	nil
print(pcall(function() local s = "x"; s.y = 1 end)) -- expect: false	strings.lua:50: attempt to index a string value (local 's')
-- string concatenation of many parts
local parts = {}
for i = 1, 100 do parts[i] = i end
local c = table.concat(parts)
print(#c, c:sub(1, 12), c:sub(-6)) -- expect: 192	123456789101	899100
local acc = ""
for i = 1, 200 do acc = acc .. string.char(i % 256) end
print(#acc, acc:byte(200)) -- expect: 200	200
print(("abc"):reverse(), ("a,b"):find(",", 1, true), ("\0\1\2"):reverse():byte(1, -1)) -- expect: cba	2	2	1	0
