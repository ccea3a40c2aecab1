#!/bin/sh
# tychoc_cli.sh: -J/--sysimage with every lua flag (-e -l -i -E - script args, LUA_INIT), init hooks
# in registration order, rebuilt standard streams, arg, fresh random seed, package paths.
. "$(dirname "$0")/_lib.sh"
unset LUA_INIT LUA_INIT_5_4 LUA_PATH_5_4 LUA_CPATH_5_4
mkdir "$T/src" "$T/empty"
cat >"$T/src/mymod.lua" <<'LUA'
return { answer = 42, name = ... }
LUA
cat >"$T/setup.lua" <<'LUA'
greeting = "hello"
local out = io.stdout                    -- captured stream: must work after load
function say(s) out:write(s, "\n") end
function shout(s) io.write(s:upper(), "\n") end
local captured = arg                     -- like argparse's `default_cmdline = rawget(_G, "arg")`
function captured_arg() return captured end
hooks = ""
tycho.atinit(function() hooks = hooks .. "1" end)
tycho.atinit(function() hooks = hooks .. "2" end)
tycho.atinit(function() hooks = hooks .. "3"; io.write("hook3 arg[0]=", tostring(arg and arg[0]), "\n") end)
LUA
LUA_PATH="$T/src/?.lua" build_image "$T/app.so" --packages mymod --script "$T/setup.lua"
export LUA_PATH="$T/empty/?.lua"

# expect NAME EXPECTED-STDOUT COMMAND...: exit 0 and exactly that stdout
expect() {
  name=$1; want=$2; shift 2
  "$@" >"$T/out" 2>"$T/err" </dev/null; st=$?
  if [ "$st" -ne 0 ]; then fail "$name: exit $st: $(head -n 2 "$T/err" | tr '\n' '|')"; return; fi
  tr '\t' ' ' <"$T/out" >"$T/out.sp"   # print's tabs compared as spaces
  printf '%s\n' "$want" | cmp -s - "$T/out.sp" || fail "$name: got $(tr '\n' '|' <"$T/out" | cut -c1-200), want $(printf '%s' "$want" | tr '\n' '|')"
}
J="$TYCHO -J $T/app.so"
A0=$TYCHO   # arg[0] without a script: the interpreter as invoked (lua.c semantics)

expect "-e" "hook3 arg[0]=$A0
hello 123" $J -e 'print(greeting, hooks)'
expect "--sysimage=" "hook3 arg[0]=$A0
hello" "$TYCHO" "--sysimage=$T/app.so" -e 'print(greeting)'
expect "-e twice, order kept" "hook3 arg[0]=$A0
a
b" $J -e 'print("a")' -e 'print("b")'
expect "-l from image" "hook3 arg[0]=$A0
42 mymod" $J -l mymod -e 'print(mymod.answer, mymod.name)'
expect "captured stream and io.write" "hook3 arg[0]=$A0
x
Y" $J -e 'say("x") shout("y")'
expect "-E" "hook3 arg[0]=$A0
hello" $J -E -e 'print(greeting)'
expect "LUA_INIT" "hook3 arg[0]=$A0
7 hello" env LUA_INIT='seven = 7' $J -e 'print(seven, greeting)'

printf 'print(#arg, arg[0] ~= nil, ...)\nprint(greeting)\n' >"$T/script.lua"
expect "script args" "hook3 arg[0]=$T/script.lua
2 true a b c
hello" $J "$T/script.lua" "a b" c
# the same script args without an image, for reference (arg/... semantics unchanged)
expect "script args (no image)" "2 true a b c
nil" "$TYCHO" "$T/script.lua" "a b" c

# a module that captured `arg` while the image was built sees this run's arguments: the
# runtime refills the image's arg table in place (argparse/luacheck depend on it)
printf 'local a = captured_arg() print(a == arg, #a, a[0], a[1], a[2])\n' >"$T/captured.lua"
expect "captured arg table" "hook3 arg[0]=$T/captured.lua
true 2 $T/captured.lua x y" $J "$T/captured.lua" x y

printf 'print(greeting)\n' | $J - >"$T/out" 2>"$T/err" || fail "- (stdin): $(head -n 1 "$T/err")"
printf '%s\n' "hook3 arg[0]=-" hello | cmp -s - "$T/out" || fail "- (stdin): got $(tr '\n' '|' <"$T/out")"
printf 'print(greeting .. "!")\n' | $J -i >"$T/out" 2>&1
grep -q 'hello!' "$T/out" || fail "-i: the image's globals not visible: $(tr '\n' '|' <"$T/out" | cut -c1-200)"

# errors keep their exit status and message
$J -e 'error("boom")' >/dev/null 2>"$T/err"; st=$?
[ "$st" -eq 1 ] && grep -q boom "$T/err" || fail "error under -J: status $st, $(head -n 1 "$T/err")"

# fresh random seed per run unless the image was seeded explicitly
a=$($J -e 'print(math.random(1, 1 << 40))' 2>&1 | tail -n 1)
b=$($J -e 'print(math.random(1, 1 << 40))' 2>&1 | tail -n 1)
[ "$a" != "$b" ] || fail "math.random gives the same value in two runs from one image ($a)"

# package.path comes from the environment at startup ...
expect "package.path from env" "hook3 arg[0]=$A0
/run/time/?.lua" env LUA_PATH=/run/time/?.lua $J -e 'print(package.path)'
# ... unless pinned when the image was built
LUA_PATH="/build/time/?.lua" build_image "$T/pinned.so" --pin-paths
expect "--pin-paths" "/build/time/?.lua" env LUA_PATH=/run/time/?.lua "$TYCHO" -J "$T/pinned.so" -e 'print(package.path)'

# a missing image: one line, exit 1
"$TYCHO" -J "$T/nonexistent.so" -e '' >/dev/null 2>"$T/err"
one_error_line "missing file" $? "$T/err"
finish
