-- bench/image/setup.lua: the README main job's session: penlight, dkjson, argparse and luacheck loaded.
-- Used by `tychoc image --script` (bench/image.sh, tests/image) and, as a plain script, to time
-- "requiring all packages" under lua5.4/luajit/tycho. Needs LUA_PATH to include
-- /usr/share/lua/5.1 (Debian installs luacheck there only). 65 modules (54 with IMAGE_SETUP_NO_C=1).
local penlight = {
  "pl.utils", "pl.compat", "pl.types", "pl.path", "pl.tablex", "pl.List", "pl.Map", "pl.Set",
  "pl.OrderedMap", "pl.MultiMap", "pl.class", "pl.stringx", "pl.pretty", "pl.data", "pl.array2d",
  "pl.seq", "pl.func", "pl.operator", "pl.lexer", "pl.template", "pl.text", "pl.sip", "pl.dir",
  "pl.file", "pl.app", "pl.lapp", "pl.config", "pl.input", "pl.stringio", "pl.url", "pl.xml",
  "pl.Date", "pl.permute", "pl.luabalanced", "pl.comprehension", "pl.import_into",
}
-- what `luacheck` loads to check files (luacheck.main itself runs the program, so it stays out)
local luacheck = {
  "luacheck", "luacheck.cache", "luacheck.config", "luacheck.multithreading", "luacheck.profiler",
  "luacheck.runner", "luacheck.utils", "luacheck.version", "luacheck.check", "luacheck.check_state",
  "luacheck.core_utils", "luacheck.decoder", "luacheck.expand_rockspec", "luacheck.filter",
  "luacheck.format", "luacheck.fs", "luacheck.globbing", "luacheck.lexer", "luacheck.options",
  "luacheck.parser", "luacheck.serializer", "luacheck.stages", "luacheck.standards",
  "luacheck.builtin_standards", "luacheck.unicode", "luacheck.unicode_printability_boundaries",
  "luacheck.vendor.sha1",
}
-- the modules that load lfs (a C module); IMAGE_SETUP_NO_C=1 leaves them out, for runtimes
-- whose image writer cannot store C modules yet (they then load from source at run time)
local needs_c = {
  ["pl.path"] = true, ["pl.dir"] = true, ["pl.file"] = true, ["pl.app"] = true,
  ["luacheck.cache"] = true, ["luacheck.config"] = true, ["luacheck.runner"] = true,
  ["luacheck.version"] = true, ["luacheck.expand_rockspec"] = true, ["luacheck.fs"] = true,
  ["luacheck.globbing"] = true,
}
local skip_c = os.getenv("IMAGE_SETUP_NO_C") == "1"
local n = 0
for _, list in ipairs({penlight, {"dkjson", "argparse"}, luacheck}) do
  for _, name in ipairs(list) do
    if not (skip_c and needs_c[name]) then
      require(name)
      n = n + 1
    end
  end
end
if os.getenv("IMAGE_SETUP_VERBOSE") then print(("required %d modules"):format(n)) end
