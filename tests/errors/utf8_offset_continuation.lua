-- utf8.offset cannot start inside a character
print(utf8.offset("\u{E9}", 1, 2))
-- expect error: utf8_offset_continuation.lua:2: initial position is a continuation byte
