-- syntax: ) expected
-- expect error: syntax_paren_expected.lua:4: ')' expected (to close '(' at line 3) near <eof>
print((1 + 2)
