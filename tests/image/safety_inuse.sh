#!/bin/sh
# tests/image/safety_inuse.sh: the contract for an image in use (docs/image-format.md, "An image
# in use"): like a shared library, it is replaced by renaming a new file over it, never
# rewritten in place.
#  - tychoc image and tycho --output-o write a new file and rename it: a program running from
#    the old image goes on unharmed (and sees its old contents), the next start sees the new one;
#  - truncating an image while a program runs from it cannot be survived (its pages are gone),
#    but the program stops with one line naming the image and exit status 1, not a SIGBUS.
# The running program waits on a FIFO, so the order of events is fixed; `timeout` is only a
# hang guard, never a speed threshold.
. "$(dirname "$0")/_lib.sh"
unset LUA_INIT LUA_INIT_5_4 LUA_PATH LUA_PATH_5_4
cd "$T" || exit 1
GUARD=${HANG_GUARD:-60}
printf 'answer = 1\nbig = {}\nfor i = 1, 50000 do big[i] = "v" .. i end\n' >one.lua
printf 'answer = 2\nbig = {"other"}\n' >two.lua
build_image "$T/app.so" --script one.lua
mkfifo go ready || exit 1
# the program: loads the image, says it is ready, waits for "go", then reads all of `big`
PROG='io.open("ready", "w"):write("ready\n"):close()
io.open("go"):read("l")
local n = 0
for i = 1, #big do n = n + #big[i] end
print(answer, n)'

# start: runs the program from app.so in the background, returns once it is waiting
start() {
  exec 3<>go 4<>ready
  "$TYCHO" -J app.so -e "$PROG" >out 2>err </dev/null &
  pid=$!
  r=$(timeout "$GUARD" head -n 1 <&4)
  [ "$r" = ready ] || fail "$1: the program did not start: $(cat err)"
}
# release: lets it go on and waits for it; status in $st
release() {
  echo go >&3
  wait "$pid"; st=$?
  exec 3>&- 4>&-
}

# 1. rebuilt by tychoc while running
start "rebuilt by tychoc"
ino=$(stat -c %i app.so)
build_image "$T/app.so" --script two.lua
[ "$(stat -c %i app.so)" != "$ino" ] || fail "tychoc image rewrote the image in place"
release
[ "$st" -eq 0 ] && [ "$(cat out)" = "1	288894" ] ||
  fail "program running while tychoc rebuilt its image: status $st, out '$(cat out)', err '$(cat err)'"
r=$("$TYCHO" -J app.so -e 'print(answer, #big)' 2>&1)
[ "$r" = "2	1" ] || fail "the next start does not see the new image: '$r'"

# 2. tycho --output-o replaces its output by rename too
"$TYCHO" --output-o=obj.o one.lua 2>err || fail "--output-o: $(cat err)"
ino=$(stat -c %i obj.o)
"$TYCHO" --output-o=obj.o two.lua 2>err || fail "--output-o again: $(cat err)"
[ "$(stat -c %i obj.o)" != "$ino" ] || fail "--output-o rewrote its output in place"
ls obj.o.tmp* >/dev/null 2>&1 && fail "--output-o left a temporary file"

# 3. truncated while running: one line, exit 1
build_image "$T/app.so" --script one.lua
start "truncated"
: >app.so
release
[ "$st" -gt 128 ] && fail "truncated while running: killed by signal $((st - 128))"
one_line=$(grep -c . err)
[ "$st" -eq 1 ] && [ "$one_line" -eq 1 ] &&
  grep -q "^tycho: image 'app.so' was truncated or rewritten while in use" err ||
  fail "truncated while running: status $st, err '$(cat err)'"
finish
