-- require lists every place it searched.
package.path = "./?.lua"
package.cpath = "./?.so"
require("no_such_module")
-- expect error: module 'no_such_module' not found:
-- expect error: no field package.preload['no_such_module']
-- expect error: no file './no_such_module.lua'
-- expect error: no file './no_such_module.so'
