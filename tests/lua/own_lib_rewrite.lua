-- library functions rewritten as tycho's own code: edge cases pinned against lua5.4.
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end

-- select
print(select('#'), select('#', 1, nil), select(2, 'a', 'b', 'c'), select(-1, 'a', 'b')) -- expect: 0	2	b	b
print(select(-2, 1, 2)) -- expect: 1	2
print(select(math.maxinteger, 1)) -- expect: 
print(pcall(select, 0, 1)) -- expect: false	bad argument #1 to 'select' (index out of range)
print(pcall(select, -3, 1, 2)) -- expect: false	bad argument #1 to 'select' (index out of range)
print(pcall(select, math.mininteger, 1)) -- expect: false	bad argument #1 to 'select' (index out of range)
print(pcall(select, 'x')) -- expect: false	bad argument #1 to 'select' (number expected, got string)

-- rawget / rawset / rawequal / rawlen
local t = setmetatable({}, {__index = function() return "meta" end, __newindex = function() error("no") end})
print(rawget(t, 1), t[1], rawset(t, 1, 2) == t, rawget(t, 1)) -- expect: nil	meta	true	2
print(pcall(rawget, 1)) -- expect: false	bad argument #1 to 'rawget' (table expected, got number)
print(pcall(rawget, {})) -- expect: false	bad argument #2 to 'rawget' (value expected)
print(pcall(rawset, {}, 1)) -- expect: false	bad argument #3 to 'rawset' (value expected)
print(rawequal("a", "a"), rawlen({1, 2}), rawlen("abc"), pcall(rawlen, 5)) -- expect: true	2	3	false	bad argument #1 to 'rawlen' (table or string expected, got number)

-- collectgarbage options and their arguments
print(collectgarbage("count") > 0, math.type(collectgarbage("count"))) -- expect: true	float
print(collectgarbage("incremental"), collectgarbage("generational"), collectgarbage("incremental")) -- expect: generational	incremental	generational
print(pcall(collectgarbage, "bogus")) -- expect: false	bad argument #1 to 'collectgarbage' (invalid option 'bogus')
print(pcall(collectgarbage, "step", "x")) -- expect: false	bad argument #2 to 'collectgarbage' (number expected, got string)
print(collectgarbage("collect", "ignored")) -- expect: 0
print(collectgarbage("stop"), collectgarbage("isrunning"), collectgarbage("restart"), collectgarbage("isrunning")) -- expect: 0	false	0	true

-- debug: metatables, user values, upvalue identity and joins
print(debug.getmetatable(1), debug.getmetatable("x").__index == string) -- expect: nil	true
print(pcall(debug.setmetatable, 1)) -- expect: false	bad argument #2 to 'debug.setmetatable' (nil or table expected, got no value)
print(debug.getuservalue(io.stdout, 5), debug.getuservalue({}, 1)) -- expect: nil	nil
print(debug.setuservalue(io.stdout, 5, 3)) -- expect: nil
print(pcall(debug.setuservalue, {}, 5, 3)) -- expect: false	bad argument #1 to 'debug.setuservalue' (userdata expected, got table)
print(pcall(debug.setuservalue, io.stdout)) -- expect: false	bad argument #2 to 'debug.setuservalue' (value expected)
print(pcall(debug.upvalueid, print)) -- expect: false	bad argument #2 to 'debug.upvalueid' (number expected, got no value)
print(pcall(debug.upvalueid, 1, 1)) -- expect: false	bad argument #1 to 'debug.upvalueid' (function expected, got number)
print(debug.upvalueid(string.len, 1)) -- expect: nil
local a, b = 1, 2
local f = function() return a end
local g = function() return b end
print(pcall(debug.upvaluejoin, f, 2, g, 1)) -- expect: false	bad argument #2 to 'debug.upvaluejoin' (invalid upvalue index)
print(pcall(debug.upvaluejoin, f, 1, g, 2)) -- expect: false	bad argument #4 to 'debug.upvaluejoin' (invalid upvalue index)
print(debug.upvalueid(f, 1) == debug.upvalueid(g, 1)) -- expect: false
debug.upvaluejoin(f, 1, g, 1)
print(f(), debug.upvalueid(f, 1) == debug.upvalueid(g, 1)) -- expect: 2	true

