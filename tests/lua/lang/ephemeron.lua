-- Ephemeron tables (weak keys, strong values): a value is kept only while its
-- key is reachable from outside the table, even when values chain to other
-- keys.  The chains are long and inserted in an order unrelated to the hash
-- layout, so the collector needs many propagation steps to converge.

local N = 3000

local function count(t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  return n
end

-- builds w[k_i] = k_(i-1) for i = 1..n; returns the keys, k_0 first
local function chain(w, n)
  local keys = {[0] = {}}
  for i = 1, n do
    keys[i] = {}
    w[keys[i]] = keys[i - 1]
  end
  return keys
end

-- 1. everything dropped: the whole chain goes
do
  local w = setmetatable({}, {__mode = "k"})
  chain(w, N)
  collectgarbage()
  print(count(w))  -- expect: 0
end

-- 2. the last key alone keeps every entry: each value is reachable only
-- through a live key
do
  local w = setmetatable({}, {__mode = "k"})
  local keys = chain(w, N)
  local last = keys[N]
  keys = nil
  collectgarbage()
  print(count(w))  -- expect: 3000
  local k, steps = last, 0
  while w[k] do k = w[k]; steps = steps + 1 end
  print(steps)  -- expect: 3000
end

-- 3. a key in the middle keeps only the lower half
do
  local w = setmetatable({}, {__mode = "k"})
  local keys = chain(w, N)
  local mid = keys[N // 2]
  keys = nil
  collectgarbage()
  print(count(w))  -- expect: 1500
  print(w[mid] ~= nil)  -- expect: true
end

-- 4. five chains interleaved in one table, each value a plain table holding
-- the previous key of its chain
do
  local w = setmetatable({}, {__mode = "k"})
  local last = {}
  for c = 1, 5 do last[c] = {} end
  for i = 1, 600 do
    for c = 1, 5 do
      local k = {}
      w[k] = {next = last[c]}
      last[c] = k
    end
  end
  local keep1, keep3 = last[1], last[3]
  last = nil
  collectgarbage()
  print(count(w))  -- expect: 1200
  keep1 = nil
  collectgarbage()
  print(count(w))  -- expect: 600
  keep3 = nil
  collectgarbage()
  print(count(w))  -- expect: 0
end

-- 5. mixed weak modes: chain keys also sit in a weak-value table, a weak
-- key-and-value table and, as values, inside nested ephemeron tables that are
-- themselves reachable only through the outer chain
do
  local w = setmetatable({}, {__mode = "k"})
  local wv = setmetatable({}, {__mode = "v"})
  local wkv = setmetatable({}, {__mode = "kv"})
  local strong = {}
  local prev = {}
  local first = prev
  for i = 1, N do
    local k = {}
    local inner = setmetatable({}, {__mode = "k"})
    inner[prev] = {i = i}         -- the previous key reaches its own record
    w[k] = {prev = prev, inner = inner}
    wv[i] = k
    wkv[k] = prev
    if i % 1000 == 0 then strong[#strong + 1] = inner end
    prev = k
  end
  local last = prev
  prev = nil
  collectgarbage()
  print(count(w), count(wv), count(wkv))  -- expect: 3000	3000	3000
  -- every inner table kept by `strong` still maps its key to its record
  local ok = 0
  for _, inner in ipairs(strong) do
    for key, rec in pairs(inner) do if type(rec.i) == "number" then ok = ok + 1 end end
  end
  print(ok)  -- expect: 3
  print(wv[1] ~= nil and w[wv[1]].prev == first)  -- expect: true
  last, first = nil, nil
  collectgarbage()
  print(count(w), count(wv), count(wkv))  -- expect: 0	0	0
  -- the kept inner tables lost their entries: their keys died
  local left = 0
  for _, inner in ipairs(strong) do left = left + count(inner) end
  print(left)  -- expect: 0
end

-- 6. resurrection by a finalizer: an object with __gc is the head of a chain;
-- while its finalizer runs, its entry and the whole chain behind it are still
-- there (weak keys are cleared of resurrected objects only by the next cycle)
do
  local w = setmetatable({}, {__mode = "k"})
  local seen
  do
    local head = setmetatable({}, {__gc = function(o)
      local k, steps = o, 0
      while w[k] do k = w[k]; steps = steps + 1 end
      seen = steps
    end})
    local keys = chain(w, N)
    w[head] = keys[N]
  end
  collectgarbage()
  print(seen)  -- expect: 3001
  collectgarbage()
  collectgarbage()
  print(count(w))  -- expect: 0
end

-- 7. a weak-value entry whose value is resurrected is removed before the
-- finalizer runs, while the ephemeron entry keyed by it stays
do
  local w = setmetatable({}, {__mode = "k"})
  local wv = setmetatable({}, {__mode = "v"})
  local state
  do
    local o = setmetatable({}, {__gc = function(o) state = {wv[1] == nil, w[o] ~= nil} end})
    local keys = chain(w, 100)
    w[o] = keys[100]
    wv[1] = o
  end
  collectgarbage()
  print(state[1], state[2])  -- expect: true	true
end
