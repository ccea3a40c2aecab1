-- penlight.lua: exercises pl.utils, pl.stringx, pl.tablex, pl.List, pl.class, pl.pretty, pl.template, pl.data.
local utils = require("pl.utils")
local stringx = require("pl.stringx")
local tablex = require("pl.tablex")
local List = require("pl.List")
local class = require("pl.class")
local pretty = require("pl.pretty")
local template = require("pl.template")
local data = require("pl.data")

local function sorted_keys(t)
  local keys = tablex.keys(t)
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  return keys
end

print("== utils")
print(table.concat(utils.split("a,b,,c", ","), "|"), #utils.split("a  b   c"), table.concat(utils.split("x1y22z", "%d+"), "|"))
local sq = utils.string_lambda("|x| x * x")
print(sq(7), utils.string_lambda("_ + 1")(1))
local calls = 0
local slow = utils.memoize(function(n) calls = calls + 1; return n * 2 end)
print(slow(2), slow(2), slow(3), calls)
print(utils.choose(true, "yes", "no"), utils.choose(false, "yes", "no"))
print(utils.array_tostring({1, 2, 3}, {}, tostring)[3], utils.quote_arg("has space"), utils.quote_arg({"a", "b c"}))
local packed = utils.pack(1, nil, 3)
print(packed.n, utils.unpack(packed, 1, packed.n))
print(utils.bind1(string.rep, "ab")(3), utils.bind2(string.rep, 2)("xy"))
print(pcall(utils.assert_arg, 1, 10, "string"))
print(utils.is_type("s", "string"), utils.npairs ~= nil, select("#", utils.splitv("a b c")))
print(utils.escape("a.b*c"), utils.executeex == nil and "no executeex" or "has executeex")
print(utils.enum ~= nil and "enum" or "no enum")

print("== stringx")
print(stringx.strip("  hi  "), "[" .. stringx.lstrip("  x ") .. "]", "[" .. stringx.rstrip(" x  ") .. "]", stringx.strip("--x--", "-"))
print(stringx.startswith("hello", "he"), stringx.endswith("hello", {"lo", "x"}), stringx.isdigit("123"), stringx.isalpha("a1"))
print(table.concat(stringx.split("one two  three"), "|"), table.concat(stringx.split("a;b;c", ";", 2), "|"))
print(stringx.replace("aaa", "a", "b", 2), stringx.count("banana", "an"), stringx.join(",", {"x", "y"}))
print(stringx.center("mid", 9, "*"), stringx.ljust("l", 4, "."), stringx.rjust("r", 4, "."), stringx.expandtabs("a\tb", 4))
print(stringx.partition("key=value=x", "="), stringx.rpartition("key=value=x", "="))
print(stringx.title("hello big world"), stringx.shorten("a long sentence here", 10), stringx.shorten("a long sentence here", 10, true))
print(table.concat(stringx.splitlines("l1\nl2\r\nl3"), "|"), stringx.lines ~= nil)
for line in stringx.lines("first\nsecond") do io.write("<", line, ">") end
print()
print(stringx.at("abc", 2), stringx.quote_string("it's \"q\"\n"), stringx.rfind("a.b.c", "."), stringx.indent("x\ny", 2))
print(stringx.dedent("    a\n    b\n"), stringx.wrap("The quick brown fox jumps over the lazy dog", 12)[2])
print(stringx.fill("The quick brown fox jumps over the lazy dog", 15))

print("== tablex")
local t1 = {a = 1, b = {c = 2, d = {3, 4}}}
local t2 = tablex.deepcopy(t1)
print(tablex.deepcompare(t1, t2), t1.b ~= t2.b, tablex.deepcompare({1, 2}, {1, 3}))
print(table.concat(tablex.map(function(x) return x * 10 end, {1, 2, 3}), " "))
print(table.concat(tablex.filter({1, 2, 3, 4, 5, 6}, function(x) return x % 2 == 0 end), " "))
print(tablex.reduce("+", {1, 2, 3, 4}), tablex.reduce(function(a, b) return a .. b end, {"x", "y", "z"}))
print(table.concat(tablex.range(1, 10, 3), " "), table.concat(tablex.range(5, 1), " "))
print(table.concat(sorted_keys(tablex.union({a = 1}, {b = 2})), ","), tablex.size({x = 1, y = 2, 3}))
local merged = tablex.merge({a = 1, b = 2}, {b = 3, c = 4}, true)
print(table.concat(sorted_keys(merged), ","), merged.b)
print(tablex.find({10, 20, 30}, 20), tablex.index_by({"a", "b", "c"}, {3, 1})[1], tablex.count_map({"a", "b", "a"}).a)
local zipped = tablex.zip({1, 2}, {"a", "b"})
print(zipped[2][1], zipped[2][2], #tablex.copy({1, 2, 3}), tablex.compare({1, 2}, {1, 2}, "=="))
local sortedpairs = {}
for k, v in tablex.sort({c = 3, a = 1, b = 2}) do sortedpairs[#sortedpairs + 1] = k .. v end
print(table.concat(sortedpairs, " "))
local byval = {}
for k, v in tablex.sortv({x = 3, y = 1, z = 2}) do byval[#byval + 1] = k end
print(table.concat(byval, " "), table.concat(tablex.removevalues({1, 2, 3, 4}, 2, 3), ","))
print(table.concat(tablex.imap2(function(a, b) return a + b end, {1, 2}, {10, 20}), ","), tablex.icopy({0, 0, 0}, {9, 9}, 2)[3])
print(table.concat(tablex.readonly({1, 2}), ","), pcall(function() tablex.readonly({})[1] = 1 end))

print("== List")
local l = List({10, 20, 30})
l:append(40):extend({50, 60})
print(l, #l, l:len(), l[1], l:pop(), l)
l:insert(1, 5)
print(l, l:index(30), l:contains(99), l:count(20))
print(l:slice(2, 4), l:reverse(), List({3, 1, 2}):sort())
print(l:map(function(x) return x / 5 end), l:filter(function(x) return x > 20 end))
print(l:reduce("+"), l:join("-"), l:concat("+"), List.range(1, 5), List({1, 2}) == List({1, 2}))
print(List({"a", "b"}) .. List({"c"}), List.split("x y z"), l:chop(2, 3), l:remove_value(5))
local ll = List({1, 2, 3, 4, 5, 6})
print(ll:partition(function(x) return x % 2 == 0 and "even" or "odd" end).even, ll:minmax())
print(List({1, {2, 3}})[2][2], List():clear(), ll:splice(2, {"a", "b"}), List({5, 6}):iter()())

print("== class")
local Animal = class()
function Animal:_init(name) self.name = name end
function Animal:speak() return self.name .. " makes a sound" end
function Animal:__tostring() return "Animal(" .. self.name .. ")" end
local Dog = class(Animal)
function Dog:_init(name, breed) self:super(name); self.breed = breed end
function Dog:speak() return self.name .. " barks" end
local Puppy = class(Dog)
function Puppy:speak() return Dog.speak(self) .. " softly" end
local a, d, p = Animal("generic"), Dog("rex", "lab"), Puppy("bit", "pug")
print(a:speak(), d:speak(), p:speak(), tostring(p), p.breed)
print(d:is_a(Animal), a:is_a(Dog), Puppy:class_of(p), Animal:class_of(p), Dog:class_of(a))
print(Dog._base == Animal, class.Animal == nil, p:is_a() == Puppy)
class.Point()
function Point:_init(x, y) self.x, self.y = x, y end
function Point.__add(p1, p2) return Point(p1.x + p2.x, p1.y + p2.y) end
function Point:__eq(o) return self.x == o.x and self.y == o.y end
function Point:__tostring() return "(" .. self.x .. "," .. self.y .. ")" end
print(Point(1, 2) + Point(3, 4), Point(1, 1) == Point(1, 1), _G.Point == Point)
local Props = class({_init = function(self) self._size = 0 end,
                     get_size = function(self) return self._size end,
                     set_size = function(self, v) self._size = v * 2 end})
local Sized = class(class.properties)
function Sized:_init() self._w = 1 end
function Sized:get_width() return self._w * 100 end
function Sized:set_width(v) self._w = v end
local s = Sized()
s.width = 5
print(s.width, Props():get_size())

print("== pretty")
local nested = {1, 2, "three", {four = 4, five = {6, 7}}, name = "n", flag = true, [10] = "ten", ["key with space"] = 1}
print(pretty.write(nested))
print(pretty.write(nested, ""))
print(pretty.write({a = {b = {c = {}}}}, "  ", true))
local cyc = {x = 1}
cyc.self = cyc
print(pretty.write(cyc, ""))
print(pretty.read("{1,2,a='x',b={true}}")[4], pretty.read("{1,2,a='x',b={true}}").b[1], pretty.read("{os.exit()}"))
local vals = pretty.load("x = 1; y = {2, 3}")
print(vals.x, vals.y[2], pretty.number(123456789, "M"), pretty.number(2048, "N"), pretty.number(1234567, "T"))

print("== template")
local tmpl = [[
<ul>
# for i, item in ipairs(items) do
  <li>$(i): $(item.name) costs $(string.format("%.2f", item.price))</li>
# end
</ul>
$(title) has $(#items) items]]
local res, err = template.substitute(tmpl, {items = {{name = "apple", price = 1.5}, {name = "pear", price = 0.25}},
                                            title = "Fruit", ipairs = ipairs, string = string, _parent = _G})
print(res, err)
local compiled = template.compile("Hello $(name)!\n# for _ = 1, n do\n*\n# end\n", {chunk_name = "greet"})
print(compiled:render({name = "World", n = 3}))
print(template.substitute("${x} and $(y)", {x = "curly", y = "paren", _brackets = "{}"}))
local tres, terr = template.substitute("$(undefined_fn())", {})
print(tres, (terr:match("^[^\n]*")))

print("== data")
local csv = [[
name,age,city,score
Alice,30,Paris,88.5
Bob,25,London,92
Carol,35,Paris,79.25
Dave,40,Berlin,65
Eve,28,London,99
]]
local stringio = require("pl.stringio")
local d = data.read(stringio.open(csv), {csv = true})
print(table.concat(d.fieldnames, "|"), #d, d[1][1], d[2][2], math.type(d[2][2]), d[3][4])
print(table.concat(d:column_by_name("city"), ","))
local q = d:select("name,score where age > 27 and city ~= 'Berlin' sort by score desc")
local rows = {}
for name, score in q do rows[#rows + 1] = name .. "=" .. score end
print(table.concat(rows, " "))
local q2 = d:select_row("name,age where city == 'London'")
local rows2 = {}
for row in q2 do rows2[#rows2 + 1] = table.concat(row, ":") end
print(table.concat(rows2, " "))
local out = stringio.create()
d:write(out)
print(out:value())
local copy = data.read(stringio.open("a b c\n1 2 3\n4 5 6\n"))
print(table.concat(copy.fieldnames, ","), copy[2][3], #copy, data.query(copy, "a,c where b > 3")())
local filtered = data.filter("name,score where score > 80", stringio.open(csv))
print(filtered)
