-- coroutine library: create/resume/yield, status, wrap error propagation, isyieldable, running, close, yields across pcall.

local co = coroutine.create(function(a, b)
  print("start", a, b)
  local c = coroutine.yield(a + b)
  print("got", c)
  local d, e = coroutine.yield(c * 2)
  return d + e
end)
print(coroutine.status(co), coroutine.resume(co, 1, 2))
-- expect: start	1	2
-- expect: suspended	true	3
print(coroutine.status(co), coroutine.resume(co, 10))
-- expect: got	10
-- expect: suspended	true	20
print(coroutine.resume(co, 3, 4)) -- expect: true	7
print(coroutine.status(co), coroutine.resume(co)) -- expect: dead	false	cannot resume dead coroutine
print(pcall(coroutine.resume, 1)) -- expect: false	bad argument #1 to 'coroutine.resume' (thread expected, got number)
print(pcall(coroutine.status)) -- expect: false	bad argument #1 to 'coroutine.status' (thread expected, got no value)
print(pcall(coroutine.create, 1)) -- expect: false	bad argument #1 to 'coroutine.create' (function expected, got number)
print(pcall(coroutine.create)) -- expect: false	bad argument #1 to 'coroutine.create' (function expected, got no value)

-- errors inside coroutines
local co2 = coroutine.create(function() error("oops") end)
print(coroutine.resume(co2)) -- expect: false	coroutine.lua:24: oops
print(coroutine.status(co2), coroutine.resume(co2)) -- expect: dead	false	cannot resume dead coroutine
local co3 = coroutine.create(function() error({code = 1}) end)
local ok, e = coroutine.resume(co3)
print(ok, type(e), e.code) -- expect: false	table	1
local co4 = coroutine.create(function(...) return select('#', ...), ... end)
print(coroutine.resume(co4, nil, nil)) -- expect: true	2	nil	nil
print(coroutine.resume(coroutine.create(function() return end))) -- expect: true

-- wrap
local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end return "end" end)
print(gen(), gen(), gen(), gen()) -- expect: 1	2	3	end
print(pcall(gen)) -- expect: false	cannot resume dead coroutine
local w = coroutine.wrap(function() error("werr") end)
print(pcall(w)) -- expect: false	coroutine.lua:38: werr
local w2 = coroutine.wrap(function() error({1}) end)
local ok2, e2 = pcall(w2)
print(ok2, type(e2)) -- expect: false	table
local w3 = coroutine.wrap(function() error("lvl0", 0) end)
print(pcall(w3)) -- expect: false	lvl0
local w4 = coroutine.wrap(function() local x = nil; return x.y end)
print(pcall(w4)) -- expect: false	coroutine.lua:45: attempt to index a nil value (local 'x')
local w5 = coroutine.wrap(function() error(42) end)
print(pcall(w5)) -- expect: false	42
print(pcall(coroutine.wrap, 1)) -- expect: false	bad argument #1 to 'coroutine.wrap' (function expected, got number)
local inner = coroutine.wrap(function() error("nested") end)
local outer = coroutine.wrap(function() inner() end)
print(pcall(outer)) -- expect: false	coroutine.lua:51: coroutine.lua:50: nested

-- status: running, normal, suspended, dead
local outerco
outerco = coroutine.create(function()
  local innerco = coroutine.create(function()
    print("outer is", coroutine.status(outerco))
    print("inner yieldable", coroutine.isyieldable())
  end)
  print("self is", coroutine.status(outerco))
  coroutine.resume(innerco)
  print("inner is", coroutine.status(innerco))
end)
print("before", coroutine.status(outerco)) -- expect: before	suspended
coroutine.resume(outerco)
-- expect: self is	running
-- expect: outer is	normal
-- expect: inner yieldable	true
-- expect: inner is	dead
print("after", coroutine.status(outerco)) -- expect: after	dead
print(coroutine.isyieldable(), coroutine.isyieldable(outerco)) -- expect: false	true
print(pcall(coroutine.isyieldable, 1)) -- expect: false	bad argument #1 to 'coroutine.isyieldable' (thread expected, got number)
local main, ismain = coroutine.running()
print(type(main), ismain, coroutine.status(main)) -- expect: thread	true	running
coroutine.wrap(function() local c, m = coroutine.running(); print(type(c), m, coroutine.status(c)) end)() -- expect: thread	false	running
print(coroutine.resume(main)) -- expect: false	cannot resume non-suspended coroutine
print(pcall(coroutine.yield, 1)) -- expect: false	attempt to yield from outside a coroutine

