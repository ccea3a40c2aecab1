-- to-be-closed variable without __close
-- expect error: close_non_closable.lua:3: variable 'x' got a non-closable value
local x <close> = {}
