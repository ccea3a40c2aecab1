-- utf8 library: char, charpattern, codes (strict and lax), codepoint, len, offset, errors.

local show = require("_show")

show(utf8.char(72, 0xE9, 0x20AC, 0x1F600), utf8.char(), utf8.char(0), utf8.char(0x7FFFFFFF)) -- expect: "H\195\169\226\130\172\240\159\152\128" "" "\0" "\253\191\191\191\191\191"
show(utf8.char(0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF, 0x110000)) -- expect: "\127\194\128\223\191\224\160\128\239\191\191\240\144\128\128\244\143\191\191\244\144\128\128"
show(utf8.charpattern, #utf8.charpattern) -- expect: "[\0-\127\194-\253][\128-\191]*" 14

local s = "h\u{E9}llo \u{20AC}\u{1F600}!"
show(#s, utf8.len(s), utf8.len(s, 3), utf8.len(s, -1), utf8.len(""), utf8.len("abc", 4), utf8.len(s, 1, 0)) -- expect: 15 9 nil 1 0 0 0
show(utf8.len("ab\xffcd"), utf8.len("\xe9"), utf8.len("\u{D800}"), utf8.len("\u{D800}", 1, -1, true), utf8.len("\xF4\x90\x80\x80")) -- expect: nil nil nil 1 nil 1
show(utf8.codepoint(s), utf8.codepoint(s, 2), utf8.codepoint(s, 1, -1)) -- expect: 104 233 104 233 108 108 111 32 8364 128512 33
show(utf8.codepoint("\u{7FFFFFFF}", 1, -1, true), utf8.codepoint("abc", 3, 2), utf8.codepoint("abc", -1)) -- expect: 2147483647 nil 99
show(utf8.offset(s, 1), utf8.offset(s, 3), utf8.offset(s, -1), utf8.offset(s, -2), utf8.offset(s, 0, 3), utf8.offset(s, 9), utf8.offset(s, 10)) -- expect: 1 4 15 11 2 15 16
show(utf8.offset("abc", 0), utf8.offset("abc", 4), utf8.offset("abc", 5), utf8.offset("abc", -3), utf8.offset("abc", -4), utf8.offset("", 1)) -- expect: 1 4 nil 1 nil 1

local acc = {}
for p, c in utf8.codes(s) do acc[#acc + 1] = p .. ":" .. c end
show(table.concat(acc, " ")) -- expect: "1:104 2:233 4:108 5:108 6:111 7:32 8:8364 11:128512 15:33"
acc = {}
for p, c in utf8.codes("a\u{D800}b", true) do acc[#acc + 1] = p .. ":" .. c end
show(table.concat(acc, " ")) -- expect: "1:97 2:55296 5:98"
local n = 0
for _, c in utf8.codes("") do n = n + 1 end
show(n) -- expect: 0
local parts = {}
for ch in s:gmatch(utf8.charpattern) do parts[#parts + 1] = #ch end
show(table.concat(parts, ",")) -- expect: "1,2,1,1,1,1,3,4,1"

-- errors
show(pcall(utf8.char, -1)) -- expect: false "bad argument #1 to 'utf8.char' (value out of range)"
show(pcall(utf8.char, 0x80000000)) -- expect: false "bad argument #1 to 'utf8.char' (value out of range)"
show(pcall(utf8.char, "x")) -- expect: false "bad argument #1 to 'utf8.char' (number expected, got string)"
show(pcall(utf8.codepoint, "\xff")) -- expect: false "invalid UTF-8 code"
show(pcall(utf8.codepoint, "\u{D800}")) -- expect: false "invalid UTF-8 code"
show(pcall(utf8.codepoint, "abc", 0)) -- expect: false "bad argument #2 to 'utf8.codepoint' (out of bounds)"
show(pcall(utf8.codepoint, "abc", 1, 4)) -- expect: false "bad argument #3 to 'utf8.codepoint' (out of bounds)"
show(pcall(utf8.len, "abc", 0)) -- expect: false "bad argument #2 to 'utf8.len' (initial position out of bounds)"
show(pcall(utf8.len, "abc", 1, 4)) -- expect: false "bad argument #3 to 'utf8.len' (final position out of bounds)"
show(pcall(utf8.len, "abc", 5)) -- expect: false "bad argument #2 to 'utf8.len' (initial position out of bounds)"
show(pcall(utf8.offset, "abc", 1, 5)) -- expect: false "bad argument #3 to 'utf8.offset' (position out of bounds)"
show(pcall(utf8.offset, "\u{E9}", 1, 2)) -- expect: false "initial position is a continuation byte"
show(pcall(function() for _ in utf8.codes("ab\xff") do end end)) -- expect: false "utf8.lua:43: invalid UTF-8 code"
show(pcall(function() for _ in utf8.codes("\u{110000}") do end end)) -- expect: false "utf8.lua:44: invalid UTF-8 code"
show(pcall(function() for _ in utf8.codes("a\u{D800}") do end end)) -- expect: false "utf8.lua:45: invalid UTF-8 code"
