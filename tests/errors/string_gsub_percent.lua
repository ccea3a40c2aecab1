-- a lone % in a replacement string
print(("abc"):gsub("b", "100%"))
-- expect error: string_gsub_percent.lua:2: invalid use of '%' in replacement string
