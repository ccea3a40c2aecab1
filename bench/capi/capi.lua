-- capi.lua: C API call speed: Lua calling C functions and C calling Lua functions (bench/capi_mod.c).
-- Run through bench/capi.sh, which builds the module for each runtime; prints "section seconds".
local ok, m = pcall(require, "capi_mod")
if not ok then
  print("capi_mod not built (run sh bench/capi.sh); checksum 0")
  return
end
local N = tonumber(arg and arg[1]) or 3000000
local clock = os.clock
local results = {}
local function section(name, f)
  local t0 = clock()
  local r = f()
  results[#results + 1] = string.format("%-14s %.4f", name, clock() - t0)
  return r
end

local noop, add, getx = m.noop, m.add, m.getx
local check = 0
check = check + section("lua->c noop", function()
  for _ = 1, N do noop() end
  return 0
end)
check = check + section("lua->c add", function()
  local s = 0
  for i = 1, N do s = add(s, i) end
  return s
end)
check = check + section("lua->c getx", function()
  local t, s = {x = 3}, 0
  for _ = 1, N do s = s + getx(t) end
  return s
end)
local function f(i) return i + 1 end
function gf(i) return i * 2 end
check = check + section("c->lua call", function() return m.callf(f, N) end)
check = check + section("c->lua pcall", function() return m.pcallf(f, N) end)
check = check + section("c->lua global", function() return m.callg("gf", N) end)
for _, line in ipairs(results) do print(line) end
print("checksum " .. check)
