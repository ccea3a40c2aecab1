#!/bin/sh
# cli.sh: checks the tycho command's flags, arg table, LUA_INIT, REPL, exit codes and error output.
# Usage: TYCHO=/path/to/tycho sh tests/cli/cli.sh   (TYCHO=lua5.4 validates it against PUC Lua)
# Exits non-zero when a check fails.

T=${TYCHO:-build/tycho}
case "$T" in
  /*) ;;
  */*) T="$(pwd)/$T" ;;
  *) T=$(command -v "$T") ;;
esac
[ -x "$T" ] || { echo "cli.sh: no interpreter at '$T'" >&2; exit 2; }

W=$(mktemp -d "${TMPDIR:-/tmp}/tycho-cli.XXXXXX") || exit 2
trap 'rm -rf "$W"' EXIT INT TERM
cd "$W" || exit 2
unset LUA_INIT LUA_INIT_5_4 LUA_PATH LUA_PATH_5_4 LUA_CPATH LUA_CPATH_5_4

fails=0
checks=0
fail() {
  fails=$((fails + 1))
  echo "FAIL: $1"
  echo "  stdout: $(head -c 400 out | tr '\n' '|')"
  echo "  stderr: $(head -c 400 err | tr '\n' '|')"
  echo "  status: $rc"
}
# run ARGS...: runs the interpreter with stdin from /dev/null (or $IN), capturing out/err/rc
run() {
  "$T" "$@" <"${IN:-/dev/null}" >out 2>err
  rc=$?
}
# expectations about the last run
status_is() { checks=$((checks + 1)); [ "$rc" -eq "$1" ] || fail "$2: exit status $rc, wanted $1"; }
out_is() { checks=$((checks + 1)); printf '%s\n' "$1" >want; cmp -s want out || fail "$2: stdout differs from '$1'"; }
out_empty() { checks=$((checks + 1)); [ ! -s out ] || fail "$1: stdout not empty"; }
out_has() { checks=$((checks + 1)); grep -qF -- "$1" out || fail "$2: stdout lacks '$1'"; }
out_lacks() { checks=$((checks + 1)); ! grep -qF -- "$1" out || fail "$2: stdout has '$1'"; }
err_has() { checks=$((checks + 1)); grep -qF -- "$1" err || fail "$2: stderr lacks '$1'"; }
err_empty() { checks=$((checks + 1)); [ ! -s err ] || fail "$2: stderr not empty"; }
err_line() {  # err_line N TEXT NAME: line N of stderr is exactly TEXT
  checks=$((checks + 1))
  [ "$(sed -n "$1p" err)" = "$2" ] || fail "$3: stderr line $1 is not '$2'"
}
err_last() { checks=$((checks + 1)); [ "$(tail -n 1 err)" = "$1" ] || fail "$2: last stderr line is not '$1'"; }

