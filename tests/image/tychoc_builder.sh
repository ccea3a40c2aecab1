#!/bin/sh
# tychoc_builder.sh: tychoc's own behaviour: progress lines, no C compiler / failing linker messages,
# refusal of the native-code options, a failed build keeps the old image, info, stale detection
# with `tychoc check`, and an incremental image on a base.
. "$(dirname "$0")/_lib.sh"
unset LUA_INIT LUA_INIT_5_4 LUA_PATH_5_4
mkdir "$T/src" "$T/nobin"
printf 'return { v = 1 }\n' >"$T/src/stalepkg.lua"
printf 'return { w = 2 }\n' >"$T/src/other.lua"
export LUA_PATH="$T/src/?.lua"

build_image "$T/app.so" --packages stalepkg,other
for step in '\[1/3\]' '\[2/3\]' '\[3/3\]'; do
  grep -q "^$step .* [0-9.]* s" "$T/build.log" || fail "no timed progress line $step: $(tr '\n' '|' <"$T/build.log")"
done
grep -q "^wrote $T/app.so ([0-9.]* [KM]B) in [0-9.]* s" "$T/build.log" || fail "no final size line: $(tail -n 1 "$T/build.log")"

# no C compiler: one clear message, exit 1, before running the setup (the old image stays)
cp "$T/app.so" "$T/keep.so"
PATH="$T/nobin" CC= "$TYCHOC" image -o "$T/keep.so" --packages stalepkg >"$T/out" 2>&1; st=$?
[ "$st" -eq 1 ] || fail "no compiler: exit $st"
grep -q '^tychoc: no C compiler found (tried $CC, cc, gcc, clang); install one with: apt-get install gcc$' "$T/out" ||
  fail "no compiler: message: $(head -n 2 "$T/out")"
cmp -s "$T/app.so" "$T/keep.so" || fail "a failed build changed the existing image"
PATH="$T/nobin" CC=nosuchcc "$TYCHOC" image -o "$T/x.so" >"$T/out" 2>&1
grep -q 'tried nosuchcc, cc, gcc, clang' "$T/out" || fail "CC=nosuchcc: message: $(head -n 1 "$T/out")"

# a failing linker: says so and shows the linker's own error
CC="cc -Wl,--no-such-linker-flag" "$TYCHOC" image -o "$T/keep.so" --packages stalepkg >"$T/out" 2>&1; st=$?
[ "$st" -eq 1 ] || fail "failing linker: exit $st"
grep -q 'linker failed' "$T/out" && grep -q 'no-such-linker-flag' "$T/out" || fail "failing linker: message: $(tr '\n' '|' <"$T/out" | cut -c1-300)"
cmp -s "$T/app.so" "$T/keep.so" || fail "a failed link changed the existing image"
ls "$T"/keep.so.tmp* >/dev/null 2>&1 && fail "a failed link left a temporary file"

# native-code options refuse clearly
for opt in "--trace $T/src/other.lua" "--statements $T/x.txt" "--cpu-target=generic"; do
  name=${opt%% *}; name=${name%%=*}
  "$TYCHOC" image -o "$T/x.so" $opt >"$T/out" 2>&1; st=$?
  [ "$st" -eq 1 ] && grep -q "^tychoc: $name needs native code, which is not implemented yet$" "$T/out" ||
    fail "$name: exit $st, $(head -n 1 "$T/out")"
done
# a failing setup script: its error is shown, exit 1
printf 'error("setup exploded")\n' >"$T/bad_setup.lua"
"$TYCHOC" image -o "$T/x.so" --script "$T/bad_setup.lua" >"$T/out" 2>&1; st=$?
[ "$st" -eq 1 ] && grep -q 'setup exploded' "$T/out" || fail "failing setup: exit $st, $(tr '\n' '|' <"$T/out" | cut -c1-200)"
[ -e "$T/x.so" ] && fail "a failing setup produced an image"

# info: format, build id, sections, objects, packages with path and hash, hooks, base
"$TYCHOC" info "$T/app.so" >"$T/info" 2>&1 || fail "tychoc info: $(head -n 2 "$T/info")"
for want in '^format' '^build id' '^sections' '^objects' "stalepkg .*$T/src/stalepkg.lua" '^init hooks' '^base image'; do
  grep -q "$want" "$T/info" || fail "tychoc info lacks /$want/"
done
printf 'junk\n' >"$T/junk.so"
"$TYCHOC" info "$T/junk.so" >"$T/out" 2>&1; st=$?
[ "$st" -eq 1 ] && [ "$(wc -l <"$T/out")" -eq 1 ] || fail "info on a non-image: exit $st, $(tr '\n' '|' <"$T/out")"

# stale detection: fresh -> touched (same content) -> changed -> removed
"$TYCHOC" check "$T/app.so" >"$T/out" 2>&1 || fail "check on a fresh image: $(tail -n 3 "$T/out" | tr '\n' '|')"
touch -d '2001-01-01' "$T/src/stalepkg.lua"
"$TYCHOC" check "$T/app.so" >"$T/out" 2>&1 || fail "check after touch (content unchanged) says stale: $(tr '\n' '|' <"$T/out")"
printf 'return { v = 3 }\n' >"$T/src/stalepkg.lua"   # same size, new content
"$TYCHOC" check "$T/app.so" >"$T/out" 2>&1; st=$?
[ "$st" -eq 1 ] || fail "check after an edit: exit $st"
grep -q '^stale  *stalepkg' "$T/out" || fail "check does not list stalepkg: $(tr '\n' '|' <"$T/out")"
grep -q '^stale  *other' "$T/out" && fail "check lists an unchanged package as stale"
rm "$T/src/other.lua"
"$TYCHOC" check "$T/app.so" >"$T/out" 2>&1
grep -q '^stale  *other.*missing' "$T/out" || fail "check does not report a removed source: $(tr '\n' '|' <"$T/out")"

# incremental: an image on a base, then without a base (--incremental=no); both serve both
printf 'return { v = 1 }\n' >"$T/src/stalepkg.lua"; printf 'return { w = 2 }\n' >"$T/src/other.lua"
printf 'return { top = true }\n' >"$T/src/top.lua"
build_image "$T/base.so" --packages stalepkg
build_image "$T/inc.so" --base "$T/base.so" --packages top,other
"$TYCHO" -J "$T/inc.so" -e 'assert(package.loaded.stalepkg.v == 1 and package.loaded.top.top and package.loaded.other.w == 2) print("ok")' >"$T/out" 2>&1
grep -qx ok "$T/out" || fail "incremental image: $(head -n 2 "$T/out")"
"$TYCHOC" info "$T/inc.so" >"$T/info" 2>&1
grep -q '^base image *build id' "$T/info" || fail "info on an incremental image names no base: $(grep -i base "$T/info")"
build_image "$T/full.so" --base "$T/base.so" --packages top --incremental=no
LUA_PATH="$T/nobin/?.lua" "$TYCHO" -J "$T/full.so" -e 'assert(package.loaded.stalepkg and package.loaded.top) print("ok")' >"$T/out" 2>&1
grep -qx ok "$T/out" || fail "--incremental=no image: $(head -n 2 "$T/out")"
[ "$(wc -c <"$T/inc.so")" -le "$(wc -c <"$T/full.so")" ] || fail "the incremental image is larger than the full one"
finish
