-- integer fmod by zero is an error (float fmod gives nan).
print(math.fmod(5, 3)) -- expect: 2
math.fmod(1, 0)
-- expect error: bad argument #2 to 'fmod' (zero)
