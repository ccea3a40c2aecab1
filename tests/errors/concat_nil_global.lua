-- concatenating a nil global
-- expect error: concat_nil_global.lua:3: attempt to concatenate a nil value (global 'missing_value')
print("x" .. missing_value)
