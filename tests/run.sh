#!/bin/sh
# tests/run.sh: runs tycho's test suite (C unit tests, inline-expectation Lua tests, CLI and compat scripts).
#
# Usage:   TYCHO=build/tycho BUILD=build sh tests/run.sh [PATTERN]
#          TYCHO=lua5.4 sh tests/run.sh            (validate the tests against PUC Lua)
# PATTERN selects the tests whose path contains it (plain substring).
# Lua test format (tests/lua/**, tests/errors/**): see docs/testing.md.
#   -- expect: <exact stdout line>         expected stdout, in order
#   -- expect error: <substring>           non-zero exit and this text on stderr
# Files whose name starts with '_' and files under a directory starting with '_' are
# helper modules for require, not tests.

LC_ALL=C
export LC_ALL

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PATTERN=${1:-}
BUILD=${BUILD:-build}
TYCHO=${TYCHO:-build/tycho}
TIMEOUT=${TEST_TIMEOUT:-120}

# make relative paths absolute: tests run from their own directory
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
case "$TYCHO" in
  /*) ;;
  */*) TYCHO="$ROOT/$TYCHO" ;;
  *) TYCHO=$(command -v "$TYCHO" || echo "$TYCHO") ;;
esac
export TYCHO

if ! [ -x "$TYCHO" ]; then
  echo "run.sh: interpreter '$TYCHO' not found or not executable" >&2
  exit 2
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/tycho-tests.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT INT TERM
# stamps of verified images (src/image/imgstamp.c) go here, not into the user's cache
TYCHO_CACHE_DIR="$TMP/cache"
export TYCHO_CACHE_DIR
unset TYCHO_IMAGE_VERIFY

pass=0
fail=0
failed_list=

selected() {
  [ -z "$PATTERN" ] && return 0
  case "$1" in *"$PATTERN"*) return 0 ;; esac
  return 1
}

report_fail() {   # name, detail lines (already formatted)
  fail=$((fail + 1))
  failed_list="$failed_list $1"
  echo "FAIL $1"
  [ -n "$2" ] && printf '%s\n' "$2" | sed 's/^/    /'
}

# first or last lines of a file, clipped, for failure reports
head_of() {
  head -n "${2:-5}" "$1" | cut -c1-200
}
tail_of() {
  tail -n "${2:-5}" "$1" | cut -c1-200
}

# ---- C unit tests -------------------------------------------------------------
if [ -d "$BUILD/unit" ]; then
  for t in "$BUILD"/unit/*; do
    [ -f "$t" ] && [ -x "$t" ] || continue
    name="unit/$(basename "$t")"
    selected "$name" || continue
    if (cd "$ROOT" && timeout "$TIMEOUT" "$t") >"$TMP/out" 2>&1; then
      pass=$((pass + 1))
    else
      report_fail "$name" "exit status $?; output:
$(tail_of "$TMP/out" 8)"
    fi
  done
fi

# ---- Lua tests with inline expectations -----------------------------------------
# Compare actual stdout/stderr/status with the file's expectations; prints a short
# diff on failure (nothing on success). Args: test file, stdout, stderr, status.
check_lua() {
  awk -v outf="$2" -v errf="$3" -v status="$4" '
    function show(s) { if (length(s) > 120) s = substr(s, 1, 120) "..."; return "\"" s "\"" }
    {
      if (match($0, /-- expect error:/)) {
        s = substr($0, RSTART + RLENGTH); sub(/^ /, "", s); errs[++nerr] = s
      } else if (match($0, /-- expect:/)) {
        s = substr($0, RSTART + RLENGTH); sub(/^ /, "", s); want[++nwant] = s
      }
    }
    END {
      nout = 0
      while ((getline line < outf) > 0) out[++nout] = line
      bad = 0
      for (i = 1; i <= nwant || i <= nout; i++) {
        if (i > nout) { print "stdout line " i ": expected " show(want[i]) ", got end of output"; bad = 1; break }
        if (i > nwant) { print "stdout line " i ": unexpected extra output " show(out[i]); bad = 1; break }
        if (want[i] != out[i]) { print "stdout line " i ": expected " show(want[i]) ", got " show(out[i]); bad = 1; break }
      }
      err = ""; nl = 0
      while ((getline line < errf) > 0) { err = err line "\n"; if (++nl <= 3) firsterr = firsterr (nl > 1 ? " | " : "") line }
      if (nerr > 0) {
        if (status == 0) { print "expected an error, but exit status was 0"; bad = 1 }
        for (i = 1; i <= nerr; i++)
          if (index(err, errs[i]) == 0) { print "stderr lacks " show(errs[i]) "; stderr: " show(firsterr); bad = 1 }
      } else if (status != 0) {
        print "exit status " status "; stderr: " show(firsterr); bad = 1
      }
      exit bad
    }' "$1"
}

for f in $(cd "$ROOT" && find tests/lua tests/errors -name '*.lua' 2>/dev/null | sort); do
  case "/$f" in */_*) continue ;; esac
  selected "$f" || continue
  dir=$(dirname "$ROOT/$f")
  base=$(basename "$f")
  (cd "$dir" && timeout "$TIMEOUT" "$TYCHO" "$base" </dev/null >"$TMP/out" 2>"$TMP/err")
  st=$?
  if [ "$st" -eq 124 ]; then
    report_fail "$f" "timed out after ${TIMEOUT}s"
  elif detail=$(check_lua "$ROOT/$f" "$TMP/out" "$TMP/err" "$st"); then
    pass=$((pass + 1))
  else
    report_fail "$f" "$detail"
  fi
done

# ---- shell tests: CLI behaviour and real programs (exit status decides) ----------
for f in $(cd "$ROOT" && find tests/cli tests/compat tests/image tests/embed tests/jit -maxdepth 1 -name '*.sh' 2>/dev/null | sort); do
  case "$f" in */_*) continue ;; esac   # sourced helpers (tests/image/_lib.sh)
  selected "$f" || continue
  (cd "$(dirname "$ROOT/$f")" && ROOT="$ROOT" timeout "$TIMEOUT" sh "$(basename "$f")" </dev/null) >"$TMP/out" 2>&1
  st=$?
  if [ "$st" -eq 0 ]; then
    pass=$((pass + 1))
  elif [ "$st" -eq 124 ]; then
    report_fail "$f" "timed out after ${TIMEOUT}s"
  else
    report_fail "$f" "exit status $st; output:
$(head_of "$TMP/out" 12)"
  fi
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
