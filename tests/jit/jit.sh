#!/bin/sh
# tests/jit/jit.sh: the native tier from the outside: LLVM is mapped only when something is
# compiled; --compile=all runs code natively (entry counters) with the interpreter's results;
# deoptimisation paths are taken; a missing or bad compiler falls back to the interpreter;
# tycho.code_llvm; images hold no native state.  Without LLVM the compiling checks skip.
set -u
LC_ALL=C
export LC_ALL
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
TYCHO=${TYCHO:-$ROOT/build/tycho}
T=$(mktemp -d "${TMPDIR:-/tmp}/jit.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
trap 'exit 1' INT TERM
unset TYCHO_COMPILE TYCHO_JIT_THRESHOLD TYCHO_JIT_STATS
nfail=0
fail() { echo "FAIL: $*"; nfail=$((nfail + 1)); }

MAPS='for l in io.lines("/proc/self/maps") do if l:find("libLLVM", 1, true) then print("LLVM mapped") return end end print("no LLVM")'

# ---- startup and --compile=no never map LLVM (also after hot code) -------------------------
for flags in "" "--compile=no" "--compile=min"; do
  out=$("$TYCHO" $flags -e "$MAPS" 2>&1)
  [ "$out" = "no LLVM" ] || fail "tycho $flags -e: $out"
done
cat >"$T/hot.lua" <<'LUA'
local function sq(x) return x * x end
local s = 0
for i = 1, 3000 do s = s + sq(i) end
print(s)
LUA
out=$("$TYCHO" --compile=no -e "dofile('$T/hot.lua')" -e "$MAPS" 2>&1)
[ "$out" = "9004500500
no LLVM" ] || fail "--compile=no with hot code: $out"

# ---- is the compiler there? ---------------------------------------------------------------
probe=$("$TYCHO" -e 'local ir, why = tycho.code_llvm(function(a) return a + 1 end, "integer") print(ir and "yes" or why)' 2>&1)
if [ "$probe" != "yes" ]; then
  echo "jit: $probe: compiling checks skipped"
  [ "$nfail" -eq 0 ] || exit 1
  exit 0
fi

# ---- --compile=all maps LLVM and enters native code --------------------------------------
cat >"$T/num.lua" <<'LUA'
local function kernel(n, x)
  local s, f = 0, x
  for i = 1, n do
    s = (s + i * 3) % 1000003
    f = f * 0.5 + i
  end
  return s, f
end
local a, b = 0, 0
for r = 1, 50 do
  local s, f = kernel(20000, 1.0)
  a = a + s; b = b + f
end
print(a, b)
LUA
want=$("$TYCHO" --compile=no "$T/num.lua" 2>&1)
got=$(TYCHO_JIT_STATS=1 "$TYCHO" --compile=all -e "dofile('$T/num.lua')" -e "$MAPS" 2>"$T/stats")
[ "$got" = "$want
LLVM mapped" ] || fail "--compile=all numeric: got '$got', want '$want' + LLVM mapped"
# kernel was entered natively 50 times and returned from native code each time
grep -q "native entries 5[0-9], returned 5[0-9];" "$T/stats" ||
  fail "native entries not counted: $(cat "$T/stats")"
grep -q "exits" "$T/stats" && fail "kernel should not leave native code: $(cat "$T/stats")"
# the tiered policy: compiled after TYCHO_JIT_THRESHOLD calls, for the next ones
got=$(TYCHO_JIT_STATS=1 TYCHO_JIT_THRESHOLD=10 "$TYCHO" "$T/num.lua" 2>"$T/stats")
[ "$got" = "$want" ] || fail "threshold 10: $got"
grep -q "native entries 41, returned 41;" "$T/stats" || fail "threshold 10 entries: $(cat "$T/stats")"
# default policy: 50 calls stay under the threshold: nothing compiled, LLVM not mapped
got=$("$TYCHO" -e "dofile('$T/num.lua')" -e "$MAPS" 2>&1)
[ "$got" = "$want
no LLVM" ] || fail "default policy below the threshold: $got"

# ---- the Lua tests of the native tier give the interpreter's output natively --------------
for f in jit_semantics jit_deopt; do
  (cd "$ROOT/tests/lua" && "$TYCHO" --compile=no "$f.lua") >"$T/$f.no" 2>&1
  (cd "$ROOT/tests/lua" && TYCHO_JIT_STATS=1 "$TYCHO" --compile=all "$f.lua") >"$T/$f.all" 2>"$T/$f.stats"
  cmp -s "$T/$f.no" "$T/$f.all" || fail "$f differs under --compile=all: $(diff "$T/$f.no" "$T/$f.all" | head -5)"
  grep -q "native entries [1-9]" "$T/$f.stats" || fail "$f: no native entries: $(cat "$T/$f.stats")"
done
# the deoptimisation paths were taken natively: type guards, a hook, integer division by zero
for what in "exits (operand types)" "exits (hook)" "exits (division by zero)"; do
  grep -qF "$what" "$T/jit_deopt.stats" || fail "jit_deopt: no '$what': $(cat "$T/jit_deopt.stats")"
done

# ---- a count hook set while a native loop runs stops it (debug.sethook from __index) -------
cat >"$T/count.lua" <<'LUA'
local set = false
local env = setmetatable({}, { __index = function(_, k)
  if not set then set = true; debug.sethook(function() error("stopped", 0) end, "", 1000) end
  return 1
end })
local f = load("return function(n) local s = 0 for i = 1, n do s = s + go end return s end", "=c", "t", env)()
print(pcall(f, 1e9))
LUA
got=$(timeout 20 "$TYCHO" --compile=all "$T/count.lua" 2>&1)
[ "$got" = "false	stopped" ] || fail "count hook in a native loop: $got"

# ---- a missing or bad compiler: interpret, say so once when asked ------------------------
got=$(TYCHO_JIT_LIB=$T/none.so "$TYCHO" --compile=all "$T/num.lua" 2>"$T/err")
[ "$got" = "$want" ] || fail "missing compiler changed the output: $got"
[ "$(grep -c 'native compiler unavailable' "$T/err")" = 1 ] || fail "missing compiler message: $(cat "$T/err")"
got=$(TYCHO_JIT_LIB=$T/none.so TYCHO_JIT_THRESHOLD=1 "$TYCHO" "$T/num.lua" 2>"$T/err")
[ "$got" = "$want" ] && [ "$(grep -c 'native compiler unavailable' "$T/err")" = 1 ] || fail "threshold with a missing compiler: $got $(cat "$T/err")"
got=$(TYCHO_JIT_LIB=$T/none.so "$TYCHO" -e "for i = 1, 3000 do (function(x) return x end)(i) end print('ok')" 2>&1)
[ "$got" = "ok" ] || fail "default policy must stay silent without a compiler: $got"
echo "not an ELF file" >"$T/bad.so"
libm=$(ls /lib/x86_64-linux-gnu/libm.so.6 2>/dev/null || echo "$T/bad.so")
for lib in "$T/bad.so" "$libm"; do
  got=$(TYCHO_JIT_LIB=$lib "$TYCHO" --compile=all "$T/num.lua" 2>"$T/err")
  [ "$got" = "$want" ] || fail "bad compiler $lib changed the output: $got"
  grep -q 'native compiler unavailable' "$T/err" || fail "bad compiler $lib: no message: $(cat "$T/err")"
done
got=$(TYCHO_JIT_LIB=$T/none.so "$TYCHO" -e 'print(tycho.code_llvm(function(a) return a end, "integer"))' 2>&1)
case "$got" in "nil	compiler unavailable: "*) ;; *) fail "code_llvm without a compiler: $got" ;; esac

# ---- tycho.code_llvm ----------------------------------------------------------------------
cat >"$T/ir.lua" <<'LUA'
local function add(a, b) return a + b end
local ii = assert(tycho.code_llvm(add, "integer", "integer"))
local ff = assert(tycho.code_llvm(add, "float", "float"))
local any = assert(tycho.code_llvm(add))
print(ii:find("define i32 @tyj_", 1, true) ~= nil)
-- specialized on integers: a wrapping add, no float op; on floats: fadd and no integer add
print(ii:find(" add i64 ", 1, true) ~= nil, ii:find("fadd", 1, true) ~= nil)
print(ff:find("fadd double", 1, true) ~= nil, ff:find(" add i64 ", 1, true) ~= nil)
-- unknown types keep both paths and the exit to the interpreter
print(any:find("fadd", 1, true) ~= nil and any:find(" add i64 ", 1, true) ~= nil)
print(pcall(tycho.code_llvm, print))
print(pcall(tycho.code_llvm, add, "integer", "bogus"))
print(pcall(tycho.code_llvm, add, "integer", "integer", "integer"))
print(tycho.code_llvm(function(...) return ... end))
LUA
got=$("$TYCHO" "$T/ir.lua" 2>&1)
want_ir="true
true	false
true	false
true
false	bad argument #1 to 'tycho.code_llvm' (Lua function expected, got function)"
case "$got" in "$want_ir"*) ;; *) fail "code_llvm: $got" ;; esac
echo "$got" | grep -q "bad type 'bogus'" || fail "code_llvm bad type: $got"
echo "$got" | grep -q "3 types given for a function of 2 parameters" || fail "code_llvm arity: $got"
echo "$got" | grep -q "nil	vararg functions are not compiled yet" || fail "code_llvm vararg: $got"

# ---- images: a session with compiled code writes an image that runs (no native state) -----
cat >"$T/img.lua" <<'LUA'
function fsum(n) local s = 0 for i = 1, n do s = s + i end return s end
print(fsum(100))
LUA
if "$TYCHO" --compile=all --output-o="$T/img.o" "$T/img.lua" >"$T/img.out" 2>&1 &&
   $("$TYCHO" --print-link-command "$T/img.o" "$T/img.so") >"$T/link.log" 2>&1; then
  got=$(TYCHO_JIT_STATS=1 "$TYCHO" -J "$T/img.so" --compile=all -e 'print(fsum(1000))' 2>"$T/stats")
  [ "$got" = "500500" ] || fail "image with compiled functions: $got $(cat "$T/stats")"
  grep -q "native entries 1," "$T/stats" || fail "image function not compiled again: $(cat "$T/stats")"
else
  fail "writing an image after compiling: $(cat "$T/img.out" "$T/link.log")"
fi

if [ "$nfail" -ne 0 ]; then echo "jit: $nfail check(s) failed"; exit 1; fi
echo "jit: ok"
