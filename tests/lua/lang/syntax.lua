-- Syntax corners: comments, call sugar, method definitions, operators precedence, literals.
--[[ long
comment ]] print("after long comment") -- expect: after long comment
--[==[ another ]] still comment ]==] print("after level-2 comment")
-- expect: after level-2 comment
;;; print("empty statements are fine"); -- expect: empty statements are fine
local function id(...) return ... end
print(id"string call", id[[long string call]], type(id{1})) -- expect: string call	long string call	table
local obj = {a = {b = {}}}
function obj.a.b.f(x) return "f" .. x end
function obj.a.b:m(x) return self == obj.a.b, x end
print(obj.a.b.f(1), obj.a.b:m(2)) -- expect: f1	true	2
local s = ("x"):rep(3)
print(s, #s:upper(), ("%d"):rep(2):format(1, 2)) -- expect: xxx	3	12
-- precedence: or < and < comparison < | < ~ < & < shift < .. < + - < * / // % < unary < ^
print(1 + 2 * 3 ^ 2, (1 + 2) * 3, 2 ^ 3 ^ 2, -2 ^ 2, not 1 == 2) -- expect: 19.0	9	512.0	-4.0	false
print(1 .. 2 + 3, "a" .. "b" == "ab", 1 < 2 == true, 5 - 3 - 1, 2 * 3 % 4) -- expect: 15	true	true	1	2
print(1 | 2 ~ 3 & 4, 1 << 2 + 1, 3 & 5 == 1, (0xF0 >> 4) .. "", pcall(load("return 0xF0 >> 4 .. \"\"")), #"abc" + 1, -#"ab") -- expect: 3	8	true	15	false	4	-2
print(nil or false, false or nil, nil and 1, 1 and 2, false or "d", 1 or error("not evaluated")) -- expect: false	nil	nil	2	d	1
print(1 == 1 and "yes" or "no", nil == false, not not nil, not 0) -- expect: yes	false	false	false
-- numeric literal forms
print(0x1P-2, 0X10, 1E2, .5, 5., 3e-2, 0x.8, 0xA, 0Xa.0, 1//1) -- expect: 0.25	16	100.0	0.5	5.0	0.03	0.5	10	10.0	1
print(9007199254740993, 0x7FFFFFFFFFFFFFFF + 1 == math.mininteger, 18446744073709551615 == 2^64) -- expect: 9007199254740993	true	true
-- long nested expressions and parentheses
local deep = ((((((((((1))))))))))
print(deep, (((("paren"))))) -- expect: 1	paren
-- semicolons and statement separators
local a = 1; local b = 2; print(a + b); -- expect: 3
-- comparison chains through functions
local function cmp(x, y) return x < y, x <= y, x > y, x >= y, x == y, x ~= y end
print(cmp(1, 2)) -- expect: true	true	false	false	false	true
print(cmp("b", "a")) -- expect: false	false	true	true	false	true
-- integer keys via different syntax
local t = {[1] = "a", [2.0] = "b", ["3"] = "c"}
print(t[1], t[2], t[3], t["3"], #t) -- expect: a	b	nil	c	2
-- nested functions and method call chains
local chain = {}
function chain:add(v) self[#self + 1] = v; return self end
chain:add(1):add(2):add(3)
print(#chain, chain[3]) -- expect: 3	3
print(("a,b,c"):gsub(",", ";"):upper()) -- expect: A;B;C
-- do blocks and shadowing
local v = "outer"
do local v = "inner"; print(v) end -- expect: inner
print(v) -- expect: outer
-- while with complex condition
local n = 0
while n < 10 and not (n == 5) do n = n + 1 end
print(n) -- expect: 5
-- numeric edge literal tokenization
print(load("return 3..2")) -- expect: nil	[string "return 3..2"]:1: malformed number near '3..2'
print(1 .. 2 == "12", 0xep1, 0xe+1) -- expect: true	28.0	15
