-- dkjson.lua: encodes a large deterministic document with dkjson, decodes it and re-encodes it.
local json = require("dkjson")

-- deterministic pseudo-random generator (LCG), identical on every implementation
local seed = 12345
local function rand(n)
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed % n
end

local words = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta",
               "quote\"inside", "back\\slash", "tab\there", "new\nline", "ctrl\1\31",
               "utf8 \u{e9}\u{4e2d}\u{1F600}", "slash/", ""}
local keys = {"id", "name", "score", "ratio", "active", "tags", "child", "matrix", "note", "nothing", "big", "neg"}

local function word() return words[rand(#words) + 1] end

local function object(depth, id)
  local o = {id = id, name = word() .. "-" .. id, score = rand(100000) - 50000,
             ratio = rand(1000000) / 1000 + 0.5, active = rand(2) == 1,
             big = 2^53 + rand(1000) * 2, neg = -rand(1000) / 8,
             note = rand(5) == 0 and json.null or word()}
  local tags = {}
  for i = 1, rand(6) do tags[i] = word() end
  o.tags = setmetatable(tags, {__jsontype = "array"})
  if depth < 4 then
    o.child = object(depth + 1, id * 10 + depth)
  end
  if rand(3) == 0 then
    local m = {}
    for r = 1, 3 do
      m[r] = {}
      for c = 1, 3 do m[r][c] = (r - 1) * 3 + c + rand(10) / 4 end
    end
    o.matrix = m
  end
  return o
end

local doc = {}
for i = 1, 1000 do doc[i] = object(1, i) end

local text = json.encode(doc, {indent = true, keyorder = keys})
print(#text)
io.write(text, "\n")

local compact = json.encode(doc, {keyorder = keys})
print(#compact)

local decoded, pos, err = json.decode(compact, 1, json.null)
print(type(decoded), pos, err, #decoded)
local again = json.encode(decoded, {keyorder = keys})
print(again == compact)

-- aggregate over the decoded data
local total, count, actives = 0, 0, 0
local function walk(o)
  count = count + 1
  total = total + o.score
  if o.active then actives = actives + 1 end
  if o.child then walk(o.child) end
end
for _, o in ipairs(decoded) do walk(o) end
print(count, total, actives)

-- edge cases of the decoder
local samples = {
  '{"a": [1, 2.5, -3e2, 1E-2, true, false, null], "b": {"c": "\\u00e9\\ud83d\\ude00\\n"}}',
  '[]', '{}', '"just a string"', '123', '-0', '[1,]', '{"a":1,,}', '[1 2]', '"unterminated',
  '  [ { } , [ ] , "" ]  ', '"\\/\\b\\f\\n\\r\\t"',
}
for _, s in ipairs(samples) do
  local v, p, e = json.decode(s, 1, json.null)
  print(s, type(v), p, e, v ~= nil and json.encode(v, {keyorder = {"a", "b", "c"}}) or "-")
end

-- encoder errors and exceptions
print(pcall(json.encode, {f = print}))
local cyc = {}
cyc[1] = cyc
print(pcall(json.encode, cyc))
print(json.encode({1, 2, nil, 4}), json.encode({[1] = "a", [3] = "c"}), json.encode({1/0, -1/0}))
print(json.encode("\0\127\128\255", {}), json.encode(math.maxinteger), json.encode(0.1), json.encode(-0.0))
