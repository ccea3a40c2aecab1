-- Proper tail calls: deep tail recursion in constant stack, mutual recursion, tail calls through varargs.
local function loop(n, acc)
  if n == 0 then return acc end
  return loop(n - 1, acc + 1)
end
print(loop(1000000, 0)) -- expect: 1000000
local isodd
local function iseven(n) if n == 0 then return true end return isodd(n - 1) end
function isodd(n) if n == 0 then return false end return iseven(n - 1) end
print(iseven(1000001), isodd(1000001)) -- expect: false	true
-- tail calls with varargs and changing argument counts
local function va(n, ...)
  if n == 0 then return select("#", ...), ... end
  return va(n - 1, n, ...)
end
print(va(5)) -- expect: 5	1	2	3	4	5
local function spin(n, ...) if n == 0 then return ... end return spin(n - 1, ...) end
print(spin(1000000, "a", "b", "c")) -- expect: a	b	c
-- tail call into a C function and through __call
local function toC(n) if n == 0 then return select("#", 1, 2) end return toC(n - 1) end
print(toC(100000)) -- expect: 2
local callable = setmetatable({}, {__call = function(self, n) if n == 0 then return "called out" end return self(n - 1) end})
local function viaCall(n) return callable(n) end
print(viaCall(100000)) -- expect: called out
-- non-tail recursion is limited: deep enough recursion reports a stack overflow
local function deep(n) if n == 0 then return 0 end return 1 + deep(n - 1) end
print(deep(10000)) -- expect: 10000
local ok, err = pcall(deep, 1e7)
print(ok, (tostring(err):match("stack overflow"))) -- expect: false	stack overflow
-- tail calls do not appear in tracebacks as separate frames
local function leaf() return debug.traceback("tb", 1) end
local function middle() return leaf() end
local tb = middle()
print(tb:find("middle", 1, true) == nil, tb:find("(...tail calls...)", 1, true) ~= nil) -- expect: true	true
-- a tail-called function's debug info shows istailcall
local function probe() return debug.getinfo(1, "t").istailcall end
local function caller() return probe() end
print(caller(), (probe())) -- expect: true	false
-- method tail calls
local obj = {n = 0}
function obj:count(k) if k == 0 then return self.n end self.n = self.n + 1 return self:count(k - 1) end
print(obj:count(500000)) -- expect: 500000
