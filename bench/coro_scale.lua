-- coro_scale.lua: many coroutines suspended at once (N, default 100000; arg[1] overrides).
-- Each is started, yields from a small Lua frame, stays suspended while the others are
-- created, then is resumed to its end.
local n = tonumber(arg and arg[1]) or 100000
local cos = {}
local function body(i)
  local function inner(x) return coroutine.yield(x * 2) end
  local v = inner(i)
  return v + i
end
local sum = 0
for i = 1, n do
  local co = coroutine.create(body)
  local ok, r = coroutine.resume(co, i)
  if not ok then print("coroutine " .. i .. " failed: " .. tostring(r)) os.exit(1) end
  sum = sum + r
  cos[i] = co
end
local alive = 0
for i = 1, n do
  if coroutine.status(cos[i]) == "suspended" then alive = alive + 1 end
end
for i = 1, n do
  local _, r = coroutine.resume(cos[i], 1)
  sum = sum + r
end
print(string.format("coro_scale %d %d", alive, sum))
