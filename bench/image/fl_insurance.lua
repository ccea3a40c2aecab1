-- bench/image/fl_insurance.lua: the seed's CSV workload with penlight's pl.data: per-county count/mean/min/max of tiv_2012.
-- Usage: lua fl_insurance.lua FILE.csv. Results on stdout (identical across runtimes); the
-- first and second read times (the first includes loading pl.data) on stderr as
-- "first <s> second <s>".
local path = assert(arg[1], "usage: fl_insurance.lua FILE.csv")
local clock = os.clock

local function summarize(file)
  local data = require "pl.data"
  local d = assert(data.read(file))
  local ci, ti
  for i, name in ipairs(d.fieldnames) do
    if name == "county" then ci = i elseif name == "tiv_2012" then ti = i end
  end
  assert(ci and ti, "county/tiv_2012 columns not found")
  local stats = {}
  for _, row in ipairs(d) do
    local c, v = row[ci], row[ti]
    local s = stats[c]
    if not s then s = { n = 0, sum = 0, min = math.huge, max = -math.huge }; stats[c] = s end
    s.n = s.n + 1
    s.sum = s.sum + v
    if v < s.min then s.min = v end
    if v > s.max then s.max = v end
  end
  return stats, #d
end

local t0 = clock()
local stats, rows = summarize(path)
local t1 = clock()
summarize(path)
local t2 = clock()

local names = {}
for c in pairs(stats) do names[#names + 1] = c end
table.sort(names)
print(("%d rows, %d counties"):format(rows, #names))
print(("%-22s %6s %14s %12s %14s"):format("county", "count", "mean", "min", "max"))
for _, c in ipairs(names) do
  local s = stats[c]
  print(("%-22s %6d %14.2f %12.2f %14.2f"):format(c, s.n, s.sum / s.n, s.min, s.max))
end
io.stderr:write(("first %.4f second %.4f\n"):format(t1 - t0, t2 - t1))
