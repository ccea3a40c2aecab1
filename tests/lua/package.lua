-- package library: require and its searchers, error messages, searchpath, loadlib, C modules, LUA_PATH handling.
print(package.config == "/\n;\n?\n!\n-\n", #package.searchers) -- expect: true	4
print(package.loaded._G == _G, package.loaded.package == package, package.loaded.string == string, package.loaded.math == math) -- expect: true	true	true	true
print(type(package.preload), type(package.path), type(package.cpath), type(package.loadlib), type(package.searchpath)) -- expect: table	string	string	function	function

package.path = "./_pkg/?.lua;./_pkg/?/init.lua"
package.cpath = "./_pkg/?.so"

-- Lua modules: loader data is the file name, results are cached
local m, extra = require("m1")
print(m.name, m.file, extra) -- expect: m1	./_pkg/m1.lua	./_pkg/m1.lua
print(require("m1") == m, select('#', require("m1")), package.loaded.m1 == m) -- expect: true	1	true
print(require("nothing"), package.loaded.nothing) -- expect: true	true
print(require("false"), package.loaded["false"]) -- expect: false	false
print(require("sub"), select(2, require("sub"))) -- expect: init:sub
print(require("a.b")) -- expect: a.b loaded as a.b	./_pkg/a/b.lua
print(require("selfset")) -- expect: set by module	./_pkg/selfset.lua
package.loaded.m1 = nil
print(require("m1") ~= m) -- expect: true

-- failures
print(pcall(require, "nonexist"))
-- expect: false	module 'nonexist' not found:
-- expect: 	no field package.preload['nonexist']
-- expect: 	no file './_pkg/nonexist.lua'
-- expect: 	no file './_pkg/nonexist/init.lua'
-- expect: 	no file './_pkg/nonexist.so'
print(pcall(require, "x.y"))
-- expect: false	module 'x.y' not found:
-- expect: 	no field package.preload['x.y']
-- expect: 	no file './_pkg/x/y.lua'
-- expect: 	no file './_pkg/x/y/init.lua'
-- expect: 	no file './_pkg/x/y.so'
-- expect: 	no file './_pkg/x.so'
print(pcall(require, "bad"))
-- expect: false	error loading module 'bad' from file './_pkg/bad.lua':
-- expect: 	./_pkg/bad.lua:2: unexpected symbol near <eof>
print(pcall(require, "err")) -- expect: false	./_pkg/err.lua:1: boom
print(pcall(require)) -- expect: false	bad argument #1 to 'require' (string expected, got no value)
print(pcall(require, {})) -- expect: false	bad argument #1 to 'require' (string expected, got table)

-- preload
package.preload.pre = function(...) print("preload args", ...) return "P" end
print(require("pre"))
-- expect: preload args	pre	:preload:
-- expect: P	:preload:
print(require("pre")) -- expect: P

-- searchpath
print(package.searchpath("m1", package.path)) -- expect: ./_pkg/m1.lua
print(package.searchpath("a.b", package.path)) -- expect: ./_pkg/a/b.lua
print(package.searchpath("a.b.c", "x/?.lua;y/?.x"))
-- expect: nil	no file 'x/a/b/c.lua'
-- expect: 	no file 'y/a/b/c.x'
print(package.searchpath("a.b.c", "x/?.lua", "", "")) -- expect: nil	no file 'x/a.b.c.lua'
print(package.searchpath("a_b", "x/?.lua", "_", "+")) -- expect: nil	no file 'x/a+b.lua'
print(package.searchpath("m1", ";;./_pkg/?.lua")) -- expect: ./_pkg/m1.lua
print(package.searchpath("x", "")) -- expect: nil	no file ''
print(pcall(package.searchpath, "x")) -- expect: false	bad argument #2 to 'package.searchpath' (string expected, got no value)

-- loadlib failures
print(select(3, package.loadlib("./_pkg/nonexistent.so", "luaopen_x"))) -- expect: open
print(select(3, package.loadlib("./_pkg/notalib.txt", "luaopen_x"))) -- expect: open
print(pcall(package.loadlib, "x")) -- expect: false	bad argument #2 to 'package.loadlib' (string expected, got no value)

-- custom searchers and malformed package fields
local saved = {path = package.path, searchers = package.searchers}
package.path = 1
print(pcall(require, "zzz"))
-- expect: false	module 'zzz' not found:
-- expect: 	no field package.preload['zzz']
-- expect: 	no file '1'
-- expect: 	no file './_pkg/zzz.so'
package.path = nil
print(pcall(require, "zzz")) -- expect: false	'package.path' must be a string
package.path = saved.path
package.searchers = nil
print(pcall(require, "zzz")) -- expect: false	'package.searchers' must be a table
package.searchers = {function(n) return nil end, function(n) return "custom " .. n end, function(n) return 42 end}
print(pcall(require, "zzz"))
-- expect: false	module 'zzz' not found:
-- expect: 	custom zzz
-- expect: 	42
package.searchers = {function(n) return function(a, b) return a .. "|" .. tostring(b) end end}
print(require("qq")) -- expect: qq|nil	nil
package.searchers = {function(n) return function(a, b) package.loaded[a] = "self" end, "D" end}
print(require("qq2")) -- expect: self	D
package.searchers = {function(n) return function() error("loader failed") end end}
print(pcall(require, "qq3")) -- expect: false	package.lua:88: loader failed
package.searchers = saved.searchers

-- C modules (compiled into a temporary directory)
local dir = os.tmpname()
os.remove(dir)
local ok = os.execute("mkdir " .. dir .. " && cc -shared -fPIC -I../../include -o " .. dir .. "/cmod.so _pkg/cmod.c" ..
  " && cp " .. dir .. "/cmod.so " .. dir .. "/x-other.so && cp " .. dir .. "/cmod.so " .. dir .. "/cmod-v2.so")
print("compiled", ok) -- expect: compiled	true
package.cpath = dir .. "/?.so"
local cm, cfile = require("cmod")
print(cm.name, cm.file == dir .. "/cmod.so", cfile == cm.file, cm.add(2, 40)) -- expect: cmod	true	true	42
print(pcall(cm.add, 1)) -- expect: false	bad argument #2 to 'cmod.add' (number expected, got no value)
print((require("cmod.sub"))) -- expect: cmod.sub from the all-in-one library
print((require("x-other"))) -- expect: old-style name after the hyphen
print(require("cmod-v2").name) -- expect: cmod-v2
print((select(2, pcall(require, "cmod.nothere")):gsub(dir, "DIR")))
-- expect: module 'cmod.nothere' not found:
-- expect: 	no field package.preload['cmod.nothere']
-- expect: 	no file './_pkg/cmod/nothere.lua'
-- expect: 	no file './_pkg/cmod/nothere/init.lua'
-- expect: 	no file 'DIR/cmod/nothere.so'
-- expect: 	no module 'cmod.nothere' in file 'DIR/cmod.so'
local f, err, where = package.loadlib(dir .. "/cmod.so", "luaopen_missing")
print(f, where) -- expect: nil	init
f = package.loadlib(dir .. "/cmod.so", "luaopen_cmod")
print(type(f), f("direct").name) -- expect: function	direct
print(package.loadlib(dir .. "/cmod.so", "*")) -- expect: true
os.execute("rm -rf " .. dir)

-- LUA_PATH / LUA_CPATH from the environment (';;' = default path), ignored with -E
local exe = os.getenv("TYCHO") or "lua5.4"
local function run(env, opts)
  local p = io.popen(env .. " " .. exe .. " " .. opts .. " -e 'print(package.path); print(package.cpath)'")
  local out = p:read("a")
  p:close()
  return out
end
local default = run("LUA_INIT= LUA_PATH= LUA_CPATH=", "-E")
print(default)
-- expect: /usr/local/share/lua/5.4/?.lua;/usr/local/share/lua/5.4/?/init.lua;/usr/local/lib/lua/5.4/?.lua;/usr/local/lib/lua/5.4/?/init.lua;/usr/share/lua/5.4/?.lua;/usr/share/lua/5.4/?/init.lua;./?.lua;./?/init.lua
-- expect: /usr/local/lib/lua/5.4/?.so;/usr/lib/x86_64-linux-gnu/lua/5.4/?.so;/usr/lib/lua/5.4/?.so;/usr/local/lib/lua/5.4/loadall.so;./?.so
-- expect: 
print(run("LUA_INIT= LUA_PATH='a;;b' LUA_CPATH=';;c'", ""))
-- expect: a;/usr/local/share/lua/5.4/?.lua;/usr/local/share/lua/5.4/?/init.lua;/usr/local/lib/lua/5.4/?.lua;/usr/local/lib/lua/5.4/?/init.lua;/usr/share/lua/5.4/?.lua;/usr/share/lua/5.4/?/init.lua;./?.lua;./?/init.lua;b
-- expect: /usr/local/lib/lua/5.4/?.so;/usr/lib/x86_64-linux-gnu/lua/5.4/?.so;/usr/lib/lua/5.4/?.so;/usr/local/lib/lua/5.4/loadall.so;./?.so;c
-- expect: 
print(run("LUA_INIT= LUA_PATH='only' LUA_PATH_5_4='versioned;;' LUA_CPATH='c1;c2'", ""))
-- expect: versioned;/usr/local/share/lua/5.4/?.lua;/usr/local/share/lua/5.4/?/init.lua;/usr/local/lib/lua/5.4/?.lua;/usr/local/lib/lua/5.4/?/init.lua;/usr/share/lua/5.4/?.lua;/usr/share/lua/5.4/?/init.lua;./?.lua;./?/init.lua
-- expect: c1;c2
-- expect: 
print(run("LUA_INIT= LUA_PATH='only' LUA_CPATH='c1'", "-E") == default) -- expect: true
