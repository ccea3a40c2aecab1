-- comparing two tables
-- expect error: compare_tables.lua:3: attempt to compare two table values
print({} < {})
