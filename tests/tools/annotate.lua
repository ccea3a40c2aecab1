-- annotate.lua: drafts inline "-- expect:" lines for a Lua test by running it under a reference Lua.
-- Usage (from the test's directory): lua5.4 /path/to/annotate.lua test.lua > new.lua
-- Each line printed by print() is attached after the main-chunk line that was executing.
-- The draft must be reviewed by hand: the reference's output becomes the expectation.
-- Only print() is captured; io.write output is not. Existing expect lines are replaced.
-- Inserting lines shifts the line numbers printed in messages: rerun on the output
-- until it no longer changes.

local file = assert(arg[1], "usage: annotate.lua test.lua")
local src = {}
local function standalone(line) return line:match("^%s*%-%- expect[ :]") ~= nil end
for line in io.lines(file) do
  src[#src + 1] = standalone(line) and line or (line:gsub("%s*%-%- expect:.*$", ""))
end
-- standalone expect lines stay while running so that line numbers are unchanged
local code = table.concat(src, "\n") .. "\n"
local main = assert(load(code, "@" .. file))

local after = {}            -- source line -> list of output lines
local curline, lastline = 0, 0
local rawprint, tostring, select = print, tostring, select

print = function(...)
  local parts = {}
  for i = 1, select("#", ...) do parts[i] = tostring((select(i, ...))) end
  local text = table.concat(parts, "\t")
  local line = curline > lastline and curline or lastline
  lastline = line
  local list = after[line] or {}
  after[line] = list
  for piece in (text .. "\n"):gmatch("(.-)\n") do list[#list + 1] = piece end
end

debug.sethook(function(_, line)
  if debug.getinfo(2, "f").func == main then curline = line end
end, "l")
local ok, err = pcall(main)
debug.sethook()

local out = {}
for i, line in ipairs(src) do
  local list = after[i]
  if standalone(line) then
    -- dropped: replaced by the new expectations
  elseif list and #list == 1 and not line:find("--", 1, true) and not line:match("^%s*$") then
    out[#out + 1] = line .. " -- expect: " .. list[1]
  else
    out[#out + 1] = line
    if list then
      local indent = line:match("^%s*")
      for _, l in ipairs(list) do out[#out + 1] = indent .. "-- expect: " .. l end
    end
  end
end
if not ok then out[#out + 1] = "-- expect error: " .. tostring(err) end
io.stdout:write(table.concat(out, "\n"), "\n")
