-- %q only writes values that have a literal form
print(string.format("%q", {}))
-- expect error: string_format_q_table.lua:2: bad argument #2 to 'format' (value has no literal form)
