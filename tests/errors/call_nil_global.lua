-- calling an undefined global
-- expect error: call_nil_global.lua:4: attempt to call a nil value (global 'undefined_function')
print("before") -- expect: before
undefined_function(1)
