-- uncaught nil error
-- expect error: (error object is a nil value)
error(nil)
