-- math.random rejects an empty interval.
math.random(5, 1)
-- expect error: bad argument #1 to 'random' (interval is empty)
