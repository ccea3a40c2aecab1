-- uncaught error object with __tostring
-- expect error: custom error text
error(setmetatable({}, {__tostring = function() return "custom error text" end}))
