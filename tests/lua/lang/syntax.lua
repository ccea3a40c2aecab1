-- Syntax corners: comments, call sugar, method definitions, operators precedence, literals.
--[[ long
comment ]] print("after long comment")
--[==[ another ]] still comment ]==] print("after level-2 comment")
;;; print("empty statements are fine");
local function id(...) return ... end
print(id"string call", id[[long string call]], type(id{1}))
local obj = {a = {b = {}}}
function obj.a.b.f(x) return "f" .. x end
function obj.a.b:m(x) return self == obj.a.b, x end
print(obj.a.b.f(1), obj.a.b:m(2))
local s = ("x"):rep(3)
print(s, #s:upper(), ("%d"):rep(2):format(1, 2))
-- precedence: or < and < comparison < | < ~ < & < shift < .. < + - < * / // % < unary < ^
print(1 + 2 * 3 ^ 2, (1 + 2) * 3, 2 ^ 3 ^ 2, -2 ^ 2, not 1 == 2)
print(1 .. 2 + 3, "a" .. "b" == "ab", 1 < 2 == true, 5 - 3 - 1, 2 * 3 % 4)
print(1 | 2 ~ 3 & 4, 1 << 2 + 1, 3 & 5 == 1, (0xF0 >> 4) .. "", pcall(load("return 0xF0 >> 4 .. \"\"")), #"abc" + 1, -#"ab")
print(nil or false, false or nil, nil and 1, 1 and 2, false or "d", 1 or error("not evaluated"))
print(1 == 1 and "yes" or "no", nil == false, not not nil, not 0)
-- numeric literal forms
print(0x1P-2, 0X10, 1E2, .5, 5., 3e-2, 0x.8, 0xA, 0Xa.0, 1//1)
print(9007199254740993, 0x7FFFFFFFFFFFFFFF + 1 == math.mininteger, 18446744073709551615 == 2^64)
-- long nested expressions and parentheses
local deep = ((((((((((1))))))))))
print(deep, (((("paren")))))
-- semicolons and statement separators
local a = 1; local b = 2; print(a + b);
-- comparison chains through functions
local function cmp(x, y) return x < y, x <= y, x > y, x >= y, x == y, x ~= y end
print(cmp(1, 2))
print(cmp("b", "a"))
-- integer keys via different syntax
local t = {[1] = "a", [2.0] = "b", ["3"] = "c"}
print(t[1], t[2], t[3], t["3"], #t)
-- nested functions and method call chains
local chain = {}
function chain:add(v) self[#self + 1] = v; return self end
chain:add(1):add(2):add(3)
print(#chain, chain[3])
print(("a,b,c"):gsub(",", ";"):upper())
-- do blocks and shadowing
local v = "outer"
do local v = "inner"; print(v) end
print(v)
-- while with complex condition
local n = 0
while n < 10 and not (n == 5) do n = n + 1 end
print(n)
-- numeric edge literal tokenization
print(load("return 3..2"))
print(1 .. 2 == "12", 0xep1, 0xe+1)
