-- own_front_lex.lua: scanner edge cases: the text quoted by "near", line counting, escapes,
-- long brackets, numerals, and input delivered one byte at a time.
local show = require("_show")

-- compiles src from a string and from a reader giving one byte per call; both must agree
local function try(src)
  local f1, e1 = load(src, "=s")
  local pos = 0
  local f2, e2 = load(function() pos = pos + 1; return src:sub(pos, pos) end, "=s")
  assert((f1 == nil) == (f2 == nil) and e1 == e2, "string and reader loads differ")
  if f1 then return f1() end
  return e1
end

-- escapes: the quoted text ends with the character at fault
show(try([[return "abc\q"]])) -- expect: "s:1: invalid escape sequence near '\"abc\\q'"
show(try([[return "\x5g"]])) -- expect: "s:1: hexadecimal digit expected near '\"\\x5g'"
show(try([[return "\x"]])) -- expect: "s:1: hexadecimal digit expected near '\"\\x\"'"
show(try([[return "\300x"]])) -- expect: "s:1: decimal escape too large near '\"\\300x'"
show(try([[return "\u{80000000}"]])) -- expect: "s:1: UTF-8 value too large near '\"\\u{80000000'"
show(try([[return "\u{}"]])) -- expect: "s:1: hexadecimal digit expected near '\"\\u{}'"
show(try("return 'abc")) -- expect: "s:1: unfinished string near <eof>"
show(try("return 'abc\ndef'")) -- expect: "s:1: unfinished string near ''abc'"
show(try('return "\\')) -- expect: "s:1: unfinished string near <eof>"
-- 5.4.4 and 5.4.6 word these two differently: check the common part
print((try([[return "\u12"]]):match("^s:1: missing '{'.* near '\"\\u1'$")) ~= nil) -- expect: true
print((try([[return "\u{12x"]]):match("^s:1: missing '}'.* near '\"\\u{12x'$")) ~= nil) -- expect: true

-- escapes that work
show(try([[return "\65\066\0671", "\x41\x6a", "\u{48}\u{7FF}\u{FFFF}", "\u{7FFFFFFF}"]])) -- expect: "ABC1" "Aj" "H\223\191\239\191\191" "\253\191\191\191\191\191"
show(try('return "a\\z  \n\r\n  b", "c\\\r\nd", "\\a\\b\\f\\n\\r\\t\\v\\\\\\"\\\'"'))
-- expect: "ab" "c\
-- expect: d" "\7\8\12\
-- expect: \13\9\11\\\"'"
show(try([[return "\u{0000000000000041}"]])) -- expect: "A"

-- long brackets: the first line break is dropped, others become \n
show(try("return [[\r\nab\r\ncd\n\re]]"))
-- expect: "ab\
-- expect: cd\
-- expect: e"
show(try("return [==[a]]b]=]c]==]")) -- expect: "a]]b]=]c"
show(try("return [=[]]=]")) -- expect: "]"
show(try("x = 1 [==[a\nb]==]"))
-- expect: "s:2: unexpected symbol near '[==[a\
-- expect: b]==]'"
show(try("x = [==")) -- expect: "s:1: invalid long string delimiter near '[=='"
show(try("x = [=x")) -- expect: "s:1: invalid long string delimiter near '[='"
show(try("return [[abc")) -- expect: "s:1: unfinished long string (starting at line 1) near <eof>"
show(try("\n\n--[==[ never closed\n\n"))
-- expect: "s:5: unfinished long comment (starting at line 3) near <eof>"
show(try("--[==[ x ]] ]==] return 1"))
-- expect: 1
show(try("--[=x\nreturn 2"))
-- expect: 2

-- line counting: \n, \r, \r\n and \n\r each end one line
show(try("\r\n\r\nx = = 1")) -- expect: "s:3: unexpected symbol near '='"
show(try("\n\r\n\rx = = 1")) -- expect: "s:3: unexpected symbol near '='"
show(try("\r\r\n\nx = = 1")) -- expect: "s:4: unexpected symbol near '='"

-- numerals are read greedily, then validated
show(try("return 3x")) -- expect: "s:1: malformed number near '3x'"
show(try("return 3..2")) -- expect: "s:1: malformed number near '3..2'"
show(try("return 0x1p+")) -- expect: "s:1: malformed number near '0x1p+'"
show(try("return 1e+")) -- expect: "s:1: malformed number near '1e+'"
show(try("return 0x")) -- expect: "s:1: malformed number near '0x'"
show(try("return .0x5")) -- expect: "s:1: malformed number near '.0x5'"
show(try("return 0x1e+5, 0x.8p1, 0xA.8, 3e-2, 1E2, .5, 0X1P4, 08")) -- expect: 35 1.0 10.5 0.03 100.0 0.5 16.0 8
show(try("return 9223372036854775807, 9223372036854775808, 0xffffffffffffffffff")) -- expect: 9223372036854775807 9.2233720368548e+18 -1
show(try("x = 1 12.5")) -- expect: "s:1: unexpected symbol near '12.5'"
show(try("x = 1 name")) -- expect: "s:1: syntax error near <eof>"
show(try("x = 1 'str'")) -- expect: "s:1: unexpected symbol near ''str''"

-- other symbols
show(try("return 7 // 2, 1 .. 2, 1 ~= 2, 1 <= 2, 1 >= 2, 1 << 2, 8 >> 1, 1 == 1, ~5")) -- expect: 3 "12" true true false 4 4 true -6
show(try("x = @")) -- expect: "s:1: unexpected symbol near '@'"
show(try("x = \1")) -- expect: "s:1: unexpected symbol near '<\\1>'"
show(try("x = \200")) -- expect: "s:1: unexpected symbol near '<\\200>'"
show(try("goto")) -- expect: "s:1: <name> expected near <eof>"
