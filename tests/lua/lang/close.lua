-- <close> and <const> locals: closing order, errors in __close, interaction with break/return/goto.
local function closer(name, log)
  return setmetatable({}, {__close = function(self, err)
    log[#log + 1] = name .. "(" .. tostring(err) .. ")"
  end})
end
local log = {}
do
  local a <close> = closer("a", log)
  local b <close> = closer("b", log)
  local c <close> = nil         -- nil and false are allowed and ignored
  local d <close> = false
  log[#log + 1] = "body"
end
print(table.concat(log, " ")) -- expect: body b(nil) a(nil)
-- closed on return, break and goto out of scope
log = {}
local function f()
  local x <close> = closer("ret", log)
  return "value"
end
print(f(), table.concat(log, " ")) -- expect: value	ret(nil)
log = {}
for i = 1, 3 do
  local x <close> = closer("it" .. i, log)
  if i == 2 then break end
end
print(table.concat(log, " ")) -- expect: it1(nil) it2(nil)
log = {}
do
  local i = 0
  ::top::
  do
    local x <close> = closer("g" .. i, log)
    i = i + 1
    if i < 3 then goto top end
  end
end
print(table.concat(log, " ")) -- expect: g0(nil) g1(nil) g2(nil)
-- closed with the error object on error, and the error propagates
log = {}
print(pcall(function() -- expect: false	boom
  local x <close> = closer("e1", log)
  local y <close> = closer("e2", log)
  error("boom", 0)
end))
print(table.concat(log, " ")) -- expect: e2(boom) e1(boom)
-- an error inside __close replaces the original error; other closers still run
log = {}
print(pcall(function() -- expect: false	close error
  local x <close> = closer("outer", log)
  local y <close> = setmetatable({}, {__close = function(_, e) log[#log + 1] = "bad(" .. tostring(e) .. ")"; error("close error", 0) end})
  local z <close> = closer("inner", log)
  error("original", 0)
end))
print(table.concat(log, " ")) -- expect: inner(original) bad(original) outer(close error)
log = {}
print(pcall(function() -- expect: false	only close error
  local y <close> = setmetatable({}, {__close = function() error("only close error", 0) end})
  local z <close> = closer("z", log)
  return "not returned"
end))
print(table.concat(log, " ")) -- expect: z(nil)
-- values without __close are rejected at declaration
print(pcall(function() local x <close> = {} end)) -- expect: false	close.lua:65: variable 'x' got a non-closable value
print(pcall(function() local x <close> = 42 end)) -- expect: false	close.lua:66: variable 'x' got a non-closable value
-- return values are preserved while closing
local function multi()
  local x <close> = closer("m", {})
  return 1, 2, 3
end
print(multi()) -- expect: 1	2	3
-- tail calls are not allowed to skip closing: the call is not a tail call
local function tc()
  local x <close> = setmetatable({}, {__close = function() print("closed before return of tc") end})
  return (function() print("callee runs") return "tc result" end)()
end
print(tc())
-- expect: callee runs
-- expect: closed before return of tc
-- expect: tc result
-- <const>
local K <const> = 10
local S <const> = "str"
print(K * 2, S .. "!") -- expect: 20	str!
print(load("local x <const> = 1; x = 2")) -- expect: nil	[string "local x <const> = 1; x = 2"]:1: attempt to assign to const variable 'x'
print(load("local x <close>, y <close> = nil, nil")) -- expect: nil	[string "local x <close>, y <close> = nil, nil"]:1: multiple to-be-closed variables in local list
print(load("local x <foo> = 1")) -- expect: nil	[string "local x <foo> = 1"]:1: unknown attribute 'foo'
-- closing in coroutines: coroutine.close runs pending closers
log = {}
local co = coroutine.create(function()
  local x <close> = closer("co", log)
  coroutine.yield(1)
end)
print(coroutine.resume(co)) -- expect: true	1
print(coroutine.close(co), coroutine.status(co), table.concat(log, " ")) -- expect: true	dead	co(nil)
-- closer sees nil error on normal exit and the closing value as self
local selfcheck
do
  local obj = setmetatable({}, {__close = function(o, e) selfcheck = (o ~= nil) and e == nil end})
  local h <close> = obj
end
print(selfcheck) -- expect: true
-- generic for closes its fourth value on break
log = {}
for i in function(_, i) i = i + 1; if i < 10 then return i end end, nil, 0, closer("for", log) do
  if i == 3 then break end
end
print(table.concat(log, " ")) -- expect: for(nil)
