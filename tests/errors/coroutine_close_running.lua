-- the running coroutine cannot be closed.
coroutine.wrap(function() coroutine.close(coroutine.running()) end)()
-- expect error: cannot close a running coroutine
