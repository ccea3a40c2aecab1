-- fuzz.lua: loads mutated binary chunks (flipped/overwritten bytes, truncations) and runs what loads, sandboxed and step-limited.
local seed, ncases = tonumber(arg[1]), tonumber(arg[2])
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
local function sandbox()
  return {print = noop, type = type, tostring = tostring, tonumber = tonumber, select = select,
          pairs = pairs, ipairs = ipairs, next = next, pcall = pcall, error = error,
          setmetatable = setmetatable, getmetatable = getmetatable, rawequal = rawequal,
          rawlen = rawlen, rawget = rawget, math = {maxinteger = math.maxinteger, huge = math.huge},
          table = {concat = table.concat, unpack = table.unpack, sort = table.sort},
          coroutine = coroutine, xpcall = xpcall, io = {write = noop}, select = select,
          string = {format = string.format, sub = string.sub, upper = string.upper,
                    gmatch = string.gmatch},
          debug = {getinfo = debug.getinfo, traceback = debug.traceback,
                   getlocal = debug.getlocal}}
end
for case = 1, ncases do
  io.stderr:write("case ", case, "\n")
  local c = chunks[rnd(#chunks)]
  local kind = rnd(4)
  if kind == 1 then  -- truncate
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
    -- after 200k instructions every instruction of fuzz code raises (so
    -- loops around pcall end too); the harness itself is never interrupted
    local budget = 200
    local function hook()
      budget = budget - 1
      if budget <= 0 and debug.getinfo(2, "S").source == "=fuzz" then
        debug.sethook(hook, "", 1)
        error("step limit")
      end
    end
    debug.sethook(hook, "", 1000)
    local ok = pcall(f)
    debug.sethook()
    if ok then ran = ran + 1 end
  end
end
print(("%d cases, %d loaded, %d ran to completion"):format(ncases, loaded, ran))
