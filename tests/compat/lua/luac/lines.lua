-- lines.lua: line information (relative bytes + absolute entries), error positions, tracebacks, getinfo.
local function where() return debug.getinfo(2, "l").currentline end
print("a", where())




































































































































print("after 128 blank lines", where())
local function long(n)
  local s = 0
  s = s + n s = s + n s = s + n s = s + n s = s + n s = s + n s = s + n s = s + n s = s + n s = s + n
  s = s + n s = s + n s = s + n s = s + n s = s + n s = s + n s = s + n s = s + n s = s + n s = s + n
  s = s + n s = s + n s = s + n s = s + n s = s + n s = s + n s = s + n s = s + n s = s + n s = s + n
  s = s + n s = s + n s = s + n s = s + n s = s + n s = s + n s = s + n s = s + n s = s + n s = s + n
  s = s + n s = s + n s = s + n s = s + n s = s + n s = s + n s = s + n s = s + n s = s + n s = s + n
  s = s + n s = s + n s = s + n s = s + n s = s + n s = s + n s = s + n s = s + n s = s + n s = s + n
  s = s + n s = s + n s = s + n s = s + n s = s + n s = s + n s = s + n s = s + n s = s + n s = s + n
  return s, where()
end
print(long(1))
local function fails(x) return x.y.z end
print(pcall(fails, {}))
print(select(2, xpcall(fails, debug.traceback, {})))
local info = debug.getinfo(long, "S")
print(info.short_src, info.linedefined, info.lastlinedefined, info.what, info.source)
print(debug.getinfo(1, "S").what, debug.getinfo(print, "S").what)
local co = coroutine.wrap(function(a) local b = coroutine.yield(a + 1) error("boom " .. b) end)
print(co(1), pcall(co, 5))
print(pcall(error, setmetatable({}, {__tostring = function() return "obj" end})))
print((debug.getlocal(1, 1)), type(select(2, debug.getlocal(1, 1))))
