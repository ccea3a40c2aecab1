-- vm_coroutines.lua: coroutines on their own C stacks: yields across pcall, metamethods, iterators; errors; limits
local co = coroutine.create(function(a, b)
  local c = coroutine.yield(a + b)
  local d, e = coroutine.yield(c * 2)
  return "done", d, e
end)
print(coroutine.resume(co, 1, 2)) -- expect: true	3
print(coroutine.status(co)) -- expect: suspended
print(coroutine.resume(co, 10)) -- expect: true	20
print(coroutine.resume(co, "x", "y")) -- expect: true	done	x	y
print(coroutine.status(co), coroutine.resume(co)) -- expect: dead	false	cannot resume dead coroutine
-- generators
local function gen(n) return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end) end
local s = 0
for v in gen(100) do s = s + v end
print(s) -- expect: 5050
-- yield across pcall, xpcall and error recovery inside the coroutine
local co2 = coroutine.create(function()
  local ok, err = pcall(function()
    local v = coroutine.yield("in pcall")
    error("boom " .. v, 0)
  end)
  local v2 = coroutine.yield(tostring(ok) .. " " .. err)
  local ok3, r3 = xpcall(function() return coroutine.yield("in xpcall") + 1 end, debug.traceback)
  return v2, ok3, r3
end)
print(coroutine.resume(co2)) -- expect: true	in pcall
print(coroutine.resume(co2, "X")) -- expect: true	false boom X
print(coroutine.resume(co2, "final")) -- expect: true	in xpcall
print(coroutine.resume(co2, 41)) -- expect: true	final	true	42
-- yield inside metamethods and iterators (called from Lua code)
local mt = {__index = function(t, k) return coroutine.yield("index " .. k) end,
            __add = function(a, b) return coroutine.yield("add") end,
            __lt = function(a, b) return coroutine.yield("lt") end,
            __concat = function(a, b) return coroutine.yield("concat") end,
            __eq = function(a, b) return coroutine.yield("eq") end,
            __len = function(a) return coroutine.yield("len") end,
            __call = function(self, x) return coroutine.yield("call " .. x) end,
            __newindex = function(t, k, v) coroutine.yield("newindex " .. k) end,
            __close = function() coroutine.yield("close") end}
