-- inspect.lua: renders nested data with cycles, metatables and odd keys using the inspect library.
-- Debian ships inspect.lua for Lua 5.1-5.3 only; the runner passes its directory as arg[1].
if arg[1] then package.path = arg[1] .. "/?.lua;" .. package.path end
local inspect = require("inspect")

local shared = {"shared"}
local root = {
  1, 2.5, "three", true, false,
  name = "root",
  ["key with spaces"] = "x",
  [0] = "zero",
  [-1] = "minus one",
  [1.5] = "float key",
  list = {1, 2, {3, {4, {5, {6}}}}},
  escapes = "tab\tquote\"nl\n\0\1\127",
  a = shared, b = shared,
  empty = {},
  [true] = "bool key",
}
root.self = root
root.list[4] = root.list
local withmt = setmetatable({value = 1}, {__index = {inherited = true}, __tostring = function() return "WM" end})
root.withmt = withmt
root[{"table", "key"}] = "table as key"

print(inspect(root))
print(inspect(root, {depth = 2}))
print(inspect(root, {newline = " ", indent = ""}))
print(inspect(root.list, {process = function(item, path)
  if type(item) == "number" and path[#path] ~= inspect.KEY then return item * 100 end
  return item
end}))
print(inspect({1, 2, 3, x = 5}), inspect("string"), inspect(42), inspect(nil), inspect(1 / 0), inspect(-1 / 0))
print(inspect({math.maxinteger, math.mininteger, 0.1, -0.0, 1e300}))
print(inspect(setmetatable({}, {__metatable = "hidden"})))
local deep = {}
local cur = deep
for i = 1, 30 do cur.next = {level = i}; cur = cur.next end
print(inspect(deep, {depth = 5}))
-- remove metatables and a key by process
print(inspect(root, {depth = 1, process = function(item, path)
  if path[#path] == inspect.METATABLE then return nil end
  if path[#path] == "escapes" then return nil end
  return item
end}))
