-- string.pack/unpack/packsize: every option, endianness, alignment, round trips and errors.

local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
local show = require("_show")
local pack, unpack, size = string.pack, string.unpack, string.packsize

show(hex(pack("<i4", 1)), hex(pack(">i4", 1)), hex(pack("<i2", -2)), hex(pack("b", -1)), hex(pack("B", 255))) -- expect: "01000000" "00000001" "feff" "ff" "ff"
show(hex(pack("<h H l L j J T", 1, 2, 3, 4, 5, 6, 7))) -- expect: "0100020003000000000000000400000000000000050000000000000006000000000000000700000000000000"
show(hex(pack("<i3", -1)), hex(pack(">I3", 0x010203)), hex(pack("<i16", -2)), hex(pack(">I9", 1))) -- expect: "ffffff" "010203" "feffffffffffffffffffffffffffffff" "000000000000000001"
show(hex(pack("<f", 1.5)), hex(pack(">d", -2.0)), hex(pack("<n", 0.5))) -- expect: "0000c03f" "c000000000000000" "000000000000e03f"
show(hex(pack("z", "ab")), hex(pack("s1", "ab")), hex(pack("<s2", "ab")), hex(pack("c5", "ab")), hex(pack("c0", ""))) -- expect: "616200" "026162" "02006162" "6162000000" ""
show(hex(pack("!4 b i4", 1, 2)), hex(pack("!8 b d", 1, 0)), hex(pack("<!2 b i8", 1, 2)), hex(pack("b x h", 1, 2))) -- expect: "0100000002000000" "01000000000000000000000000000000" "01000200000000000000" "01000200"
show(hex(pack("<!4 b Xi4 b", 1, 2)), hex(pack("! b Xj", 1)), hex(pack(" < > = b", 1))) -- expect: "0100000002" "0100000000000000" "01"

show(size("i4"), size("!8 b d"), size("c10 b"), size("<i16 I1"), size("b Xi8"), size(""), size("j n T")) -- expect: 4 16 11 17 1 0 24

show(unpack("<i4", pack("<i4", -123456))) -- expect: -123456 5
show(unpack(">I2 b B", "\1\2\255\255")) -- expect: 258 -1 255 5
show(unpack("z s1 c3", "ab\0\3xyzabc")) -- expect: "ab" "xyz" "abc" 11
show(unpack("<i16", pack("<i16", math.mininteger))) -- expect: -9223372036854775808 17
show(unpack("<I8", pack("<j", -1))) -- expect: -1 9
show(unpack("<f d n", pack("<f d n", 0.25, 1/3, -1e300))) -- expect: 0.25 0.33333333333333 -1e+300 21
show(unpack("b", "\1\2\3", 2), unpack("b", "\1\2\3", -1), unpack("c2", "abcd", 3)) -- expect: 2 3 "cd" 5
show(unpack("!4 b i4", pack("!4 b i4", 7, 8))) -- expect: 7 8 9
show(unpack("xx b", "\0\0\9")) -- expect: 9 4
show(select("#", unpack(("b"):rep(50), ("\1"):rep(50)))) -- expect: 51

-- round trips over all integer sizes
local marks = {}
for n = 1, 16 do
  local ok = true
  for _, v in ipairs{0, 1, -1, 127, -128} do
    if unpack("<i" .. n, pack("<i" .. n, v)) ~= v or unpack(">i" .. n, pack(">i" .. n, v)) ~= v then ok = false end
  end
  marks[n] = ok and "+" or "-"
end
show(table.concat(marks)) -- expect: "++++++++++++++++"

-- errors
show(pcall(pack, "i0", 1)) -- expect: false "integral size (0) out of limits [1,16]"
show(pcall(pack, "i17", 1)) -- expect: false "integral size (17) out of limits [1,16]"
show(pcall(pack, "!17", 1)) -- expect: false "integral size (17) out of limits [1,16]"
show(pcall(pack, "y", 1)) -- expect: false "invalid format option 'y'"
show(pcall(pack, "c", "x")) -- expect: false "missing size for format option 'c'"
show(pcall(pack, "c2", "xyz")) -- expect: false "bad argument #2 to 'string.pack' (string longer than given size)"
show(pcall(pack, "i1", 200)) -- expect: false "bad argument #2 to 'string.pack' (integer overflow)"
show(pcall(pack, "I1", -1)) -- expect: false "bad argument #2 to 'string.pack' (unsigned overflow)"
show(pcall(pack, "s1", ("x"):rep(256))) -- expect: false "bad argument #2 to 'string.pack' (string length does not fit in given size)"
show(pcall(pack, "z", "a\0b")) -- expect: false "bad argument #2 to 'string.pack' (string contains zeros)"
show(pcall(pack, "i4")) -- expect: false "bad argument #2 to 'string.pack' (number expected, got nil)"
show(pcall(pack, "i4", 1.5)) -- expect: false "bad argument #2 to 'string.pack' (number has no integer representation)"
show(pcall(pack, "X", 1)) -- expect: false "bad argument #1 to 'string.pack' (invalid next option for option 'X')"
show(pcall(pack, "!4 i3", 1)) -- expect: false "bad argument #1 to 'string.pack' (format asks for alignment not power of 2)"
show(pcall(size, "s")) -- expect: false "bad argument #1 to 'string.packsize' (variable-length format)"
show(pcall(size, "z")) -- expect: false "bad argument #1 to 'string.packsize' (variable-length format)"
show(pcall(size, ("c1000000000"):rep(3))) -- expect: false "bad argument #1 to 'string.packsize' (format result too large)"
show(pcall(unpack, "i4", "abc")) -- expect: false "bad argument #2 to 'string.unpack' (data string too short)"
show(pcall(unpack, "z", "abc")) -- expect: false "bad argument #2 to 'string.unpack' (unfinished string for format 'z')"
show(pcall(unpack, "s1", "\5ab")) -- expect: false "bad argument #2 to 'string.unpack' (data string too short)"
show(pcall(unpack, "b", "a", 3)) -- expect: false "bad argument #3 to 'string.unpack' (initial position out of string)"
show(pcall(unpack, "i9", ("\255"):rep(8) .. "\1")) -- expect: false "9-byte integer does not fit into Lua Integer"
show(pcall(unpack, ">I16", "\1" .. ("\0"):rep(15))) -- expect: false "16-byte integer does not fit into Lua Integer"