cat >script.lua <<'EOF'
print("script", ...)
print(#arg, arg[-1], arg[0], arg[1], arg[2])
EOF
cat >args.lua <<'EOF'
local t = {}
for i = -3, #arg do t[#t + 1] = tostring(arg[i]) end
print(table.concat(t, " "))
EOF
cat >mymod.lua <<'EOF'
return {name = "mymod"}
EOF
cat >mod-v2.lua <<'EOF'
return {name = "mod-v2"}
EOF
cat >err.lua <<'EOF'
local function boom() error("boom") end
boom()
EOF
printf 'error({})\n' >errtable.lua
printf 'error(setmetatable({}, {__tostring = function() return "custom message" end}))\n' >errts.lua
printf 'error(nil)\n' >errnil.lua
printf 'x = = 1\n' >syntax.lua
printf 'print("init file ran")\n' >init.lua

# ---- -e ----
run -e 'print(1 + 1)'
status_is 0 "-e"; out_is "2" "-e"; err_empty "-e"
run -e 'x = 10' -e 'print(x * 2)'
out_is "20" "-e twice, in order"
run '-eprint("joined")'
out_is "joined" "-e with joined argument"
run -e 'print(select("#", ...))'
out_is "0" "-e chunk has no varargs"
run -e 'x ='
status_is 1 "-e syntax error"; err_has "$T: (command line):1: unexpected symbol near <eof>" "-e syntax error"
run -e 'print(1)' -x
status_is 1 "bad option after -e"; out_empty "options are checked before running"

# ---- usage ----
run -x
status_is 1 "-x"
err_line 1 "$T: unrecognized option '-x'" "-x"
err_line 2 "usage: $T [options] [script [args]]" "-x usage"
err_has "  -e stat   execute string 'stat'" "usage lists -e"
err_has "  -l g=mod  require library 'mod' into global 'g'" "usage lists -l g=mod"
err_has "  -         stop handling options and execute stdin" "usage lists -"
run -e
status_is 1 "-e without argument"; err_line 1 "$T: '-e' needs argument" "-e without argument"
run -l
err_line 1 "$T: '-l' needs argument" "-l without argument"
run -e -v
err_line 1 "$T: '-e' needs argument" "-e followed by an option"
for bad in -vx -Ex -Wx -ix --x; do
  run $bad
  status_is 1 "$bad"; err_line 1 "$T: unrecognized option '$bad'" "$bad"
done

# tycho's own flags are listed too, in the usage text and in --help (stdout, exit 0)
if "$T" -v 2>/dev/null | grep -q '^tycho'; then
  run -x
  for flag in "-J FILE" "--sysimage=FILE" "--sysimage FILE" "-JFILE" "--output-o=FILE" "--output-o FILE" \
              "--incremental=yes|no" "--pin-paths" "--print-link-command OBJ.o IMAGE.so" "--image-info=FILE" \
              "--help" "TYCHO_IMAGE_VERIFY" "TYCHO_IMAGE_STALE" "TYCHO_CACHE_DIR"; do
    err_has "$flag" "usage lists $flag"
  done
  run --help
  status_is 0 "--help"; err_empty "--help" "--help"
  out_has "usage: $T [options] [script [args]]" "--help usage line"
  out_has "  -e stat   execute string 'stat'" "--help lists -e"
  out_has "--output-o=FILE" "--help lists --output-o"
  out_has "--image-info=FILE" "--help lists --image-info"
  checks=$((checks + 1))
  awk 'length($0) > 80 { bad = 1 } END { exit bad }' out || fail "--help lines fit in 80 columns"
  run -e 'print(1)' --help
  status_is 0 "--help after -e"; out_has "Image options" "--help after -e prints the help, runs nothing"
fi

# ---- -v ----
run -v
status_is 0 "-v"; out_has "5.4" "-v names Lua 5.4"; err_empty "-v"
[ "$(wc -l <out)" -eq 1 ] || fail "-v prints one line"
checks=$((checks + 1)); grep -q 'PUC-Rio$' out || fail "-v line ends with PUC-Rio (official main.lua)"
run -v script.lua
out_has "script" "-v then script"
run -v -e 'print("after v")'
out_has "after v" "-v then -e"

# ---- -l ----
run -l mymod -e 'print(mymod.name)'
out_is "mymod" "-l mod"
run -lmymod -e 'print(mymod.name)'
out_is "mymod" "-lmod"
run -l m=mymod -e 'print(m.name, mymod)'
out_is "mymod	nil" "-l g=mod"
run -l nosuchmod
status_is 1 "-l missing module"; err_has "$T: module 'nosuchmod' not found" "-l missing module"
err_has "stack traceback:" "-l missing module has traceback"
run -l mymod -l nosuchmod -e 'print("not run")'
out_empty "stops at the failing -l"

# ---- -E and environment ----
LUA_INIT='print("init ran")' run -e 'print("main")'
out_is "init ran
main" "LUA_INIT runs first"
LUA_INIT_5_4='print("init54")' LUA_INIT='print("init")' run -e ''
out_is "init54" "LUA_INIT_5_4 wins over LUA_INIT"
LUA_INIT='@init.lua' run -e ''
out_is "init file ran" "LUA_INIT=@file"
LUA_INIT='@nofile.lua' run -e 'print("main")'
status_is 1 "LUA_INIT=@missing"; out_empty "LUA_INIT failure stops"; err_has "$T: cannot open nofile.lua" "LUA_INIT=@missing"
LUA_INIT='error("init failed")' run script.lua
status_is 1 "LUA_INIT error"; err_has "$T: LUA_INIT:1: init failed" "LUA_INIT chunk name"
LUA_INIT_5_4='x =' run script.lua
err_has "$T: LUA_INIT_5_4:1:" "LUA_INIT_5_4 chunk name"
LUA_INIT='print("init ran")' run -E -e 'print("main")'
out_is "main" "-E ignores LUA_INIT"
LUA_PATH='/nowhere/?.lua' run -e 'print(package.path)'
out_is "/nowhere/?.lua" "LUA_PATH is used"
LUA_PATH='/nowhere/?.lua' run -E -e 'print(package.path:find("/nowhere", 1, true))'
out_is "nil" "-E ignores LUA_PATH"
LUA_PATH='/nowhere/?.lua' run -E -e 'print(package.cpath:find("nowhere", 1, true), package.path:find("./?.lua", 1, true) ~= nil)'
out_is "nil	true" "-E uses the default paths"

# ---- -W ----
run -W -e 'warn("hello")'
status_is 0 "-W"; err_has "Lua warning: hello" "-W turns warnings on"
run -e 'warn("hello")'
err_empty "warnings off by default"
run -e 'warn("@on") warn("a", "b", "c")'
err_has "Lua warning: abc" "warn(@on)"

# ---- scripts, arg and ... ----
run script.lua a b
status_is 0 "script"
out_is "script	a	b
2	$T	script.lua	a	b" "script args"
run -e 'y = 1' args.lua x y
out_is "$T -e y = 1 args.lua x y" "arg negative indices"
run args.lua
out_is "nil nil $T args.lua" "arg without options"
run script.lua -e 'print(1)'
out_is "script	-e	print(1)
2	$T	script.lua	-e	print(1)" "options after the script are its args"
run -- script.lua a
out_is "script	a
1	--	script.lua	a	nil" "-- then script"
IN=script.lua run - x y
out_is "script	x	y
2	$T	-	x	y" "- runs stdin with args"
IN=script.lua run --
out_is "script
1	nil	$T	--	nil" "-- alone runs stdin"
printf 'print("piped", #arg)\n' >piped.lua
IN=piped.lua run
out_is "piped	0" "no script and stdin not a tty: runs stdin"
IN=piped.lua run -e 'print("only e")'
out_is "only e" "-e alone does not read stdin"
printf 'return 1, 2, 3\n' >ret.lua
run ret.lua
status_is 0 "script returning values"; out_empty "script results are not printed"

# ---- exit codes and error output ----
run err.lua
status_is 1 "runtime error"
err_line 1 "$T: err.lua:1: boom" "error message line"
err_line 2 "stack traceback:" "traceback header"
err_line 3 "	[C]: in function 'error'" "traceback first frame"
err_has "	err.lua:1: in local 'boom'" "traceback names the local"
err_has "	err.lua:2: in main chunk" "traceback main chunk"
err_last "	[C]: in ?" "traceback ends in C"
out_empty "nothing on stdout"
run errtable.lua
status_is 1 "table error"; err_line 1 "$T: (error object is a table value)" "non-string error object"
err_has "stack traceback:" "table error has traceback"
run errnil.lua
err_line 1 "$T: (error object is a nil value)" "nil error object"
run errts.lua
status_is 1 "__tostring error"; err_line 1 "$T: custom message" "__tostring error object"
[ "$(wc -l <err)" -eq 1 ] || fail "__tostring error has no traceback"
run syntax.lua
status_is 1 "syntax error"; err_line 1 "$T: syntax.lua:1: unexpected symbol near '='" "syntax error message"
run nofile.lua
status_is 1 "missing script"; err_line 1 "$T: cannot open nofile.lua: No such file or directory" "missing script message"
run -e 'error("with level 0", 0)'
err_line 1 "$T: with level 0" "error level 0"
run -e 'os.exit(7)'
status_is 7 "os.exit(7)"
run -e 'os.exit(true)'
status_is 0 "os.exit(true)"
run -e 'os.exit(false)'
status_is 1 "os.exit(false)"
run -e 'os.exit()'
status_is 0 "os.exit()"
run -e 'io.write("buffered") os.exit(3, true)'
status_is 3 "os.exit(3, true)"; checks=$((checks + 1)); [ "$(cat out)" = "buffered" ] || fail "os.exit flushes"
run -e 'local x <close> = setmetatable({}, {__close = function() print("closed") end}) os.exit(0, true)'
out_is "closed" "os.exit(n, true) closes the state"
run -e 'setmetatable({}, {__gc = function() print("collected") end})'
out_is "collected" "state is closed at normal exit"
run -e 'error("e")' script.lua
out_empty "an error in -e stops before the script"
run -e 'local co = coroutine.wrap(function() error("in coroutine") end) co()'
status_is 1 "error in coroutine"; err_has "in coroutine" "error in coroutine"

# ---- interactive mode through a pipe ----
cat >repl.in <<'EOF'
x = 21
x * 2
= x
print("printed")
for i = 1, 3 do
  print("loop", i)
end
return 1, nil, "three"
error("repl error")
1 +
_PROMPT = "P> "
_PROMPT2 = "C> "
if x then
end
print(select("#"))
EOF
IN=repl.in run -i
status_is 0 "-i"
out_has "5.4" "-i prints the version"
out_has "42" "-i prints expression values"
out_has "21" "-i '=' form"
out_has "printed" "-i runs statements"
out_has "loop	3" "-i continues incomplete statements"
out_has "1	nil	three" "-i prints all results"
out_has "> " "-i first prompt"
out_has ">> " "-i continuation prompt"
out_has "P> " "_PROMPT"
out_has "C> " "_PROMPT2"
out_has "0" "-i after _PROMPT change"
err_has "stdin:1: repl error" "-i reports errors"
err_has "stack traceback:" "-i errors have tracebacks"
checks=$((checks + 1)); ! grep -q "^$T:" err || fail "-i errors carry no program name"
err_has "stdin:1: unexpected symbol near '1'" "-i syntax error"
printf 'for i = 1, 2 do\n' >incomplete.in
IN=incomplete.in run -i
status_is 0 "-i incomplete at end of input"
# Lua 5.4.0-5.4.5 printed "(null)" here; 5.4.6 (and tycho) report the syntax error
"$T" -v | grep -q "^Lua 5\.4\.[0-5] " || err_has "stdin:1: 'end' expected near <eof>" "-i incomplete at EOF"
printf 'print = nil\n1\n' >noprint.in
IN=noprint.in run -i
err_has "error calling 'print'" "-i without print"
IN=script.lua run -i script.lua a
out_has "script	a" "-i runs the script first"
IN=script.lua run -i - a
out_has "script	a" "-i with stdin script"
run -i err.lua
status_is 1 "-i stops after a script error"; out_lacks "> " "no REPL after script error"
# piped input is echoed after each prompt, as readline does (official main.lua checks it)
printf ' --\na = 2\n' >echo.in
IN=echo.in run -e 'local C = 0; _PROMPT = setmetatable({}, {__tostring = function () C = C + 1; return C end})' -i
checks=$((checks + 1))
printf '1 --\n2a = 2\n3\n' >want
tail -c 14 out | cmp -s want - || fail "-i echoes piped lines after tostring(_PROMPT)"
printf 'os.exit(5)\n' >exit.in
IN=exit.in run -i
status_is 5 "os.exit in the REPL"

# ---- interruption ----
cat >loop.lua <<'EOF'
print("ready")
io.stdout:flush()
while true do end
EOF
"$T" loop.lua >out 2>err &
pid=$!
n=0
while ! grep -q ready out 2>/dev/null && [ $n -lt 100 ]; do sleep 0.05; n=$((n + 1)); done
sleep 0.1
kill -INT $pid 2>/dev/null
wait $pid
rc=$?
status_is 1 "SIGINT"
err_line 1 "$T: interrupted!" "SIGINT message"
err_has "stack traceback:" "SIGINT traceback"

echo "cli.sh: $checks checks, $fails failed"
[ "$fails" -eq 0 ]
