-- os.date rejects conversion specifiers outside the C99 list.
print(os.date("%Y"):match("^%d+$") ~= nil) -- expect: true
os.date("%Ez")
-- expect error: bad argument #1 to 'date' (invalid conversion specifier '%Ez')
