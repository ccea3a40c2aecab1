-- __gc finalizers (order, resurrection, at exit), __mode weak tables and ephemerons.
local log = {}
local function fin(name) return function(o) log[#log + 1] = name end end
-- finalizers run in reverse order of marking (setmetatable order)
do
  for i = 1, 5 do setmetatable({}, {__gc = fin("o" .. i)}) end
end
collectgarbage(); collectgarbage()
print(table.concat(log, " ")) -- expect: o5 o4 o3 o2 o1
-- __gc must be present when setmetatable is called
log = {}
do
  local mt = {}
  setmetatable({}, mt)
  mt.__gc = fin("late")       -- not marked for finalization
  local mt2 = {__gc = true}
  setmetatable({}, mt2)
  mt2.__gc = fin("replaced")  -- marked: the field is read at finalization time
end
collectgarbage(); collectgarbage()
print(table.concat(log, " ")) -- expect: replaced
-- resurrection: a finalizer may store the object; it is not finalized again
log = {}
local saved
do
  setmetatable({tag = "zombie"}, {__gc = function(o) saved = o; log[#log + 1] = "fin " .. o.tag end})
end
collectgarbage(); collectgarbage()
print(table.concat(log, " "), saved and saved.tag) -- expect: fin zombie	zombie
saved = nil
collectgarbage(); collectgarbage()
print(#log) -- expect: 1
-- errors in finalizers become warnings, not errors
do setmetatable({}, {__gc = function() error("in gc") end}) end
print(pcall(collectgarbage)) -- expect: true	0
-- weak values
local wv = setmetatable({}, {__mode = "v"})
wv[1] = {}; wv[2] = "string values are not collected"; wv[3] = 42
local keep = {}
wv[4] = keep
collectgarbage()
print(wv[1], wv[2], wv[3], wv[4] == keep) -- expect: nil	string values are not collected	42	true
-- weak keys
local wk = setmetatable({}, {__mode = "k"})
local k1 = {}
wk[k1] = "alive"; wk[{}] = "dead"
collectgarbage()
local n = 0
for k, v in pairs(wk) do n = n + 1 end
print(n, wk[k1]) -- expect: 1	alive
-- ephemeron: value refers to its own key, entry still collected
local eph = setmetatable({}, {__mode = "k"})
do
  local key = {}
  eph[key] = {ref = key}
end
collectgarbage()
print(next(eph)) -- expect: nil
-- ephemeron chain stays alive while the first key is reachable
local root = {}
do
  local k2, k3 = {}, {}
  eph[root] = k2; eph[k2] = k3; eph[k3] = "end"
end
collectgarbage()
local len, cur = 0, root
while eph[cur] ~= nil and type(cur) == "table" do len = len + 1; cur = eph[cur] end
print(len, cur) -- expect: 3	end
-- fully weak
local kv = setmetatable({}, {__mode = "kv"})
kv[{}] = 1; kv[1] = {}; kv.x = "s"
collectgarbage()
local cnt = 0
for _ in pairs(kv) do cnt = cnt + 1 end
print(cnt, kv.x) -- expect: 1	s
-- objects being finalized are removed from weak values before the finalizer runs,
-- but stay as weak keys until after
local wvals = setmetatable({}, {__mode = "v"})
local wkeys = setmetatable({}, {__mode = "k"})
do
  local o = setmetatable({}, {__gc = function(o) log[#log + 1] = tostring(wvals[1] == nil) .. "/" .. tostring(wkeys[o]) end})
  wvals[1] = o; wkeys[o] = "kept"
end
log = {}
collectgarbage(); collectgarbage()
print(table.concat(log, " ")) -- expect: true/kept
-- collectgarbage options
print(type(collectgarbage("count")), collectgarbage("count") > 0, collectgarbage("isrunning")) -- expect: number	true	true
collectgarbage("stop"); print(collectgarbage("isrunning")); collectgarbage("restart") -- expect: false
print(collectgarbage("isrunning"), collectgarbage("step", 0) ~= nil, math.type(collectgarbage("collect"))) -- expect: true	true	integer
print(pcall(collectgarbage, "bogus")) -- expect: false	bad argument #1 to 'collectgarbage' (invalid option 'bogus')
local before = collectgarbage("count")
do local junk = {} for i = 1, 1e5 do junk[i] = {i} end end
collectgarbage(); collectgarbage()
print(collectgarbage("count") < before + 1000) -- expect: true
-- finalizers run at exit in reverse order of creation
setmetatable({}, {__gc = function() print("exit gc 1") end})
setmetatable({}, {__gc = function() print("exit gc 2") end})
_G.anchor = setmetatable({}, {__gc = function() print("exit gc anchored") end})
print("end of script") -- expect: end of script
-- expect: exit gc anchored
-- expect: exit gc 2
-- expect: exit gc 1
