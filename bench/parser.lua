-- parser.lua: a tokenizer and recursive-descent parser/evaluator for arithmetic expressions.
local function tokenize(src)
  local toks, i, n = {}, 1, #src
  while i <= n do
    local c = src:sub(i, i)
    if c:match("%s") then
      i = i + 1
    elseif c:match("%d") then
      local j = i
      while j <= n and src:sub(j, j):match("[%d%.]") do j = j + 1 end
      toks[#toks + 1] = {k = "num", v = tonumber(src:sub(i, j - 1))}
      i = j
    elseif c:match("%a") then
      local s, e = src:find("^%a%w*", i)
      toks[#toks + 1] = {k = "id", v = src:sub(s, e)}
      i = e + 1
    else
      toks[#toks + 1] = {k = c}
      i = i + 1
    end
  end
  toks[#toks + 1] = {k = "eof"}
  return toks
end

local Parser = {}
Parser.__index = Parser
function Parser.new(toks) return setmetatable({toks = toks, pos = 1}, Parser) end
function Parser:peek() return self.toks[self.pos].k end
function Parser:next() local t = self.toks[self.pos]; self.pos = self.pos + 1; return t end
function Parser:expect(k) local t = self:next(); if t.k ~= k then error("expected " .. k) end return t end
function Parser:primary()
  local t = self:next()
  if t.k == "num" then return {op = "num", v = t.v}
  elseif t.k == "id" then
    if self:peek() == "(" then
      self:next()
      local arg = self:expr()
      self:expect(")")
      return {op = "call", name = t.v, arg = arg}
    end
    return {op = "var", name = t.v}
  elseif t.k == "(" then
    local e = self:expr()
    self:expect(")")
    return e
  elseif t.k == "-" then
    return {op = "neg", a = self:primary()}
  end
  error("unexpected " .. t.k)
end
function Parser:power()
  local a = self:primary()
  if self:peek() == "^" then self:next(); return {op = "^", a = a, b = self:power()} end
  return a
end
function Parser:term()
  local a = self:power()
  while self:peek() == "*" or self:peek() == "/" or self:peek() == "%" do
    local op = self:next().k
    a = {op = op, a = a, b = self:power()}
  end
  return a
end
function Parser:expr()
  local a = self:term()
  while self:peek() == "+" or self:peek() == "-" do
    local op = self:next().k
    a = {op = op, a = a, b = self:term()}
  end
  return a
end

local funcs = {sqrt = math.sqrt, abs = math.abs, floor = math.floor}
local function eval(node, env)
  local op = node.op
  if op == "num" then return node.v
  elseif op == "var" then return env[node.name]
  elseif op == "neg" then return -eval(node.a, env)
  elseif op == "call" then return funcs[node.name](eval(node.arg, env))
  end
  local a, b = eval(node.a, env), eval(node.b, env)
  if op == "+" then return a + b elseif op == "-" then return a - b
  elseif op == "*" then return a * b elseif op == "/" then return a / b
  elseif op == "%" then return a % b else return a ^ b end
end

local exprs = {
  "1 + 2 * 3 - 4 / 2",
  "(x + y) * (x - y) / 2",
  "sqrt(x * x + y * y) + abs(-z)",
  "2 ^ 3 ^ 0.5 + floor(x / 3) % 7",
  "-(x + 1) * -(y - 2) + z * (x + (y + (z + 1)))",
}
local sum = 0
for round = 1, 2500 do
  for i, src in ipairs(exprs) do
    local ast = Parser.new(tokenize(src .. " + " .. round)):expr()
    for k = 1, 4 do
      sum = sum + eval(ast, {x = round % 17 + k, y = round % 5 + 1, z = k})
    end
  end
end
print(string.format("parser %.4f", sum))
