-- driver.lua: loads PUC-made binary chunks given as arguments with load() and checks dump round trips and error messages.
local function readfile(name)
  local f = assert(io.open(name, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

local mode, file = ...
local chunk = readfile(file)
if mode == "upvalues" then
  -- a dumped function with upvalues: they start fresh (nil) and can be set
  local f = assert(load(chunk, "=dumped", "b"))
  for i = 1, 3 do local name, v = debug.getupvalue(f, i); print(name, type(v)) end
  debug.setupvalue(f, 1, 10); debug.setupvalue(f, 2, 32)
  print(f(), f())
  print(load(chunk, "=dumped", "t"))
elseif mode == "roundtrip" then
  -- a PUC chunk, redumped by this interpreter, still runs
  local f = assert(load(chunk, "=roundtrip"))
  local g = assert(load(string.dump(f), "=roundtrip"))
  local h = assert(load(string.dump(f, true), "=roundtrip"))
  print(g(), h())
elseif mode == "errors" then
  -- every truncation and every corrupted header byte gives PUC's message
  local seen = {}
  for i = 1, #chunk - 1 do
    local f, msg = load(chunk:sub(1, i), "=bin")
    assert(not f)
    if not seen[msg] then seen[#seen + 1] = msg; seen[msg] = true end
  end
  for i = 1, 31 do
    local c = chunk:sub(1, i - 1) .. string.char((chunk:byte(i) + 1) % 256) .. chunk:sub(i + 1)
    local f, msg = load(c, "=bin")
    if not f and not seen[msg] then seen[#seen + 1] = msg; seen[msg] = true end
  end
  print(table.concat(seen, "\n"))
end
