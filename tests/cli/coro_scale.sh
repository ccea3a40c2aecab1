#!/bin/sh
# coro_scale.sh: 200k coroutines suspended at once work under a 4 GB address-space limit
# (ulimit -v 4000000, as on shared hosts), each suspended a different way (plain yield, inside
# pcall/xpcall, a metamethod, a generic for); coroutines that must keep their C stack while
# suspended (a yield in a __close run by pcall's error recovery) fail, when the limit is
# reached, with the ordinary "not enough memory" error. Checks counts, never times.
# Usage: TYCHO=/path/to/tycho sh tests/cli/coro_scale.sh   (TYCHO=lua5.4 validates it)
T=${TYCHO:-build/tycho}
case "$T" in
  /*) ;;
  */*) T="$(pwd)/$T" ;;
  *) T=$(command -v "$T") ;;
esac
[ -x "$T" ] || { echo "coro_scale.sh: no interpreter at '$T'" >&2; exit 2; }
W=$(mktemp -d "${TMPDIR:-/tmp}/tycho-coro.XXXXXX") || exit 2
trap 'rm -rf "$W"' EXIT INT TERM
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}

cat >"$W/many.lua" <<'LUA'
local n = tonumber(arg[1])
local mt = {__index = function(t, k) return coroutine.yield(k) end,
            __add = function(a, b) return coroutine.yield("add") end,
            __lt = function(a, b) return coroutine.yield("lt") end}
local kinds = {
  function(i) return coroutine.yield(i) end,
  function(i) return pcall(coroutine.yield, i) end,
  function(i) return xpcall(function() return coroutine.yield(i) end, debug.traceback) end,
  function(i) local t = setmetatable({}, mt) return t[i] end,
  function(i) local t = setmetatable({}, mt) return t + i end,
  function(i) local t = setmetatable({}, mt) return t < t end,
  function(i) for v in coroutine.yield, i do return v end end,
  function(i) return select("#", coroutine.yield(i)) end,
}
local cos = {}
for i = 1, n do
  local co = coroutine.create(kinds[i % #kinds + 1])
  local ok, err = coroutine.resume(co, i)
  if not ok then print("resume " .. i .. " failed: " .. tostring(err)) os.exit(1) end
  cos[i] = co
end
local suspended, done = 0, 0
for i = 1, n do
  if coroutine.status(cos[i]) == "suspended" then suspended = suspended + 1 end
end
for i = 1, n do
  local ok = coroutine.resume(cos[i], i)
  if ok and coroutine.status(cos[i]) == "dead" then done = done + 1 end
end
print(suspended, done)
LUA

cat >"$W/kept.lua" <<'LUA'
local n = tonumber(arg[1])
local mt = {__close = function(_, e) coroutine.yield(e) end}
local cos, err = {}, nil
for i = 1, n do
  local co = coroutine.create(function()
    return pcall(function() local x <close> = setmetatable({}, mt) error("e" .. i, 0) end)
  end)
  local ok, v = coroutine.resume(co)
  if not ok then err = v break end
  assert(v == "e" .. i)
  cos[#cos + 1] = co
end
for i = 1, #cos do
  local ok, a, b = coroutine.resume(cos[i])
  assert(ok and a == false and b == "e" .. i)
end
print(#cos == n and "all" or err)
LUA

fails=0
check() {  # label expected actual
  if [ "$2" != "$3" ]; then echo "FAIL: $1: expected '$2', got '$3'"; fails=$((fails + 1)); fi
}

# Both ways of suspending give the same results: the coroutine tests run with every
# finishable yield giving back its stack (TYCHO_COKEEP=0) and with every yield keeping it
# (the default keeps them while fewer than 64 stacks exist); tests/run.sh checks their expectations.
for f in vm_coroutines.lua vm_close_yield.lua coro_deep.lua coroutine.lua; do
  src="$ROOT/tests/lua/$f"
  [ -f "$src" ] || continue
  (cd "$ROOT/tests/lua" && TYCHO_COKEEP=0 "$T" "$f") >"$W/a" 2>&1
  (cd "$ROOT/tests/lua" && TYCHO_COKEEP=1000000000 "$T" "$f") >"$W/b" 2>&1
  if ! cmp -s "$W/a" "$W/b"; then
    echo "FAIL: $f differs between TYCHO_COKEEP=0 and a large TYCHO_COKEEP:"
    diff "$W/a" "$W/b" | head -n 6
    fails=$((fails + 1))
  fi
done

# without a limit first, so that a failure below is the limit's doing
out=$("$T" "$W/many.lua" 20000 2>&1)
check "20k coroutines" "20000	20000" "$out"

if (ulimit -v 4000000 && "$T" -e "" ) >/dev/null 2>&1; then
  out=$(ulimit -v 4000000; "$T" "$W/many.lua" 200000 2>&1)
  check "200k coroutines under ulimit -v 4000000" "200000	200000" "$out"
  out=$(ulimit -v 4000000; "$T" "$W/kept.lua" 20000 2>&1; echo "status $?")
  case "$out" in
    "all
status 0"|"not enough memory
status 0") ;;
    *) echo "FAIL: coroutines keeping their C stack under the limit: '$out'"; fails=$((fails + 1)) ;;
  esac
else
  echo "note: cannot run $T under ulimit -v 4000000 (sanitizer build?); limit checks skipped"
fi
[ "$fails" -eq 0 ]
