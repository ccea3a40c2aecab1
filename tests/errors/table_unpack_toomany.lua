-- table.unpack refuses absurd ranges.
table.unpack({}, 1, 1e8)
-- expect error: too many results to unpack
