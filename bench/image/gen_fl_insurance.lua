-- bench/image/gen_fl_insurance.lua: writes a CSV shaped like FL_insurance_sample.csv (36,634 rows), deterministically.
-- Usage: lua gen_fl_insurance.lua OUT.csv [ROWS]. Same bytes under any Lua 5.4 (its own LCG, no math.random).
local out = assert(arg[1], "usage: gen_fl_insurance.lua OUT.csv [ROWS]")
local rows = tonumber(arg[2]) or 36634

local seed = 20240601
local function rand()            -- 31-bit LCG, integer arithmetic only
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed
end
local function uniform(a, b) return a + (b - a) * (rand() / 2147483648) end
local function pick(list) return list[rand() % #list + 1] end

-- the counties of the real sample (Florida), weighted by repetition
local counties = {
  "CLAY COUNTY", "SUWANNEE COUNTY", "NASSAU COUNTY", "COLUMBIA COUNTY", "ST  JOHNS COUNTY",
  "BAKER COUNTY", "BRADFORD COUNTY", "HAMILTON COUNTY", "UNION COUNTY", "MADISON COUNTY",
  "LAFAYETTE COUNTY", "LEON COUNTY", "GADSDEN COUNTY", "JEFFERSON COUNTY", "TAYLOR COUNTY",
  "WAKULLA COUNTY", "LIBERTY COUNTY", "FRANKLIN COUNTY", "GULF COUNTY", "CALHOUN COUNTY",
  "JACKSON COUNTY", "WASHINGTON COUNTY", "HOLMES COUNTY", "BAY COUNTY", "WALTON COUNTY",
  "OKALOOSA COUNTY", "SANTA ROSA COUNTY", "ESCAMBIA COUNTY", "DUVAL COUNTY", "ALACHUA COUNTY",
  "MARION COUNTY", "PUTNAM COUNTY", "FLAGLER COUNTY", "VOLUSIA COUNTY", "LAKE COUNTY",
  "SEMINOLE COUNTY", "ORANGE COUNTY", "OSCEOLA COUNTY", "BREVARD COUNTY", "INDIAN RIVER COUNTY",
  "ST  LUCIE COUNTY", "MARTIN COUNTY", "PALM BEACH COUNTY", "BROWARD COUNTY", "MIAMI DADE COUNTY",
  "MONROE COUNTY", "COLLIER COUNTY", "LEE COUNTY", "CHARLOTTE COUNTY", "SARASOTA COUNTY",
  "MANATEE COUNTY", "HILLSBOROUGH COUNTY", "PINELLAS COUNTY", "PASCO COUNTY", "HERNANDO COUNTY",
  "CITRUS COUNTY", "SUMTER COUNTY", "POLK COUNTY", "HARDEE COUNTY", "DESOTO COUNTY",
  "HIGHLANDS COUNTY", "OKEECHOBEE COUNTY", "GLADES COUNTY", "HENDRY COUNTY", "LEVY COUNTY",
  "DIXIE COUNTY", "GILCHRIST COUNTY",
  "MIAMI DADE COUNTY", "BROWARD COUNTY", "PALM BEACH COUNTY", "HILLSBOROUGH COUNTY",
  "ORANGE COUNTY", "PINELLAS COUNTY", "DUVAL COUNTY", "LEE COUNTY", "POLK COUNTY",
}
local lines = { "Residential", "Residential", "Residential", "Commercial" }
local constructions = { "Wood", "Wood", "Masonry", "Masonry", "Masonry", "Reinforced Concrete",
                        "Reinforced Masonry", "Steel Frame" }

-- money as the sample writes it: an integer, or a decimal with 1-2 places
local function money(v)
  local k = rand() % 3
  if k == 0 then return string.format("%d", math.floor(v)) end
  if k == 1 then return string.format("%.1f", v) end
  return string.format("%.2f", v)
end

local f = assert(io.open(out, "w"))
f:write("policyID,statecode,county,eq_site_limit,hu_site_limit,fl_site_limit,fr_site_limit,",
        "tiv_2011,tiv_2012,eq_site_deductible,hu_site_deductible,fl_site_deductible,",
        "fr_site_deductible,point_latitude,point_longitude,line,construction,point_granularity\n")
local used = {}
for _ = 1, rows do
  local id
  repeat id = 100000 + rand() % 900000 until not used[id]
  used[id] = true
  local tiv11 = uniform(0, 1) < 0.9 and uniform(9000, 900000) or uniform(900000, 1.2e8)
  local tiv12 = tiv11 * uniform(1.05, 1.65)
  local limit = rand() % 4 == 0 and 0 or tiv11
  local hu = uniform(0, 1) < 0.95 and tiv11 or uniform(0, tiv11)
  local fl = rand() % 5 == 0 and 0 or tiv11
  local eq_ded = rand() % 10 == 0 and uniform(0, tiv11 * 0.05) or 0
  local hu_ded = uniform(0, 1) < 0.6 and tiv11 * 0.02 or 0
  f:write(string.format("%d,FL,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%.6f,%.6f,%s,%s,%d\n",
    id, pick(counties), money(limit), money(hu), money(fl), money(limit), money(tiv11), money(tiv12),
    money(eq_ded), money(hu_ded), "0", "0", uniform(24.55, 30.99), uniform(-87.6, -80.03),
    pick(lines), pick(constructions), rand() % 5 + 1))
end
f:close()