-- close
local cc = coroutine.create(function() coroutine.yield() end)
coroutine.resume(cc)
print(coroutine.close(cc), coroutine.status(cc)) -- expect: true	dead
print(coroutine.close(coroutine.create(print))) -- expect: true
local ce = coroutine.create(function() error("E") end)
coroutine.resume(ce)
print(coroutine.close(ce)) -- expect: false	coroutine.lua:85: E
print(coroutine.close(ce)) -- expect: true
local tbc = coroutine.create(function()
  local x <close> = setmetatable({}, {__close = function(_, err) print("closing", err) end})
  coroutine.yield(1)
end)
coroutine.resume(tbc)
print(coroutine.close(tbc), coroutine.status(tbc))
-- expect: closing	nil
-- expect: true	dead
local tbe = coroutine.create(function()
  local x <close> = setmetatable({}, {__close = function() error("in close", 0) end})
  coroutine.yield(1)
end)
coroutine.resume(tbe)
print(coroutine.close(tbe)) -- expect: false	in close
local wtb = coroutine.wrap(function()
  local x <close> = setmetatable({}, {__close = function(_, err) print("wclose", err) end})
  error("werr2", 0)
end)
print(pcall(wtb))
-- expect: wclose	werr2
-- expect: false	werr2
print(pcall(coroutine.close, coroutine.running())) -- expect: false	cannot close a running coroutine
local nco
nco = coroutine.create(function()
  local i = coroutine.create(function() return coroutine.close(nco) end)
  return coroutine.resume(i)
end)
print(coroutine.resume(nco)) -- expect: true	false	coroutine.lua:113: cannot close a normal coroutine
print(pcall(coroutine.close, 1)) -- expect: false	bad argument #1 to 'coroutine.close' (thread expected, got number)

-- yields across pcall, xpcall, metamethods and pairs
local yp = coroutine.create(function()
  local ok1, v = pcall(function() local r = coroutine.yield("in pcall"); error("after " .. r, 0) end)
  print("pcall result", ok1, v)
  local ok3, v2 = xpcall(function() return coroutine.yield("in xpcall") end, print)
  print("xpcall result", ok3, v2)
  local ok4, v3 = xpcall(function() coroutine.yield("x2"); error("E3", 0) end, function(m) return "handled: " .. m end)
  print("xpcall err", ok4, v3)
  for k, v4 in pairs(setmetatable({}, {__pairs = function() local r = coroutine.yield("in __pairs"); return next, {r}, nil end})) do
    print("pair", k, v4)
  end
  local obj = setmetatable({}, {__add = function(a, b) return coroutine.yield("in __add") end})
  print("add result", obj + 1)
  return "done"
end)
print(coroutine.resume(yp)) -- expect: true	in pcall
print(coroutine.resume(yp, "R"))
-- expect: pcall result	false	after R
-- expect: true	in xpcall
print(coroutine.resume(yp, "R2"))
-- expect: xpcall result	true	R2
-- expect: true	x2
print(coroutine.resume(yp))
-- expect: xpcall err	false	handled: E3
-- expect: true	in __pairs
print(coroutine.resume(yp, "PV"))
-- expect: pair	1	PV
-- expect: true	in __add
print(coroutine.resume(yp, "ADD"))
-- expect: add result	ADD
-- expect: true	done
print(coroutine.status(yp)) -- expect: dead

-- yield across a C boundary that does not allow it
local sortco = coroutine.create(function()
  table.sort({3, 2, 1}, function(a, b) coroutine.yield() return a < b end)
end)
print(coroutine.resume(sortco)) -- expect: false	attempt to yield across a C-call boundary

-- many values through resume/yield
local many = coroutine.create(function(...) local t = {...}; return table.unpack(t, 1, select('#', ...)) end)
local res = table.pack(coroutine.resume(many, table.unpack({}, 1, 200)))
print(res.n, res[1]) -- expect: 201	true

-- generators
local function range(n) return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end) end
local sum = 0
for v in range(100) do sum = sum + v end
print(sum) -- expect: 5050
