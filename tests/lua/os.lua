-- os library: date/time conversions and validation, clock, environment, files, processes, locale.
local function keys(t)
  local ks = {}
  for k, v in pairs(t) do ks[#ks + 1] = k .. "=" .. tostring(v) end
  table.sort(ks)
  return table.concat(ks, " ")
end

-- os.date in UTC
print(os.date("!%Y-%m-%d %H:%M:%S", 0)) -- expect: 1970-01-01 00:00:00
print(os.date("!%c", 86400 * 365)) -- expect: Fri Jan  1 00:00:00 1971
print(os.date("!%x %X %p %j %a %A %b %B", 1e9)) -- expect: 09/09/01 01:46:40 AM 252 Sun Sunday Sep September
print(keys(os.date("!*t", 1234567890))) -- expect: day=13 hour=23 isdst=false min=31 month=2 sec=30 wday=6 yday=44 year=2009
print(os.date("!*t", 0).isdst, os.date("!*tx", 0)) -- expect: false	*tx
print(os.date("!%Ec|%EC|%Ex|%EX|%Ey|%EY|%Od|%Oe|%OH|%OI|%Om|%OM|%OS|%Ou|%OU|%OV|%Ow|%OW|%Oy", 0)) -- expect: Thu Jan  1 00:00:00 1970|19|01/01/70|00:00:00|70|1970|01| 1|00|12|01|00|00|4|00|01|4|00|70
print(os.date("!%a%A%b%B%C%d%D%e%F%g%G%h%H%I%j%m%M%p%r%R%S%T%u%U%V%w%W%y%Y%%", 0)) -- expect: ThuThursdayJanJanuary190101/01/70 11970-01-01701970Jan00120010100AM12:00:00 AM00:000000:00:0040001400701970%
print(os.date("!%n%t", 0) == "\n\t", os.date("!a\0b%Y", 0) == "a\0b1970") -- expect: true	true
print(type(os.date()), type(os.date("*t").isdst), os.date(nil, 0) == os.date("%c", 0)) -- expect: string	boolean	true

-- invalid conversions
print(pcall(os.date, "%Ez")) -- expect: false	bad argument #1 to 'os.date' (invalid conversion specifier '%Ez')
print(pcall(os.date, "%Ez abc")) -- expect: false	bad argument #1 to 'os.date' (invalid conversion specifier '%Ez abc')
print(pcall(os.date, "%")) -- expect: false	bad argument #1 to 'os.date' (invalid conversion specifier '%')
print(pcall(os.date, "abc%")) -- expect: false	bad argument #1 to 'os.date' (invalid conversion specifier '%')
print(pcall(os.date, "%E")) -- expect: false	bad argument #1 to 'os.date' (invalid conversion specifier '%E')
print(pcall(os.date, "%Q")) -- expect: false	bad argument #1 to 'os.date' (invalid conversion specifier '%Q')
print(pcall(os.date, "%Oa")) -- expect: false	bad argument #1 to 'os.date' (invalid conversion specifier '%Oa')
print(pcall(os.date, "%Y", 2^63)) -- expect: false	bad argument #2 to 'os.date' (number has no integer representation)
print(pcall(os.date, "%Y", 1.5)) -- expect: false	bad argument #2 to 'os.date' (number has no integer representation)
print(pcall(os.date, "%Y", "x")) -- expect: false	bad argument #2 to 'os.date' (number expected, got string)
print(pcall(os.date, "!*t", 1 << 60)) -- expect: false	date result cannot be represented in this installation
print(pcall(os.date, {})) -- expect: false	bad argument #1 to 'os.date' (string expected, got table)

-- os.time: defaults, normalization, field validation
print(os.time{year=2000, month=1, day=2, hour=0} - os.time{year=2000, month=1, day=1, hour=0}) -- expect: 86400
print(os.time{year=2020, month=1, day=1} == os.time{year=2020, month=1, day=1, hour=12}) -- expect: true
print(os.time{year=2020, month=1, day=1, min=60} - os.time{year=2020, month=1, day=1, hour=13}) -- expect: 0
local t = {year=2021, month=1, day=35, hour=25, min=61, sec=-1, isdst=false}
os.time(t)
print(t.year, t.month, t.day, t.hour, t.min, t.sec, t.yday, t.wday) -- expect: 2021	2	5	2	0	59	36	6
t = {year=2020, month=14, day=1, hour=12}
os.time(t)
print(t.year, t.month, t.day) -- expect: 2021	2	1
local d = os.date("*t", os.time{year=2022, month=1, day=15, hour=10, min=20, sec=30})
print(d.year, d.month, d.day, d.hour, d.min, d.sec, d.yday, d.wday) -- expect: 2022	1	15	10	20	30	15	7
print(os.time{year="2000", month=1, day=1} == os.time{year=2000, month=1, day=1}) -- expect: true
print(pcall(os.time, {year=2000, month=1})) -- expect: false	field 'day' missing in date table
print(pcall(os.time, {year=2000, day=1})) -- expect: false	field 'month' missing in date table
print(pcall(os.time, {month=1, day=1})) -- expect: false	field 'year' missing in date table
print(pcall(os.time, {year=2000, month=1, day=1.5})) -- expect: false	field 'day' is not an integer
print(pcall(os.time, {year=2000, month=1, day="x"})) -- expect: false	field 'day' is not an integer
print(pcall(os.time, {year=2000, month=1, day=2^31})) -- expect: false	field 'day' is out-of-bound
print(pcall(os.time, {year=2^31 + 1900, month=1, day=1})) -- expect: false	field 'year' is out-of-bound
print(pcall(os.time, {year=2000, month=2^31 + 1, day=1})) -- expect: false	field 'month' is out-of-bound
print(pcall(os.time, 1)) -- expect: false	bad argument #1 to 'os.time' (table expected, got number)
print(math.type(os.time()), math.type(os.clock()), os.clock() >= 0) -- expect: integer	float	true

-- difftime
print(os.difftime(10, 5), os.difftime(0, 2^40)) -- expect: 5.0	-1099511627776.0
print(pcall(os.difftime, 1)) -- expect: false	bad argument #2 to 'os.difftime' (number expected, got no value)
print(pcall(os.difftime, 1.5, 1)) -- expect: false	bad argument #1 to 'os.difftime' (number has no integer representation)

-- environment
print(os.getenv("PATH") ~= nil, os.getenv("TYCHO_SURELY_UNSET_VAR")) -- expect: true	nil
print(pcall(os.getenv)) -- expect: false	bad argument #1 to 'os.getenv' (string expected, got no value)

-- files
local n = os.tmpname()
print(n:match("^/tmp/lua_") ~= nil, io.open(n) ~= nil, os.remove(n)) -- expect: true	true	true
print(select(2, os.remove(n)) == n .. ": No such file or directory", select(3, os.remove(n))) -- expect: true	2
print(os.rename(n, n .. "x")) -- expect: nil	No such file or directory	2
local f = io.open(n, "w")
f:close()
print(os.rename(n, n .. "x"), os.remove(n .. "x")) -- expect: true	true
print(pcall(os.rename, n)) -- expect: false	bad argument #2 to 'os.rename' (string expected, got no value)

-- processes
print(os.execute()) -- expect: true
print(os.execute("exit 3")) -- expect: nil	exit	3
print(os.execute("true")) -- expect: true	exit	0
print(os.execute("kill -9 $$")) -- expect: nil	signal	9
print(pcall(os.exit, "x")) -- expect: false	bad argument #1 to 'os.exit' (number expected, got string)

-- locale
print(os.setlocale(), os.setlocale("C"), os.setlocale(nil, "numeric"), os.setlocale("xx_YY.nope")) -- expect: C	C	C	nil
print(pcall(os.setlocale, nil, "bad")) -- expect: false	bad argument #2 to 'os.setlocale' (invalid option 'bad')
local cats = {}
for _, c in ipairs{"all", "collate", "ctype", "monetary", "numeric", "time"} do cats[#cats + 1] = os.setlocale(nil, c) end
print(table.concat(cats, " ")) -- expect: C C C C C C
local names = {}
for k in pairs(os) do names[#names + 1] = k end
table.sort(names)
print(table.concat(names, " ")) -- expect: clock date difftime execute exit getenv remove rename setlocale time tmpname
