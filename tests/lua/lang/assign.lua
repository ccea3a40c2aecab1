-- Assignments: multiple assignment semantics, adjustment, evaluation before assignment.
local a, b, c = 1, 2
print(a, b, c) -- expect: 1	2	nil
a, b = b, a
print(a, b) -- expect: 2	1
local x, y = 1, 2, 3, print("extra expressions are evaluated") -- expect: extra expressions are evaluated
print(x, y) -- expect: 1	2
-- all expressions are evaluated before any assignment (manual example)
local i = 3
local t = {}
i, t[i] = i + 1, 20
print(i, t[3], t[4]) -- expect: 4	20	nil
local u = {1, 2, 3}
local k = 1
k, u[k], u[k + 1] = k + 1, "A", "B"
print(k, u[1], u[2], u[3]) -- expect: 2	A	B	3
-- swap through table fields
local s = {p = "P", q = "Q"}
s.p, s.q = s.q, s.p
print(s.p, s.q) -- expect: Q	P
-- function results adjusted to the number of targets
local function two() return "r1", "r2" end
local m1, m2, m3 = two()
print(m1, m2, m3) -- expect: r1	r2	nil
local n1, n2, n3 = two(), "last"
print(n1, n2, n3) -- expect: r1	last	nil
local o1, o2, o3 = "first", two()
print(o1, o2, o3) -- expect: first	r1	r2
-- globals and _ENV
g1, g2 = 10, 20
print(g1 + g2, _ENV.g1, _G.g2) -- expect: 30	10	20
do
  local _ENV = {print = print, rawget = rawget}
  newglobal = "in custom env"
  print(newglobal, rawget(_ENV, "newglobal")) -- expect: in custom env	in custom env
end
print(newglobal) -- expect: nil
local function withenv()
  local _ENV = setmetatable({}, {__index = _G})
  zz = 5
  return zz, _G.zz
end
print(withenv()) -- expect: 5	nil
-- compound expressions as targets
local nested = {inner = {}}
local function getinner() return nested.inner end
getinner().value, nested["inner"].other = "v", "o"
print(nested.inner.value, nested.inner.other) -- expect: v	o
-- assignment to a local shadowing an upvalue
local up = "outer"
local function shadow()
  local up = "inner"
  up = up .. "!"
  return up
end
print(shadow(), up) -- expect: inner!	outer
-- long multiple assignments
local v1, v2, v3, v4, v5, v6, v7, v8 = 1, 2, 3, 4, 5, 6, 7, 8
v1, v2, v3, v4, v5, v6, v7, v8 = v8, v7, v6, v5, v4, v3, v2, v1
print(v1, v2, v3, v4, v5, v6, v7, v8) -- expect: 8	7	6	5	4	3	2	1
-- locals declared in the same statement are not visible in their initializers
local lx = "global-scope"
do
  local lx, ly = "new", lx
  print(lx, ly) -- expect: new	global-scope
end
-- local function vs local f = function: recursion visibility
local function rec(n) return n == 0 and "done" or rec(n - 1) end
print(rec(3)) -- expect: done
local ok = pcall(function()
  local notrec = function(n) return n == 0 and "done" or notrec(n - 1) end
  return notrec(1)
end)
print(ok) -- expect: false
