-- json.lua: a small JSON encoder (written here) serializing generated nested data.
local seed = 7
local function rand(n) seed = (seed * 16807) % 2147483647; return seed % n end

local escapes = {['"'] = '\\"', ['\\'] = '\\\\', ['\n'] = '\\n', ['\t'] = '\\t', ['\r'] = '\\r'}
local function quote(s)
  return '"' .. s:gsub('[%c"\\]', function(c)
    return escapes[c] or string.format("\\u%04x", c:byte())
  end) .. '"'
end

local encode
local function encode_into(v, out)
  local t = type(v)
  if t == "table" then
    if #v > 0 or next(v) == nil then
      out[#out + 1] = "["
      for i = 1, #v do
        if i > 1 then out[#out + 1] = "," end
        encode_into(v[i], out)
      end
      out[#out + 1] = "]"
    else
      local keys = {}
      for k in pairs(v) do keys[#keys + 1] = k end
      table.sort(keys)
      out[#out + 1] = "{"
      for i, k in ipairs(keys) do
        if i > 1 then out[#out + 1] = "," end
        out[#out + 1] = quote(k)
        out[#out + 1] = ":"
        encode_into(v[k], out)
      end
      out[#out + 1] = "}"
    end
  elseif t == "string" then
    out[#out + 1] = quote(v)
  elseif t == "number" then
    if v == math.floor(v) then out[#out + 1] = string.format("%d", v)
    else out[#out + 1] = string.format("%.4f", v) end
  elseif t == "boolean" then
    out[#out + 1] = v and "true" or "false"
  else
    out[#out + 1] = "null"
  end
end
function encode(v) local out = {} encode_into(v, out) return table.concat(out) end

local names = {"alpha", "beta", "gamma \"quoted\"", "delta\nline", "eps\\ilon", "tab\there"}
local function record(depth)
  local r = {id = rand(100000), name = names[rand(#names) + 1], score = rand(10000) / 7,
             active = rand(2) == 0, tags = {}}
  for i = 1, rand(5) do r.tags[i] = names[rand(#names) + 1] end
  if depth > 0 then
    r.children = {}
    for i = 1, 3 do r.children[i] = record(depth - 1) end
  end
  return r
end

local total, h = 0, 0
for round = 1, 25 do
  local doc = {}
  for i = 1, 30 do doc[i] = record(3) end
  local s = encode(doc)
  total = total + #s
  for i = 1, #s, 101 do h = (h * 31 + s:byte(i)) % 1000000007 end
end
print(string.format("json %d %d", total, h))
