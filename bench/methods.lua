-- methods.lua: method calls through metatables (class-like OOP with inheritance).
local Point = {}
Point.__index = Point
function Point.new(x, y) return setmetatable({x = x, y = y}, Point) end
function Point:add(o) return Point.new(self.x + o.x, self.y + o.y) end
function Point:dot(o) return self.x * o.x + self.y * o.y end
function Point:scale(k) self.x = self.x * k; self.y = self.y * k; return self end

local Shape = {}
Shape.__index = Shape
function Shape.new(name) return setmetatable({name = name, moves = 0}, Shape) end
function Shape:move() self.moves = self.moves + 1 end
function Shape:area() return 0 end
local Rect = setmetatable({}, {__index = Shape})
Rect.__index = Rect
function Rect.new(w, h) local r = Shape.new("rect"); r.w = w; r.h = h; return setmetatable(r, Rect) end
function Rect:area() return self.w * self.h end
local Square = setmetatable({}, {__index = Rect})
Square.__index = Square
function Square.new(s) local r = Rect.new(s, s); return setmetatable(r, Square) end

local acc = 0
local p = Point.new(0, 0)
for i = 1, 500000 do
  local q = Point.new(i % 10, i % 7)
  acc = (acc + p:dot(q)) % 1000000007
  p = p:add(q):scale(1)
  if i % 1000 == 0 then p = Point.new(1, 1) end
end
local shapes = {}
for i = 1, 100 do shapes[i] = (i % 2 == 0) and Rect.new(i, i + 1) or Square.new(i) end
local area = 0
for r = 1, 2500 do
  for i = 1, #shapes do
    local s = shapes[i]
    s:move()
    area = (area + s:area()) % 1000000007
  end
end
print(string.format("methods %d %d %d", acc, area, shapes[1].moves))
