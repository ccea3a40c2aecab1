-- io.lines(name) raises an error (it does not return fail) when the file cannot be opened.
for l in io.lines("/nonexistent/dir/file.txt") do print(l) end
-- expect error: cannot open file '/nonexistent/dir/file.txt' (No such file or directory)
