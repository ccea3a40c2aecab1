-- lfs.lua: exercises Debian's LuaFileSystem (lfs.so) through require; prints only path-independent facts.
-- Usage: lfs.lua DIR   (DIR: an empty scratch directory; the script works inside it)
local lfs = require "lfs"
local base = assert(arg[1], "usage: lfs.lua DIR")

print("version", type(lfs._VERSION), lfs._VERSION ~= nil)
local names = {}
for k in pairs(lfs) do names[#names + 1] = k end
table.sort(names)
print("functions", table.concat(names, " "))

-- currentdir / chdir
local start = assert(lfs.currentdir())
assert(lfs.chdir(base))
print("chdir", lfs.currentdir() == base or lfs.currentdir():sub(-#base) == base)
print("chdir missing", select("#", lfs.chdir("no/such/dir")), (select(2, lfs.chdir("no/such/dir"))))

-- mkdir / rmdir
print("mkdir", lfs.mkdir("d1"))
print("mkdir again", lfs.mkdir("d1"))
print("mkdir nested", lfs.mkdir("d1/sub"))
print("rmdir nonempty", lfs.rmdir("d1"))
print("rmdir sub", lfs.rmdir("d1/sub"))
print("rmdir missing", lfs.rmdir("nope"))

-- files and attributes
local f = assert(io.open("file.txt", "w"))
f:write(("x"):rep(1234))
f:close()
local a = assert(lfs.attributes("file.txt"))
local keys = {}
for k in pairs(a) do keys[#keys + 1] = k end
table.sort(keys)
print("attr keys", table.concat(keys, " "))
print("attr", a.mode, a.size, a.nlink, type(a.ino), type(a.dev), type(a.modification), type(a.permissions))
print("attr perms", #a.permissions, a.permissions:match("^[rwx-]+$") ~= nil)
print("attr name", lfs.attributes("file.txt", "mode"), lfs.attributes("file.txt", "size"))
print("attr dir", lfs.attributes("d1", "mode"), lfs.attributes(".", "mode"))
local t = {}
local r = lfs.attributes("file.txt", t)
print("attr table", r == t, t.size, t.mode)
print("attr missing", lfs.attributes("missing.txt"))
print("attr badname", pcall(lfs.attributes, "file.txt", "nosuch"))

-- touch
print("touch", lfs.touch("file.txt", 1000000000, 1200000000))
a = lfs.attributes("file.txt")
print("times", a.access, a.modification)
print("touch one", lfs.touch("file.txt", 1300000000))
a = lfs.attributes("file.txt")
print("times", a.access, a.modification)
print("touch missing", lfs.touch("missing/file"))

-- symlinks
print("link", lfs.link("file.txt", "sym.txt", true))
print("hard link", lfs.link("file.txt", "hard.txt"))
print("nlink", lfs.attributes("file.txt", "nlink"))
local s = lfs.symlinkattributes("sym.txt")
print("symattr", s.mode, s.target, s.size)
print("symattr name", lfs.symlinkattributes("sym.txt", "mode"), lfs.symlinkattributes("file.txt", "mode"))
print("follow", lfs.attributes("sym.txt", "mode"), lfs.attributes("sym.txt", "size"))
print("symattr missing", lfs.symlinkattributes("missing"))

-- dir iteration, both forms
for i = 1, 5 do io.open("d1/f" .. i, "w"):close() end
local seen = {}
for name in lfs.dir("d1") do seen[#seen + 1] = name end
table.sort(seen)
print("dir", table.concat(seen, ","))
local iter, obj = lfs.dir(".")
print("dir types", type(iter), type(obj), tostring(obj):match("^directory") ~= nil)
seen = {}
while true do
  local name = obj:next()
  if not name then break end
  seen[#seen + 1] = name
end
obj:close()
table.sort(seen)
print("dir obj", table.concat(seen, ","))
print("dir closed", pcall(obj.next, obj))
print("dir missing", pcall(lfs.dir, "missing"))
do
  local n = 0
  for _ in lfs.dir("d1") do n = n + 1; if n == 2 then break end end
  print("dir break", n)
end
collectgarbage()

-- locks
local fh = assert(io.open("lock.txt", "w"))
print("lock", lfs.lock(fh, "w"))
print("unlock", lfs.unlock(fh))
print("lock region", lfs.lock(fh, "w", 0, 10))
print("unlock region", lfs.unlock(fh, 0, 10))
print("lock badmode", pcall(lfs.lock, fh, "x"))
fh:close()
print("lock closed", pcall(lfs.lock, fh, "w"))
local lk, err = lfs.lock_dir(".")
print("lock_dir", type(lk), err)
print("lock_dir again", lfs.lock_dir("."))
lk:free()
print("lock_dir freed", lfs.attributes("lockfile.lfs"))
local fr = assert(io.open("file.txt", "rb"))
print("setmode", lfs.setmode(fr, "binary"))
fr:close()

-- cleanup
for i = 1, 5 do os.remove("d1/f" .. i) end
print("rmdir", lfs.rmdir("d1"))
os.remove("sym.txt"); os.remove("hard.txt"); os.remove("file.txt"); os.remove("lock.txt")
seen = {}
for name in lfs.dir(".") do seen[#seen + 1] = name end
table.sort(seen)
print("final", table.concat(seen, ","))
assert(lfs.chdir(start))
print("errors", pcall(lfs.mkdir), pcall(lfs.attributes))
