#!/bin/sh
# tests/provenance.sh: the own-code gate. Runs ../shared/tools/own-code-check (which compares
# the C sources with fingerprints of PUC Lua 5.4.6's source) and fails when the total share of
# counted lines in PUC runs is above PROV_MAX_TOTAL percent (2.0) or any counted file is above
# PROV_MAX_FILE percent (5.0). The public API headers are reported by the tool but not counted.
# Skips (exit 0, with a message) when the tool is not next to the checkout.
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TOOL=${OWN_CODE_CHECK:-$ROOT/../shared/tools/own-code-check}
MAX_TOTAL=${PROV_MAX_TOTAL:-2.0}
MAX_FILE=${PROV_MAX_FILE:-5.0}

if [ ! -f "$TOOL" ]; then
  echo "provenance: skipped ($TOOL not found)"
  exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
  echo "provenance: skipped (python3 not found)"
  exit 0
fi

# the total is the tool's default set (src, include); per-file limits also cover the C files
# under tests/ and bench/ (their rows are printed first, their total line is dropped)
OUT=$(cd "$ROOT" && { python3 "$TOOL" --top 1000 tests bench | grep -v '^total:'; true; } &&
      python3 "$TOOL" --top 1000 src include) || {
  echo "provenance: FAIL (own-code-check did not run)" >&2
  exit 1
}
printf '%s\n' "$OUT" | awk -v maxt="$MAX_TOTAL" -v maxf="$MAX_FILE" '
  # file rows: " 12.3%   n/m   path [(API header, not counted)]"
  /^ *[0-9.]+% / && !/not counted/ {
    pct = $1; sub(/%/, "", pct)
    if (pct + 0 > maxf + 0) { bad++; printf "provenance: %s is at %s%% (limit %s%%)\n", $3, pct, maxf }
  }
  /^total:/ {
    seen = 1; t = $2; sub(/%/, "", t)
    total = $0
    if (t + 0 > maxt + 0) { bad++; printf "provenance: total %s%% is above %s%%\n", t, maxt }
  }
  END {
    if (!seen) { print "provenance: FAIL (no total line from own-code-check)"; exit 1 }
    print "provenance: " total
    if (bad) { print "provenance: FAIL"; exit 1 }
    print "provenance: OK (total <= " maxt "%, every counted file <= " maxf "%)"
  }'
