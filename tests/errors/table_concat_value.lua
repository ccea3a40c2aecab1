-- table.concat only accepts strings and numbers.
print(table.concat({1, "a", 2.5}, " ")) -- expect: 1 a 2.5
table.concat({1, {}, 3})
-- expect error: at index 2 in table for 'concat'
