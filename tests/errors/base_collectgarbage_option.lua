-- collectgarbage validates its option.
collectgarbage("sweep")
-- expect error: bad argument #1 to 'collectgarbage' (invalid option 'sweep')
