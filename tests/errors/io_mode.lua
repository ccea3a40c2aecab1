-- io.open validates its mode string.
io.open("whatever.txt", "rw")
-- expect error: bad argument #2 to 'open' (invalid mode)