local results = {}
local co3 = coroutine.wrap(function()
  local t = setmetatable({}, mt)
  local u = setmetatable({}, mt)
  results[#results + 1] = t.foo
  results[#results + 1] = t + 1
  results[#results + 1] = tostring(t < u)
  results[#results + 1] = t .. "x"
  results[#results + 1] = tostring(t == u)
  results[#results + 1] = #t
  results[#results + 1] = t("!")
  t.x = 1
  for k, v in function(_, c) if c == nil then return coroutine.yield("iter"), 1 end end do
    results[#results + 1] = k .. "/" .. v
  end
  do local cl <close> = t end
  return "end"
end)
local seen = {}
local send = {"F", 5, true, "CC", false, 42, "R", nil, "K", nil}
local r = co3()
for i = 1, #send + 1 do
  seen[#seen + 1] = tostring(r)
  if r == "end" then break end
  r = co3(send[i])
end
print(table.concat(seen, "|")) -- expect: index foo|add|lt|concat|eq|len|call !|newindex x|iter|close
print(table.concat(results, "|", 1, 7), results[8]) -- expect: F|5|true|CC|false|42|R	K/1
-- errors kill the coroutine; the error value is returned
local co4 = coroutine.create(function() local x = nil; return x.y end)
print(coroutine.resume(co4)) -- expect: false	vm_coroutines.lua:70: attempt to index a nil value (local 'x')
print(coroutine.status(co4), coroutine.resume(co4)) -- expect: dead	false	cannot resume dead coroutine
local co5 = coroutine.create(function() error({code = 1}) end)
local ok5, e5 = coroutine.resume(co5)
print(ok5, type(e5), e5.code) -- expect: false	table	1
print(coroutine.resume(coroutine.running())) -- expect: false	cannot resume non-suspended coroutine
print(pcall(coroutine.yield, 1)) -- expect: false	attempt to yield from outside a coroutine
print(coroutine.isyieldable(), coroutine.wrap(function() return coroutine.isyieldable() end)()) -- expect: false	true
-- resuming a running/normal coroutine
local outer
outer = coroutine.create(function()
  local inner = coroutine.create(function() return coroutine.resume(outer) end)
  return coroutine.resume(inner)
end)
print(coroutine.resume(outer)) -- expect: true	true	false	cannot resume non-suspended coroutine
local selfco
selfco = coroutine.create(function() return coroutine.resume(selfco) end)
print(coroutine.resume(selfco)) -- expect: true	false	cannot resume non-suspended coroutine
-- yield across a C call without continuation is an error
local co6 = coroutine.create(function() table.sort({3, 2, 1}, function(a, b) coroutine.yield() return a < b end) end)
print(coroutine.resume(co6)) -- expect: false	attempt to yield across a C-call boundary
local co7 = coroutine.create(function() return load(function() coroutine.yield() end) end)
print(coroutine.resume(co7)) -- expect: true	nil	attempt to yield across a C-call boundary
-- but metamethods invoked from C functions called from Lua... through lua_call are not yieldable either
local co8 = coroutine.create(function() return tostring(setmetatable({}, {__tostring = function() coroutine.yield() return "x" end})) end)
print(coroutine.resume(co8)) -- expect: false	attempt to yield across a C-call boundary
-- nested resumes and the C stack limit
local function nest(n) if n == 0 then return 0 end return coroutine.wrap(function() return 1 + nest(n - 1) end)() end
print(nest(100)) -- expect: 100
local okn, errn = pcall(nest, 300)
print(okn, (string.gsub(errn, "^.*: ", ""))) -- expect: false	C stack overflow
-- close
local closed = {}
local co9 = coroutine.create(function()
  local x <close> = setmetatable({}, {__close = function(_, e) closed[#closed + 1] = "x:" .. tostring(e) end})
  coroutine.yield(1)
end)
print(coroutine.resume(co9)) -- expect: true	1
print(coroutine.close(co9), coroutine.status(co9), table.concat(closed)) -- expect: true	dead	x:nil
print(coroutine.resume(co9)) -- expect: false	cannot resume dead coroutine
local co10 = coroutine.create(function()
  local y <close> = setmetatable({}, {__close = function() error("close err", 0) end})
  coroutine.yield()
end)
coroutine.resume(co10)
print(coroutine.close(co10)) -- expect: false	close err
print(coroutine.close(coroutine.create(print))) -- expect: true
local dead = coroutine.create(function() error("dead", 0) end)
coroutine.resume(dead)
print(coroutine.close(dead)) -- expect: false	dead
-- wrap propagates errors with position
local w = coroutine.wrap(function() error("werr") end)
print(pcall(w)) -- expect: false	vm_coroutines.lua:122: werr
print(type(select(2, pcall(coroutine.wrap(function() error({}) end))))) -- expect: table
-- many live coroutines, each suspended on its own stack
local cos = {}
for i = 1, 3000 do cos[i] = coroutine.create(function(x) local y = coroutine.yield(x + 1) return y * 2 end) end
local tot = 0
for i = 1, 3000 do local _, v = coroutine.resume(cos[i], i); tot = tot + v end
for i = 1, 3000 do local _, v = coroutine.resume(cos[i], i); tot = tot + v end
print(tot) -- expect: 13507500
-- garbage coroutines (suspended) are collected
for i = 1, 5000 do local c = coroutine.wrap(function() coroutine.yield(i) end); c() end
collectgarbage()
print("collected") -- expect: collected
-- deep recursion inside a coroutine (Lua calls do not use the C stack)
local deep = coroutine.wrap(function() local function d(n) if n == 0 then return 0 end return 1 + d(n - 1) end return d(100000) end)
print(deep()) -- expect: 100000
-- tail calls inside coroutines and yields from deep Lua frames
local tailco = coroutine.wrap(function() local function loop(n) if n == 0 then return coroutine.yield("bottom") end return loop(n - 1) end return loop(1000000) end)
print(tailco(), tailco("back")) -- expect: bottom	back
-- a coroutine body that is a C function
local cco = coroutine.create(select)
print(coroutine.resume(cco, "#", 1, 2, 3)) -- expect: true	3
-- values passed through yield/resume: many of them
local many = coroutine.wrap(function(...) local n = select('#', coroutine.yield(...)) return n end)
local big = {}
for i = 1, 200 do big[i] = i end
print(select('#', many(table.unpack(big))), many(table.unpack(big, 1, 150))) -- expect: 200	150
-- status inside
local st
st = coroutine.create(function() return coroutine.status(st), coroutine.running() == st end)
print(coroutine.resume(st)) -- expect: true	running	true
