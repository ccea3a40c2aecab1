-- assert keeps its message as is (no position added).
assert(1 == 1, "not raised")
assert(false, "custom assertion text")
-- expect error: base_assert_message.lua:3: custom assertion text