-- math
print(math.ult(1, -1), math.ult(-1, 1), pcall(math.ult, 1.5, 2)) -- expect: true	false	false	bad argument #1 to 'math.ult' (number has no integer representation)
print(math.log(8, 2), math.log(100, 10), math.log(1), math.log(27, 3) > 2.99) -- expect: 3.0	2.0	0.0	true
print(math.pi, math.huge, -math.huge, math.maxinteger, math.mininteger) -- expect: 3.1415926535898	inf	-inf	9223372036854775807	-9223372036854775808
math.randomseed(42)
local r = {}
for i = 1, 6 do r[#r + 1] = math.random(1, 7) end
for i = 1, 3 do r[#r + 1] = math.random(0) end
for i = 1, 3 do r[#r + 1] = math.random(1000000007) end
for i = 1, 3 do r[#r + 1] = math.random(math.mininteger, math.maxinteger) end
r[#r + 1] = math.random(3, 3)
print(table.concat(r, " ")) -- expect: 6 2 4 6 6 7 -5331535219522992527 5064682594356155544 3570341730643388674 413852184 238657048 310370049 -8437215707573260096 695586496122339134 -1735703041826655235 3
print(math.randomseed(7, 9)) -- expect: 7	9
print(math.random(100), math.random(1, 64), math.random(1, 65)) -- expect: 25	56	11
print(pcall(math.random, 1, 2, 3)) -- expect: false	wrong number of arguments
print(pcall(math.random, 2, 1)) -- expect: false	bad argument #1 to 'math.random' (interval is empty)

-- string: slices, byte maps, rep
local s = "hello"
local out = {}
for _, p in ipairs{{1}, {2, 3}, {-3}, {-3, -2}, {0}, {10}, {-10}, {2, -10}, {3, 100},
                   {math.mininteger, math.maxinteger}, {-1, -1}, {6}, {5, 5}} do
  out[#out + 1] = string.format("%q", s:sub(p[1], p[2])) .. " " .. select('#', s:byte(p[1], p[2]))
end
print(table.concat(out, "; ")) -- expect: "hello" 1; "el" 2; "llo" 1; "ll" 2; "hello" 0; "" 0; "hello" 0; "" 0; "llo" 3; "hello" 5; "o" 1; "" 0; "o" 1
print(s:byte(-1), s:byte(10), select('#', s:byte(0))) -- expect: 111	nil	0
print(("x"):rep(3), ("x"):rep(3, ", "), ("ab"):rep(0) == "", ("ab"):rep(-1, "x") == "", ("a"):rep(1, "-"), (""):rep(3, "-")) -- expect: xxx	x, x, x	true	true	a	--
print(pcall(string.rep, "x", math.maxinteger)) -- expect: false	resulting string too large
print(pcall(string.rep, "", math.maxinteger, "x")) -- expect: false	resulting string too large
print(hex(("Hello\0World"):upper()), hex(("ABC\0x"):lower()), hex(("abc\0d"):reverse()), (""):reverse() == "") -- expect: 48454c4c4f00574f524c44	6162630078	6400636261	true

-- gsub and character classes
print(string.gsub("hello world", "", "-")) -- expect: -h-e-l-l-o- -w-o-r-l-d-	12
print(string.gsub("hello", "^x", "H")) -- expect: hello	0
print(string.gsub("abc", "%w*", "[%0]")) -- expect: [abc]	1
print(string.gsub("abc def", "%w+", function(w) if w == "def" then return false end return w:upper() end)) -- expect: ABC def	2
print(string.gsub("abc", "x*", "-", 0), string.gsub("abc", "x*", "-", -1)) -- expect: abc	abc	0
print(string.gsub("", "", "e")) -- expect: e	1
print(pcall(string.gsub, "a", "a", true, "x")) -- expect: false	bad argument #4 to 'string.gsub' (number expected, got string)
print(string.gsub("abc", ".-", "x")) -- expect: xaxbxcx	4
print(string.gsub("AbC 12 _!", "%u", "U"), string.gsub("AbC 12 _!", "%A", "."), string.gsub("AbC 12 _!", "%W", ".")) -- expect: UbU 12 _!	AbC......	AbC.12...	4
print(string.gsub("a\0b", "%z", "Z"), string.gsub("aF9g", "%x", "h"), string.gsub("aF9g", "%X", "h")) -- expect: aZb	hhhg	aF9h	1
print(string.gsub("a]b%", "[%]%%]", "#"), string.gsub("a1 ", "[%D]", "N"), string.gsub("ab\1", "%c", "C")) -- expect: a#b#	N1N	abC	1
print(string.gsub("a,b;", "%p", "P"), string.gsub("aB c", "%l", "l"), string.gsub("a b\tc", "%S", "s")) -- expect: aPbP	lB l	s s	s	3

-- string.pack / unpack
print(hex(string.pack("<i16", -3)), hex(string.pack(">I16", 5)), hex(string.pack("c5", "ab"))) -- expect: fdffffffffffffffffffffffffffffff	00000000000000000000000000000005	6162000000
print(hex(string.pack("s1", "hey")), hex(string.pack("z", "zz")), hex(string.pack("<!4 b i4", 1, 2))) -- expect: 03686579	7a7a00	0100000002000000
print(hex(string.pack("<!4 i2 Xi4", 1)), hex(string.pack("xxi1", 3)), hex(string.pack("i9", -1))) -- expect: 01000000	000003	ffffffffffffffffff
print(pcall(string.pack, "i1", 128)) -- expect: false	bad argument #2 to 'string.pack' (integer overflow)
print(pcall(string.pack, "I1", -1)) -- expect: false	bad argument #2 to 'string.pack' (unsigned overflow)
print(pcall(string.pack, "c2", "abc")) -- expect: false	bad argument #2 to 'string.pack' (string longer than given size)
print(pcall(string.pack, "s1", string.rep("x", 256))) -- expect: false	bad argument #2 to 'string.pack' (string length does not fit in given size)
print(pcall(string.pack, "z", "a\0b")) -- expect: false	bad argument #2 to 'string.pack' (string contains zeros)
print(pcall(string.pack, "i1 i1", 1)) -- expect: false	bad argument #3 to 'string.pack' (number expected, got nil)
print(string.unpack("i9", ("\255"):rep(9)), string.unpack("<i3", "\255\255\127"), string.unpack("<i3", "\0\0\128"), string.unpack("<I3", "\0\0\128")) -- expect: -1	8388607	-8388608	8388608	4
print(pcall(string.unpack, "i9", ("\255"):rep(8) .. "\0")) -- expect: false	9-byte integer does not fit into Lua Integer
print(pcall(string.unpack, "I9", ("\255"):rep(8) .. "\1")) -- expect: false	9-byte integer does not fit into Lua Integer
print(string.unpack(">i2 <i2", "\255\254\254\255")) -- expect: -2	-2	5

-- package.searchpath's not-found list keeps empty templates
print(package.searchpath("nomod.x", "./?.lua;;/tmp/no/?/init.lua"))
-- expect: nil	no file './nomod/x.lua'
-- expect: 	no file ''
-- expect: 	no file '/tmp/no/nomod/x/init.lua'
print(package.searchpath("a", "")) -- expect: nil	no file ''
