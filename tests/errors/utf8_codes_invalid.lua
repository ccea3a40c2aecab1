-- utf8.codes raises on an invalid byte sequence
for p, c in utf8.codes("ok\xff") do print(p, c) end
-- expect: 1	111
-- expect: 2	107
-- expect error: utf8_codes_invalid.lua:2: invalid UTF-8 code
