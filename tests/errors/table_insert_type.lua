-- table functions check their table argument.
table.insert(nil, 1)
-- expect error: bad argument #1 to 'insert' (table expected, got nil)
