-- fuzz.lua: loads mutated binary chunks (flipped/overwritten bytes, truncations) and runs what loads, sandboxed and step-limited.
-- usage: fuzz.lua SEED NCASES CHUNK...   or   fuzz.lua replay 1 CHUNK (runs CHUNK unchanged)
local replay = arg[1] == "replay"
local seed, ncases = tonumber(arg[1]) or 0, tonumber(arg[2])
local chunks = {}
for i = 3, #arg do
  local f = assert(io.open(arg[i], "rb"))
  chunks[#chunks + 1] = f:read("a")
  f:close()
end
math.randomseed(seed)
local rnd = math.random
local save = os.getenv("FUZZ_SAVE")
local loaded, ran = 0, 0
local function noop() end

-- step limit: after 200k instructions every instruction of fuzz code raises
-- (so loops around pcall end too); the harness itself is never interrupted.
-- Hooks are per thread, so the sandbox's coroutines get it too.
local budget
local here = debug.getinfo(1, "S").source
local function hook()
  budget = budget - 1
  local info = budget <= 0 and debug.getinfo(2, "S")
  if info and info.what ~= "C" and info.source ~= here then  -- fuzz code (maybe stripped: "=?")
    debug.sethook(hook, "", 1)
    error("step limit")
  end
end
local function cocreate(f)
  local co = coroutine.create(f)
  debug.sethook(co, hook, "", 1000)
  return co
end
local function cowrap(f)
  local co = cocreate(f)
  return function(...)
    local res = table.pack(coroutine.resume(co, ...))
    if not res[1] then error(res[2], 0) end
    return table.unpack(res, 2, res.n)
  end
end
local sandboxco = {create = cocreate, wrap = cowrap, yield = coroutine.yield,
                   resume = coroutine.resume, status = coroutine.status,
                   running = coroutine.running, isyieldable = coroutine.isyieldable}
local function sandbox()
  return {print = noop, type = type, tostring = tostring, tonumber = tonumber, select = select,
          pairs = pairs, ipairs = ipairs, next = next, pcall = pcall, error = error,
          setmetatable = setmetatable, getmetatable = getmetatable, rawequal = rawequal,
          rawlen = rawlen, rawget = rawget, math = {maxinteger = math.maxinteger, huge = math.huge},
          table = {concat = table.concat, unpack = table.unpack, sort = table.sort},
          coroutine = sandboxco, xpcall = xpcall, io = {write = noop}, select = select,
          string = {format = string.format, sub = string.sub, upper = string.upper,
                    gmatch = string.gmatch},
          debug = {getinfo = debug.getinfo, traceback = debug.traceback,
                   getlocal = debug.getlocal}}
end
for case = 1, ncases do
  io.stderr:write("case ", case, "\n")
  local c = chunks[rnd(#chunks)]
  local kind = replay and 0 or rnd(4)
  if kind == 0 then  -- as given
  elseif kind == 1 then  -- truncate
    c = c:sub(1, rnd(#c - 1))
  else  -- change 1..4 bytes past the header (kind 2: +-1, 3: random value, 4: bit flip)
    for _ = 1, rnd(4) do
      local p = rnd(32, #c)
      local b = c:byte(p)
      if kind == 2 then b = (b + (rnd(2) == 1 and 1 or 255)) % 256
      elseif kind == 3 then b = rnd(0, 255)
      else b = b ~ (1 << rnd(0, 7)) end
      c = c:sub(1, p - 1) .. string.char(b) .. c:sub(p + 1)
    end
  end
  if save then  -- FUZZ_SAVE=file keeps the case being tried (to replay a crash)
    local out = assert(io.open(save, "wb")); out:write(c); out:close()
  end
  local f = load(c, "=fuzz", "b", sandbox())
  if f then
    loaded = loaded + 1
    budget = 200
    debug.sethook(hook, "", 1000)
    local ok = pcall(f)
    debug.sethook()
    if ok then ran = ran + 1 end
  end
end
print(("%d cases, %d loaded, %d ran to completion"):format(ncases, loaded, ran))
