-- vm_debug.lua: getinfo/getlocal/setlocal on interpreter frames, hooks (call/return/line/count), transfer info
local function keys(t)
  local ks = {}
  for k, v in pairs(t) do if type(v) ~= "table" and type(v) ~= "function" then ks[#ks + 1] = k .. "=" .. tostring(v) end end
  table.sort(ks)
  return table.concat(ks, " ")
end
local info1, info2, locs, varargs, setres
local function f(a, b, ...)
  local x = 10
  info1 = keys(debug.getinfo(1, "nSlut"))
  info2 = keys(debug.getinfo(2, "nSl"))
  locs = {}
  for i = 1, 8 do local n, v = debug.getlocal(1, i); if not n then break end; locs[#locs + 1] = n .. "=" .. tostring(v) end
  varargs = {debug.getlocal(1, -1), debug.getlocal(1, -2), (debug.getlocal(1, -3))}
  setres = {debug.setlocal(1, 1, "A"), a}
  return x
end
f(1, 2, "v1", "v2")
print(info1) -- expect: currentline=11 istailcall=false isvararg=true lastlinedefined=18 linedefined=9 name=f namewhat=local nparams=2 nups=7 short_src=vm_debug.lua source=@vm_debug.lua what=Lua
print(info2) -- expect: currentline=19 lastlinedefined=0 linedefined=0 namewhat= short_src=vm_debug.lua source=@vm_debug.lua what=main
print(table.concat(locs, " ")) -- expect: a=1 b=2 x=10 (for state)=4 (for state)=3 (for state)=1 i=7
print(table.concat(varargs, " ")) -- expect: (vararg) (vararg)
print(table.concat(setres, " ")) -- expect: a A
local t = {m = f}
t.m(5, 6)
print(info1) -- expect: currentline=11 istailcall=false isvararg=true lastlinedefined=18 linedefined=9 name=m namewhat=field nparams=2 nups=7 short_src=vm_debug.lua source=@vm_debug.lua what=Lua
t:m(7)
print(info1) -- expect: currentline=11 istailcall=false isvararg=true lastlinedefined=18 linedefined=9 name=m namewhat=method nparams=2 nups=7 short_src=vm_debug.lua source=@vm_debug.lua what=Lua
print(keys(debug.getinfo(math.abs))) -- expect: currentline=-1 ftransfer=0 istailcall=false isvararg=true lastlinedefined=-1 linedefined=-1 namewhat= nparams=0 ntransfer=0 nups=0 short_src=[C] source==[C] what=C
print(keys(debug.getinfo(f, "S"))) -- expect: lastlinedefined=18 linedefined=9 short_src=vm_debug.lua source=@vm_debug.lua what=Lua
local lines = debug.getinfo(f, "L").activelines
local ls = {}
for k in pairs(lines) do ls[#ls + 1] = k end
table.sort(ls)
print(table.concat(ls, ",")) -- expect: 10,11,12,13,14,15,16,17,18
print(debug.getlocal(f, 1), debug.getlocal(f, 2), debug.getlocal(f, 3)) -- expect: a	b	nil
-- temporaries
local function temps() local a = 1; return debug.getlocal(1, 2) end
print(temps()) -- expect: nil
-- call/return/line hooks
local evs = {}
local function g(n) local s = 0
  for i = 1, n do
    s = s + i
  end
  return s end
debug.sethook(function(ev, line) evs[#evs + 1] = ev .. ":" .. tostring(line) end, "crl")
g(2)
debug.sethook()
print(table.concat(evs, " ")) -- expect: return:nil line:49 call:nil line:43 line:44 line:45 line:44 line:45 line:44 line:47 return:nil line:50 call:nil
-- line hook on a loop on one line fires on each backward jump
evs = {}
local function oneline() local c = 0 for i = 1, 3 do c = c + 1 end return c end
debug.sethook(function(ev, line) evs[#evs + 1] = line end, "l")
oneline()
debug.sethook()
print(table.concat(evs, " ")) -- expect: 56 54 54 54 57
-- count hook
local cnt = 0
debug.sethook(function(ev) cnt = cnt + 1 end, "", 100)
for i = 1, 10000 do end
debug.sethook()
print(cnt > 50, debug.gethook()) -- expect: true	nil
-- vararg function: hooks start after the vararg setup
evs = {}
local function vh(...)
  return select('#', ...)
end
debug.sethook(function(ev, line) evs[#evs + 1] = ev .. ":" .. tostring(line) end, "crl")
vh(1, 2)
debug.sethook()
print(table.concat(evs, " ")) -- expect: return:nil line:71 call:nil line:68 call:nil return:nil return:nil line:72 call:nil
-- tail calls
local function tc() return debug.getinfo(1, "t").istailcall end
local function caller() return tc() end
print(caller()) -- expect: true
evs = {}
local function leaf() return 1 end
local function mid() return leaf() end
debug.sethook(function(ev) evs[#evs + 1] = ev end, "cr")
mid()
debug.sethook()
print(table.concat(evs, " ")) -- expect: return call tail call return call
-- transfer info for call and return hooks
local tr = {}
debug.sethook(function(ev)
  local i = debug.getinfo(2, "rn")
  if i.name == "r3" then tr[#tr + 1] = ev .. ":" .. i.ftransfer .. "," .. i.ntransfer end
end, "cr")
local function r3(a, b) return 1, 2, 3 end
r3(7, 8)
debug.sethook()
print(table.concat(tr, " ")) -- expect: call:1,2 return:3,3
-- names of functions as seen by getinfo
local names = {}
local function who() local i = debug.getinfo(2, "n") names[#names + 1] = tostring(i.namewhat) .. ":" .. tostring(i.name) end
local function named() who() end
named()
local obj = {meth = function() who() end}
obj.meth(); obj:meth()
setmetatable({}, {__index = function() who() end}).x = nil
local _ = setmetatable({}, {__index = function() who() end}).y
globalwho = function() who() end
globalwho()
print(table.concat(names, " ")) -- expect: local:named field:meth method:meth metamethod:index global:globalwho
-- errors inside a hook are propagated
local hookok, hookmsg = pcall(function()
  debug.sethook(function() debug.sethook(); error("hookerr", 0) end, "l")
  local a = 1
end)
print(hookok, hookmsg) -- expect: false	hookerr
-- traceback through Lua frames
local function lvl3() return debug.traceback("tb", 1) end
local function lvl2() return (lvl3()) end
print((lvl2():gsub("(in main chunk).*$", "%1"):gsub("\n%s*", " | "))) -- expect: tb | stack traceback: | vm_debug.lua:114: in upvalue 'lvl3' | vm_debug.lua:115: in local 'lvl2' | vm_debug.lua:116: in main chunk
-- traceback of a dead coroutine keeps its frames
local co = coroutine.create(function() local x = nil; x.y = 1 end)
coroutine.resume(co)
print((debug.traceback(co):gsub("\n%s*", " | "))) -- expect: stack traceback: | vm_debug.lua:118: in function <vm_debug.lua:118>
