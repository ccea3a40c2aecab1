-- vm_meta.lua: metamethods as the interpreter calls them (operands, order, results, chains)
local log = {}
local function L(s) log[#log + 1] = s end
local mt = {}
for _, ev in ipairs({"add", "sub", "mul", "div", "mod", "pow", "unm", "idiv", "band", "bor", "bxor", "shl", "shr", "bnot", "concat"}) do
  mt["__" .. ev] = function(a, b) return ev .. "(" .. tostring(type(a) == "table" and "T" or a) .. "," .. tostring(type(b) == "table" and "T" or b) .. ")" end
end
local T = setmetatable({}, mt)
print(T + 1, 1 + T, T - 2.5, 2 * T) -- expect: add(T,1)	add(1,T)	sub(T,2.5)	mul(2,T)
print(T / 3, T % 4, T ^ 5, -T) -- expect: div(T,3)	mod(T,4)	pow(T,5)	unm(T,T)
print(T // 6, T & 7, 7 | T, T ~ 8) -- expect: idiv(T,6)	band(T,7)	bor(7,T)	bxor(T,8)
print(T << 1, 1 >> T, ~T, T .. "s", "s" .. T, 3 .. T) -- expect: shl(T,1)	shr(1,T)	bnot(T,T)	concat(T,s)	concat(s,T)	concat(3,T)
local x = 10
print(T + x, x - T, T * x, x / T) -- expect: add(T,10)	sub(10,T)	mul(T,10)	div(10,T)
-- immediate and constant operands keep their order
print(T + 100, 100 + T, T - 1, 1 - T, T << 3, 3 << T, T >> 2, 2 >> T) -- expect: add(T,100)	add(100,T)	sub(T,1)	sub(1,T)	shl(T,3)	shl(3,T)	shr(T,2)	shr(2,T)
-- integer/float conversions for bitwise metamethods: floats without integer value go to the metamethod
local B = setmetatable({}, {__band = function(a, b) return "band" end})
print(1.5 & B, B & 2.0) -- expect: band	band
-- __eq only between two tables/userdata, result converted to boolean
local e1 = setmetatable({}, {__eq = function() return 1 end})
local e2 = setmetatable({}, {__eq = function() return nil end})
print(e1 == e2, e2 == e1, e1 == {}, e1 ~= e2, e1 == 1, e1 == e1) -- expect: true	false	true	false	false	true
-- __lt/__le results converted; __le falls back to not __lt (default build)
local o1 = setmetatable({v = 1}, {__lt = function(a, b) return a.v < b.v end})
local o2 = setmetatable({v = 2}, getmetatable(o1))
print(o1 < o2, o2 < o1, o1 > o2, o1 <= o2, o2 >= o1) -- expect: true	false	false	true	true
local c = setmetatable({}, {__lt = function(a, b) return "yes" end, __le = function() return false end})
print(c < 1, 1 < c, c <= 1, c > 1, c >= 1) -- expect: true	true	false	true	false
-- __len, __call with extra args, __concat chains
local len = setmetatable({1, 2, 3}, {__len = function(t) return 42 end})
print(#len, rawlen(len)) -- expect: 42	3
local callme = setmetatable({}, {__call = function(self, a, b, ...) return select('#', ...), a, b end})
print(callme(1, 2, 3, 4)) -- expect: 2	1	2
local cc = setmetatable({}, {__call = setmetatable({}, {__call = function(s1, s2, a) return "nested", a end})})
print(pcall(cc, "arg")) -- expect: true	nested	arg
local cat = setmetatable({}, {__concat = function(a, b) return "CAT" end})
print("a" .. "b" .. cat .. "c", cat .. 1 .. 2, 1 .. 2 .. cat) -- expect: abCAT	CAT	1CAT
-- __index/__newindex chains
local base = {x = 1}
local mid = setmetatable({}, {__index = base})
local top = setmetatable({}, {__index = mid})
print(top.x, top.y, rawget(top, "x")) -- expect: 1	nil	nil
local store = {}
local nt = setmetatable({}, {__newindex = store})
nt.z = 5
print(rawget(nt, "z"), store.z) -- expect: nil	5
local fnew = setmetatable({}, {__newindex = function(t, k, v) rawset(t, k, v * 2) end})
fnew.a = 4; fnew.a = 5
print(fnew.a) -- expect: 5
local idx = setmetatable({}, {__index = function(t, k) return k * 2 end})
print(idx[21], idx[1.5]) -- expect: 42	3.0
-- existing keys bypass __newindex / __index
local guard = setmetatable({present = 1}, {__newindex = function() error("no") end, __index = function() return "mm" end})
guard.present = 2
print(guard.present, guard.absent) -- expect: 2	mm
-- metamethod added after the absence was cached
local late = setmetatable({}, {})
print(late.k) -- expect: nil
getmetatable(late).__index = function() return "late" end
print(late.k) -- expect: late
-- integer keys, float keys normalized, array part
local arr = {}
arr[1] = "a"; arr[2.0] = "b"; arr[3] = "c"
print(#arr, arr[2], arr[1.0], arr[3.5]) -- expect: 3	b	a	nil
arr[2^53] = "big"
print(arr[2^53], arr[9007199254740992]) -- expect: big	big
-- string indexing through the string metatable
print(type(("x").len), #("abc"):rep(2), ("abc"):sub(2)) -- expect: function	6	bc
-- __close receives the error
local got
do
  local ok = pcall(function()
    local h <close> = setmetatable({}, {__close = function(_, err) got = err end})
    error("E", 0)
  end)
end
print(got) -- expect: E
local order = {}
do
  local a <close> = setmetatable({}, {__close = function() order[#order + 1] = "a" end})
  local b <close> = setmetatable({}, {__close = function() order[#order + 1] = "b" end})
  local n <close> = nil
end
print(table.concat(order)) -- expect: ba
-- error inside __close replaces the original error
print(pcall(function() -- expect: false	in close: orig
  local a <close> = setmetatable({}, {__close = function(_, e) error("in close: " .. tostring(e), 0) end})
  error("orig", 0)
end))
-- values returned through a closing block survive
local function ret() local x <close> = setmetatable({}, {__close = function() end}) return 1, 2, 3 end
print(ret()) -- expect: 1	2	3
-- __gc is not an operator; __tostring/__name used by tostring
print(tostring(setmetatable({}, {__tostring = function() return "custom" end}))) -- expect: custom
print((tostring(setmetatable({}, {__name = "Named"})):gsub("0x%x+", "ADDR"))) -- expect: Named: ADDR
