-- table.insert takes 2 or 3 arguments.
table.insert({}, 1, 2, 3)
-- expect error: wrong number of arguments to 'insert'
