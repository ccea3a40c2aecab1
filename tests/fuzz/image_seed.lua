-- image_seed.lua: setup script for the loader fuzz target's seed image (make fuzz-image): a bit of every object type.
local shared = 0
function inc() shared = shared + 1; return shared end
t = {1, 2.5, "three", x = "hello", nested = {a = {}}, [true] = false}
t.self = t
setmetatable(t, {__index = function(_, k) return k end})
keys = {[t] = 1, [inc] = 2, [print] = 3}
weak = setmetatable({}, {__mode = "k"})
long = string.rep("xyz", 30)
co = coroutine.create(function(a) return a end)
it = string.gmatch("a b c", "%a")
it()
tycho.atinit(function() end)
