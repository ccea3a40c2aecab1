-- Compiler limits: deep nesting and huge inputs give errors, never crashes.
local function deepfail(code)
  local f, err = load(code)
  if f then return "loaded" end
  return err:match("^C stack overflow") and "nesting error" or err
end
print(deepfail("return " .. ("("):rep(1000) .. "1" .. (")"):rep(1000))) -- expect: nesting error
print(load("return " .. ("("):rep(100) .. "1" .. (")"):rep(100))()) -- expect: 1
print(deepfail(("do "):rep(1000) .. (" end"):rep(1000))) -- expect: nesting error
print(deepfail("x = " .. ("{"):rep(1000) .. ("}"):rep(1000))) -- expect: nesting error
print(deepfail("x = " .. ("- "):rep(1000) .. "1")) -- expect: nesting error
print(deepfail("x = 1" .. (" .. 1"):rep(1000))) -- expect: nesting error
print(deepfail(("a = function() "):rep(300) .. ("end "):rep(300))) -- expect: nesting error
print(deepfail(("if x then "):rep(1000) .. ("end "):rep(1000))) -- expect: nesting error
print(load("return " .. ("- "):rep(100) .. "1")()) -- expect: 1
-- too many locals / upvalues
local locs = {}
for i = 1, 201 do locs[i] = "local a" .. i .. " = " .. i end
print(load(table.concat(locs, "\n"))) -- expect: nil	[string "local a1 = 1..."]:201: too many local variables (limit is 200) in main function near '='
locs[201] = nil
print(load(table.concat(locs, "\n")) ~= nil) -- expect: true
local parts = {}
for i = 1, 150 do parts[#parts + 1] = "local u" .. i end
parts[#parts + 1] = "return function() "
for i = 151, 300 do parts[#parts + 1] = "local u" .. i end
parts[#parts + 1] = "return function() return "
local us = {}
for i = 1, 300 do us[i] = "u" .. i end
parts[#parts + 1] = table.concat(us, "+") .. " end end"
print(load(table.concat(parts, "\n"))) -- expect: nil	[string "local u1..."]:303: too many upvalues (limit is 255) in function at line 302 near '+'
-- huge literals and long field chains
print(#load("return '" .. ("x"):rep(1e6) .. "'")()) -- expect: 1000000
print(#load("return [[" .. ("y"):rep(1e6) .. "]]")()) -- expect: 1000000
print(type(load("x = " .. ("a."):rep(10000) .. "b"))) -- expect: function
local many = {}
for i = 1, 70000 do many[i] = i end
local ctor = load("return {" .. table.concat(many, ",") .. "}")
local t = ctor()
print(#t, t[70000]) -- expect: 70000	70000
local consts = {}
for i = 1, 70000 do consts[i] = "x" .. i end
print(#load("return {'" .. table.concat(consts, "','") .. "'}")()) -- expect: 70000
-- very long lines and many lines
print(type(load(("\n"):rep(100000) .. "error('far')"))) -- expect: function
print(pcall(load(("\n"):rep(100000) .. "error('far')"))) -- expect: false	[string "..."]:100001: far
