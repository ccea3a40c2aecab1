-- ephemeron.lua: weak-keyed tables whose values chain to other keys (w[k] = prev), built under the incremental collector, then collected with the chain alive and dropped.
-- LuaJIT has no ephemerons (its weak-keyed values are strong), so the checksum counts only entries kept by a live key, which all agree on.
local N = 50000
local kept = 0
for round = 1, 3 do
  local w = setmetatable({}, {__mode = "k"})
  local prev = {}
  for i = 1, N do
    local k = {}
    w[k] = prev
    prev = k
  end
  collectgarbage()
  local n = 0
  for _ in pairs(w) do n = n + 1 end
  kept = kept + n
  prev = nil
  collectgarbage()
end
print(string.format("ephemeron %d", kept))
