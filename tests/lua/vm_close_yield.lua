-- vm_close_yield.lua: __close handlers that yield while an error unwinds to a pcall inside a coroutine
local co = coroutine.wrap(function ()
  return pcall(function ()
    local x <close> = setmetatable({}, {__close = function (_, e) coroutine.yield(e) end})
    error("boom", 0)
  end)
end)
print(co()) -- expect: boom
print(co()) -- expect: false	boom
-- two tbc variables, both yielding, error replaced in the second
local co2 = coroutine.wrap(function ()
  return pcall(function ()
    local a <close> = setmetatable({}, {__close = function (_, e) coroutine.yield("a:" .. tostring(e)) end})
    local b <close> = setmetatable({}, {__close = function (_, e) coroutine.yield("b:" .. tostring(e)); error("from b", 0) end})
    error("orig", 0)
  end)
end)
local r1 = co2()
print(r1) -- expect: b:orig
print(co2()) -- expect: a:from b
print(co2()) -- expect: false	from b
-- closing a suspended coroutine: __close cannot yield
local co3 = coroutine.create(function ()
  local x <close> = setmetatable({}, {__close = function () coroutine.yield("no") end})
  coroutine.yield(1)
end)
coroutine.resume(co3)
print(coroutine.close(co3)) -- expect: false	attempt to yield across a C-call boundary
-- pcall in the main thread: not yieldable
print(pcall(function () -- expect: false	attempt to yield from outside a coroutine
  local x <close> = setmetatable({}, {__close = function () coroutine.yield() end})
  error("E", 0)
end))
