-- coro_deep.lua: deep recursion inside coroutines is an error, never a crash, before and after
-- a yield that gave back the coroutine's C stack; deep nesting of pcall across yields
local function has(msg, what) return type(msg) == "string" and msg:find(what, 1, true) ~= nil end

-- Lua recursion (Lua stack) inside a coroutine
local function lrec(n) return 1 + lrec(n + 1) end
local co = coroutine.create(function() coroutine.yield("first") return lrec(1) end)
print(coroutine.resume(co)) -- expect: true	first
local ok, msg = coroutine.resume(co)
print(ok, has(msg, "stack overflow")) -- expect: false	true

-- C recursion through a metamethod (each level a new interpreter call)
local deep = setmetatable({}, {})
getmetatable(deep).__index = function(t, k) return t[k .. "x"] end
co = coroutine.wrap(function()
  coroutine.yield(1)
  return pcall(function() return deep.a end)
end)
co()
ok, msg = co()
print(ok, has(msg, "stack overflow")) -- expect: false	true

-- C recursion through string.gsub callbacks, after several yields
local function grec(s) return (s:gsub(".", function(c) return grec(c) end)) end
co = coroutine.wrap(function()
  for i = 1, 3 do coroutine.yield(i) end
  return pcall(grec, "ab")
end)
co() co() co()
ok, msg = co()
print(ok, has(msg, "stack overflow")) -- expect: false	true

-- coroutines resuming coroutines without end
local function nest() return coroutine.wrap(function() return nest()() end)() end
co = coroutine.create(function() coroutine.yield() return nest() end)
coroutine.resume(co)
ok, msg = coroutine.resume(co)
print(ok, has(msg, "stack overflow")) -- expect: false	true

-- the stack overflow is raised in the coroutine; the thread survives for more work
co = coroutine.wrap(function()
  while true do
    local ok2, m = pcall(lrec, 1)
    coroutine.yield(ok2, has(m, "stack overflow"))
  end
end)
print(co()) -- expect: false	true
print(co()) -- expect: false	true

-- a yield below 150 nested pcalls, resumed many times: every level finishes
local function pnest(n)
  if n == 0 then
    local s = 0
    for i = 1, 5 do s = s + coroutine.yield(i) end
    return s
  end
  local ok3, v = pcall(pnest, n - 1)
  return ok3 and v + 1
end
co = coroutine.wrap(pnest)
local got = co(150)
for i = 1, 5 do got = co(10) end
print(got) -- expect: 200
-- the same with an error at the bottom after the yields: caught by the innermost pcall
co = coroutine.wrap(function()
  return pcall(function()
    local ok4, e = pcall(function() coroutine.yield("in") error("bottom", 0) end)
    coroutine.yield(e)
    return "after", ok4
  end)
end)
print(co()) -- expect: in
print(co()) -- expect: bottom
print(co()) -- expect: true	after	false
