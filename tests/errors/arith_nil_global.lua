-- arithmetic on a nil global
-- expect error: arith_nil_global.lua:3: attempt to perform arithmetic on a nil value (global 'undefined_global')
print(undefined_global * 2)
