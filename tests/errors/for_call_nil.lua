-- generic for over a non-function
-- expect error: for_call_nil.lua:3: attempt to call a table value (for iterator 'for iterator')
for k, v in {} do end
