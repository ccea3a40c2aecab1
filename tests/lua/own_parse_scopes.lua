-- own_parse_scopes.lua: parser behaviours pinned by the parse.c rewrite: assignment conflicts,
-- closing on goto/break/repeat, labels at block end, constants, syntax levels.

-- multiple assignment: a later target that an earlier one indexes with is copied first
local a, i = {}, 1
a[i], i = "x", 2
print(a[1], a[2], i)  -- expect: x	nil	2
local t = {}
local u = t
t.k, t = 1, {}
print(u.k, t.k)  -- expect: 1	nil
local up = {}
local function setup() up.v, up = 5, "gone" end
local keep = up
setup()
print(keep.v, up)  -- expect: 5	gone

-- each loop round gets fresh locals; goto continue and break close them
local fs = {}
for n = 1, 3 do
  local m = n * 10
  fs[#fs + 1] = function() return m end
  if n == 2 then goto continue end
  ::continue::
end
print(fs[1](), fs[2](), fs[3]())  -- expect: 10	20	30
local gs = {}
local k = 0
while true do
  k = k + 1
  local c = k
  do
    gs[#gs + 1] = function() return c end
    if k == 3 then break end
  end
end
print(gs[1](), gs[2](), gs[3]())  -- expect: 1	2	3
local hs = {}
local r = 0
repeat
  r = r + 1
  local v = r
  hs[#hs + 1] = function() return v end
until v >= 3
print(hs[1](), hs[2](), hs[3]())  -- expect: 1	2	3

-- a label at the end of a block may be jumped to over locals of that block
do
  local out = {}
  for n = 1, 4 do
    if n % 2 == 0 then goto skip end
    local odd = n
    out[#out + 1] = odd
    ::skip::
  end
  print(table.concat(out, ","))  -- expect: 1,3
end

-- backward goto closes what was declared after the label
do
  local cl, n = {}, 0
  ::again::
  local x = n
  cl[#cl + 1] = function() return x end
  n = n + 1
  if n < 3 then goto again end
  print(cl[1](), cl[2](), cl[3]())  -- expect: 0	1	2
end

-- compile-time constants are folded, and seen from nested functions
local K <const> = 6
local S <const> = "s"
local function cf() return K * 7, S .. S end
print(cf())  -- expect: 42	ss

-- <close> runs on block exit, in reverse order
do
  local log = {}
  do
    local a <close> = setmetatable({}, {__close = function() log[#log + 1] = "a" end})
    local b <close> = setmetatable({}, {__close = function() log[#log + 1] = "b" end})
  end
  print(table.concat(log))  -- expect: ba
end

-- messages (same as lua5.4)
local function msg(s) local _, e = load(s, "=m") return e end
print(msg("local x <const> = 1; x = 2"))  -- expect: m:1: attempt to assign to const variable 'x'
print(msg("goto l; local y; ::l:: print(y)"))  -- expect: m:1: <goto l> at line 1 jumps into the scope of local 'y'
print(msg("::a:: do ::a:: end"))  -- expect: m:1: label 'a' already defined on line 1
print(msg("do goto nowhere end"))  -- expect: m:1: no visible label 'nowhere' for <goto> at line 1
print(msg("x = 1\nf(\n1, 2"))  -- expect: m:3: ')' expected (to close '(' at line 2) near <eof>
-- too deep: "C stack overflow", a runtime error without position (the running message
-- handler, here the standalone interpreter's traceback, is applied to it as in PUC Lua)
local function deep(e) return e:match("^C stack overflow") ~= nil end
print(deep(msg(string.rep("a,", 300) .. "a = 1")))  -- expect: true
print(deep(msg("return " .. string.rep("(", 300) .. "1" .. string.rep(")", 300))))  -- expect: true
print(msg(string.rep("a,", 150) .. "a = 1") == nil)  -- expect: true
