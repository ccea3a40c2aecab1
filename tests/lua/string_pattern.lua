-- Lua patterns: find/match/gmatch/gsub, classes, sets, anchors, captures, %b, %f, back-references, limits.

local show = require("_show")

-- find: plain, init, anchors
show(("hello world"):find("o"), ("hello world"):find("o", 6), ("hello world"):find("o", -3), ("hello"):find("x")) -- expect: 5 8 nil nil
show(("a.b.c"):find(".", 1, true), ("a.b.c"):find("%."), ("a+b"):find("+", 1, true), ("abc"):find("", 10), ("abc"):find("", 4)) -- expect: 2 2 2 nil 4 3
show(("abc"):find("^b"), ("abc"):find("^a"), ("abc"):find("c$"), ("abc"):find("b$"), ("a$c"):find("$c"), ("^a"):find("^^")) -- expect: nil 1 3 nil 2 1 1
show(("key = value"):find("(%w+)%s*=%s*(%w+)")) -- expect: 1 11 "key" "value"
show(("a\0b\0c"):find("\0", 3, true), ("a\0b"):find("%z"), ("a\0b"):find("[\0]")) -- expect: 4 2 2 2

-- classes and their complements
local sample = "Ab1 _.\t\n~Z"
for _, c in ipairs{"a", "c", "d", "g", "l", "p", "s", "u", "w", "x"} do
  local lo = select(2, sample:gsub("%" .. c, ""))
  local up = select(2, sample:gsub("%" .. c:upper(), ""))
  show(c, lo, up)
  -- expect: "a" 3 7
  -- expect: "c" 2 8
  -- expect: "d" 1 9
  -- expect: "g" 7 3
  -- expect: "l" 1 9
  -- expect: "p" 3 7
  -- expect: "s" 3 7
  -- expect: "u" 2 8
  -- expect: "w" 4 6
  -- expect: "x" 3 7
end
show(("[x]"):match("%[(.)%]"), ("50%"):match("%d+%%"), ("a.b"):match("%a%.%a")) -- expect: "x" "50%" "a.b"

-- sets and ranges
show(("hello123"):match("[a-z]+"), ("hello123"):match("[^a-z]+"), ("x-y"):match("[a%-]+", 2), ("a]b"):match("[]]"), ("a]b"):match("[^]]+")) -- expect: "hello" "123" "-" "]" "a"
show(("--a-b"):match("[-a]+"), ("ab-"):match("[b-]+"), ("F00d"):match("[%x]+"), ("A1b2"):gsub("[%d%u]", "."))
-- expect: "--a-" "b-" "F00d" "..b." 3

-- repetitions
show(("aaab"):match("a*"), ("aaab"):match("a+"), ("aaab"):match("a-b"), ("aaab"):match("a?"), ("b"):match("a?b"), ("<<a>>"):match("<(.-)>")) -- expect: "aaa" "aaa" "aaab" "a" "b" "<a"
show(("  trim me  "):match("^%s*(.-)%s*$"), ("x"):match(".-"), ("abc"):match("()b()"), ("abc"):match("(a)(b)(c)")) -- expect: "trim me" "" 2 "a" "b" "c"

-- %b and %f
show(("f(a(b)c)d"):match("%b()"), ("[[x]]"):match("%b[]"), ("(("):match("%b()"), ("if x then y end"):gsub("%f[%a]%a+", "<%0>")) -- expect: "(a(b)c)" "[[x]]" nil "<if> <x> <then> <y> <end>" 5
show(("THE (quick) fox"):find("%f[%a]%a+%f[%A]"), ("hello"):match("%f[%l]%l"), ("x"):find("%f[%z]")) -- expect: 1 "h" 2 1

-- back-references
show(('say "hi" or \'yo\''):match("([\"'])(.-)%1"), ("abab"):match("(ab)%1"), ("abcabc"):find("(a)(b)(c)%1%2%3")) -- expect: "\"" "ab" 1 6 "a" "b" "c"

