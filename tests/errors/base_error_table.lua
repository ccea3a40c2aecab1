-- a non-string error object reaches the top level untouched.
error(setmetatable({}, {__tostring = function() return "table error via __tostring" end}))
-- expect error: table error via __tostring
