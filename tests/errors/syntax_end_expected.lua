-- syntax: missing end
-- expect error: syntax_end_expected.lua:7: 'end' expected (to close 'function' at line 3) near <eof>
function f()
  if true then
    print(1)
end
