-- Coroutines: generators, passing values, status, wrap errors, yield across pcall and metamethods, close.
local function gen(n)
  return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end)
end
local acc = {}
for v in gen(5) do acc[#acc + 1] = v end
print(table.concat(acc, " "))
-- values in and out
local co = coroutine.create(function(a, b)
  print("start", a, b)
  local c, d = coroutine.yield(a + b)
  print("got", c, d)
  local e = coroutine.yield(c * d)
  return e, "end"
end)
print(coroutine.resume(co, 1, 2))
print(coroutine.status(co))
print(coroutine.resume(co, 3, 4))
print(coroutine.resume(co, "x"))
print(coroutine.status(co), coroutine.resume(co))
-- status values, running, isyieldable
local main, ismain = coroutine.running()
print(type(main), ismain, coroutine.isyieldable())
local inner
local outer
outer = coroutine.create(function()
  local me, im = coroutine.running()
  print("inside", coroutine.status(me), im, coroutine.isyieldable())
  inner = coroutine.create(function() print("outer is", coroutine.status(outer)) coroutine.yield() end)
  coroutine.resume(inner)
  print("inner is", coroutine.status(inner))
end)
coroutine.resume(outer)
print(coroutine.status(outer), coroutine.status(inner))
-- errors inside coroutines
local bad = coroutine.create(function() error("oops") end)
print(coroutine.resume(bad))
print(coroutine.status(bad), coroutine.resume(bad))
local badt = coroutine.create(function() error({code = 7}) end)
local okt, errt = coroutine.resume(badt)
print(okt, type(errt), errt.code)
-- wrap propagates errors with position info
local w = coroutine.wrap(function() error("wrapped failure") end)
print(pcall(w))
local w2 = coroutine.wrap(function() return 1 end)
w2()
print(pcall(w2))
-- resuming non-suspended coroutines
print(coroutine.resume(coroutine.running()))
local selfres
selfres = coroutine.create(function() return coroutine.resume(selfres) end)
print(coroutine.resume(selfres))
-- yield across pcall and error handling inside coroutine
local pc = coroutine.create(function()
  local ok, v = pcall(function()
    local x = coroutine.yield("yield inside pcall")
    error("after yield " .. x, 0)
  end)
  coroutine.yield(ok, v)
  return "finished"
end)
print(coroutine.resume(pc))
print(coroutine.resume(pc, "X"))
print(coroutine.resume(pc))
-- yield across xpcall with a handler
local xc = coroutine.wrap(function()
  return xpcall(function() coroutine.yield(1); error("E", 0) end, function(m) return "handled " .. m end)
end)
print(xc())
print(xc())
-- yield inside metamethods, iterators and table.sort comparator is not allowed from C sort
local mm = setmetatable({}, {__index = function(t, k) return coroutine.yield("index " .. k) end,
                             __add = function(a, b) return coroutine.yield("add") end,
                             __lt = function(a, b) return coroutine.yield("lt") end,
                             __concat = function(a, b) return coroutine.yield("concat") end,
                             __eq = function(a, b) return coroutine.yield("eq") end})
local mco = coroutine.wrap(function()
  local a = mm.foo
  local b = mm + 1
  local c = mm < mm
  local d = mm .. "s"
  local e = mm == setmetatable({}, getmetatable(mm))
  return a, b, c, d, e
end)
print(mco()); print(mco("A")); print(mco("B")); print(mco(false)); print(mco("D")); print(mco(1))
local itco = coroutine.wrap(function()
  for k in function(_, c) c = (c or 0) + 1; coroutine.yield("iter " .. c); if c < 3 then return c end end do end
  return "iter done"
end)
print(itco(), itco(), itco(), itco())
print(pcall(coroutine.wrap(function() table.sort({3, 2, 1}, function(a, b) coroutine.yield() return a < b end) end)))
-- yield outside a coroutine
print(pcall(coroutine.yield, 1))
-- coroutine.close
local cl = coroutine.create(function() coroutine.yield() end)
coroutine.resume(cl)
print(coroutine.close(cl), coroutine.status(cl))
print(coroutine.close(coroutine.create(print)))
local ce = coroutine.create(function() error("dead with error") end)
coroutine.resume(ce)
print(coroutine.close(ce))
print(pcall(coroutine.close, coroutine.running()))
-- wrap generator with state across many resumes
local fibgen = coroutine.wrap(function() local a, b = 0, 1 while true do coroutine.yield(a); a, b = b, a + b end end)
local fibs = {}
for i = 1, 15 do fibs[i] = fibgen() end
print(table.concat(fibs, ","))
-- many coroutines alive at once
local cos = {}
for i = 1, 1000 do cos[i] = coroutine.create(function(x) local y = coroutine.yield(x * 2) return x + y end) end
local total = 0
for i = 1, 1000 do local _, v = coroutine.resume(cos[i], i); total = total + v end
for i = 1, 1000 do local _, v = coroutine.resume(cos[i], 1); total = total + v end
print(total)
-- deep recursion inside a coroutine
local deepco = coroutine.wrap(function() local function d(n) if n == 0 then return 0 end return 1 + d(n - 1) end return d(50000) end)
print(deepco())
-- resume passing through nested coroutines
local function nest(level)
  if level == 0 then return coroutine.yield("bottom") end
  local c = coroutine.wrap(nest)
  return c(level - 1)
end
print(coroutine.wrap(nest)(50))
print(select("#", coroutine.running()), coroutine.isyieldable(coroutine.running()))
