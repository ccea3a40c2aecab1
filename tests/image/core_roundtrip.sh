# tests/image/core_roundtrip.sh: image core round trips: every object type behaves the same
# before (same process) and after (-J) writing; GC after load keeps heap objects that image
# objects point to; init hooks in order; io handles; C functions of every library.
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
TYCHO=${TYCHO:-$ROOT/build/tycho}
case "$TYCHO" in /*) ;; *) TYCHO="$ROOT/$TYCHO" ;; esac
T=$(mktemp -d "${TMPDIR:-/tmp}/core_roundtrip.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
nfail=0
fail() { echo "FAIL: $*"; nfail=$((nfail + 1)); }

cat >"$T/setup.lua" <<'LUA'
local shared = 0
function inc() shared = shared + 1; return shared end
function get() return shared end
t = {1, 2, 3, x = "hello", nested = {a = {}}, [2.5] = "float", [-7] = "neg"}
t.self = t
setmetatable(t, {__index = function(_, k) return "mt:" .. tostring(k) end,
                 __tostring = function() return "T!" end})
weakk = setmetatable({}, {__mode = "k"})
weakv = setmetatable({}, {__mode = "v"})
keyt = {}
weakk[keyt] = "kept"
bykey = {[keyt] = 42, [print] = "print", [true] = 1, [string.len] = "len", [inc] = "inc"}
for i = 1, 200 do bykey[{}] = i end      -- many address-hashed keys: rehashed at load
longs = string.rep("abc", 100)
co_new = coroutine.create(function(a) return a * 2 end)
co_dead = coroutine.create(function() end); coroutine.resume(co_dead)
co_err = coroutine.create(function() error("boom") end); coroutine.resume(co_err)
wrapped = coroutine.wrap(function(...) local s = 0 for _, v in ipairs({...}) do s = s + v end return s end)
f = io.open("/dev/null")
out = io.stdout
counter = (function() local n = 0 return function() n = n + 1 return n end end)()
counter()
tycho.atinit(function() io.write("hook1\n") end)
tycho.atinit(function() io.write("hook2 ", type(arg), "\n") end)
LUA

cat >"$T/check.lua" <<'LUA'
print(inc(), inc(), get())
print(t[1], t.x, t.self == t, t.nested.a ~= nil, t.missing, t[2.5], t[-7], tostring(t))
print(weakk[keyt], bykey[keyt], bykey[print], bykey[true], bykey[string.len], bykey[inc])
local n = 0 for k, v in pairs(bykey) do if type(k) == "table" and k ~= keyt then n = n + v end end
print("sum", n)
print(#longs, longs:sub(1, 6), longs == string.rep("abc", 100))
print(coroutine.status(co_new), coroutine.resume(co_new, 21))
print(coroutine.status(co_dead), coroutine.resume(co_dead))
print(coroutine.status(co_err), coroutine.resume(co_err))
print(wrapped(1, 2, 3))
print(io.type(out), out == io.stdout)
out:write("stdout ok\n")
print(counter(), counter())
print(string.format("%5.2f|%q", 3.14159, "a\n"), ("x"):rep(3), math.floor(2.5), utf8.char(72, 105))
print(select('#', table.unpack({1, 2, 3})), next({}), type(os.time()), table.concat({1, 2}, ","))
print(pcall(string.rep), debug.getinfo(1, "S").what)
print(load("return 1 + 1")(), require("string") == string, package.loaded.t == nil)
-- the collector after load: image objects keep heap objects they point to
t.newfield = {"heap"}
weakv[1] = {}
weakk[{}] = 1
for i = 1, 200000 do local _ = {i} end
collectgarbage(); collectgarbage()
print(t.newfield[1], weakv[1], next(weakk) == keyt and next(weakk, keyt) == nil, inc())
local big = {} for i = 1, 50000 do big[i] = tostring(i) end
collectgarbage()
print(#big, big[777], "done")
LUA

# reference: the same session in one process (hooks do not run there)
"$TYCHO" -e "dofile('$T/setup.lua') dofile('$T/check.lua')" >"$T/want" 2>&1 \
  || { echo "core_roundtrip: the reference run failed"; cat "$T/want"; exit 1; }
sed -i '/^hook/d' "$T/want"
"$TYCHO" --output-o="$T/app.o" "$T/setup.lua" 2>"$T/err" || fail "--output-o: $(head -n 1 "$T/err")"
link=$("$TYCHO" --print-link-command "$T/app.o" "$T/app.so")
sh -c "$link" 2>"$T/err" || fail "link ($link): $(head -n 1 "$T/err")"
# the reference ran setup and check as -e chunks: run check the same way under -J
"$TYCHO" -J "$T/app.so" -e "dofile('$T/check.lua')" >"$T/got" 2>&1 || fail "-J run: $(head -n 3 "$T/got")"
printf 'hook1\nhook2 table\n' >"$T/hooks"
head -n 2 "$T/got" | cmp -s - "$T/hooks" || fail "init hooks not run in order: $(head -n 2 "$T/got" | tr '\n' '|')"
sed '1,2d' "$T/got" >"$T/got2"
cmp -s "$T/want" "$T/got2" || { fail "behaviour differs after load"; diff "$T/want" "$T/got2" | head -20; }

# other open files come back closed
r=$("$TYCHO" -J "$T/app.so" -e 'print(io.type(f), pcall(f.read, f))' 2>&1 | tail -n 1)
[ "$r" = "closed file	false	attempt to use a closed file" ] || fail "open file after load: got '$r'"

# an image written from an image session (non-incremental) loads again
"$TYCHO" -J "$T/app.so" --incremental=no --output-o="$T/app2.o" -e 'later = 5' >/dev/null 2>"$T/err" \
  || fail "rewrite from -J: $(head -n 1 "$T/err")"
cc -shared -o "$T/app2.so" -Wl,--whole-archive "$T/app2.o" -Wl,--no-whole-archive \
  -L"$(dirname "$TYCHO")" -ltycho 2>/dev/null || fail "link app2"
r=$("$TYCHO" -J "$T/app2.so" -e 'print(later, inc(), t.x)' 2>&1 | tail -n 1)
[ "$r" = "5	1	hello" ] || fail "image of an image session: got '$r'"

# what cannot be written is refused with one clear line
# (suspended coroutines, and what of them is refused: tests/image/core_coroutines.sh)

# corruption classes: one line, exit 1, never a crash
check_bad() {  # name file reason-substring
  "$TYCHO" -J "$2" -e 'print(1)' >"$T/o" 2>"$T/e"; st=$?
  [ "$st" -eq 1 ] || fail "$1: exit $st (want 1)"
  [ "$(wc -l <"$T/e")" -eq 1 ] || fail "$1: not one line: $(tr '\n' '|' <"$T/e")"
  grep -q "cannot load image" "$T/e" && grep -q "$3" "$T/e" || fail "$1: message: $(cat "$T/e")"
}
check_bad "missing" "$T/nope.so" "not found"
printf 'hello\n' >"$T/text.so"
check_bad "not ELF" "$T/text.so" "not an ELF file"
check_bad "ELF, not an image" "$(dirname "$TYCHO")/libtycho.so" "not a tycho image"
check_bad "object, not linked" "$T/app.o" "not a shared object"
off=$(python3 -c "
import sys
d=open(sys.argv[1],'rb').read(); print(d.index(b'TYCHOIMG'))" "$T/app.so")
size=$(wc -c <"$T/app.so")
flip() {  # name at-offset-from-blob reason
  cp "$T/app.so" "$T/c.so"
  python3 -c "
import sys
p=sys.argv[1]; o=int(sys.argv[2]); d=bytearray(open(p,'rb').read()); d[o]^=0x40; open(p,'wb').write(d)" "$T/c.so" $((off + $2))
  check_bad "$1" "$T/c.so" "$3"
}
flip "magic" 0 "bad magic"
flip "version" 8 "wrong format version"
flip "build id" 16 "wrong build id"
flip "heap byte" 5000 "checksum mismatch"
flip "header size" 88 "truncated"
for cut in 100 4096 $((off + 100)) $((size / 2)) $((size - 100)); do
  head -c "$cut" "$T/app.so" >"$T/t.so"
  check_bad "truncated at $cut" "$T/t.so" "."
done

if [ "$nfail" -ne 0 ]; then echo "core_roundtrip: $nfail check(s) failed"; exit 1; fi
echo "core_roundtrip: ok"
