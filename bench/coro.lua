-- coro.lua: coroutine ping-pong, generators and a producer/filter/consumer pipeline.
local ping = coroutine.create(function(n)
  while true do n = coroutine.yield(n + 1) end
end)
local v = 0
for i = 1, 600000 do
  local _, r = coroutine.resume(ping, v)
  v = r
end
local function gen(n)
  return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end)
end
local s = 0
for x in gen(400000) do s = s + x end
local function producer(n) return coroutine.wrap(function() for i = 1, n do coroutine.yield(i * 3) end end) end
local function filter(src) return coroutine.wrap(function()
  for x in src do if x % 2 == 0 then coroutine.yield(x) end end
end) end
local c = 0
for x in filter(producer(300000)) do c = (c + x) % 1000000007 end
local created = 0
for i = 1, 20000 do
  local co = coroutine.wrap(function(a) local b = coroutine.yield(a * 2) return a + b end)
  created = created + co(i) + co(1)
end
print(string.format("coro %d %d %d %d", v, s, c, created))
