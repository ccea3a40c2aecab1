-- argparse.lua: builds an argparse parser, parses command lines (valid and invalid), prints help and usage.
local argparse = require("argparse")

local function dump(v, indent)
  indent = indent or ""
  if type(v) ~= "table" then return tostring(v) end
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  local parts = {}
  for _, k in ipairs(keys) do parts[#parts + 1] = tostring(k) .. "=" .. dump(v[k]) end
  return "{" .. table.concat(parts, ", ") .. "}"
end

local function build()
  local parser = argparse("tool", "A test tool for tycho's compatibility suite.")
    :epilog("See the project README for more.")
  parser:argument("input", "Input file.")
  parser:argument("extra", "Extra files."):args("*")
  parser:option("-o --output", "Output file.", "a.out")
  parser:option("-I --include", "Include directories."):count("*")
  parser:option("-l --level", "Level (1-3)."):choices({"1", "2", "3"})
  parser:option("-n --number", "A number."):convert(tonumber)
  parser:option("--pair", "Two values."):args(2)
  parser:flag("-v --verbose", "Verbosity level."):count("0-3"):target("verbosity")
  parser:flag("-q --quiet", "Be quiet.")
  parser:mutex(parser:flag("--fast"), parser:flag("--safe"))
  return parser
end

local lines = {
  {"in.txt"},
  {"in.txt", "a", "b", "c"},
  {"-o", "out.bin", "in.txt"},
  {"--output=x", "in.txt", "-Iinc1", "-I", "inc2", "--include", "inc3"},
  {"-vvv", "in.txt"},
  {"-v", "-v", "-q", "in.txt"},
  {"-l", "2", "-n", "42", "in.txt"},
  {"--pair", "x", "y", "in.txt"},
  {"in.txt", "--", "-notaflag"},
  {"--fast", "in.txt"},
  -- errors
  {},
  {"-l", "5", "in.txt"},
  {"--unknown", "in.txt"},
  {"-vvvv", "in.txt"},
  {"--fast", "--safe", "in.txt"},
  {"-o"},
  {"--pair", "x"},
  {"-n", "notanumber", "in.txt"},
  {"--outptu", "x", "in.txt"},
}
for i, line in ipairs(lines) do
  local ok, res = build():pparse(line)
  print(i, table.concat(line, " "), ok, ok and dump(res) or res)
end

-- commands
local git = argparse("git"):command_target("command")
local commit = git:command("commit ci", "Record changes.")
commit:option("-m --message", "Message.")
commit:flag("-a --all", "All.")
local push = git:command("push", "Update remote.")
push:argument("remote"):args("?")
git:flag("--version", "Show version."):action(function() print("version action ran") end)
for i, line in ipairs({{"commit", "-m", "msg"}, {"ci", "-a"}, {"push"}, {"push", "origin"},
                        {"pull"}, {}, {"--version", "push"}}) do
  local ok, res = git:pparse(line)
  print("git", i, table.concat(line, " "), ok, ok and dump(res) or res)
end

-- help and usage text
print(build():get_usage())
print(build():get_help())
print(git:get_help())
print(commit:get_help())

-- the real exit path: argparse prints usage and the error to stderr, then os.exit(1)
local interp = arg[-1]
local dir = arg[0]:match("^(.*)/") or "."
local cmd = string.format("%s %s/argparse_exit.lua --bogus 2>&1", interp, dir)
local p = assert(io.popen(cmd))
local out = p:read("a")
print(out)
print(p:close())
local cmd2 = string.format("%s %s/argparse_exit.lua --help 2>&1", interp, dir)
p = assert(io.popen(cmd2))
print(p:read("a"))
print(p:close())
