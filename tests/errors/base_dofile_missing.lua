-- dofile propagates the error of a missing file.
dofile("no/such/file.lua")
-- expect error: cannot open no/such/file.lua
