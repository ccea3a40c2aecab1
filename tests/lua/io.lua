-- io library: handles, open modes, read formats, lines iterators, default files, popen, errors.
local function show(...)  -- print with addresses masked
  local t = table.pack(...)
  for i = 1, t.n do t[i] = (tostring(t[i]):gsub("0x%x+", "ADDR")) end
  print(table.unpack(t, 1, t.n))
end
local tmp = os.tmpname()

-- writing and seeking
local f = assert(io.open(tmp, "w"))
show(io.type(f), io.type(io.stdout), io.type(42), io.type(nil)) -- expect: file	file	nil	nil
show(f:write("line1\n", 2, " ", 3.5, " ", 1.0, " ", -7, "\n", "line3\nnoeol") == f) -- expect: true
show(f:seek("cur"), f:seek("set", 2), f:seek("end"), f:seek("cur", -3)) -- expect: 28	2	28	25
show(f:close()) -- expect: true
show(io.type(f), tostring(f), pcall(f.write, f, "x")) -- expect: closed file	file (closed)	false	attempt to use a closed file
show(pcall(f.close, f)) -- expect: false	attempt to use a closed file
show(tostring(io.stdout)) -- expect: file (ADDR)

-- lines
for l in io.lines(tmp) do show(l) end
-- expect: line1
-- expect: 2 3.5 1 -7
-- expect: line3
-- expect: noeol
local acc = {}
for l in io.lines(tmp, "L") do acc[#acc + 1] = "[" .. l .. "]" end
show((table.concat(acc):gsub("\n", "\\n"))) -- expect: [line1\n][2 3.5 1 -7\n][line3\n][noeol]
acc = {}
for a, b in io.lines(tmp, 4, 3) do acc[#acc + 1] = a .. "|" .. b end
show((table.concat(acc, " "):gsub("\n", "\\n"))) -- expect: line|1\n2  3.5| 1  -7\nl|ine 3\nno|eol
show(select("#", io.lines(tmp)), select("#", io.lines())) -- expect: 4	1
local it, s, c, tbc = io.lines(tmp)
show(type(it), s, c, io.type(tbc)) -- expect: function	nil	nil	file
while it() do end
show(io.type(tbc), pcall(it)) -- expect: closed file	false	file is already closed
local g = io.open(tmp)
local it2 = g:lines("l", "n")
show(it2()) -- expect: line1	2
g:close()
show(pcall(it2)) -- expect: false	file is already closed

-- read formats
f = io.open(tmp)
show(f:read("l", "n", "n", "n", "n", "l", "L", "a", "a", "l", 0))
-- expect: line1	2	3.5	1	-7		line3
-- expect: 	noeol		nil
show(f:read(0), f:read("a"), f:read("l"), f:read(1), f:read("n")) -- expect: nil		nil	nil	nil
show(f:seek("set", 0), f:read(0), f:read(5), f:read("*l"), f:read("*L"), f:read("*n"))
-- expect: 0		line1		2 3.5 1 -7
-- expect: 	nil
show(f:read(), f:read(), f:read()) -- expect: line3	noeol	nil
show(pcall(f.read, f, "x")) -- expect: false	bad argument #2 to '?' (invalid format)
show(pcall(f.read, f, "*x")) -- expect: false	bad argument #2 to '?' (invalid format)
show(pcall(f.read, f, {})) -- expect: false	bad argument #2 to '?' (string expected, got table)
show(pcall(f.seek, f, "bad")) -- expect: false	bad argument #2 to '?' (invalid option 'bad')
show(pcall(f.seek, f, "set", 1.5)) -- expect: false	bad argument #3 to '?' (number has no integer representation)
show(pcall(f.setvbuf, f, "bad")) -- expect: false	bad argument #2 to '?' (invalid option 'bad')
show(f:setvbuf("no"), f:setvbuf("full", 1024), f:setvbuf("line"), f:flush()) -- expect: true	true	true	true
f:close()

-- the "n" format
local function readn(s, ...)
  local h = assert(io.open(tmp, "w")); h:write(s); h:close()
  h = io.open(tmp)
  local r = table.pack(h:read(...))
  local rest = h:read("a")
  h:close()
  local t = {}
  for i = 1, r.n do t[i] = tostring(r[i]) .. ":" .. (math.type(r[i]) or type(r[i])) end
  print(table.concat(t, " "), "rest=" .. rest)
end
readn("  12  0x1F -3.5e2 .5 0x.8p1 1e 0x 12abc", "n", "n", "n", "n", "n", "n", "n") -- expect: 12:integer 31:integer -350.0:float 0.5:float 1.0:float nil:nil	rest= 0x 12abc
readn("0x", "n") -- expect: nil:nil	rest=
readn("- 1", "n") -- expect: nil:nil	rest= 1
readn("1e+", "n") -- expect: nil:nil	rest=
readn("00012", "n") -- expect: 12:integer	rest=
readn("inf", "n") -- expect: nil:nil	rest=inf
readn(string.rep("1", 200), "n") -- expect: 1.1111111111111e+199:float	rest=
readn(string.rep("1", 201), "n") -- expect: nil:nil	rest=1
readn("1.5.5", "n", "n") -- expect: 1.5:float 0.5:float	rest=
readn("0x1p4 0X1P-1 +7", "n", "n", "n") -- expect: 16.0:float 0.5:float 7:integer	rest=
readn("9223372036854775807 9223372036854775808", "n", "n") -- expect: 9223372036854775807:integer 9.2233720368548e+18:float	rest=
readn("\n\n12\n", "n", "l", "l") -- expect: 12:integer :string nil:nil	rest=
readn("", "n") -- expect: nil:nil	rest=
readn("", "l") -- expect: nil:nil	rest=
readn("", "a") -- expect: :string	rest=
readn("", 0) -- expect: nil:nil	rest=
readn("", 5) -- expect: nil:nil	rest=
readn("abc", 0, 5, 1) -- expect: :string abc:string nil:nil	rest=
readn("a\nb", "L", "L", "L")
-- expect: a
-- expect: :string b:string nil:nil	rest=

-- open modes and errors
show(io.open("/nonexistent/x", "r")) -- expect: nil	/nonexistent/x: No such file or directory	2
show(pcall(io.open, tmp, "rw")) -- expect: false	bad argument #2 to 'io.open' (invalid mode)
show(pcall(io.open, tmp, "+")) -- expect: false	bad argument #2 to 'io.open' (invalid mode)
show(pcall(io.open, tmp, "")) -- expect: false	bad argument #2 to 'io.open' (invalid mode)
show(pcall(io.open)) -- expect: false	bad argument #1 to 'io.open' (string expected, got no value)
acc = {}
for _, m in ipairs{"r", "rb", "r+", "r+b", "rbb", "w", "a", "a+", "a+b"} do
  local h = io.open(tmp, m); acc[#acc + 1] = m .. "=" .. io.type(h); h:close()
end
show(table.concat(acc, " ")) -- expect: r=file rb=file r+=file r+b=file rbb=file w=file a=file a+=file a+b=file
show(pcall(io.lines, "/nonexistent/x")) -- expect: false	cannot open file '/nonexistent/x' (No such file or directory)
show(pcall(io.lines, tmp, table.unpack({}, 1, 251))) -- expect: false	bad argument #252 to 'io.lines' (too many arguments)
show(io.open("/", "w")) -- expect: nil	/: Is a directory	21
local d = io.open("/")
show(d:read(1)) -- expect: nil	Is a directory	21
show(d:read("a")) -- expect: nil	Is a directory	21
show(d:close()) -- expect: true
show(pcall(function() for l in io.lines("/") do end end)) -- expect: false	io.lua:112: Is a directory

-- standard files
show(io.stdout:close()) -- expect: nil	cannot close standard file
show(io.stderr:close()) -- expect: nil	cannot close standard file
show(io.type(io.stdout), io.stdout:write("") == io.stdout, io.write() == io.stdout) -- expect: file	true	true

-- default files
show(io.output() == io.stdout, io.input() == io.stdin) -- expect: true	true
io.output(tmp)
io.write("via default ", 42, "\n")
io.close()
show(pcall(io.write, "x")) -- expect: false	default output file is closed
show(pcall(io.flush)) -- expect: false	default output file is closed
io.output(io.stdout)
io.input(tmp)
show(io.read("L"))
-- expect: via default 42
-- expect: 
show(io.read()) -- expect: nil
io.input():close()
show(pcall(io.read)) -- expect: false	default input file is closed
show(pcall(io.lines)) -- expect: false	attempt to use a closed file
io.input(io.stdin)
show(pcall(io.input, "/nonexistent/y")) -- expect: false	cannot open file '/nonexistent/y' (No such file or directory)
show(pcall(io.output, {})) -- expect: false	bad argument #1 to 'io.output' (FILE* expected, got table)
show(io.read(), io.read("a"), io.read(0)) -- expect: nil		nil

-- closed handles
local h = io.open(tmp)
h:close()
show(pcall(h.lines, h)) -- expect: false	attempt to use a closed file
show(pcall(h.read, h)) -- expect: false	attempt to use a closed file
show(pcall(h.seek, h)) -- expect: false	attempt to use a closed file
show(pcall(io.close, h)) -- expect: false	attempt to use a closed file
show(pcall(io.read, "x")) -- expect: false	bad argument #1 to 'io.read' (invalid format)
show(pcall(h.read, 1)) -- expect: false	bad argument #1 to '?' (FILE* expected, got number)
show(pcall(io.lines, {})) -- expect: false	bad argument #1 to 'io.lines' (string expected, got table)
do
  local x <close> = io.open(tmp)
  h = x
end
show(io.type(h)) -- expect: closed file

-- popen and tmpfile
local p = io.popen("echo hi; exit 3")
show(p:read("a"))
-- expect: hi
-- expect: 
show(p:close()) -- expect: nil	exit	3
p = io.popen("cat > /dev/null", "w")
show(p:write("abc") == p, p:close()) -- expect: true	true	exit	0
show(pcall(io.popen, "ls", "rw")) -- expect: false	bad argument #2 to 'io.popen' (invalid mode)
local t = io.tmpfile()
t:write("tmp data")
t:seek("set")
show(t:read("a"), t:close()) -- expect: tmp data	true

-- /dev/full reports write errors
local full = io.open("/dev/full", "w")
if full then
  full:setvbuf("no")
  show(full:write("abc")) -- expect: nil	No space left on device	28
  full:close()
else
  print("nil", "No space left on device", 28)
end

-- metatable shape
local meta = getmetatable(io.stdout)
local ks = {}
for k in pairs(meta) do ks[#ks + 1] = k end
table.sort(ks)
show(table.concat(ks, " "), meta.__name) -- expect: __close __gc __index __name __tostring	FILE*
ks = {}
for k in pairs(meta.__index) do ks[#ks + 1] = k end
table.sort(ks)
show(table.concat(ks, " ")) -- expect: close flush lines read seek setvbuf write
ks = {}
for k in pairs(io) do ks[#ks + 1] = k end
table.sort(ks)
show(table.concat(ks, " ")) -- expect: close flush input lines open output popen read stderr stdin stdout tmpfile type write
os.remove(tmp)
