-- string.format: every conversion, flags/width/precision, %q literals, %s with __tostring, argument errors.

local show = require("_show")
local f = string.format

-- integers
show(f("%d %i %5d|%-5d|%05d|%+d|% d", 42, -7, 3, 3, -3, 3, 3)) -- expect: "42 -7     3|3    |-0003|+3| 3"
show(f("%d %d %.3d %x %X %#x %o %#o %u", math.maxinteger, math.mininteger, 7, 255, 255, 255, 8, 8, 42)) -- expect: "9223372036854775807 -9223372036854775808 007 ff FF 0xff 10 010 42"
show(f("%x %d %d %d", -1, 3.0, "10", "0x10")) -- expect: "ffffffffffffffff 3 10 16"
show(f("%c%c%c|%3c|%-3c|", 76, 117, 97, 65, 66), #f("%c", 0)) -- expect: "Lua|  A|B  |" 1

-- floats
show(f("%f %.2f %10.3f|%-10.1f|%+.1e %E %g %G", 1.5, 2.345, math.pi, -1.25, 12345.678, 0.000123, 1e20, 1e-10)) -- expect: "1.500000 2.35      3.142|-1.2      |+1.2e+04 1.230000E-04 1e+20 1E-10"
show(f("%.14g %.3g %g %g %g %g", 0.1, 2/3, 100, 1e15, 2^63, -0.0)) -- expect: "0.1 0.667 100 1e+15 9.22337e+18 -0"
show(f("%5.1f|%-8.3e|%08.2f|%#.0f|% f", 3.14159, 2.5, -1.5, 3.0, 1.0)) -- expect: "  3.1|2.500e+00|-0001.50|3.| 1.000000"
show(f("%f %f %f %g", 1/0, -1/0, 1e300, 0/0 ~= 0/0 and 1 or 0)) -- expect: "inf -inf 1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.000000 1"
show(f("%a %A %.2a", 1.0, 0.5, 1/3)) -- expect: "0x1p+0 0X1P-1 0x1.55p-2"
show(#f("%99.99f", -1e308), #f("%.99f", 1/3)) -- expect: 410 101

-- strings
show(f("%s %s %s %s %s", "x", 1, 2.5, true, nil)) -- expect: "x 1 2.5 true nil"
show(f("[%10s][%-10s][%.2s][%5.1s]", "abc", "abc", "abc", "abc")) -- expect: "[       abc][abc       ][ab][    a]"
show(f("%s", setmetatable({}, {__tostring = function() return "OBJ" end})), f("%8s|", setmetatable({}, {__tostring = function() return "OBJ" end}))) -- expect: "OBJ" "     OBJ|"
show(f("%s", setmetatable({}, {__name = "MyType"})):match("^MyType: ") ~= nil) -- expect: true
show(#f("%s", ("x"):rep(300)), #f("%5s", ("x"):rep(300)), #f("%.5s", ("x"):rep(300)), f("%s|%s", "a\0b", "c")) -- expect: 300 300 5 "a\0b|c"
show(f("%%|%5.2s%%|%s", "xyz", "end"), f("no conversions"), f("")) -- expect: "%|   xy%|end" "no conversions" ""

-- %q
show(f("%q", 'he said "hi"\\ and\nleft'))
-- expect: "\"he said \\\"hi\\\"\\\\ and\\\
-- expect: left\""
show(f("%q", "\0\1\0012\r\t\127x\200")) -- expect: "\"\\0\\1\\0012\\13\\9\\127x\200\""
show(f("%q %q %q %q", 1, -17, math.maxinteger, math.mininteger)) -- expect: "1 -17 9223372036854775807 0x8000000000000000"
show(f("%q %q %q %q %q", 1.0, 0.1, -2.5, 1/0, -1/0), f("%q", 0/0)) -- expect: "0x1p+0 0x1.999999999999ap-4 -0x1.4p+1 1e9999 -1e9999" "(0/0)"
show(f("%q %q %q", true, false, nil)) -- expect: "true false nil"
show(load("return " .. f("%q", "a\0b\r\n\"\\\255"))() == "a\0b\r\n\"\\\255", load("return " .. f("%q", 0.1))() == 0.1, math.type(load("return " .. f("%q", math.mininteger))())) -- expect: true true "integer"

-- %p: identities, not addresses
local t = {}
show(f("%p", t) == f("%p", t), f("%p", t) ~= f("%p", {}), f("%p", 1), f("%10p|", nil), f("%-7p|", true)) -- expect: true true "(null)" "    (null)|" "(null) |"

-- errors (5.4 releases word bad specifications in two ways; both are normalized)
local function conv(ok, msg)
  msg = msg:gsub("^invalid conversion specification: '(.-)'$", "invalid conversion '%1' to 'format'")
  return ok, (msg:gsub("^invalid format string to 'format'$", "invalid format (too long)"))
end
show(pcall(f, "%d", 1.5)) -- expect: false "bad argument #2 to 'string.format' (number has no integer representation)"
show(pcall(f, "%d", "x")) -- expect: false "bad argument #2 to 'string.format' (number expected, got string)"
show(pcall(f, "%d")) -- expect: false "bad argument #2 to 'string.format' (no value)"
show(pcall(f, "%s %s", 1)) -- expect: false "bad argument #3 to 'string.format' (no value)"
show(conv(pcall(f, "%y", 1))) -- expect: false "invalid conversion '%y' to 'format'"
show(conv(pcall(f, "%", 1))) -- expect: false "invalid conversion '%' to 'format'"
show(conv(pcall(f, "%10.123d", 1))) -- expect: false "invalid conversion '%10.123d' to 'format'"
show(conv(pcall(f, "%100d", 1))) -- expect: false "invalid conversion '%100d' to 'format'"
show(conv(pcall(f, "%#d", 1))) -- expect: false "invalid conversion '%#d' to 'format'"
show(conv(pcall(f, "%010c", 65))) -- expect: false "invalid conversion '%010c' to 'format'"
show(conv(pcall(f, "%.3c", 65))) -- expect: false "invalid conversion '%.3c' to 'format'"
show(conv(pcall(f, "%0.s", "x"))) -- expect: false "invalid conversion '%0.s' to 'format'"
show(conv(pcall(f, "%+x", 1))) -- expect: false "invalid conversion '%+x' to 'format'"
show(pcall(f, "%10q", "x")) -- expect: false "specifier '%q' cannot have modifiers"
show(pcall(f, "%q", {})) -- expect: false "bad argument #2 to 'string.format' (value has no literal form)"
show(pcall(f, "%q", print)) -- expect: false "bad argument #2 to 'string.format' (value has no literal form)"
show(pcall(f, "%10s", "a\0b")) -- expect: false "bad argument #2 to 'string.format' (string contains zeros)"
show(conv(pcall(f, "%" .. ("0"):rep(30) .. "d", 1))) -- expect: false "invalid format (too long)"
show(conv(pcall(f, "%F", 1))) -- expect: false "invalid conversion '%F' to 'format'"
show(pcall(f)) -- expect: false "bad argument #1 to 'string.format' (string expected, got no value)"
