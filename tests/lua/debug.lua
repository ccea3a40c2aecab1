-- debug library: getinfo, locals, upvalues, hooks, metatables, user values, tracebacks.
local function keys(t)
  local ks = {}
  for k, v in pairs(t) do
    local s = tostring(v)
    if type(v) == "function" or type(v) == "table" then s = type(v) end
    ks[#ks + 1] = k .. "=" .. s
  end
  table.sort(ks)
  return table.concat(ks, " ")
end

-- getinfo on a running function and on function values
local function f(a, b, ...)
  local c = a + b
  return debug.getinfo(1), debug.getinfo(1, "L"), debug.getlocal(1, 1), debug.getlocal(1, 3), debug.getlocal(1, -1)
end
local i, il, n1, v1, n3, v3, nv, vv = f(1, 2, "va")
print(keys(i)) -- expect: currentline=16 ftransfer=0 func=function istailcall=false isvararg=true lastlinedefined=17 linedefined=14 name=f namewhat=local nparams=2 ntransfer=0 nups=1 short_src=debug.lua source=@debug.lua what=Lua
local lines = {}
for k in pairs(il.activelines) do lines[#lines + 1] = k end
table.sort(lines)
print(table.concat(lines, ",")) -- expect: 15,16,17
print(n1, v1, n3, v3, nv, vv) -- expect: a	c	(vararg)	va	nil	nil
print(keys(debug.getinfo(print))) -- expect: currentline=-1 ftransfer=0 func=function istailcall=false isvararg=true lastlinedefined=-1 linedefined=-1 namewhat= nparams=0 ntransfer=0 nups=0 short_src=[C] source==[C] what=C
print(keys(debug.getinfo(f, "S"))) -- expect: lastlinedefined=17 linedefined=14 short_src=debug.lua source=@debug.lua what=Lua
print(keys(debug.getinfo(1, "l")), keys(debug.getinfo(1, "t"))) -- expect: currentline=27	istailcall=false
print(debug.getinfo(1, "f").func ~= nil, debug.getinfo(f, "f").func == f) -- expect: true	true
print(debug.getinfo(100), debug.getinfo(-1)) -- expect: nil	nil
print(pcall(debug.getinfo, 1, ">S")) -- expect: false	bad argument #2 to 'debug.getinfo' (invalid option '>')
print(pcall(debug.getinfo, 1, "X")) -- expect: false	bad argument #2 to 'debug.getinfo' (invalid option)
print(pcall(debug.getinfo)) -- expect: false	bad argument #1 to 'debug.getinfo' (number expected, got no value)
print(pcall(debug.getinfo, {})) -- expect: false	bad argument #1 to 'debug.getinfo' (number expected, got table)
local function named() return debug.getinfo(1, "n") end
local ni = named()
print(ni.name, ni.namewhat) -- expect: named	local
local function tail() return named() end
print(tail().namewhat) -- expect: 
print(debug.getinfo(2) == nil) -- expect: false

-- locals
print(debug.getlocal(f, 1), debug.getlocal(f, 2), debug.getlocal(f, 3), debug.getlocal(print, 1)) -- expect: a	b	nil	nil
print(pcall(debug.getlocal, 100, 1)) -- expect: false	bad argument #1 to 'debug.getlocal' (level out of range)
print(pcall(debug.getlocal, 1)) -- expect: false	bad argument #2 to 'debug.getlocal' (number expected, got no value)
print(pcall(debug.setlocal, 100, 1, 1)) -- expect: false	bad argument #1 to 'debug.setlocal' (level out of range)
print(pcall(debug.setlocal, 1, 1)) -- expect: false	bad argument #3 to 'debug.setlocal' (value expected)
do
  local x = 10
  local idx
  for k = 1, 100 do
    if debug.getlocal(1, k) == "x" then idx = k break end
  end
  print(debug.setlocal(1, idx, 20), x, debug.setlocal(1, 200, 1)) -- expect: x	20	nil
end

-- upvalues
local up1, up2 = 1, 2
local function g() return up1, up2 end
local function h() return up2 end
print(debug.getupvalue(g, 1), debug.getupvalue(g, 2), debug.getupvalue(g, 3), debug.getupvalue(print, 1)) -- expect: up1	up2	nil
print(debug.setupvalue(g, 1, 100), up1, debug.setupvalue(g, 5, 1)) -- expect: up1	100
print(pcall(debug.setupvalue, g, 1)) -- expect: false	bad argument #3 to 'debug.setupvalue' (value expected)
print(pcall(debug.getupvalue, 1, 1)) -- expect: false	bad argument #1 to 'debug.getupvalue' (function expected, got number)
print(type(debug.upvalueid(g, 1)), debug.upvalueid(g, 2) == debug.upvalueid(h, 1), debug.upvalueid(g, 1) == debug.upvalueid(h, 1)) -- expect: userdata	true	false
print(debug.upvalueid(g, 3)) -- expect: nil
print(pcall(debug.upvaluejoin, g, 3, h, 1)) -- expect: false	bad argument #2 to 'debug.upvaluejoin' (invalid upvalue index)
print(pcall(debug.upvaluejoin, g, 1, h, 3)) -- expect: false	bad argument #4 to 'debug.upvaluejoin' (invalid upvalue index)
print(pcall(debug.upvaluejoin, string.gmatch("a", "a"), 1, h, 1)) -- expect: false	bad argument #1 to 'debug.upvaluejoin' (Lua function expected)
debug.upvaluejoin(g, 1, h, 1)
print(g()) -- expect: 2	2
local cl = string.gmatch("abc", "b")
print(debug.getupvalue(cl, 1) == "", type(select(2, debug.getupvalue(cl, 1)))) -- expect: true	string

-- metatables, registry, user values
print(debug.getmetatable(1), debug.setmetatable(10, {__index = {z = 1}}), (10).z, debug.setmetatable(10, nil)) -- expect: nil	10	1	10
print(pcall(debug.setmetatable, 1, 2)) -- expect: false	bad argument #2 to 'debug.setmetatable' (nil or table expected, got number)
print(pcall(debug.getmetatable)) -- expect: false	bad argument #1 to 'debug.getmetatable' (value expected)
print(type(debug.getregistry()), debug.getregistry()._LOADED == package.loaded) -- expect: table	true
print(debug.getmetatable("").__index == string) -- expect: true
local ud = io.stdout
print(debug.getuservalue(ud), debug.getuservalue(1), debug.getuservalue(ud, 2)) -- expect: nil	nil	nil
print(debug.setuservalue(ud, 5), debug.setuservalue(ud, 5, 2)) -- expect: nil	nil
print(pcall(debug.setuservalue, {}, 1)) -- expect: false	bad argument #1 to 'debug.setuservalue' (userdata expected, got table)
print(pcall(debug.setuservalue, ud)) -- expect: false	bad argument #2 to 'debug.setuservalue' (value expected)

-- tracebacks (printed on one line)
local function tb(s) return type(s) == "string" and (s:gsub("\n", " | ")) or s end
print(tb(debug.traceback("msg"))) -- expect: msg | stack traceback: | 	debug.lua:88: in main chunk | 	[C]: in ?
print(tb(debug.traceback("msg", 2))) -- expect: msg | stack traceback: | 	[C]: in ?
print(tb(debug.traceback())) -- expect: stack traceback: | 	debug.lua:90: in main chunk | 	[C]: in ?
print(tb(debug.traceback(12))) -- expect: 12 | stack traceback: | 	debug.lua:91: in main chunk | 	[C]: in ?
print(type(debug.traceback({})), debug.traceback(print) == print, tb(debug.traceback(nil))) -- expect: table	true	stack traceback: | 	debug.lua:92: in main chunk | 	[C]: in ?
local function lvl3() return debug.traceback("deep", 1) end
local function lvl2() local r = lvl3() return r end
print(tb(lvl2())) -- expect: deep | stack traceback: | 	debug.lua:93: in upvalue 'lvl3' | 	debug.lua:94: in local 'lvl2' | 	debug.lua:95: in main chunk | 	[C]: in ?
local co = coroutine.create(function(x) local y = x coroutine.yield(y) error("e") end)
coroutine.resume(co, 5)
print(tb(debug.traceback(co))) -- expect: stack traceback: | 	[C]: in function 'coroutine.yield' | 	debug.lua:96: in function <debug.lua:96>
print(tb(debug.traceback(co, "m", 1))) -- expect: m | stack traceback: | 	debug.lua:96: in function <debug.lua:96>
print(debug.getinfo(co, 1, "l").currentline, debug.getinfo(co, 5)) -- expect: 96	nil
print(debug.getlocal(co, 1, 1), debug.getlocal(co, 1, 2)) -- expect: x	y	5
print(debug.setlocal(co, 1, 2, "changed"), select(2, debug.getlocal(co, 1, 2))) -- expect: y	changed
print(pcall(debug.getlocal, co, 5, 1)) -- expect: false	bad argument #2 to 'debug.getlocal' (level out of range)

-- hooks
print(debug.gethook()) -- expect: nil
local evs = {}
local function hk(ev, line) evs[#evs + 1] = ev .. ":" .. tostring(line) end
local function callee() return 1 end
local function tailer() return callee() end
debug.sethook(hk, "crl")
tailer()
debug.sethook()
print(table.concat(evs, " ")) -- expect: return:nil line:112 call:nil line:110 tail call:nil line:109 return:nil line:113 call:nil
evs = {}
debug.sethook(hk, "", 3)
for _ = 1, 10 do end
local gh = table.pack(debug.gethook())
debug.sethook()
print(#evs > 0, evs[1], gh[1] == hk, gh[2], gh[3]) -- expect: true	count:nil	true		3
debug.sethook(hk, "lcr", 3)
print(select(2, debug.gethook())) -- expect: crl	3
debug.sethook()
print(debug.gethook()) -- expect: nil
print(pcall(debug.sethook, hk)) -- expect: false	bad argument #2 to 'debug.sethook' (string expected, got no value)
print(pcall(debug.sethook, 1, "l")) -- expect: false	bad argument #1 to 'debug.sethook' (function expected, got number)
local co2 = coroutine.create(function() end)
debug.sethook(co2, hk, "l")
print(select(2, debug.gethook(co2)), debug.gethook()) -- expect: l	nil
local hooked = {}
debug.sethook(function(ev, line) hooked[#hooked + 1] = line end, "l")
local z = 1
z = z + 1
debug.sethook()
print(#hooked, hooked[2] - hooked[1]) -- expect: 3	1
print(debug.setcstacklimit(100)) -- expect: 200
local names = {}
for k in pairs(debug) do names[#names + 1] = k end
table.sort(names)
print(table.concat(names, " ")) -- expect: debug gethook getinfo getlocal getmetatable getregistry getupvalue getuservalue setcstacklimit sethook setlocal setmetatable setupvalue setuservalue traceback upvalueid upvaluejoin
