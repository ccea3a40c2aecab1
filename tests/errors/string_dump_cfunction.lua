-- C functions cannot be dumped
print(string.dump(string.len))
-- expect error: string_dump_cfunction.lua:2: unable to dump given function
