-- string.rep refuses results past the size limit
print(#string.rep("abc", 1 << 40, ","))
-- expect error: string_rep_too_large.lua:2: resulting string too large
