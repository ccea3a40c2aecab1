#!/bin/sh
# tests/image/safety_buildid.sh: the runtime build id (which an image must match to load) covers
# the configuration, not only the sources: the optimisation level, a sanitizer, a -D macro, the
# compiler each give another id (so an image of one build is refused by a differently built
# runtime, "wrong build id ...; rebuild the image"), the same configuration always the same
# one, and the runtime reports the id its Makefile computed.
. "$(dirname "$0")/_lib.sh"
command -v make >/dev/null 2>&1 || { echo "make is not installed"; exit 1; }
# (a make running this suite passes its own variables down in MAKEFLAGS: not here)
id() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C "$ROOT" --no-print-directory build-id "$@" 2>/dev/null; }
base=$(id)
case "$base" in
  [0-9a-f][0-9a-f][0-9a-f][0-9a-f]*) ;;
  *) echo "make build-id printed '$base'"; exit 1 ;;
esac
[ "${#base}" -eq 32 ] || fail "build id '$base' is not 32 hex digits"
[ "$(id)" = "$base" ] || fail "the same configuration gave two ids"
seen=" $base "
for v in "OPT=-O0" "OPT=-O3" "SAN=-fsanitize=undefined" "SAN=-fsanitize=address" \
         "CPPFLAGS=-Iinclude -D_GNU_SOURCE" "CPPFLAGS=-Iinclude -D_GNU_SOURCE -DLUA_COMPAT_5_3 -DLUAI_MAXCCALLS=100" \
         "CFLAGS=-O2 -g -std=gnu11 -fPIC -DTY_DEBUG" "CC=$T/othercc"; do
  [ "$v" = "CC=$T/othercc" ] && printf '#!/bin/sh\n[ "$1" = --version ] && echo "othercc 9.9" || exec cc "$@"\n' >"$T/othercc" &&
    chmod +x "$T/othercc"
  x=$(id "$v")
  case "$seen" in *" $x "*) fail "'$v' does not change the build id ($x)" ;; esac
  seen="$seen$x "
done
# the runtime under test reports the id its own build computed
want=$(sed -n 's/^#define TY_BUILD_ID "\(.*\)"$/\1/p' "$(dirname "$TYCHO")/buildid.h")
printf 'x = 1\n' >"$T/s.lua"
"$TYCHO" --output-o="$T/s.o" "$T/s.lua" && $("$TYCHO" --print-link-command "$T/s.o" "$T/s.so") ||
  { echo "cannot build an image"; exit 1; }
got=$("$TYCHO" --image-info="$T/s.so" | sed -n 's/^runtime_build_id	//p')
[ -n "$want" ] && [ "$got" = "$want" ] || fail "runtime build id '$got', its build computed '$want'"
finish
