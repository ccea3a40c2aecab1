-- collectgarbage("step") answers as PUC Lua 5.4 does: true only when the step ended a
-- cycle of the incremental collector. The standalone interpreter runs in generational
-- mode, whose collector never stops between cycles, so there it is false, also right
-- after a full collection.
collectgarbage()
print(collectgarbage("step"), collectgarbage("step", 0), collectgarbage("step", 1)) -- expect: false	false	false
collectgarbage()
print(collectgarbage("step", 100000)) -- expect: false
print(collectgarbage("incremental")) -- expect: generational
collectgarbage()
print(collectgarbage("step")) -- expect: true
collectgarbage()
print(collectgarbage("step", 1)) -- expect: false
collectgarbage()
print(collectgarbage("step", 100000)) -- expect: true
local t = {}
for i = 1, 1e5 do t[i] = {} end
local n = 0
repeat n = n + 1 until collectgarbage("step")
print(n > 1, collectgarbage("step")) -- expect: true	false
collectgarbage()
collectgarbage("stop")
print(collectgarbage("step"), collectgarbage("isrunning")) -- expect: false	false
collectgarbage("restart")
print(collectgarbage("generational")) -- expect: incremental
collectgarbage()
print(collectgarbage("step")) -- expect: false
