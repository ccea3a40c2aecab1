-- front end: compile-time error messages (syntax, scoping, limits) as returned by load().
local function check(src)
  local f, msg = load(src, "=src")
  print(msg)
end
check("x = ")
check("x y")
check("local function f()")
check("function f()\n\n  return\n")
check("for i x")
check("for i = 1 do end")
check("if x then")
check("x = }")
check("goto nowhere")
check("do goto l end ::l:: ::l::")
check("::a:: ::a::")
check("do goto f; local x; ::f:: print(x) end")
check("local x <const> = 1; x = 2")
check("local x <const> = {}; x = 2")
check("local x <close>, y <close> = 1, 2")
check("local x <foo> = 1")
check("function f() return ... end")
check("a.b:c = 1")
check("f() = 1")
check("return return")
check("x = 1 end")
check("x = function(..., a) end")
check("local t = {[1] 2}")
check("x = 1 + + 2")
check("x = a.1")
check("local 1 = 2")
check("local function f() local a <const> = 1; return function() a = 2 end end")
check("local a <close> = 1; local function f() a = 1 end")
check("x = #")
check("for i = 1, 2, 3, 4 do end")
check("repeat goto cont; local x; ::cont:: until x")
check("local x = 1; goto z; local y; ::z:: local w")
check(string.rep("a = 1\n", 3) .. "b = ")
local many = {}
for i = 1, 201 do many[i] = "local v" .. i end
check(table.concat(many, "\n"))
local ups = {"local function f0()"}
for lvl = 1, 3 do
  local names = {}
  for i = 1, 100 do names[i] = "u" .. lvl .. "_" .. i end
  ups[#ups + 1] = "local " .. table.concat(names, ",") .. " = 1"
  ups[#ups + 1] = "local function f" .. lvl .. "()"
end
local uses = {}
for lvl = 1, 3 do for i = 1, 100 do uses[#uses + 1] = "u" .. lvl .. "_" .. i end end
ups[#ups + 1] = "return " .. table.concat(uses, "+") .. " end end end end"
check(table.concat(ups, "\n"))
print(select(2, load("break", "=src")):match("^src:1: break outside ") ~= nil)
print(select(2, load("x = '\\u123'", "=src")):match("^src:1: missing '{'") ~= nil)
print(load(string.rep("(", 300) .. "1" .. string.rep(")", 300)) == nil)
print(load("return " .. string.rep("{", 150) .. string.rep("}", 150)) ~= nil)
print(load("x = 1", "=m", "b"))
print(load("\27Lua", "=m", "t"))
print(load("\27Lux", "=m"))
print(load("\27Lua\84", "=m"))
print(load(string.dump(function() return 1 end):sub(1, 20), "=m"))
local d = string.dump(function(a, b) local c = a + b; return c * 2, "s" .. c end)
print(load(d)(3, 4))
print(load(string.dump(function(...) return select("#", ...) end, true))(1, 2, 3))

-- expected output (validated with PUC Lua 5.4):
-- expect: src:1: unexpected symbol near <eof>
-- expect: src:1: syntax error near 'y'
-- expect: src:1: 'end' expected near <eof>
-- expect: src:4: 'end' expected (to close 'function' at line 1) near <eof>
-- expect: src:1: '=' or 'in' expected near 'x'
-- expect: src:1: ',' expected near 'do'
-- expect: src:1: 'end' expected near <eof>
-- expect: src:1: unexpected symbol near '}'
-- expect: src:1: no visible label 'nowhere' for <goto> at line 1
-- expect: src:1: label 'l' already defined on line 1
-- expect: src:1: label 'a' already defined on line 1
-- expect: src:1: <goto f> at line 1 jumps into the scope of local 'x'
-- expect: src:1: attempt to assign to const variable 'x'
-- expect: src:1: attempt to assign to const variable 'x'
-- expect: src:1: multiple to-be-closed variables in local list
-- expect: src:1: unknown attribute 'foo'
-- expect: src:1: cannot use '...' outside a vararg function near '...'
-- expect: src:1: function arguments expected near '='
-- expect: src:1: syntax error near '='
-- expect: src:1: unexpected symbol near 'return'
-- expect: src:1: <eof> expected near 'end'
-- expect: src:1: ')' expected near ','
-- expect: src:1: '=' expected near '2'
-- expect: src:1: unexpected symbol near '+'
-- expect: src:1: unexpected symbol near '.1'
-- expect: src:1: <name> expected near '1'
-- expect: src:1: attempt to assign to const variable 'a'
-- expect: src:1: attempt to assign to const variable 'a'
-- expect: src:1: unexpected symbol near <eof>
-- expect: src:1: 'do' expected near ','
-- expect: src:1: <goto cont> at line 1 jumps into the scope of local 'x'
-- expect: src:1: <goto z> at line 1 jumps into the scope of local 'y'
-- expect: src:4: unexpected symbol near <eof>
-- expect: src:201: too many local variables (limit is 200) in main function near <eof>
-- expect: src:8: too many upvalues (limit is 255) in function at line 7 near '+'
-- expect: true
-- expect: true
-- expect: true
-- expect: true
-- expect: nil	attempt to load a text chunk (mode is 'b')
-- expect: nil	attempt to load a binary chunk (mode is 't')
-- expect: nil	m: bad binary format (not a binary chunk)
-- expect: nil	m: bad binary format (truncated chunk)
-- expect: nil	m: bad binary format (truncated chunk)
-- expect: 14	s7
-- expect: 3
