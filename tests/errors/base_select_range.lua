-- select rejects index 0 and negative indexes beyond the argument list.
print(select(-1, "a", "b")) -- expect: b
select(-3, "a", "b")
-- expect error: bad argument #1 to 'select' (index out of range)
