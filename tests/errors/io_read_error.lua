-- A read error inside a lines loop is raised with the system message.
for l in io.lines("/") do print(l) end
-- expect error: Is a directory
