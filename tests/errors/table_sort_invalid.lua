-- an inconsistent order function is detected.
table.sort({5, 4, 3, 2, 1}, function(a, b) return true end)
-- expect error: invalid order function for sorting
