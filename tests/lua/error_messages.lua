-- Error messages of Lua 5.4 as PUC Lua 5.4.6 words them: the lexer, parser and code
-- generator (through load), the virtual machine, the auxiliary library and every standard
-- library, with their positions and variable descriptions. One case per line; each prints
-- the message, or "ok" and the results. Addresses print as ADDR.
-- Where Debian's lua5.4 (5.4.4) words a message differently, old[] maps its text to
-- 5.4.6's for that case; under tycho only 5.4.6's text passes.
local TYCHO = rawget(_G, "tycho") ~= nil
local old = {}      -- case source -> {5.4.4 text, 5.4.6 text}
local cur
local function out(s)
  s = tostring(s):gsub(": 0x%x+", ": ADDR")
  local o = old[cur]
  if not TYCHO and o and s == o[1] then s = o[2] end
  print(s)
end
-- C(src[, name]): compile only; prints the syntax error
-- (load runs under pcall: a runtime error in the parser, "C stack overflow", would
-- otherwise go through the standalone interpreter's message handler, as in PUC Lua)
local function C(src, name)
  cur = src
  local _, f, e = pcall(load, src, name)
  out(f and "compiled" or e)
end
-- S(src): compile as chunk "=s" and run; prints the error
local function S(src, ...)
  cur = src
  local f, e = load(src, "=s")
  if not f then out(e) return end
  local r = table.pack(pcall(f, ...))
  if r[1] then
    local t = {"ok"}
    for i = 2, r.n do t[#t + 1] = tostring(r[i]) end
    out(table.concat(t, " "))
  else
    out(r[2])
  end
end
-- P(f, ...): pcall f directly; prints the error, or "ok" and the results
local function P(f, ...)
  cur = nil
  local r = table.pack(pcall(f, ...))
  if r[1] then
    local t = {"ok"}
    for i = 2, r.n do t[#t + 1] = tostring(r[i]) end
    out(table.concat(t, " "))
  else
    out(r[2])
  end
end
local rep = string.rep

-- ===== lexer =====
C("x = 3x") -- expect: [string "x = 3x"]:1: malformed number near '3x'
C("x = 0x") -- expect: [string "x = 0x"]:1: malformed number near '0x'
C("x = 1e") -- expect: [string "x = 1e"]:1: malformed number near '1e'
C("x = 1e+") -- expect: [string "x = 1e+"]:1: malformed number near '1e+'
C("x = 3.4.5") -- expect: [string "x = 3.4.5"]:1: malformed number near '3.4.5'
C("x = 0x1p") -- expect: [string "x = 0x1p"]:1: malformed number near '0x1p'
C("x = 1..2") -- expect: [string "x = 1..2"]:1: malformed number near '1..2'
C("x = 08a") -- expect: [string "x = 08a"]:1: malformed number near '08a'
C([[x = "\xZZ"]]) -- expect: [string "x = "\xZZ""]:1: hexadecimal digit expected near '"\xZ'
C([[x = "\x1"]]) -- expect: [string "x = "\x1""]:1: hexadecimal digit expected near '"\x1"'
C([[x = "\x]]) -- expect: [string "x = "\x"]:1: hexadecimal digit expected near '"\x'
C([[x = "\u1"]]) -- expect: [string "x = "\u1""]:1: missing '{' near '"\u1'
C([[x = "\u{12"]]) -- expect: [string "x = "\u{12""]:1: missing '}' near '"\u{12"'
C([[x = "\u{}"]]) -- expect: [string "x = "\u{}""]:1: hexadecimal digit expected near '"\u{}'
C([[x = "\u{x}"]]) -- expect: [string "x = "\u{x}""]:1: hexadecimal digit expected near '"\u{x'
C([[x = "\u{80000000}"]]) -- expect: [string "x = "\u{80000000}""]:1: UTF-8 value too large near '"\u{80000000'
C([[x = "\u{7FFFFFFF}"]]) -- expect: compiled
C([[x = "\256"]]) -- expect: [string "x = "\256""]:1: decimal escape too large near '"\256"'
C([[x = "\999"]]) -- expect: [string "x = "\999""]:1: decimal escape too large near '"\999"'
C([[x = "\q"]]) -- expect: [string "x = "\q""]:1: invalid escape sequence near '"\q'
C([[x = "\ "]]) -- expect: [string "x = "\ ""]:1: invalid escape sequence near '"\ '
C([[x = "abc]]) -- expect: [string "x = "abc"]:1: unfinished string near <eof>
C("x = \"abc\ndef\"") -- expect: [string "x = "abc..."]:1: unfinished string near '"abc'
C("x = 'abc") -- expect: [string "x = 'abc"]:1: unfinished string near <eof>
C("x = [==x") -- expect: [string "x = [==x"]:1: invalid long string delimiter near '[=='
C("x = [=") -- expect: [string "x = [="]:1: invalid long string delimiter near '[='
C("x = [[abc") -- expect: [string "x = [[abc"]:1: unfinished long string (starting at line 1) near <eof>
C("--[[abc")
-- expect: [string "--[[abc"]:1: unfinished long comment (starting at line 1) near <eof>
C("--[==[abc]]")
-- expect: [string "--[==[abc]]"]:1: unfinished long comment (starting at line 1) near <eof>
C("x = @") -- expect: [string "x = @"]:1: unexpected symbol near '@'
C("x = $") -- expect: [string "x = $"]:1: unexpected symbol near '$'
C("x = \1", "=ctl") -- expect: ctl:1: unexpected symbol near '<\1>'
C("x = \127", "=del") -- expect: del:1: unexpected symbol near '<\127>'
C("x = \200", "=high") -- expect: high:1: unexpected symbol near '<\200>'
C("x = ~") -- expect: [string "x = ~"]:1: unexpected symbol near <eof>
C("x = ! 1") -- expect: [string "x = ! 1"]:1: unexpected symbol near '!'
C("x = 1 `") -- expect: [string "x = 1 `"]:1: unexpected symbol near '`'

-- ===== parser: what "near" shows =====
C("x = ") -- expect: [string "x = "]:1: unexpected symbol near <eof>
C("x = 1 2") -- expect: [string "x = 1 2"]:1: unexpected symbol near '2'
C("x = 1 2.50") -- expect: [string "x = 1 2.50"]:1: unexpected symbol near '2.50'
C("x = 1 0x10") -- expect: [string "x = 1 0x10"]:1: unexpected symbol near '0x10'
C("x = 1 'str'") -- expect: [string "x = 1 'str'"]:1: unexpected symbol near ''str''
C("x = 1 [[long]]") -- expect: [string "x = 1 [[long]]"]:1: unexpected symbol near '[[long]]'
C("x = 1 ...") -- expect: [string "x = 1 ..."]:1: unexpected symbol near '...'
C("x = 1 ::") -- expect: [string "x = 1 ::"]:1: <name> expected near <eof>
C("x = 1 <=") -- expect: [string "x = 1 <="]:1: unexpected symbol near <eof>
C("x = 1 ==") -- expect: [string "x = 1 =="]:1: unexpected symbol near <eof>
C("x = 1 >>") -- expect: [string "x = 1 >>"]:1: unexpected symbol near <eof>
C("x = 1 //") -- expect: [string "x = 1 //"]:1: unexpected symbol near <eof>
C("x = 1 ..") -- expect: [string "x = 1 .."]:1: unexpected symbol near <eof>
C("x = 1 while") -- expect: [string "x = 1 while"]:1: unexpected symbol near <eof>
C("x = 1 y") -- expect: [string "x = 1 y"]:1: syntax error near <eof>
C("x = 1 y z") -- expect: [string "x = 1 y z"]:1: syntax error near 'z'
C("x = 1 end") -- expect: [string "x = 1 end"]:1: <eof> expected near 'end'
C("x = 1 )") -- expect: [string "x = 1 )"]:1: unexpected symbol near ')'
C("x = 1 ]") -- expect: [string "x = 1 ]"]:1: unexpected symbol near ']'
C("x = 1 }") -- expect: [string "x = 1 }"]:1: unexpected symbol near '}'
C("x = 1 =") -- expect: [string "x = 1 ="]:1: unexpected symbol near '='
C("x = (") -- expect: [string "x = ("]:1: unexpected symbol near <eof>
C("x = {") -- expect: [string "x = {"]:1: unexpected symbol near <eof>
C("x = {1 2}") -- expect: [string "x = {1 2}"]:1: '}' expected near '2'
C("x = {[1] 2}") -- expect: [string "x = {[1] 2}"]:1: '=' expected near '2'
C("x = {[1 = 2}") -- expect: [string "x = {[1 = 2}"]:1: ']' expected near '='
C("x = f(1") -- expect: [string "x = f(1"]:1: ')' expected near <eof>
C("x = f(1\n\n") -- expect: [string "x = f(1..."]:3: ')' expected (to close '(' at line 1) near <eof>
C("x = (1\n+ 2\n") -- expect: [string "x = (1..."]:3: ')' expected (to close '(' at line 1) near <eof>
C("x = {1,\n2,\n") -- expect: [string "x = {1,..."]:3: unexpected symbol near <eof>
C("x = a[1") -- expect: [string "x = a[1"]:1: ']' expected near <eof>
C("x = a.1") -- expect: [string "x = a.1"]:1: unexpected symbol near '.1'
C("x = a:b") -- expect: [string "x = a:b"]:1: function arguments expected near <eof>
C("x = a:b.c") -- expect: [string "x = a:b.c"]:1: function arguments expected near '.'
C("x = a:1") -- expect: [string "x = a:1"]:1: <name> expected near '1'
C("a.b:c = 1") -- expect: [string "a.b:c = 1"]:1: function arguments expected near '='
C("x, f() = 1") -- expect: [string "x, f() = 1"]:1: syntax error near '='
C("f() = 1") -- expect: [string "f() = 1"]:1: syntax error near '='
C("x") -- expect: [string "x"]:1: syntax error near <eof>
C("x.y") -- expect: [string "x.y"]:1: syntax error near <eof>
C("x[1]") -- expect: [string "x[1]"]:1: syntax error near <eof>
C("(x)") -- expect: [string "(x)"]:1: syntax error near <eof>
C("x = function(a,) end") -- expect: [string "x = function(a,) end"]:1: <name> or '...' expected near ')'
C("function f(a,) end") -- expect: [string "function f(a,) end"]:1: <name> or '...' expected near ')'
C("function f(1) end") -- expect: [string "function f(1) end"]:1: <name> or '...' expected near '1'
C("x = function(") -- expect: [string "x = function("]:1: <name> or '...' expected near <eof>
C("function f(..., a) end") -- expect: [string "function f(..., a) end"]:1: ')' expected near ','
C("function f(a, ...b) end") -- expect: [string "function f(a, ...b) end"]:1: ')' expected near 'b'
C("function f.1() end") -- expect: [string "function f.1() end"]:1: '(' expected near '.1'
C("function f:1() end") -- expect: [string "function f:1() end"]:1: <name> expected near '1'
C("function () end") -- expect: [string "function () end"]:1: <name> expected near '('
C("local function () end") -- expect: [string "local function () end"]:1: <name> expected near '('
C("local function f") -- expect: [string "local function f"]:1: '(' expected near <eof>
C("local function f(") -- expect: [string "local function f("]:1: <name> or '...' expected near <eof>
C("local 1 = 2") -- expect: [string "local 1 = 2"]:1: <name> expected near '1'
C("local x <foo> = 1") -- expect: [string "local x <foo> = 1"]:1: unknown attribute 'foo'
C("local x <const = 1") -- expect: [string "local x <const = 1"]:1: '>' expected near '='
C("local x <close>, y <close> = 1, 2") -- expect: [string "local x <close>, y <close> = 1, 2"]:1: multiple to-be-closed variables in local list
C("local x <const>") -- expect: compiled
C("local x <const> = 1; x = 2") -- expect: [string "local x <const> = 1; x = 2"]:1: attempt to assign to const variable 'x'
C("local x <close> = nil; x = 2") -- expect: [string "local x <close> = nil; x = 2"]:1: attempt to assign to const variable 'x'
C("local x <const> = 1; local function f() x = 2 end") -- expect: [string "local x <const> = 1; local function f() x = 2..."]:1: attempt to assign to const variable 'x'
C("local x <const> = {}; x.y = 2") -- expect: compiled
C("local function f(...) local function g() return ... end end")
-- expect: [string "local function f(...) local function g() retu..."]:1: cannot use '...' outside a vararg function near '...'
C("return ...", nil) -- main chunk is vararg
-- expect: compiled
C("function f() return ... end") -- expect: [string "function f() return ... end"]:1: cannot use '...' outside a vararg function near '...'
C("function f() local t = {...} end") -- expect: [string "function f() local t = {...} end"]:1: cannot use '...' outside a vararg function near '...'
C("return return") -- expect: [string "return return"]:1: unexpected symbol near 'return'
C("return 1,") -- expect: [string "return 1,"]:1: unexpected symbol near <eof>
C("return 1;;") -- expect: [string "return 1;;"]:1: <eof> expected near ';'
C("do return end x = 1") -- expect: compiled
C("if x then") -- expect: [string "if x then"]:1: 'end' expected near <eof>
C("if x then else") -- expect: [string "if x then else"]:1: 'end' expected near <eof>
C("if x then elseif y") -- expect: [string "if x then elseif y"]:1: 'then' expected near <eof>
C("if x end") -- expect: [string "if x end"]:1: 'then' expected near 'end'
C("if x") -- expect: [string "if x"]:1: 'then' expected near <eof>
C("while x") -- expect: [string "while x"]:1: 'do' expected near <eof>
C("while x end") -- expect: [string "while x end"]:1: 'do' expected near 'end'
C("while x do") -- expect: [string "while x do"]:1: 'end' expected near <eof>
C("repeat x = 1") -- expect: [string "repeat x = 1"]:1: 'until' expected near <eof>
C("repeat x = 1 until") -- expect: [string "repeat x = 1 until"]:1: unexpected symbol near <eof>
C("do x = 1") -- expect: [string "do x = 1"]:1: 'end' expected near <eof>
C("do\n x = 1\n\n") -- expect: [string "do..."]:4: 'end' expected (to close 'do' at line 1) near <eof>
C("function f()\n\n  return\n") -- expect: [string "function f()..."]:4: 'end' expected (to close 'function' at line 1) near <eof>
C("for i x") -- expect: [string "for i x"]:1: '=' or 'in' expected near 'x'
C("for i = 1 do end") -- expect: [string "for i = 1 do end"]:1: ',' expected near 'do'
C("for i = 1, 2, 3, 4 do end") -- expect: [string "for i = 1, 2, 3, 4 do end"]:1: 'do' expected near ','
C("for i = 1, 2 x") -- expect: [string "for i = 1, 2 x"]:1: 'do' expected near 'x'
C("for a, b = 1, 2 do end") -- expect: [string "for a, b = 1, 2 do end"]:1: 'in' expected near '='
C("for a, b in x") -- expect: [string "for a, b in x"]:1: 'do' expected near <eof>
C("for 1 = 1, 2 do end") -- expect: [string "for 1 = 1, 2 do end"]:1: <name> expected near '1'
C("for i.x = 1, 2 do end") -- expect: [string "for i.x = 1, 2 do end"]:1: '=' or 'in' expected near '.'
C("goto") -- expect: [string "goto"]:1: <name> expected near <eof>
C("goto 1") -- expect: [string "goto 1"]:1: <name> expected near '1'
C("goto nowhere") -- expect: [string "goto nowhere"]:1: no visible label 'nowhere' for <goto> at line 1
C("do goto l end") -- expect: [string "do goto l end"]:1: no visible label 'l' for <goto> at line 1
C("::a:: ::a::") -- expect: [string "::a:: ::a::"]:1: label 'a' already defined on line 1
C("::a::\n::b::\n::a::") -- expect: [string "::a::..."]:3: label 'a' already defined on line 3
C("do ::a:: end ::a::") -- expect: compiled
C("::a") -- expect: [string "::a"]:1: '::' expected near <eof>
C("::1::") -- expect: [string "::1::"]:1: <name> expected near '1'
C("goto l; local x; ::l:: print(x)") -- expect: [string "goto l; local x; ::l:: print(x)"]:1: <goto l> at line 1 jumps into the scope of local 'x'
C("do goto f; local x; ::f:: print(x) end") -- expect: [string "do goto f; local x; ::f:: print(x) end"]:1: <goto f> at line 1 jumps into the scope of local 'x'
C("repeat goto cont; local x; ::cont:: until x") -- expect: [string "repeat goto cont; local x; ::cont:: until x"]:1: <goto cont> at line 1 jumps into the scope of local 'x'
C("break") -- expect: [string "break"]:1: break outside loop at line 1
C("do break end") -- expect: [string "do break end"]:1: break outside loop at line 1
C("if x then break end") -- expect: [string "if x then break end"]:1: break outside loop at line 1
C("while true do end break") -- expect: [string "while true do end break"]:1: break outside loop at line 1
C("function f() break end") -- expect: [string "function f() break end"]:1: break outside loop at line 1
C("local function f() goto out end ::out::") -- expect: [string "local function f() goto out end ::out::"]:1: no visible label 'out' for <goto> at line 1
C("x = 1 + + 2") -- expect: [string "x = 1 + + 2"]:1: unexpected symbol near '+'
C("x = #") -- expect: [string "x = #"]:1: unexpected symbol near <eof>
C("x = not") -- expect: [string "x = not"]:1: unexpected symbol near <eof>
C("x = - - -") -- expect: [string "x = - - -"]:1: unexpected symbol near <eof>
C("x = 1 + ") -- expect: [string "x = 1 + "]:1: unexpected symbol near <eof>
C("x = a..") -- expect: [string "x = a.."]:1: unexpected symbol near <eof>
C("x = (1)(") -- expect: [string "x = (1)("]:1: unexpected symbol near <eof>
C("x = {f = }") -- expect: [string "x = {f = }"]:1: unexpected symbol near '}'
C("x = {= 1}") -- expect: [string "x = {= 1}"]:1: unexpected symbol near '='
C("x = {[1]}") -- expect: [string "x = {[1]}"]:1: '=' expected near '}'
C("t.x.y:z()()") -- expect: compiled
C("a, b") -- expect: [string "a, b"]:1: '=' expected near <eof>
C("a, b = ") -- expect: [string "a, b = "]:1: unexpected symbol near <eof>
C("local a, = 1") -- expect: [string "local a, = 1"]:1: <name> expected near '='
C("local = 1") -- expect: [string "local = 1"]:1: <name> expected near '='
C("x = y = 1") -- expect: [string "x = y = 1"]:1: unexpected symbol near '='
C("x = 1 = 2") -- expect: [string "x = 1 = 2"]:1: unexpected symbol near '='
C("f{}{}''\"\"()") -- expect: compiled
C("x = nil.x") -- expect: [string "x = nil.x"]:1: unexpected symbol near '.'
C("x = true()") -- expect: [string "x = true()"]:1: unexpected symbol near ')'
C("x = 1()") -- expect: [string "x = 1()"]:1: unexpected symbol near ')'
C("x = ...()") -- expect: [string "x = ...()"]:1: unexpected symbol near ')'

-- ===== limits =====
local many = {}
for i = 1, 201 do many[i] = "local v" .. i end
C(table.concat(many, "\n"), "=locals") -- expect: locals:201: too many local variables (limit is 200) in main function near <eof>
C("local function f()\n" .. table.concat(many, "; ") .. "\nend", "=locals") -- expect: locals:3: too many local variables (limit is 200) in function at line 1 near 'end'
local decl = {}
for i = 1, 199 do decl[i] = "v" .. i end
local uses = {}
for i = 1, 199 do uses[i] = "v" .. i end
for i = 1, 60 do uses[#uses + 1] = "w" .. i end
local w = {}
for i = 1, 60 do w[i] = "w" .. i end
C("local " .. table.concat(decl, ",") .. "\nlocal function g()\n  local " .. table.concat(w, ",") .. -- expect: upvalues:5: too many upvalues (limit is 255) in function at line 4 near '+'
  "\n  local function h()\n    return " .. table.concat(uses, " + ") .. "\n  end\nend", "=upvalues")
C("f(" .. rep("1, ", 300) .. "1)", "=registers") -- expect: registers:1: function or expression needs too many registers near '1'
C("local t = {" .. rep("{", 100) .. rep("}", 100) .. "}", "=nest100") -- expect: compiled
local function nest(pre, post, n) return rep(pre, n) .. "1" .. rep(post, n) end
C("x = " .. nest("(", ")", 300), "=parens") -- expect: C stack overflow
C("x = " .. nest("{", "}", 300), "=braces") -- expect: C stack overflow
C("x = " .. nest("- ", "", 300), "=minus") -- expect: C stack overflow
C("x = " .. nest("not ", "", 300), "=not") -- expect: C stack overflow
C("x = " .. nest("2^", "", 300), "=pow") -- expect: C stack overflow
C("x = " .. nest("a[", "]", 300), "=index") -- expect: C stack overflow
C("x = " .. nest("f(", ")", 300), "=call") -- expect: C stack overflow
C(rep("do ", 300) .. rep("end ", 300), "=do") -- expect: C stack overflow
C(rep("if x then ", 300) .. rep("end ", 300), "=if") -- expect: C stack overflow
C(rep("while x do ", 300) .. rep("end ", 300), "=while") -- expect: C stack overflow
C(rep("x = function() return ", 300) .. "1" .. rep(" end", 300), "=func") -- expect: func:1: 'end' expected near '='
C("x = " .. nest("(", ")", 199), "=parens199") -- expect: C stack overflow
-- the parser's "C stack overflow" is a runtime error: a running message handler applies
print(select(2, xpcall(load, function(m) return "handled: " .. m end, "x = " .. nest("(", ")", 300)))) -- expect: nil	handled: C stack overflow
C("x = " .. nest("(", ")", 190), "=parens190") -- expect: compiled
C(rep("a = ", 1) .. rep("(", 250), "=open") -- expect: C stack overflow
local gotos, funcs = {}, {}
for i = 1, 32768 do gotos[i] = "goto l" .. i end
for i = 1, 131072 do funcs[i] = "function() end," end
C(table.concat(gotos, " "), "=gotos") -- expect: too many labels/gotos (limit is 32767)
C("local t = {" .. table.concat(funcs) .. "}", "=functions") -- expect: too many functions (limit is 131071)

-- ===== runtime: arithmetic, bitwise, concatenation, length, comparison =====
S("local a; return a + 1") -- expect: s:1: attempt to perform arithmetic on a nil value (local 'a')
S("return x + 1") -- expect: s:1: attempt to perform arithmetic on a nil value (global 'x')
S("local t = {}; return t.f + 1") -- expect: s:1: attempt to perform arithmetic on a nil value (field 'f')
S("local t = {}; return t[1] + 1") -- expect: s:1: attempt to perform arithmetic on a nil value (field 'integer index')
S("local t = {}; local k = 'k'; return t[k] + 1") -- expect: s:1: attempt to perform arithmetic on a nil value (field '?')
S("local t = {}; return -t") -- expect: s:1: attempt to perform arithmetic on a table value (local 't')
S("return {} + 1") -- expect: s:1: attempt to perform arithmetic on a table value
S("return 1 + {}") -- expect: s:1: attempt to perform arithmetic on a table value
S("return 'a' + 1") -- expect: s:1: attempt to add a 'string' with a 'number'
S("return 1 + 'a'") -- expect: s:1: attempt to add a 'number' with a 'string'
S("local s = 'a'; return s * 2") -- expect: s:1: attempt to mul a 'string' with a 'number'
S("return '10' + {}") -- expect: s:1: attempt to add a 'string' with a 'table'
S("return ('x'):rep(2) + 1") -- expect: s:1: attempt to add a 'string' with a 'number'
S("local u; return function() return u + 1 end") -- expect: ok function: ADDR
S("local u; return (function() return u - 1 end)()") -- expect: s:1: attempt to perform arithmetic on a nil value (upvalue 'u')
S("return true + 1") -- expect: s:1: attempt to perform arithmetic on a boolean value
S("return 1 & 1.5") -- expect: s:1: number has no integer representation
S("local x = 1.5; return x | 1") -- expect: s:1: number (local 'x') has no integer representation
S("local x = 1.5; return 1 | x") -- expect: s:1: number (local 'x') has no integer representation
S("return 1 | 2^63") -- expect: s:1: number has no integer representation
S("return '1.5' | 1") -- expect: s:1: attempt to perform bitwise operation on a string value (constant '1.5')
S("return 'a' | 1") -- expect: s:1: attempt to perform bitwise operation on a string value (constant 'a')
S("return 1 | 'a'") -- expect: s:1: attempt to perform bitwise operation on a string value (constant 'a')
S("return {} | 1") -- expect: s:1: attempt to perform bitwise operation on a table value
S("local t = {}; return ~t") -- expect: s:1: attempt to perform bitwise operation on a table value (local 't')
S("return ~1.5") -- expect: s:1: number has no integer representation
S("return 1 << {}") -- expect: s:1: attempt to perform bitwise operation on a table value
S("return 1 // 0") -- expect: s:1: attempt to divide by zero
S("return 1 % 0") -- expect: s:1: attempt to perform 'n%0'
S("local z = 0; return 5 // z") -- expect: s:1: attempt to divide by zero
S("local z = 0; return 5 % z") -- expect: s:1: attempt to perform 'n%0'
S("return math.mininteger // -1, 1.0 // 0, 1 % 0.0") -- expect: ok -9223372036854775808 inf -nan
S("return 'a' .. {}") -- expect: s:1: attempt to concatenate a table value
S("local t = {}; return 'a' .. t") -- expect: s:1: attempt to concatenate a table value (local 't')
S("return 'a' .. x") -- expect: s:1: attempt to concatenate a nil value (global 'x')
S("local t = {b = true}; return 'a' .. t.b") -- expect: s:1: attempt to concatenate a boolean value (field 'b')
S("return 1 .. nil") -- expect: s:1: attempt to concatenate a nil value
S("return nil .. 'x'") -- expect: s:1: attempt to concatenate a nil value
S("return 'a' .. 'b' .. {} .. 'c'") -- expect: s:1: attempt to concatenate a table value
S("return #nil") -- expect: s:1: attempt to get length of a nil value
S("return #x") -- expect: s:1: attempt to get length of a nil value (global 'x')
S("local n = 1; return #n") -- expect: s:1: attempt to get length of a number value (local 'n')
S("local t = {}; return #t.x") -- expect: s:1: attempt to get length of a nil value (field 'x')
S("return 1 < 'a'") -- expect: s:1: attempt to compare number with string
S("return 'a' < 1") -- expect: s:1: attempt to compare string with number
S("return {} < {}") -- expect: s:1: attempt to compare two table values
S("return {} <= {}") -- expect: s:1: attempt to compare two table values
S("return nil < 1") -- expect: s:1: attempt to compare nil with number
S("return 1 < nil") -- expect: s:1: attempt to compare number with nil
S("return true < false") -- expect: s:1: attempt to compare two boolean values
S("return 'a' >= {}") -- expect: s:1: attempt to compare table with string
S("return function() end < 1") -- expect: s:1: attempt to compare function with number
S("return 1 < 2, 'a' < 'b', 1 == 'a'") -- expect: ok true true false

-- ===== runtime: calls, indexing, upvalues, methods =====
S("f()") -- expect: s:1: attempt to call a nil value (global 'f')
S("local f; f()") -- expect: s:1: attempt to call a nil value (local 'f')
S("local t = {}; t.f()") -- expect: s:1: attempt to call a nil value (field 'f')
S("local t = {}; t:m()") -- expect: s:1: attempt to call a nil value (method 'm')
S("local t = {}; t.a.b()") -- expect: s:1: attempt to index a nil value (field 'a')
S("local t = {}; t[1]()") -- expect: s:1: attempt to call a nil value (field 'integer index')
S("string.nope()") -- expect: s:1: attempt to call a nil value (field 'nope')
S("('x'):nope()") -- expect: s:1: attempt to call a nil value (method 'nope')
S("local u; return (function() u() end)()") -- expect: s:1: attempt to call a nil value (upvalue 'u')
S("local t = setmetatable({}, {__call = 1}); t()") -- expect: s:1: attempt to call a number value (local 't')
S("local t = setmetatable({}, {__index = function(t, k) return nil end}); t.x()") -- expect: s:1: attempt to call a nil value (field 'x')
S("(1)()") -- expect: s:1: attempt to call a number value
S("local s = 'x'; s()") -- expect: s:1: attempt to call a string value (local 's')
S("for k in 1 do end") -- expect: s:1: attempt to call a number value (for iterator 'for iterator')
S("for k in nil do end") -- expect: s:1: attempt to call a nil value (for iterator 'for iterator')
S("for k, v in pairs(nil) do end") -- expect: s:1: bad argument #1 to 'for iterator' (table expected, got nil)
S("for k, v in ipairs(nil) do end") -- expect: attempt to index a nil value
S("for k, v in next, nil do end") -- expect: s:1: bad argument #1 to 'for iterator' (table expected, got nil)
S("return x.y") -- expect: s:1: attempt to index a nil value (global 'x')
S("local a; return a.y") -- expect: s:1: attempt to index a nil value (local 'a')
S("local t = {}; return t.a.b") -- expect: s:1: attempt to index a nil value (field 'a')
S("local t = {}; return t[1][2]") -- expect: s:1: attempt to index a nil value (field 'integer index')
S("local t = {}; return t.a[1]") -- expect: s:1: attempt to index a nil value (field 'a')
S("local u; return (function() return u.x end)()") -- expect: s:1: attempt to index a nil value (upvalue 'u')
S("return (1).x") -- expect: s:1: attempt to index a number value
S("local n = 1; return n.x") -- expect: s:1: attempt to index a number value (local 'n')
S("local b = true; b.x = 1") -- expect: s:1: attempt to index a boolean value (local 'b')
S("x.y = 1") -- expect: s:1: attempt to index a nil value (global 'x')
S("local a; a.y = 1") -- expect: s:1: attempt to index a nil value (local 'a')
S("local t = {}; t.a.b = 1") -- expect: s:1: attempt to index a nil value (field 'a')
S("local t = {}; t[1].b = 1") -- expect: s:1: attempt to index a nil value (field 'integer index')
S("return ('x').y.z") -- expect: s:1: attempt to index a nil value (field 'y')
S("local t = setmetatable({}, {__index = 1}); return t.x") -- expect: s:1: attempt to index a number value
S("local t = setmetatable({}, {__newindex = 1}); t.x = 1") -- expect: s:1: attempt to index a number value
S("local t = setmetatable({}, {}); getmetatable(t).__index = t; return t.x") -- expect: s:1: '__index' chain too long; possible loop
S("local t = setmetatable({}, {}); getmetatable(t).__newindex = t; t.x = 1") -- expect: s:1: '__newindex' chain too long; possible loop
S("local t = {}; t[nil] = 1") -- expect: s:1: table index is nil
S("local t = {}; t[0/0] = 1") -- expect: s:1: table index is NaN
S("local t = {}; local k; t[k] = 1") -- expect: s:1: table index is nil
S("rawset({}, nil, 1)") -- expect: table index is nil
S("rawset({}, 0/0, 1)") -- expect: table index is NaN
S("local k; return {[k] = 1}") -- expect: s:1: table index is nil
S("return {[0/0] = 1}") -- expect: s:1: table index is NaN
S("local t = setmetatable({}, {__newindex = rawset}); t[0/0] = 1") -- expect: table index is NaN
S("local t = setmetatable({}, {__newindex = function(t, k, v) rawset(t, k, v) end}); t[nil] = 1") -- expect: table index is nil
S("local t = {}; return t[nil], t[0/0]") -- expect: ok nil nil
S("next({}, 'nokey')") -- expect: invalid key to 'next'
S("next({a = 1}, 1)") -- expect: invalid key to 'next'
S("local t = {}; t.x.y.z = 1") -- expect: s:1: attempt to index a nil value (field 'x')
S("local a = {}; a.b.c()") -- expect: s:1: attempt to index a nil value (field 'b')
S("return math.huge.x") -- expect: s:1: attempt to index a number value (field 'huge')
S("local e = _ENV; return e.x.y") -- expect: s:1: attempt to index a nil value (field 'x')
S("return _ENV.x.y") -- expect: s:1: attempt to index a nil value (global 'x')
S("local _ENV = {}; return x.y") -- expect: s:1: attempt to index a nil value (global 'x')
S("local _ENV = {}; x()") -- expect: s:1: attempt to call a nil value (global 'x')
S("local _ENV = 1; return x") -- expect: s:1: attempt to index a number value (local '_ENV')
S("local t = {}; return t.x + t.y") -- expect: s:1: attempt to perform arithmetic on a nil value (field 'x')

-- ===== runtime: for loops, to-be-closed, coroutines, stack =====
S("for i = 'a', 2 do end") -- expect: s:1: bad 'for' initial value (number expected, got string)
S("for i = 1, 'x' do end") -- expect: s:1: bad 'for' limit (number expected, got string)
S("for i = 1, 2, 'x' do end") -- expect: s:1: bad 'for' step (number expected, got string)
S("for i = '1', 2 do end") -- expect: ok
S("for i = 1, {} do end") -- expect: s:1: bad 'for' limit (number expected, got table)
S("for i = 1, 2, nil do end") -- expect: s:1: bad 'for' step (number expected, got nil)
S("for i = 1, 2, 0 do end") -- expect: s:1: 'for' step is zero
S("for i = 1.0, 2, 0 do end") -- expect: s:1: 'for' step is zero
S("for i = 1, 2, 0.0 do end") -- expect: s:1: 'for' step is zero
S("for i = nil, 2 do end") -- expect: s:1: bad 'for' initial value (number expected, got nil)
S("local x <close> = 1") -- expect: s:1: variable 'x' got a non-closable value
S("local x <close> = {}") -- expect: s:1: variable 'x' got a non-closable value
S("local x <close> = setmetatable({}, {__close = 1})") -- expect: s:1: attempt to call a number value (metamethod 'close')
S("local x <close> = setmetatable({}, {__close = function() error('in close') end})") -- expect: s:1: in close
S("local x <close> = false; return 'ok'") -- expect: ok ok
S("local function f() return f() + 1 end; return f()") -- expect: s:1: stack overflow
S("local function f() f() end; f()") -- expect: s:1: stack overflow
S("local t = setmetatable({}, {}); getmetatable(t).__index = function(t, k) return t[k] end; return t.x") -- expect: s:1: C stack overflow
S("local function f() return pcall(f) end; return select('#', f())") -- expect: ok 198
S("local co = coroutine.create(function() end); coroutine.resume(co); return coroutine.resume(co)") -- expect: ok false cannot resume dead coroutine
S("local co = coroutine.wrap(function() end); co(); co()") -- expect: s:1: cannot resume dead coroutine
S("local co = coroutine.wrap(function() error('inner') end); co()") -- expect: s:1: s:1: inner
S("local co = coroutine.wrap(function() error({}) end); co()") -- expect: table: ADDR
S("local co = coroutine.wrap(function() local x = nil; x() end); co()") -- expect: s:1: s:1: attempt to call a nil value (local 'x')
S("return coroutine.resume(coroutine.running())") -- expect: ok false cannot resume non-suspended coroutine
S("local co; co = coroutine.create(function() return coroutine.resume(co) end); return coroutine.resume(co)") -- expect: ok true false cannot resume non-suspended coroutine
S("coroutine.yield()") -- expect: attempt to yield from outside a coroutine
S("local co = coroutine.create(function() table.sort({3, 2, 1}, function(a, b) coroutine.yield() return a < b end) end); return coroutine.resume(co)")
-- expect: ok false attempt to yield across a C-call boundary
S("local co = coroutine.create(function() return setmetatable({}, {__index = function() coroutine.yield() end}).x end); return coroutine.resume(co)") -- expect: ok true
S("local co = coroutine.create(function() for k in string.gmatch('a', '.') do coroutine.yield() end end); return coroutine.resume(co)") -- expect: ok true
S("local co = coroutine.create(function() string.gsub('a', '.', coroutine.yield) end); return coroutine.resume(co)") -- expect: ok false attempt to yield across a C-call boundary
S("local co = coroutine.create(function() return load(function() coroutine.yield() end) end); return coroutine.resume(co)") -- expect: ok true nil attempt to yield across a C-call boundary
S("coroutine.close(coroutine.running())") -- expect: s:1: cannot close a running coroutine
S("local co; co = coroutine.create(function() local inner = coroutine.create(function() return coroutine.close(co) end); return coroutine.resume(inner) end); return coroutine.resume(co)")
-- expect: ok true false s:1: cannot close a normal coroutine
S("local co = coroutine.create(function() error('x') end); coroutine.resume(co); return coroutine.close(co)") -- expect: ok false s:1: x
S("local co = coroutine.create(function() local x <close> = setmetatable({}, {__close = function() error('cl') end}); coroutine.yield() end); coroutine.resume(co); return coroutine.close(co)")
-- expect: ok false s:1: cl
S("local function nest(n) if n == 0 then return 'bottom' end local co = coroutine.wrap(nest) return co(n - 1) end local ok, e = pcall(nest, 250) local m, n = e:gsub('s:1: ', '') error(n .. ' x s:1: ' .. m, 0)")
-- expect: 196 x s:1: C stack overflow
S("return coroutine.status(nil)") -- expect: s:1: bad argument #1 to 'status' (thread expected, got nil)
S("return coroutine.resume(1)") -- expect: s:1: bad argument #1 to 'resume' (thread expected, got number)
S("return coroutine.wrap(1)") -- expect: s:1: bad argument #1 to 'wrap' (function expected, got number)
S("return coroutine.close(1)") -- expect: s:1: bad argument #1 to 'close' (thread expected, got number)
S("return coroutine.create()") -- expect: s:1: bad argument #1 to 'create' (function expected, got no value)

-- ===== error, pcall, xpcall, error objects =====
S("error('msg')") -- expect: s:1: msg
S("error('msg', 0)") -- expect: msg
S("error('msg', 2)") -- expect: msg
S("local function f() error('msg', 2) end; f()") -- expect: s:1: msg
S("local function f() local function g() error('msg', 3) end g() end f()") -- expect: s:1: msg
S("error()") -- expect: nil
S("error(nil)") -- expect: nil
S("error(42)") -- expect: 42
S("error(setmetatable({}, {__tostring = function() return 'obj' end}))") -- expect: obj
S("return xpcall(error, error)") -- expect: ok false error in error handling
S("return xpcall(function() error('a') end, function(m) error('b') end)") -- expect: ok false error in error handling
S("return xpcall(function() error('a') end, function(m) return m .. '!' end)") -- expect: ok false s:1: a!
S("return xpcall(function() local x = nil; return x.y end, debug.traceback) ~= nil") -- expect: ok true
S("return xpcall(string.len)") -- expect: s:1: bad argument #2 to 'xpcall' (function expected, got no value)
S("return pcall()") -- expect: s:1: bad argument #1 to 'pcall' (value expected)
S("return select(2, xpcall(function() local function f() return 1 + f() end; return f() end, function(m) return m end))") -- expect: ok s:1: stack overflow
S("assert(false)") -- expect: s:1: assertion failed!
S("assert(nil, 'custom')") -- expect: s:1: custom
S("assert(false, {})") -- expect: table: ADDR
S("assert(1 == 2, 42)") -- expect: 42
S("assert()") -- expect: s:1: bad argument #1 to 'assert' (value expected)

-- ===== base library =====
S("setmetatable({}, 1)") -- expect: s:1: bad argument #2 to 'setmetatable' (nil or table expected, got number)
S("setmetatable(1, {})") -- expect: s:1: bad argument #1 to 'setmetatable' (table expected, got number)
S("setmetatable({})") -- expect: s:1: bad argument #2 to 'setmetatable' (nil or table expected, got no value)
S("local t = setmetatable({}, {__metatable = 'locked'}); setmetatable(t, {})") -- expect: s:1: cannot change a protected metatable
S("return getmetatable()") -- expect: s:1: bad argument #1 to 'getmetatable' (value expected)
S("return tonumber()") -- expect: s:1: bad argument #1 to 'tonumber' (value expected)
S("return tonumber('10', 1)") -- expect: s:1: bad argument #2 to 'tonumber' (base out of range)
S("return tonumber('10', 37)") -- expect: s:1: bad argument #2 to 'tonumber' (base out of range)
S("return tonumber(10, 16)") -- expect: s:1: bad argument #1 to 'tonumber' (string expected, got number)
S("return tonumber('10', 2.5)") -- expect: s:1: bad argument #2 to 'tonumber' (number has no integer representation)
S("return tonumber('10', '16'), tonumber('zz', 36), tonumber('8', 8)") -- expect: ok 16 1295 nil
S("return tostring()") -- expect: s:1: bad argument #1 to 'tostring' (value expected)
S("return type()") -- expect: s:1: bad argument #1 to 'type' (value expected)
S("return rawlen(1)") -- expect: s:1: bad argument #1 to 'rawlen' (table or string expected, got number)
S("return rawlen()") -- expect: s:1: bad argument #1 to 'rawlen' (table or string expected, got no value)
S("return rawget(1)") -- expect: s:1: bad argument #1 to 'rawget' (table expected, got number)
S("return rawget({})") -- expect: s:1: bad argument #2 to 'rawget' (value expected)
S("return rawset({}, 1)") -- expect: s:1: bad argument #3 to 'rawset' (value expected)
S("return rawequal(1)") -- expect: s:1: bad argument #2 to 'rawequal' (value expected)
S("return select(0, 1)") -- expect: s:1: bad argument #1 to 'select' (index out of range)
S("return select(-3, 1, 2)") -- expect: s:1: bad argument #1 to 'select' (index out of range)
S("return select('x')") -- expect: s:1: bad argument #1 to 'select' (number expected, got string)
S("return select()") -- expect: s:1: bad argument #1 to 'select' (number expected, got no value)
S("return ipairs()") -- expect: s:1: bad argument #1 to 'ipairs' (value expected)
S("return pairs()") -- expect: s:1: bad argument #1 to 'pairs' (value expected)
S("return next()") -- expect: s:1: bad argument #1 to 'next' (table expected, got no value)
S("return next(1)") -- expect: s:1: bad argument #1 to 'next' (table expected, got number)
S("return collectgarbage('bogus')") -- expect: s:1: bad argument #1 to 'collectgarbage' (invalid option 'bogus')
S("return collectgarbage(1)") -- expect: s:1: bad argument #1 to 'collectgarbage' (invalid option '1')
S("return load(1)") -- expect: ok nil [string "1"]:1: unexpected symbol near '1'
S("return load('x =', 'chunk')") -- expect: ok nil [string "chunk"]:1: unexpected symbol near <eof>
S("return load('x =', '=chunk')") -- expect: ok nil chunk:1: unexpected symbol near <eof>
S("return load('x =', '@file.lua')") -- expect: ok nil file.lua:1: unexpected symbol near <eof>
S("return load(function() return true end)") -- expect: ok nil s:1: reader function must return a string
S("return load(function() return {} end)") -- expect: ok nil s:1: reader function must return a string
S("return load('x = 1', 'c', 'b')") -- expect: ok nil attempt to load a text chunk (mode is 'b')
S("return load('\\27Lua', 'c', 't')") -- expect: ok nil attempt to load a binary chunk (mode is 't')
S("return load('x = 1', 'c', 'x')") -- expect: ok nil attempt to load a text chunk (mode is 'x')
S("return load(string.dump(function() end), 'c', 't')") -- expect: ok nil attempt to load a binary chunk (mode is 't')
S("return loadfile('/nonexistent/file.lua')") -- expect: ok nil cannot open /nonexistent/file.lua: No such file or directory
S("dofile('/nonexistent/file.lua')") -- expect: cannot open /nonexistent/file.lua: No such file or directory
S("return loadstring") -- expect: ok nil
S("print(setmetatable({}, {__tostring = function() return 1 end}))")
-- expect: 1
-- expect: ok
S("return tostring(setmetatable({}, {__tostring = function() return {} end}))") -- expect: s:1: '__tostring' must return a string
S("return tostring(setmetatable({}, {__name = 1})):match('^table') ~= nil") -- expect: ok true
S("return warn()") -- expect: s:1: bad argument #1 to 'warn' (string expected, got no value)
S("return warn('a', {})") -- expect: s:1: bad argument #2 to 'warn' (string expected, got table)
S("return warn(1)") -- expect: ok
S("return unpack") -- expect: ok nil

-- ===== auxiliary library: argument errors, names, bad self =====
S("string.rep()") -- expect: s:1: bad argument #1 to 'rep' (string expected, got no value)
S("string.rep('x')") -- expect: s:1: bad argument #2 to 'rep' (number expected, got no value)
S("string.rep('x', 'y')") -- expect: s:1: bad argument #2 to 'rep' (number expected, got string)
S("string.rep('x', 1.5)") -- expect: s:1: bad argument #2 to 'rep' (number has no integer representation)
S("string.rep('x', 2^63)") -- expect: s:1: bad argument #2 to 'rep' (number has no integer representation)
S("string.rep('x', {})") -- expect: s:1: bad argument #2 to 'rep' (number expected, got table)
S("string.rep('x', io.stdout)") -- expect: s:1: bad argument #2 to 'rep' (number expected, got FILE*)
S("string.rep('x', setmetatable({}, {__name = 'MyType'}))") -- expect: s:1: bad argument #2 to 'rep' (number expected, got MyType)
S("string.rep('x', setmetatable({}, {__name = 1}))") -- expect: s:1: bad argument #2 to 'rep' (number expected, got table)
S("local r = string.rep; r()") -- expect: s:1: bad argument #1 to 'r' (string expected, got no value)
S("local t = {f = string.rep}; t.f()") -- expect: s:1: bad argument #1 to 'f' (string expected, got no value)
S("local t = setmetatable({}, {__index = {f = string.rep}}); t:f(2)") -- expect: s:1: calling 'f' on bad self (string expected, got table)
S("('x'):rep()") -- expect: s:1: bad argument #1 to 'rep' (number expected, got no value)
S("('x'):rep({})") -- expect: s:1: bad argument #1 to 'rep' (number expected, got table)
S("('x').rep()") -- expect: s:1: bad argument #1 to 'rep' (string expected, got no value)
S("string.sub()") -- expect: s:1: bad argument #1 to 'sub' (string expected, got no value)
S("string.sub('x', 'a')") -- expect: s:1: bad argument #2 to 'sub' (number expected, got string)
S("math.floor('x')") -- expect: s:1: bad argument #1 to 'floor' (number expected, got string)
S("math.floor({})") -- expect: s:1: bad argument #1 to 'floor' (number expected, got table)
P(string.rep) -- expect: bad argument #1 to 'string.rep' (string expected, got no value)
P(math.floor, 'x') -- expect: bad argument #1 to 'math.floor' (number expected, got string)
P(table.concat, 1) -- expect: bad argument #1 to 'table.concat' (table expected, got number)
P(setmetatable, 1) -- expect: bad argument #1 to 'setmetatable' (table expected, got number)
P(io.open) -- expect: bad argument #1 to 'io.open' (string expected, got no value)
P(os.time, 1) -- expect: bad argument #1 to 'os.time' (table expected, got number)
P(coroutine.resume) -- expect: bad argument #1 to 'coroutine.resume' (thread expected, got no value)
P(utf8.char, -1) -- expect: bad argument #1 to 'utf8.char' (value out of range)
P(debug.getinfo, 1, '>') -- expect: bad argument #2 to 'debug.getinfo' (invalid option '>')
P(select, 0) -- expect: bad argument #1 to 'select' (index out of range)
P(string.format, '%d', 'x') -- expect: bad argument #2 to 'string.format' (number expected, got string)
S("return math.max()") -- expect: s:1: bad argument #1 to 'max' (value expected)
S("return math.min()") -- expect: s:1: bad argument #1 to 'min' (value expected)
S("return math.random(1, 2, 3)") -- expect: s:1: wrong number of arguments
S("return math.random(2, 1)") -- expect: s:1: bad argument #1 to 'random' (interval is empty)
S("return math.random(1.5)") -- expect: s:1: bad argument #1 to 'random' (number has no integer representation)
S("return math.random(0) ~= nil") -- expect: ok true
S("return math.fmod(1, 0)") -- expect: s:1: bad argument #2 to 'fmod' (zero)
S("return math.fmod(1.0, 0) ~= math.fmod(1.0, 0), math.fmod(1, 0.0) ~= math.fmod(1, 0.0)") -- expect: ok true true
S("return math.fmod()") -- expect: s:1: bad argument #2 to 'fmod' (number expected, got no value)
S("return math.abs()") -- expect: s:1: bad argument #1 to 'abs' (number expected, got no value)
S("return math.tointeger('x'), math.tointeger({}), math.tointeger(1.5), math.tointeger('3')") -- expect: ok nil nil nil 3
S("return math.tointeger()") -- expect: s:1: bad argument #1 to 'tointeger' (value expected)
S("return math.ult(1.5, 2)") -- expect: s:1: bad argument #1 to 'ult' (number has no integer representation)
S("return math.type()") -- expect: s:1: bad argument #1 to 'type' (value expected)
S("return math.log(1, 'x')") -- expect: s:1: bad argument #2 to 'log' (number expected, got string)
S("return math.randomseed('x')") -- expect: s:1: bad argument #1 to 'randomseed' (number expected, got string)
S("return math.floor(2^70), math.ceil(-2^70), math.floor(0/0) ~= math.floor(0/0)") -- expect: ok 1.1805916207174e+21 -1.1805916207174e+21 true

-- ===== string library =====
S("return string.rep('x', 2^62)") -- expect: s:1: resulting string too large
S("return string.rep('x', 2^53, string.rep('y', 2^10))") -- expect: s:1: resulting string too large
S("return string.char(256)") -- expect: s:1: bad argument #1 to 'char' (value out of range)
S("return string.char(-1)") -- expect: s:1: bad argument #1 to 'char' (value out of range)
S("return string.char('x')") -- expect: s:1: bad argument #1 to 'char' (number expected, got string)
S("return string.byte('abc', 1, 2^53)") -- expect: ok 97 98 99
S("return select('#', string.byte(string.rep('x', 1000001), 1, -1))") -- expect: s:1: stack overflow (string slice too long)
S("return string.dump(string.len)") -- expect: s:1: unable to dump given function
S("return string.dump()") -- expect: s:1: bad argument #1 to 'dump' (function expected, got no value)
S("return string.len()") -- expect: s:1: bad argument #1 to 'len' (string expected, got no value)
S("return string.upper()") -- expect: s:1: bad argument #1 to 'upper' (string expected, got no value)
S("return string.reverse({})") -- expect: s:1: bad argument #1 to 'reverse' (string expected, got table)
S("return string.find('a', '%1')") -- expect: s:1: invalid capture index %1
S("return string.find('a', '(a)%2')") -- expect: s:1: invalid capture index %2
S("return string.find('a', 'a)')") -- expect: ok nil
S("return string.find('a', '%')") -- expect: s:1: malformed pattern (ends with '%')
S("return string.find('a', '[a')") -- expect: s:1: malformed pattern (missing ']')
S("return string.find('a', '[a%')") -- expect: s:1: malformed pattern (missing ']')
S("return string.find('a', '[]')") -- expect: s:1: malformed pattern (missing ']')
S("return string.find('a', '[^]')") -- expect: s:1: malformed pattern (missing ']')
S("return string.find('a', '%b')") -- expect: s:1: malformed pattern (missing arguments to '%b')
S("return string.find('a', '%ba')") -- expect: s:1: malformed pattern (missing arguments to '%b')
S("return string.find('a', '%f')") -- expect: s:1: missing '[' after '%f' in pattern
S("return string.find('a', '%fa')") -- expect: s:1: missing '[' after '%f' in pattern
S("return string.find('a', '(a')") -- expect: s:1: unfinished capture
S("return string.find('a', '()(')") -- expect: s:1: unfinished capture
S("return string.find('a', '%g(')") -- expect: s:1: unfinished capture
S("return string.find('a', '" .. rep("()", 33) .. "')") -- expect: s:1: too many captures
S("return string.match(string.rep('a', 1000), string.rep('(a?)', 32))") -- expect: ok a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a
S("return string.find(string.rep('a', 300000), string.rep('a?', 300) .. string.rep('a', 300))") -- expect: s:1: pattern too complex
S("return string.find('a', 'a', 1, 2, 3)") -- expect: ok 1 1
S("return string.find()") -- expect: s:1: bad argument #1 to 'find' (string expected, got no value)
S("return string.find('a')") -- expect: s:1: bad argument #2 to 'find' (string expected, got no value)
S("return string.match('a')") -- expect: s:1: bad argument #2 to 'match' (string expected, got no value)
S("return string.gmatch('a')") -- expect: s:1: bad argument #2 to 'gmatch' (string expected, got no value)
S("for k in string.gmatch('a', '%') do end") -- expect: s:1: malformed pattern (ends with '%')
S("return string.gsub('a', 'a', '%2')") -- expect: s:1: invalid capture index %2
S("return string.gsub('a', '(a)', '%2')") -- expect: s:1: invalid capture index %2
S("return string.gsub('a', 'a', '%x')") -- expect: s:1: invalid use of '%' in replacement string
S("return string.gsub('a', 'a', '%')") -- expect: s:1: invalid use of '%' in replacement string
S("return string.gsub('a', 'a', {a = {}})") -- expect: s:1: invalid replacement value (a table)
S("return string.gsub('a', 'a', function() return {} end)") -- expect: s:1: invalid replacement value (a table)
S("return string.gsub('a', 'a', true)") -- expect: s:1: bad argument #3 to 'gsub' (string/function/table expected, got boolean)
S("return string.gsub('a', 'a', 'b', 'x')") -- expect: s:1: bad argument #4 to 'gsub' (number expected, got string)
S("return string.gsub('a', 'a')") -- expect: s:1: bad argument #3 to 'gsub' (string/function/table expected, got no value)
S("return string.gsub('abc', '%w', '%0%0', 1.5)") -- expect: s:1: bad argument #4 to 'gsub' (number has no integer representation)
S("return string.format('%d', 1.5)") -- expect: s:1: bad argument #2 to 'format' (number has no integer representation)
S("return string.format('%d', 'x')") -- expect: s:1: bad argument #2 to 'format' (number expected, got string)
S("return string.format('%d', '1.5')") -- expect: s:1: bad argument #2 to 'format' (number has no integer representation)
S("return string.format('%d')") -- expect: s:1: bad argument #2 to 'format' (no value)
S("return string.format('%s')") -- expect: s:1: bad argument #2 to 'format' (no value)
S("return string.format('%y', 1)") -- expect: s:1: invalid conversion '%y' to 'format'
S("return string.format('%', 1)") -- expect: s:1: invalid conversion '%' to 'format'
S("return string.format('%10q', 'x')") -- expect: s:1: specifier '%q' cannot have modifiers
S("return string.format('%q', {})") -- expect: s:1: bad argument #2 to 'format' (value has no literal form)
S("return string.format('%q', string.len)") -- expect: s:1: bad argument #2 to 'format' (value has no literal form)
S("return string.format('%10s', 'a\\0b')") -- expect: s:1: bad argument #2 to 'format' (string contains zeros)
S("return string.format('%123d', 1)") -- expect: s:1: invalid conversion specification: '%123d'
S("return string.format('%1.123f', 1)") -- expect: s:1: invalid conversion specification: '%1.123f'
S("return string.format('%#x', 1), string.format('%-5d|', 1)") -- expect: ok 0x1 1    |
S("return string.format('%10.3q', 1)") -- expect: s:1: specifier '%q' cannot have modifiers
S("return string.format('%c', 'x')") -- expect: s:1: bad argument #2 to 'format' (number expected, got string)
S("return string.format('%x', 1.5)") -- expect: s:1: bad argument #2 to 'format' (number has no integer representation)
S("return string.format('%a', 'x')") -- expect: s:1: bad argument #2 to 'format' (number expected, got string)
S("return string.format('%i', 1)") -- expect: ok 1
S("return string.format('%5.2s|', 'abc')") -- expect: ok    ab|
S("return string.format('%0s', 'a')") -- expect: s:1: invalid conversion specification: '%0s'
S("return string.format('%.s', 'a')") -- expect: ok 
S("return string.format('%++d', 1)") -- expect: ok +1
S("return string.format('%#q', 1)") -- expect: s:1: specifier '%q' cannot have modifiers
S("return string.format('%-123d', 1)") -- expect: s:1: invalid conversion specification: '%-123d'
S("return string.format('%99d', 1):len()") -- expect: ok 99
S("return string.format('%.99f', 1):len()") -- expect: ok 101
S("return string.format('%100d', 1)") -- expect: s:1: invalid conversion specification: '%100d'
S("return string.format('%.100f', 1)") -- expect: s:1: invalid conversion specification: '%.100f'
S("return string.format('%0-#+ 10d', 1)") -- expect: s:1: invalid conversion specification: '%0-#+ 10d'
S("return string.format('%0-#+ 1d', 1)") -- expect: s:1: invalid conversion specification: '%0-#+ 1d'
S("return string.format({})") -- expect: s:1: bad argument #1 to 'format' (string expected, got table)
S("return string.format()") -- expect: s:1: bad argument #1 to 'format' (string expected, got no value)
S("return ('x'):format()") -- expect: ok x
S("return string.pack('i17', 1)") -- expect: s:1: integral size (17) out of limits [1,16]
S("return string.pack('i0', 1)") -- expect: s:1: integral size (0) out of limits [1,16]
S("return string.pack('c')") -- expect: s:1: missing size for format option 'c'
S("return string.pack('y')") -- expect: s:1: invalid format option 'y'
S("return string.pack('X')") -- expect: s:1: bad argument #1 to 'pack' (invalid next option for option 'X')
S("return string.pack('Xz')") -- expect: s:1: bad argument #1 to 'pack' (invalid next option for option 'X')
S("return string.pack('!3 i3', 1)") -- expect: s:1: bad argument #1 to 'pack' (format asks for alignment not power of 2)
S("return string.pack('!17', 1)") -- expect: s:1: integral size (17) out of limits [1,16]
S("return string.pack('i1', 200)") -- expect: s:1: bad argument #2 to 'pack' (integer overflow)
S("return string.pack('i1', -129)") -- expect: s:1: bad argument #2 to 'pack' (integer overflow)
S("return string.pack('I1', 256)") -- expect: s:1: bad argument #2 to 'pack' (unsigned overflow)
S("return string.pack('I1', -1)") -- expect: s:1: bad argument #2 to 'pack' (unsigned overflow)
S("return string.pack('c2', 'abc')") -- expect: s:1: bad argument #2 to 'pack' (string longer than given size)
S("return string.pack('s1', string.rep('x', 256))") -- expect: s:1: bad argument #2 to 'pack' (string length does not fit in given size)
S("return string.pack('z', 'a\\0b')") -- expect: s:1: bad argument #2 to 'pack' (string contains zeros)
S("return string.pack('i', 'x')") -- expect: s:1: bad argument #2 to 'pack' (number expected, got string)
S("return string.pack('i', 1.5)") -- expect: s:1: bad argument #2 to 'pack' (number has no integer representation)
S("return string.pack('d', 'x')") -- expect: s:1: bad argument #2 to 'pack' (number expected, got string)
S("return string.pack('s')") -- expect: s:1: bad argument #2 to 'pack' (string expected, got nil)
S("return string.pack('i')") -- expect: s:1: bad argument #2 to 'pack' (number expected, got nil)
S("return string.packsize('s')") -- expect: s:1: bad argument #1 to 'packsize' (variable-length format)
S("return string.packsize('z')") -- expect: s:1: bad argument #1 to 'packsize' (variable-length format)
S("return string.packsize('c2147483640c10')") -- expect: s:1: invalid format option '0'
S("return string.packsize('c99999999999999999999')") -- expect: s:1: invalid format option '9'
S("return string.unpack('i9', string.rep('\\0', 8) .. '\\1')") -- expect: s:1: 9-byte integer does not fit into Lua Integer
S("return string.unpack('I9', string.rep('\\0', 8) .. '\\1')") -- expect: s:1: 9-byte integer does not fit into Lua Integer
S("return string.unpack('i1', 'a', 5)") -- expect: s:1: bad argument #3 to 'unpack' (initial position out of string)
S("return string.unpack('i1', 'a', -5)") -- expect: ok 97 2
S("return string.unpack('i4', 'a')") -- expect: s:1: bad argument #2 to 'unpack' (data string too short)
S("return string.unpack('z', 'abc')") -- expect: s:1: bad argument #2 to 'unpack' (unfinished string for format 'z')
S("return string.unpack('s1', '\\5abc')") -- expect: s:1: bad argument #2 to 'unpack' (data string too short)
S("return string.unpack('c5', 'abc')") -- expect: s:1: bad argument #2 to 'unpack' (data string too short)
S("return string.unpack()") -- expect: s:1: bad argument #1 to 'unpack' (string expected, got no value)
S("return string.unpack('i')") -- expect: s:1: bad argument #2 to 'unpack' (string expected, got no value)
S("return ('x') + 1") -- expect: s:1: attempt to add a 'string' with a 'number'
S("return ('10') + ('x')") -- expect: s:1: attempt to add a 'string' with a 'string'
S("return ('x') + {}") -- expect: s:1: attempt to add a 'string' with a 'table'
S("return {} + ('x')") -- expect: s:1: attempt to add a 'table' with a 'string'
S("return ('10') + setmetatable({}, {__add = function() return 'mm' end})") -- expect: ok mm
S("return ('10') - {}") -- expect: s:1: attempt to sub a 'string' with a 'table'
S("return -('x')") -- expect: s:1: attempt to unm a 'string' with a 'string'
S("return ('1') // ('0')") -- expect: attempt to divide by zero
S("return ('1') % ('0')") -- expect: attempt to perform 'n%0'
S("return ('10') | 1") -- expect: s:1: attempt to perform bitwise operation on a string value (constant '10')

-- ===== table library =====
S("table.insert({}, 1, 2, 3)") -- expect: s:1: wrong number of arguments to 'insert'
S("table.insert({})") -- expect: s:1: wrong number of arguments to 'insert'
S("table.insert({}, 5, 1)") -- expect: s:1: bad argument #2 to 'insert' (position out of bounds)
S("table.insert({}, 0, 1)") -- expect: s:1: bad argument #2 to 'insert' (position out of bounds)
S("table.insert({}, 'x', 1)") -- expect: s:1: bad argument #2 to 'insert' (number expected, got string)
S("table.insert({}, 1.5, 1)") -- expect: s:1: bad argument #2 to 'insert' (number has no integer representation)
S("table.insert(1, 2)") -- expect: s:1: bad argument #1 to 'insert' (table expected, got number)
S("table.insert(nil, 2)") -- expect: s:1: bad argument #1 to 'insert' (table expected, got nil)
S("table.insert(setmetatable({}, {__len = function() return 1.5 end}), 1)") -- expect: s:1: object length is not an integer
S("table.insert(setmetatable({}, {__len = function() return 'x' end}), 1)") -- expect: s:1: object length is not an integer
S("table.insert(setmetatable({}, {__index = function() end}), 1)") -- expect: ok
-- 5.4.4 blamed argument #1
for _, c in ipairs{"{}, 5", "{}, -1", "{1, 2, 3}, 7"} do
  old["return table.remove(" .. c .. ")"] = {"s:1: bad argument #1 to 'remove' (position out of bounds)", "s:1: bad argument #2 to 'remove' (position out of bounds)"}
end
S("return table.remove({}, 5)") -- expect: s:1: bad argument #2 to 'remove' (position out of bounds)
S("return table.remove({}, -1)") -- expect: s:1: bad argument #2 to 'remove' (position out of bounds)
S("return table.remove({1, 2, 3}, 7)") -- expect: s:1: bad argument #2 to 'remove' (position out of bounds)
S("return table.remove({}, 0), table.remove({}, 1), table.remove({}), table.remove({1}, 2)") -- expect: ok nil nil nil nil
S("return table.remove(1)") -- expect: s:1: bad argument #1 to 'remove' (table expected, got number)
S("return table.concat({1, {}, 3})") -- expect: s:1: invalid value (table) at index 2 in table for 'concat'
S("return table.concat({1, 2}, ', ', 1, 3)") -- expect: s:1: invalid value (nil) at index 3 in table for 'concat'
S("return table.concat({true})") -- expect: s:1: invalid value (boolean) at index 1 in table for 'concat'
S("return table.concat({}, {})") -- expect: s:1: bad argument #2 to 'concat' (string expected, got table)
S("return table.concat(1)") -- expect: s:1: bad argument #1 to 'concat' (table expected, got number)
S("return table.concat({}, ',', 1.5)") -- expect: s:1: bad argument #3 to 'concat' (number has no integer representation)
S("return table.unpack({}, 1, 1e8)") -- expect: s:1: too many results to unpack
S("return table.unpack({}, 1, 2^40)") -- expect: s:1: too many results to unpack
S("return table.unpack({}, -2^63, 2^63 - 1)") -- expect: s:1: bad argument #3 to 'unpack' (number has no integer representation)
S("return table.unpack(1)") -- expect: attempt to get length of a number value
S("return table.unpack({}, 'x')") -- expect: s:1: bad argument #2 to 'unpack' (number expected, got string)
S("return table.move({}, 0, math.maxinteger, 1)") -- expect: s:1: bad argument #3 to 'move' (too many elements to move)
S("return table.move({1}, 1, 2, math.maxinteger)") -- expect: s:1: bad argument #4 to 'move' (destination wrap around)
S("return table.move({}, 1, 2)") -- expect: s:1: bad argument #4 to 'move' (number expected, got no value)
S("return table.move(1, 1, 2, 3)") -- expect: s:1: bad argument #1 to 'move' (table expected, got number)
S("return table.move({}, 1, 2, 3, 4)") -- expect: s:1: bad argument #5 to 'move' (table expected, got number)
S("table.sort({3, 1, 2, 5, 4, 7, 6, 9, 8, 10, 12, 11}, function() return true end)") -- expect: s:1: invalid order function for sorting
S("table.sort({1, 'x'})") -- expect: attempt to compare string with number
S("table.sort({1, {}, 2})") -- expect: attempt to compare table with number
S("table.sort({1, 2}, 1)") -- expect: s:1: bad argument #2 to 'sort' (function expected, got number)
S("table.sort(setmetatable({}, {__len = function() return 2^31 end}))") -- expect: s:1: bad argument #1 to 'sort' (array too big)
S("table.sort(1)") -- expect: s:1: bad argument #1 to 'sort' (table expected, got number)
S("return table.pack(), table.pack(1).n") -- expect: ok table: ADDR 1

-- ===== utf8 library =====
S("return utf8.char(-1)") -- expect: s:1: bad argument #1 to 'char' (value out of range)
S("return utf8.char(0x80000000)") -- expect: s:1: bad argument #1 to 'char' (value out of range)
S("return utf8.char('x')") -- expect: s:1: bad argument #1 to 'char' (number expected, got string)
S("return utf8.codepoint('\\xff')") -- expect: s:1: invalid UTF-8 code
S("return utf8.codepoint('abc', 0)") -- expect: s:1: bad argument #2 to 'codepoint' (out of bounds)
S("return utf8.codepoint('abc', 1, 5)") -- expect: s:1: bad argument #3 to 'codepoint' (out of bounds)
S("return utf8.codepoint('abc', 4)") -- expect: s:1: bad argument #3 to 'codepoint' (out of bounds)
S("return utf8.codepoint('\\u{7FFFFFFF}', 1, 1, false)") -- expect: s:1: invalid UTF-8 code
S("return utf8.codepoint('\\u{7FFFFFFF}', 1, 1, true)") -- expect: ok 2147483647
S("return utf8.codepoint('\\xed\\xa0\\x80')") -- expect: s:1: invalid UTF-8 code
S("return utf8.len('abc', 5)") -- expect: s:1: bad argument #2 to 'len' (initial position out of bounds)
S("return utf8.len('abc', 1, 5)") -- expect: s:1: bad argument #3 to 'len' (final position out of bounds)
S("return utf8.len('abc', 0)") -- expect: s:1: bad argument #2 to 'len' (initial position out of bounds)
S("return utf8.len('\\xff')") -- expect: ok nil 1
S("return utf8.len()") -- expect: s:1: bad argument #1 to 'len' (string expected, got no value)
S("return utf8.offset('abc', 1, 5)") -- expect: s:1: bad argument #3 to 'offset' (position out of bounds)
S("return utf8.offset('abc', 1, 0)") -- expect: s:1: bad argument #3 to 'offset' (position out of bounds)
S("return utf8.offset('\\u{100}', 1, 2)") -- expect: s:1: initial position is a continuation byte
S("return utf8.offset('abc')") -- expect: s:1: bad argument #2 to 'offset' (number expected, got no value)
S("for p, c in utf8.codes('a\\xffb') do end") -- expect: s:1: invalid UTF-8 code
old["for p, c in utf8.codes('a\\x80') do end"] = {"ok", "s:1: invalid UTF-8 code"}  -- 5.4.4 let a final continuation byte pass
S("for p, c in utf8.codes('a\\x80') do end") -- expect: s:1: invalid UTF-8 code
S("for p, c in utf8.codes('\\xc3') do end") -- expect: s:1: invalid UTF-8 code
S("for p, c in utf8.codes(1) do end") -- expect: ok
S("return utf8.codes()") -- expect: s:1: bad argument #1 to 'codes' (string expected, got no value)

-- ===== io library =====
local tmp = os.tmpname()
S("return io.open('/nonexistent/dir/x', 'r')") -- expect: ok nil /nonexistent/dir/x: No such file or directory 2
S("return io.open('x', 'z')") -- expect: s:1: bad argument #2 to 'open' (invalid mode)
S("return io.open('x', 'rw')") -- expect: s:1: bad argument #2 to 'open' (invalid mode)
S("return io.open('x', 'r+b+')") -- expect: s:1: bad argument #2 to 'open' (invalid mode)
S("return io.open()") -- expect: s:1: bad argument #1 to 'open' (string expected, got no value)
S("return io.popen('true', 'z')") -- expect: s:1: bad argument #2 to 'popen' (invalid mode)
S("for l in io.lines('/nonexistent/file') do end") -- expect: s:1: cannot open file '/nonexistent/file' (No such file or directory)
S("io.lines('/nonexistent/file')") -- expect: s:1: cannot open file '/nonexistent/file' (No such file or directory)
S("return io.lines(nil, 'x')") -- expect: ok function: ADDR
S("local f = io.open(..., 'w'); f:close(); f:write('x')", tmp) -- expect: s:1: attempt to use a closed file
S("local f = io.open(..., 'w'); f:close(); f:close()", tmp) -- expect: s:1: attempt to use a closed file
S("local f = io.open(..., 'w'); f:close(); return f:read()", tmp) -- expect: s:1: attempt to use a closed file
S("local f = io.open(..., 'w'); f:close(); return f:lines()", tmp) -- expect: s:1: attempt to use a closed file
S("local f = io.open(..., 'w'); f:close(); return f:seek()", tmp) -- expect: s:1: attempt to use a closed file
S("local f = io.open(..., 'w'); f:close(); return tostring(f), io.type(f)", tmp) -- expect: ok file (closed) closed file
S("local f = io.open(..., 'w'); f:write('a\\nb\\n'); f:close(); f = io.open(...); for l in f:lines() do f:close() end", tmp) -- expect: s:1: file is already closed
S("local f = io.open(..., 'w'); f:write('a\\nb\\n'); f:close(); for l in io.lines(..., 'x') do end", tmp) -- expect: s:1: bad argument #2 to 'for iterator' (invalid format)
S("local f = io.open(...); return f:read('x')", tmp) -- expect: s:1: bad argument #1 to 'read' (invalid format)
S("local f = io.open(...); return f:read('*x')", tmp) -- expect: s:1: bad argument #1 to 'read' (invalid format)
S("local f = io.open(...); return f:read({})", tmp) -- expect: s:1: bad argument #1 to 'read' (string expected, got table)
S("local f = io.open(...); return f:read(1.5)", tmp) -- expect: s:1: bad argument #1 to 'read' (number has no integer representation)
S("local f = io.open(...); return f:seek('bad')", tmp) -- expect: s:1: bad argument #1 to 'seek' (invalid option 'bad')
S("local f = io.open(...); return f:seek('set', 1.5)", tmp) -- expect: s:1: bad argument #2 to 'seek' (number has no integer representation)
S("local f = io.open(...); return f:setvbuf('bad')", tmp) -- expect: s:1: bad argument #1 to 'setvbuf' (invalid option 'bad')
S("local f = io.open(...); return f:write({})", tmp) -- expect: s:1: bad argument #1 to 'write' (string expected, got table)
S("local f = io.open(...); return f:write(1, nil)", tmp) -- expect: s:1: bad argument #2 to 'write' (string expected, got nil)
S("local f = io.open(...); return f.read(1)", tmp) -- expect: s:1: bad argument #1 to 'read' (FILE* expected, got number)
S("local f = io.open(...); return f.read(io)", tmp) -- expect: s:1: bad argument #1 to 'read' (FILE* expected, got table)
S("local f = io.open(...); io.input(f); f:close(); local ok, e = pcall(io.read); io.input(io.stdin); error(e, 0)", tmp) -- expect: default input file is closed
S("local f = io.open(..., 'w'); io.output(f); f:close(); local ok, e = pcall(io.write, 'x'); io.output(io.stdout); error(e, 0)", tmp) -- expect: default output file is closed
S("io.input('/nonexistent/file')") -- expect: s:1: cannot open file '/nonexistent/file' (No such file or directory)
S("io.output('/nonexistent/dir/file')") -- expect: s:1: cannot open file '/nonexistent/dir/file' (No such file or directory)
S("io.input(1)") -- expect: s:1: cannot open file '1' (No such file or directory)
S("return io.close(1)") -- expect: s:1: bad argument #1 to 'close' (FILE* expected, got number)
S("return io.stdout:close()") -- expect: ok nil cannot close standard file
S("return io.type()") -- expect: s:1: bad argument #1 to 'type' (value expected)
S("return io.lines(" .. ("nil, " .. rep("'l', ", 251)) .. "'l')") -- expect: s:1: bad argument #252 to 'lines' (too many arguments)
S("return io.read('x')") -- expect: s:1: bad argument #1 to 'read' (invalid format)
S("return io.write({})") -- expect: s:1: bad argument #1 to 'write' (string expected, got table)

-- ===== os library =====
S("return os.time({year = 2000, month = 1})") -- expect: s:1: field 'day' missing in date table
S("return os.time({year = 2000, day = 1})") -- expect: s:1: field 'month' missing in date table
S("return os.time({month = 1, day = 1})") -- expect: s:1: field 'year' missing in date table
S("return os.time({year = 2000, month = 1, day = 1.5})") -- expect: s:1: field 'day' is not an integer
S("return os.time({year = 2000, month = 'x', day = 1})") -- expect: s:1: field 'month' is not an integer
S("return os.time({year = 2000, month = '1', day = 1}) ~= nil") -- expect: ok true
S("return os.time({year = 2^40, month = 1, day = 1})") -- expect: s:1: field 'year' is out-of-bound
S("return os.time({year = 2000, month = 2^40, day = 1})") -- expect: s:1: field 'month' is out-of-bound
S("return os.time({year = 2000, month = 1, day = 1, hour = -2^40})") -- expect: s:1: field 'hour' is out-of-bound
S("return os.time({year = 2000, month = 1, day = 1, min = 2^40})") -- expect: s:1: field 'min' is out-of-bound
S("return os.time(1)") -- expect: s:1: bad argument #1 to 'time' (table expected, got number)
S("return os.date('%Q')") -- expect: s:1: bad argument #1 to 'date' (invalid conversion specifier '%Q')
S("return os.date('%E')") -- expect: s:1: bad argument #1 to 'date' (invalid conversion specifier '%E')
S("return os.date('%Ez')") -- expect: s:1: bad argument #1 to 'date' (invalid conversion specifier '%Ez')
S("return os.date('%O')") -- expect: s:1: bad argument #1 to 'date' (invalid conversion specifier '%O')
S("return os.date('%')") -- expect: s:1: bad argument #1 to 'date' (invalid conversion specifier '%')
S("return os.date('%Y', 2^60)") -- expect: s:1: date result cannot be represented in this installation
S("return os.date('*t', 2^60)") -- expect: s:1: date result cannot be represented in this installation
S("return os.date('%Y', 1.5)") -- expect: s:1: bad argument #2 to 'date' (number has no integer representation)
S("return os.date('%Y', 'x')") -- expect: s:1: bad argument #2 to 'date' (number expected, got string)
S("return os.date({})") -- expect: s:1: bad argument #1 to 'date' (string expected, got table)
S("return os.setlocale(nil, 'bad')") -- expect: s:1: bad argument #2 to 'setlocale' (invalid option 'bad')
S("return os.setlocale(1, 'all') == nil") -- expect: ok true
S("return os.getenv()") -- expect: s:1: bad argument #1 to 'getenv' (string expected, got no value)
S("return os.getenv(1) == nil") -- expect: ok true
S("return os.remove('/nonexistent/file')") -- expect: ok nil /nonexistent/file: No such file or directory 2
S("return os.rename('/nonexistent/a', '/nonexistent/b')") -- expect: ok nil No such file or directory 2
S("return os.exit('x')") -- expect: s:1: bad argument #1 to 'exit' (number expected, got string)
S("return os.difftime()") -- expect: s:1: bad argument #1 to 'difftime' (number expected, got no value)
S("return os.difftime(1, 'x')") -- expect: s:1: bad argument #2 to 'difftime' (number expected, got string)
os.remove(tmp)

-- ===== package library =====
package.path = "./?.lua"
package.cpath = "./?.so"
S("require('nonexistent_mod')")
-- expect: s:1: module 'nonexistent_mod' not found:
-- expect: 	no field package.preload['nonexistent_mod']
-- expect: 	no file './nonexistent_mod.lua'
-- expect: 	no file './nonexistent_mod.so'
S("require('a.b.nonexistent')")
-- expect: s:1: module 'a.b.nonexistent' not found:
-- expect: 	no field package.preload['a.b.nonexistent']
-- expect: 	no file './a/b/nonexistent.lua'
-- expect: 	no file './a/b/nonexistent.so'
-- expect: 	no file './a.so'
S("require()") -- expect: s:1: bad argument #1 to 'require' (string expected, got no value)
S("local p = package.path; package.path = nil; local ok, e = pcall(require, 'zz'); package.path = p; error(e, 0)") -- expect: 'package.path' must be a string
S("local p = package.cpath; package.cpath = 1; local ok, e = pcall(require, 'zz'); package.cpath = p; error(e, 0)")
-- expect: module 'zz' not found:
-- expect: 	no field package.preload['zz']
-- expect: 	no file './zz.lua'
-- expect: 	no file '1'
S("local s = package.searchers; package.searchers = nil; local ok, e = pcall(require, 'zz'); package.searchers = s; error(e, 0)") -- expect: 'package.searchers' must be a table
S("local s = package.searchers; package.searchers = {}; local ok, e = pcall(require, 'zz'); package.searchers = s; error(e, 0)") -- expect: module 'zz' not found:
S("local s = package.searchers; package.searchers = {function() return 'a string' end}; local ok, e = pcall(require, 'zz'); package.searchers = s; error(e, 0)")
-- expect: module 'zz' not found:
-- expect: 	a string
S("local s = package.searchers; package.searchers = {function() return 1 end}; local ok, e = pcall(require, 'zz'); package.searchers = s; error(e, 0)")
-- expect: module 'zz' not found:
-- expect: 	1
S("package.preload.pz = function() error('in loader') end; require('pz')") -- expect: s:1: in loader
S("return package.searchpath('x', './?.nothing;/nonexistent/?.x')")
-- expect: ok nil no file './x.nothing'
-- expect: 	no file '/nonexistent/x.x'
S("return package.searchpath()") -- expect: s:1: bad argument #2 to 'searchpath' (string expected, got no value)
S("return package.loadlib('/nonexistent/lib.so', 'f')") -- expect: ok nil /nonexistent/lib.so: cannot open shared object file: No such file or directory open
S("return package.loadlib()") -- expect: s:1: bad argument #1 to 'loadlib' (string expected, got no value)
S("return select(2, package.loadlib('/nonexistent/lib.so', '*'))") -- expect: ok /nonexistent/lib.so: cannot open shared object file: No such file or directory open

-- ===== debug library =====
S("return debug.getinfo(1, '>')") -- expect: s:1: bad argument #2 to 'getinfo' (invalid option '>')
S("return debug.getinfo(1, 'q')") -- expect: s:1: bad argument #2 to 'getinfo' (invalid option)
S("return debug.getinfo(string.len, '>S')") -- expect: s:1: bad argument #2 to 'getinfo' (invalid option '>')
S("return debug.getinfo(100)") -- expect: ok nil
S("return debug.getinfo('x')") -- expect: s:1: bad argument #1 to 'getinfo' (number expected, got string)
S("return debug.getinfo()") -- expect: s:1: bad argument #1 to 'getinfo' (number expected, got no value)
S("return debug.getinfo({})") -- expect: s:1: bad argument #1 to 'getinfo' (number expected, got table)
S("return debug.getlocal(100, 1)") -- expect: s:1: bad argument #1 to 'getlocal' (level out of range)
S("return debug.getlocal(string.len, 1)") -- expect: ok nil
S("return debug.getlocal(1, 100)") -- expect: ok nil
S("return debug.getlocal()") -- expect: s:1: bad argument #2 to 'getlocal' (number expected, got no value)
S("return debug.setlocal(100, 1, 1)") -- expect: s:1: bad argument #1 to 'setlocal' (level out of range)
S("return debug.setlocal(1, 100, 1)") -- expect: ok nil
S("return debug.setlocal(1, 1)") -- expect: s:1: bad argument #3 to 'setlocal' (value expected)
S("return debug.getupvalue(string.len, 1)") -- expect: ok
S("return debug.getupvalue(1, 1)") -- expect: s:1: bad argument #1 to 'getupvalue' (function expected, got number)
S("return debug.setupvalue(string.len, 1, 1)") -- expect: ok
S("return debug.upvalueid(string.len, 1)") -- expect: ok nil
S("return debug.upvalueid(function() end, 1)") -- expect: ok nil
S("return debug.upvalueid(1, 1)") -- expect: s:1: bad argument #1 to 'upvalueid' (function expected, got number)
S("local u; return debug.upvaluejoin(function() return u end, 2, function() return u end, 1)") -- expect: s:1: bad argument #2 to 'upvaluejoin' (invalid upvalue index)
S("local u; return debug.upvaluejoin(function() return u end, 1, function() return u end, 2)") -- expect: s:1: bad argument #4 to 'upvaluejoin' (invalid upvalue index)
S("local u; return debug.upvaluejoin(string.len, 1, function() return u end, 1)") -- expect: s:1: bad argument #2 to 'upvaluejoin' (invalid upvalue index)
S("local u; return debug.upvaluejoin(coroutine.wrap(string.len), 1, function() return u end, 1)") -- expect: s:1: bad argument #1 to 'upvaluejoin' (Lua function expected)
S("local u; return debug.upvaluejoin(function() return u end, 1, coroutine.wrap(string.len), 1)") -- expect: s:1: bad argument #3 to 'upvaluejoin' (Lua function expected)
S("return debug.setmetatable(1, 2)") -- expect: s:1: bad argument #2 to 'setmetatable' (nil or table expected, got number)
S("return debug.setuservalue(1)") -- expect: s:1: bad argument #1 to 'setuservalue' (userdata expected, got number)
S("return debug.setuservalue(io.stdout, 1, 'x')") -- expect: s:1: bad argument #3 to 'setuservalue' (number expected, got string)
S("return debug.getuservalue(1)") -- expect: ok nil
S("return debug.getuservalue(io.stdout, 'x')") -- expect: s:1: bad argument #2 to 'getuservalue' (number expected, got string)
S("return debug.sethook(1)") -- expect: s:1: bad argument #2 to 'sethook' (string expected, got no value)
S("return debug.sethook(string.len, 1)") -- expect: ok
S("return debug.traceback(1, 100)")
-- expect: ok 1
-- expect: stack traceback:
S("return debug.traceback({}) ~= nil") -- expect: ok true
S("return debug.traceback('x', 'y')") -- expect: s:1: bad argument #2 to 'traceback' (number expected, got string)
S("return debug.getregistry(1) ~= nil") -- expect: ok true
S("return debug.setcstacklimit(100)") -- expect: ok 200
S("local t = setmetatable({}, {__gc = true}); return getmetatable(t).__gc") -- expect: ok true
S("debug.sethook(function() debug.sethook(); error('in hook') end, 'l')\nlocal x = 1") -- expect: s:1: in hook
S("debug.sethook(function() debug.sethook(); local x = nil; x() end, '', 1); local x = 1") -- expect: s:1: attempt to call a nil value (local 'x')
S("return debug.getinfo(1, 'n').name") -- expect: ok nil
S("return debug.getlocal(2, 1)") -- expect: ok (C temporary) true

-- ===== binary chunks =====
local dumped = string.dump(function() return 1 end)
S("return load(...)", dumped:sub(1, 3)) -- expect: ok nil binary string: bad binary format (truncated chunk)
S("return load(...)", "\27Lua") -- expect: ok nil binary string: bad binary format (truncated chunk)
S("return load(...)", dumped:sub(1, 10)) -- expect: ok nil binary string: bad binary format (truncated chunk)
S("return load(...)", dumped:sub(1, #dumped - 2)) -- expect: ok nil binary string: bad binary format (truncated chunk)
S("return load(...)", "\27Lux" .. dumped:sub(5)) -- expect: ok nil binary string: bad binary format (not a binary chunk)
S("return load(...)", dumped:sub(1, 4) .. "\x53" .. dumped:sub(6)) -- expect: ok nil binary string: bad binary format (version mismatch)
S("return load(...)", dumped:sub(1, 5) .. "\1" .. dumped:sub(7)) -- expect: ok nil binary string: bad binary format (format mismatch)
S("return load(...)", dumped:sub(1, 6) .. "x" .. dumped:sub(8)) -- expect: ok nil binary string: bad binary format (corrupted chunk)

-- ===== chunk names in messages =====
C("x = ", "=" .. rep("n", 70)) -- expect: nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn:1: unexpected symbol near <eof>
C("x = ", "@" .. rep("d/", 40) .. "file.lua") -- expect: ...d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/file.lua:1: unexpected symbol near <eof>
C("x = ", "@short.lua") -- expect: short.lua:1: unexpected symbol near <eof>
C("x = ", rep("long source ", 10)) -- expect: [string "long source long source long source long sour..."]:1: unexpected symbol near <eof>
C("-- first line\nx = ")
-- expect: [string "-- first line..."]:2: unexpected symbol near <eof>
C("\nx = ") -- expect: [string "..."]:2: unexpected symbol near <eof>
C("x = ", "") -- expect: [string ""]:1: unexpected symbol near <eof>
C("x = ", "=") -- expect: :1: unexpected symbol near <eof>
C("x = ", "@") -- expect: :1: unexpected symbol near <eof>
C("x = ", "[string]") -- expect: [string "[string]"]:1: unexpected symbol near <eof>
