-- lpeg.lua: exercises Debian's LPeg (lpeg.so) and the re module (/usr/share/lua/5.4/re.lua) through require.
local lpeg = require "lpeg"
local re = require "re"
local P, S, R, C, Cc, Ct, Cg, Cb, Cf, Cp, Cs, Cmt, Carg, V, B, Cmt_ =
  lpeg.P, lpeg.S, lpeg.R, lpeg.C, lpeg.Cc, lpeg.Ct, lpeg.Cg, lpeg.Cb, lpeg.Cf, lpeg.Cp,
  lpeg.Cs, lpeg.Cmt, lpeg.Carg, lpeg.V, lpeg.B, nil

local function show(...)
  local t = table.pack(...)
  for i = 1, t.n do
    local v = t[i]
    if type(v) == "table" then
      local parts = {}
      for j = 1, #v do parts[#parts + 1] = tostring(v[j]) end
      local keys = {}
      for k in pairs(v) do if type(k) ~= "number" then keys[#keys + 1] = k end end
      table.sort(keys)
      for _, k in ipairs(keys) do parts[#parts + 1] = k .. "=" .. tostring(v[k]) end
      t[i] = "{" .. table.concat(parts, ",") .. "}"
    else
      t[i] = tostring(v)
    end
  end
  print(table.concat(t, " ", 1, t.n))
end

print("version", type(lpeg.version()), lpeg.type(P(1)), lpeg.type(1), lpeg.type({}))

-- basic patterns
show(lpeg.match(P"abc", "abcdef"))
show(lpeg.match(P"abc", "xabc"))
show(lpeg.match(P(3), "ab"), lpeg.match(P(3), "abcd"))
show(lpeg.match(P(-2), "a"), lpeg.match(P(-2), "abc"))
show(lpeg.match(S"aeiou"^1, "aeixyz"))
show(lpeg.match(R("az", "09")^0, "abc123DEF"))
show(lpeg.match(P"a" * P"b" + P"c", "cab"))
show(lpeg.match(-P"x" * 1, "y"), lpeg.match(-P"x" * 1, "x"))
show(lpeg.match(#P"a" * P(1), "abc"))
show(lpeg.match(P"ab"^-2, "abababab"))
show(lpeg.match(P(true), ""), lpeg.match(P(false), ""))
show(lpeg.match(P"x", "axbx", 2), lpeg.match(P"x", "axbx", -2))

-- captures
show(lpeg.match(C(R"az"^1) * " " * C(R"09"^1), "hello 42"))
show(lpeg.match(Ct(C(R"az"^1) * (P"," * C(R"az"^1))^0), "a,bc,def"))
show(lpeg.match(Cc(1, 2, "x") * P"q", "q"))
show(lpeg.match(Cp() * P"ab" * Cp(), "abc"))
show(lpeg.match(Cs((P"a" / "A" + 1)^0), "banana"))
show(lpeg.match(Cf(C(R"09"^1) * (P"+" * C(R"09"^1))^0, function(a, b) return a + b end), "1+2+30"))
show(lpeg.match(Ct(Cg(C(R"az"^1), "name") * "=" * Cg(C(R"09"^1) / tonumber, "val")), "abc=12"))
show(lpeg.match(Cg(C"a", "t") * Cb"t" * Cb"t", "a"))
show(lpeg.match(C(P"a" * C(P"b") * C(P"c")), "abc"))
show(lpeg.match(P"x" / { x = "table-capture" }, "x"))
show(lpeg.match((P"%" * C(R"09")) / "<%1>", "%7"))
show(lpeg.match(C(1) / function(c) return c:upper(), c:byte() end, "q"))
show(lpeg.match(Cmt(C(R"09"^1), function(s, i, d) if tonumber(d) > 10 then return i, "big" end end), "42"))
show(lpeg.match(Cmt(C(R"09"^1), function(s, i, d) if tonumber(d) > 10 then return i, "big" end end), "4"))
show(lpeg.match(Carg(1) * Carg(2), "", 1, "first", "second"))
show(lpeg.match(B"a" * "b", "ab", 2), lpeg.match(P(1) * B"a" * "b", "ab"))

-- grammars
local arith = P{
  "Exp",
  Exp = Ct(V"Term" * (C(S"+-") * V"Term")^0),
  Term = Ct(V"Factor" * (C(S"*/") * V"Factor")^0),
  Factor = C(R"09"^1) + "(" * V"Exp" * ")",
}
local function flat(t)
  if type(t) ~= "table" then return t end
  local parts = {}
  for i = 1, #t do parts[i] = flat(t[i]) end
  return "[" .. table.concat(parts, " ") .. "]"
end
print("grammar", flat(lpeg.match(arith, "1+2*(3-4)/5")))
local balanced = P{ "(" * ((1 - S"()") + V(1))^0 * ")" }
show(lpeg.match(balanced, "(a(b)(c(d)))x"), lpeg.match(balanced, "(a(b"))

-- substitution and splitting helpers
local function split(s, sep)
  sep = P(sep)
  local elem = C((1 - sep)^0)
  return lpeg.match(Ct(elem * (sep * elem)^0), s)
end
show(split("a,b,,c", ","))
local function gsub(s, patt, repl)
  patt = P(patt)
  return lpeg.match(Cs((patt / repl + 1)^0), s)
end
show(gsub("hello world", "o", "0"))
local anywhere = function(p) return P{ p + 1 * V(1) } end
show(lpeg.match(anywhere(C"world"), "hello world"))

-- errors
print("err", pcall(lpeg.match, P"a"^-1 ^ 0, "a"))
print("err", pcall(P, {}))
print("err", pcall(lpeg.match, 1, 2, 3, 4))
print("err", pcall(lpeg.P, { "S", S = V"S" }))
print("err", pcall(function() return P"a" + nil end))

-- locale
local l = lpeg.locale()
show(lpeg.match(C(l.alpha^1) * l.space^1 * C(l.digit^1), "abc  123"))

-- re
show(re.match("the number 423 is odd", "({%a+} / .)*"))
show(re.find("the number 423 is odd", "[0-9]+"))
show(re.find("the number 423 is odd", "{[0-9]+}"))
show(re.gsub("hello World", "[aeiou]", "."))
show(re.compile("%s* {%w+} %s* '=' %s* ({%d+} -> tonumber)", { tonumber = tonumber }):match("  x = 10 "))
local rec = re.compile([[
  list <- {| item (',' item)* |}
  item <- %s* { [%w]+ } %s*
]])
show(rec:match("one, two ,three"))
local kv = re.compile([[ {| ( {:key: [a-z]+ :} '=' {:val: [0-9]+ :} ';'? )* |} ]])
show(kv:match("a=1;b=2"))
show(re.match("abc", "{~ ('b' -> 'B' / .)* ~}"))
show(re.match("aaa", "'a'^2 {.*}"))
show(re.match("x", "&'x' {.}"), re.match("y", "!'x' {.}"))
print("re err", pcall(re.compile, "a <- 'x' ("))
print("re err", pcall(re.compile, "%undefined", {}))
local bal = re.compile[[ balanced <- "(" ([^()] / balanced)* ")" ]]
show(bal:match("(x(y)z)"), bal:match("(x"))
show(re.updatelocale == nil)
print("ptree", lpeg.type(re.compile("'a'")))
