-- Coroutines: generators, passing values, status, wrap errors, yield across pcall and metamethods, close.
local function gen(n)
  return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end)
end
local acc = {}
for v in gen(5) do acc[#acc + 1] = v end
print(table.concat(acc, " ")) -- expect: 1 2 3 4 5
-- values in and out
local co = coroutine.create(function(a, b)
  print("start", a, b)
  local c, d = coroutine.yield(a + b)
  print("got", c, d)
  local e = coroutine.yield(c * d)
  return e, "end"
end)
print(coroutine.resume(co, 1, 2))
-- expect: start	1	2
-- expect: true	3
print(coroutine.status(co)) -- expect: suspended
print(coroutine.resume(co, 3, 4))
-- expect: got	3	4
-- expect: true	12
print(coroutine.resume(co, "x")) -- expect: true	x	end
print(coroutine.status(co), coroutine.resume(co)) -- expect: dead	false	cannot resume dead coroutine
-- status values, running, isyieldable
local main, ismain = coroutine.running()
print(type(main), ismain, coroutine.isyieldable()) -- expect: thread	true	false
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
-- expect: inside	running	false	true
-- expect: outer is	normal
-- expect: inner is	suspended
print(coroutine.status(outer), coroutine.status(inner)) -- expect: dead	suspended
-- errors inside coroutines
local bad = coroutine.create(function() error("oops") end)
print(coroutine.resume(bad)) -- expect: false	coroutines.lua:43: oops
print(coroutine.status(bad), coroutine.resume(bad)) -- expect: dead	false	cannot resume dead coroutine
local badt = coroutine.create(function() error({code = 7}) end)
local okt, errt = coroutine.resume(badt)
print(okt, type(errt), errt.code) -- expect: false	table	7
-- wrap propagates errors with position info
local w = coroutine.wrap(function() error("wrapped failure") end)
print(pcall(w)) -- expect: false	coroutines.lua:50: wrapped failure
local w2 = coroutine.wrap(function() return 1 end)
w2()
print(pcall(w2)) -- expect: false	cannot resume dead coroutine
-- resuming non-suspended coroutines
print(coroutine.resume(coroutine.running())) -- expect: false	cannot resume non-suspended coroutine
local selfres
selfres = coroutine.create(function() return coroutine.resume(selfres) end)
print(coroutine.resume(selfres)) -- expect: true	false	cannot resume non-suspended coroutine
-- yield across pcall and error handling inside coroutine
local pc = coroutine.create(function()
  local ok, v = pcall(function()
    local x = coroutine.yield("yield inside pcall")
    error("after yield " .. x, 0)
  end)
  coroutine.yield(ok, v)
  return "finished"
end)
print(coroutine.resume(pc)) -- expect: true	yield inside pcall
print(coroutine.resume(pc, "X")) -- expect: true	false	after yield X
print(coroutine.resume(pc)) -- expect: true	finished
-- yield across xpcall with a handler
local xc = coroutine.wrap(function()
  return xpcall(function() coroutine.yield(1); error("E", 0) end, function(m) return "handled " .. m end)
end)
print(xc()) -- expect: 1
print(xc()) -- expect: false	handled E
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
-- expect: index foo
-- expect: add
-- expect: lt
-- expect: concat
-- expect: eq
-- expect: A	B	false	D	true
local itco = coroutine.wrap(function()
  for k in function(_, c) c = (c or 0) + 1; coroutine.yield("iter " .. c); if c < 3 then return c end end do end
  return "iter done"
end)
print(itco(), itco(), itco(), itco()) -- expect: iter 1	iter 2	iter 3	iter done
print(pcall(coroutine.wrap(function() table.sort({3, 2, 1}, function(a, b) coroutine.yield() return a < b end) end))) -- expect: false	attempt to yield across a C-call boundary
-- yield outside a coroutine
print(pcall(coroutine.yield, 1)) -- expect: false	attempt to yield from outside a coroutine
-- coroutine.close
local cl = coroutine.create(function() coroutine.yield() end)
coroutine.resume(cl)
print(coroutine.close(cl), coroutine.status(cl)) -- expect: true	dead
print(coroutine.close(coroutine.create(print))) -- expect: true
local ce = coroutine.create(function() error("dead with error") end)
coroutine.resume(ce)
print(coroutine.close(ce)) -- expect: false	coroutines.lua:112: dead with error
print(pcall(coroutine.close, coroutine.running())) -- expect: false	cannot close a running coroutine
-- wrap generator with state across many resumes
local fibgen = coroutine.wrap(function() local a, b = 0, 1 while true do coroutine.yield(a); a, b = b, a + b end end)
local fibs = {}
for i = 1, 15 do fibs[i] = fibgen() end
print(table.concat(fibs, ",")) -- expect: 0,1,1,2,3,5,8,13,21,34,55,89,144,233,377
-- many coroutines alive at once
local cos = {}
for i = 1, 1000 do cos[i] = coroutine.create(function(x) local y = coroutine.yield(x * 2) return x + y end) end
local total = 0
for i = 1, 1000 do local _, v = coroutine.resume(cos[i], i); total = total + v end
for i = 1, 1000 do local _, v = coroutine.resume(cos[i], 1); total = total + v end
print(total) -- expect: 1502500
-- deep recursion inside a coroutine
local deepco = coroutine.wrap(function() local function d(n) if n == 0 then return 0 end return 1 + d(n - 1) end return d(50000) end)
print(deepco()) -- expect: 50000
-- resume passing through nested coroutines
local function nest(level)
  if level == 0 then return coroutine.yield("bottom") end
  local c = coroutine.wrap(nest)
  return c(level - 1)
end
print(coroutine.wrap(nest)(50)) -- expect: bottom
print(select("#", coroutine.running()), coroutine.isyieldable(coroutine.running())) -- expect: 2	false
