-- Test helper: show(...) prints its arguments space-separated, strings as %q literals with bytes >= 128 escaped as \ddd.
return function(...)
  local t = {}
  for i = 1, select("#", ...) do
    local v = select(i, ...)
    t[i] = type(v) == "string" and (string.format("%q", v):gsub("[\128-\255]", function(c) return "\\" .. c:byte() end)) or tostring(v)
  end
  print(table.concat(t, " "))
end