-- gmatch, with and without captures, with init
local words = {}
for w in ("one two  three"):gmatch("%a+") do words[#words + 1] = w end
show(table.concat(words, "|")) -- expect: "one|two|three"
for k, v in ("a=1, b=2, c=3"):gmatch("(%w+)=(%w+)") do show(k, v) end
-- expect: "a" "1"
-- expect: "b" "2"
-- expect: "c" "3"
local pos = {}
for p in ("abcabc"):gmatch("()b") do pos[#pos + 1] = p end
show(table.concat(pos, ",")) -- expect: "2,5"
local e = {}
for m in ("abc"):gmatch("x*") do e[#e + 1] = "[" .. m .. "]" end
show(table.concat(e)) -- expect: "[][][][]"
local tail = {}
for m in ("a1b2c3"):gmatch("%a", 3) do tail[#tail + 1] = m end
show(table.concat(tail), ("abc"):gmatch(".", 10)()) -- expect: "bc"
show(("^a^b"):gmatch("^.")()) -- expect: "^a"

-- gsub with string, table and function replacements
show(("hello world"):gsub("o", "0")) -- expect: "hell0 w0rld" 2
show(("hello world"):gsub("o", "0", 1)) -- expect: "hell0 world" 1
show(("hello world"):gsub("(%w+) (%w+)", "%2 %1 %0 %%")) -- expect: "world hello hello world %" 1
show(("abc"):gsub("", "-")) -- expect: "-a-b-c-" 4
show(("abc"):gsub("b*", "X")) -- expect: "XaXcX" 3
show(("abc"):gsub("^", ">"), ("abc"):gsub("$", "<")) -- expect: ">abc" "abc<" 1
show(("$name is $age"):gsub("%$(%w+)", {name = "Ann", age = 7})) -- expect: "Ann is 7" 2
show(("$x $y"):gsub("%$(%w+)", {x = false})) -- expect: "$x $y" 2
show(("1 2 3"):gsub("%d", function(d) return d * 2 end)) -- expect: "2 4 6" 3
show(("a b c"):gsub("%a", function(c) if c == "b" then return nil end return c:upper() end)) -- expect: "A b C" 3
show(("abc"):gsub("()", "%1")) -- expect: "1a2b3c4" 4
show(("abc"):gsub(".", {a = 1, b = 2.5})) -- expect: "12.5c" 3
show(("x"):gsub("x", "%0%0", 0), ("xx"):gsub("x", "y", -1), ("xxx"):gsub("x", "y", 2.0)) -- expect: "x" "xx" "yyx" 2

-- errors
local bad = {"%", "[a", "[^", "(", ".)", "%f", "%fa", "%b", "(()"}
for _, p in ipairs(bad) do show(p, pcall(string.find, "aaa", p)) end
-- expect: "%" false "malformed pattern (ends with '%')"
-- expect: "[a" false "malformed pattern (missing ']')"
-- expect: "[^" false "malformed pattern (missing ']')"
-- expect: "(" false "unfinished capture"
-- expect: ".)" false "invalid pattern capture"
-- expect: "%f" false "missing '[' after '%f' in pattern"
-- expect: "%fa" false "missing '[' after '%f' in pattern"
-- expect: "%b" false "malformed pattern (missing arguments to '%b')"
-- expect: "(()" false "unfinished capture"
-- (5.4 releases differ in what follows "invalid capture index %N")
local function capindex(ok, msg) return ok, msg:match("^invalid capture index %%%d") end
for _, p in ipairs{"%1", "(a)%2", "(a%1)", "(%0)"} do show(p, capindex(pcall(string.find, "aaa", p))) end
-- expect: "%1" false "invalid capture index %1"
-- expect: "(a)%2" false "invalid capture index %2"
-- expect: "(a%1)" false "invalid capture index %1"
-- expect: "(%0)" false "invalid capture index %0"
show(capindex(pcall(string.gsub, "abc", "b", "%2"))) -- expect: false "invalid capture index %2"
show(capindex(pcall(string.gsub, "abc", "(b)", "%3"))) -- expect: false "invalid capture index %3"
show(pcall(string.gsub, "abc", "(b)", "%x")) -- expect: false "invalid use of '%' in replacement string"
show(pcall(string.gsub, "abc", "b", {b = {}})) -- expect: false "invalid replacement value (a table)"
show(pcall(string.gsub, "abc", "b", function() return true end)) -- expect: false "invalid replacement value (a boolean)"
show(pcall(string.gsub, "abc", "b")) -- expect: false "bad argument #3 to 'string.gsub' (string/function/table expected, got no value)"
show(pcall(string.match, ("a"):rep(300), ("a?"):rep(300))) -- expect: false "pattern too complex"
show(pcall(string.match, "a", ("()"):rep(33))) -- expect: false "too many captures"
show(#("a"):rep(32):match(("(a)"):rep(32))) -- expect: 1
