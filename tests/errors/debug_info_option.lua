-- debug.getinfo rejects a leading ">" in its options.
debug.getinfo(1, ">S")
-- expect error: bad argument #2 to 'getinfo' (invalid option '>')
