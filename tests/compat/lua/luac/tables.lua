-- tables.lua: constructors (SETLIST with EXTRAARG, varargs at the end), methods, tbc, coroutines, string library.
local t = {}
for i = 1, 300 do t[i] = i * 2 end
local u = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
  31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60,
  x = 1, y = 2, [100] = "h", table.unpack(t)}
print(#t, #u, u[61], u[360], u.x, u[100])
local obj = {n = 0}
function obj:inc(k) self.n = self.n + (k or 1) return self end
print(obj:inc():inc(5).n)
local log = {}
do
  local a <close> = setmetatable({}, {__close = function(_, e) log[#log + 1] = "a" .. tostring(e) end})
  local b <close> = setmetatable({}, {__close = function() log[#log + 1] = "b" end})
end
print(table.concat(log, " "))
local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end)
print(gen(), gen(), gen())
for w in string.gmatch("one two three", "%a+") do io.write(w:upper(), ".") end
print()
print(string.format("%5.2f|%d|%s|%q", 3.14159, 42, "x", "a\nb"))
local words = {"pear", "apple", "fig"}
table.sort(words, function(a, b) return #a < #b end)
print(table.concat(words, ","))
local long = [[
a long string literal that is certainly longer than forty characters, so it is stored as a long string]]
print(#long, long:sub(1, 10))
local k = {}
k[1.0] = "one" k[2^53] = "big" k["1"] = "str"
print(k[1], k[2^53 | 0], k["1"], next({}))
print(select(-1, 1, 2, 3), select("#"), (select("#", nil, nil)))
print(rawequal(t, t), rawlen({1, 2}), rawget(u, "x"))
