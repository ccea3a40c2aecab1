-- math.floor wants a number.
math.floor({})
-- expect error: bad argument #1 to 'floor' (number expected, got table)
