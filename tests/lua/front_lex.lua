-- front end: lexer (numerals, strings, escapes, long brackets, comments, line counting).
print(0x10, 0xA, 0Xa, 0xffffffffffffffff, 0x7fffffffffffffff + 0, 0x1p4, 0x.1, 0xA.8p1)
print(9223372036854775807, 9223372036854775808, -9223372036854775808, math.type(9223372036854775808))
print(1e2, 1E-2, .5, 5., 3.25e+1, 0.1 + 0.2 == 0.3, 2^63 == 9223372036854775808)
print(math.type(1), math.type(1.0), math.type(0x10), math.type(1e0), 1 == 1.0)
print("a\tb", "c\\d", "\"q\"", '\'s\'', "\65\066\x43", "\u{48}\u{49}", #"\u{7FFFFFFF}", #"\u{800}")
print("x\z
       y", "line1\
line2")
print([[
first newline skipped]], [==[a]]b]=]c]==], #[[

]])
--[==[ long
comment ]] still comment ]==] print("after long comment")
-- short comment print("not printed")
print(#"\0abc", ("\0x"):byte(1), "\r\n" == "\13\10", "\a\b\f\v" == "\7\8\12\11")
local s = "a\
b"
print(#s, s:byte(2))
print(3 .. 4, 1 .. "", - -1, not nil == true)
-- line numbers through all newline styles
local chunk = "local x = 1\r\nlocal y = 2\n\rlocal z = 3\rerror('here')"
print(select(2, pcall(load(chunk, "=c"))))
print(load("return 1 +", "=c"))
print(load("x = 3x", "=c"))
print(load("x = 0x", "=c"))
print(load("x = 1e", "=c"))
print(load("x = 1..2", "=c"))
print(load("x = 'abc", "=c"))
print(load("x = 'abc\ny'", "=c"))
print(load("x = '\\q'", "=c"))
print(load("x = '\\300'", "=c"))
print(load("x = '\\xg'", "=c"))
print(load("x = '\\u{80000000}'", "=c"))
print(load("x = [==[ abc", "=c"))
print(load("--[[ abc", "=c"))
print(load("x = [=", "=c"))
print(load("x = @", "=c"))
print(load("x = '\\x4", "=c"))

-- expected output (validated with PUC Lua 5.4):
-- expect: 16	10	10	-1	9223372036854775807	16.0	0.0625	21.0
-- expect: 9223372036854775807	9.2233720368548e+18	-9.2233720368548e+18	float
-- expect: 100.0	0.01	0.5	5.0	32.5	false	true
-- expect: integer	float	integer	float	true
-- expect: a	b	c\d	"q"	's'	ABC	HI	6	3
-- expect: xy	line1
-- expect: line2
-- expect: first newline skipped	a]]b]=]c	1
-- expect: after long comment
-- expect: 4	0	true	true
-- expect: 3	10
-- expect: 34	1	1	true
-- expect: c:4: here
-- expect: nil	c:1: unexpected symbol near <eof>
-- expect: nil	c:1: malformed number near '3x'
-- expect: nil	c:1: malformed number near '0x'
-- expect: nil	c:1: malformed number near '1e'
-- expect: nil	c:1: malformed number near '1..2'
-- expect: nil	c:1: unfinished string near <eof>
-- expect: nil	c:1: unfinished string near ''abc'
-- expect: nil	c:1: invalid escape sequence near ''\q'
-- expect: nil	c:1: decimal escape too large near ''\300''
-- expect: nil	c:1: hexadecimal digit expected near ''\xg'
-- expect: nil	c:1: UTF-8 value too large near ''\u{80000000'
-- expect: nil	c:1: unfinished long string (starting at line 1) near <eof>
-- expect: nil	c:1: unfinished long comment (starting at line 1) near <eof>
-- expect: nil	c:1: invalid long string delimiter near '[='
-- expect: nil	c:1: unexpected symbol near '@'
-- expect: nil	c:1: hexadecimal digit expected near ''\x4'
