-- goto and labels: continue idiom, nested loops, backward jumps, scoping rules.
local out = {}
for i = 1, 10 do
  if i % 2 == 0 then goto continue end
  out[#out + 1] = i
  ::continue::
end
print(table.concat(out, " ")) -- expect: 1 3 5 7 9
-- break out of nested loops
local found
for i = 1, 5 do
  for j = 1, 5 do
    if i * j == 12 then found = i .. "x" .. j; goto done end
  end
end
::done::
print(found) -- expect: 3x4
-- backward goto as a loop
local n = 0
::again::
n = n + 1
if n < 5 then goto again end
print(n) -- expect: 5
-- continue in while and repeat (label at end of block before until is visible to until's scope rules)
local i, s = 0, 0
while i < 10 do
  i = i + 1
  if i % 3 == 0 then goto cont end
  s = s + i
  ::cont::
end
print(s) -- expect: 37
local r = 0
repeat
  r = r + 1
  if r == 2 then goto skip end
  ::skip::
until r >= 4
print(r) -- expect: 4
-- closures created in a goto loop get fresh locals
local fs = {}
do
  local k = 1
  ::top::
  local v = k * 10
  fs[#fs + 1] = function() return v end
  k = k + 1
  if k <= 3 then goto top end
end
print(fs[1](), fs[2](), fs[3]()) -- expect: 10	20	30
-- same label name in different (nested) functions and blocks is fine
do ::l1:: end
do ::l1:: end
local function inner() goto l1; ::l1:: return "inner ok" end
print(inner()) -- expect: inner ok
-- compile-time errors
local function check(code)
  local f, err = load(code)
  print(f and "ok" or err)
end
check("goto nowhere") -- expect: [string "goto nowhere"]:1: no visible label 'nowhere' for <goto> at line 1
check("do ::a:: end goto a") -- expect: [string "do ::a:: end goto a"]:1: no visible label 'a' for <goto> at line 1
check("::a:: ::a::") -- expect: [string "::a:: ::a::"]:1: label 'a' already defined on line 1
check("goto f; local x; ::f:: print(x)") -- expect: [string "goto f; local x; ::f:: print(x)"]:1: <goto f> at line 1 jumps into the scope of local 'x'
check("do goto f; local x; ::f:: end")   -- label at end of block: ok, local scope ended
-- expect: ok
check("local function f() goto out end ::out::") -- expect: [string "local function f() goto out end ::out::"]:1: no visible label 'out' for <goto> at line 1
check("for i = 1, 2 do if i then goto continue end local z = 1 ::continue:: end") -- expect: ok
check("repeat goto cont; local x ::cont:: until x") -- expect: [string "repeat goto cont; local x ::cont:: until x"]:1: <goto cont> at line 1 jumps into the scope of local 'x'
print(select(2, load("break"))) -- expect: [string "break"]:1: break outside loop at line 1
check("::x:: do ::x:: end") -- expect: [string "::x:: do ::x:: end"]:1: label 'x' already defined on line 1
