#!/bin/sh
# tychoc_corrupt.sh: every damaged image gives exit status 1 and one stderr line, never a crash:
# truncated at many offsets, flipped bytes in header/heap/relocations, wrong version, wrong
# build id, an empty file, not an ELF file, an ELF file that is not an image, a directory.
. "$(dirname "$0")/_lib.sh"
cat >"$T/setup.lua" <<'EOF_LUA'
t = { "a", "b", nested = { x = 1.5, y = "a somewhat longer string that is not interned at all" } }
t.self = t
local up = 0
function count() up = up + 1; return up end
setmetatable(t, { __index = function(_, k) return k .. "!" end })
EOF_LUA
build_image "$T/good.so" --packages dkjson --script "$T/setup.lua"
"$TYCHO" -J "$T/good.so" -e 'assert(t.self == t and count() == 1 and t.zz == "zz!")' >"$T/out" 2>&1 ||
  { echo "the intact image does not work: $(head -n 3 "$T/out")"; exit 1; }
size=$(wc -c <"$T/good.so")

# try NAME FILE: load it; the one-line contract must hold
try() {
  "$TYCHO" -J "$2" -e 'print("loaded")' >"$T/out" 2>"$T/err" </dev/null
  one_error_line "$1" $? "$T/err"
  rm -f core core.* 2>/dev/null
}
# like try, but a load that succeeds is acceptable when the damage is in unused bytes
try_or_ok() {
  "$TYCHO" -J "$2" -e 'print("loaded")' >"$T/out" 2>"$T/err" </dev/null; st=$?
  if [ "$st" -eq 0 ] && grep -q loaded "$T/out"; then ok "$1: harmless"; return; fi
  one_error_line "$1" "$st" "$T/err"
}

byte_at() { od -An -tu1 -j "$2" -N1 "$1" | tr -d ' '; }
put_byte() {  # FILE OFFSET VALUE(0-255)
  printf "$(printf '\\%03o' "$3")" | dd of="$1" bs=1 seek="$2" conv=notrunc 2>/dev/null
}
flip() {  # FILE OFFSET: invert one byte
  v=$(byte_at "$1" "$2"); put_byte "$1" "$2" $((255 - v))
}
u32_at() { od -An -tu4 -j "$2" -N4 "$1" | tr -d ' '; }

# where the blob starts in the file: its magic (first occurrence; the .so holds only the blob)
blob=$(grep -obUa TYCHOIMG "$T/good.so" | head -n 1 | cut -d: -f1)
[ -n "$blob" ] || { echo "no TYCHOIMG magic in the image file"; exit 1; }
blobsize=$(od -An -tu8 -j $((blob + 88)) -N8 "$T/good.so" | tr -d ' ')
heapoff=$(u32_at "$T/good.so" $((blob + 112)))
relocoff=$(u32_at "$T/good.so" $((blob + 120)))
reloccount=$(u32_at "$T/good.so" $((blob + 124)))

# 1. truncation (a truncated file maps beyond its end: touching those pages is SIGBUS, so the
#    loader must compare the file size with where the blob lies before reading it)
#    small sizes, then spread over the file and densely around the blob
offs="0 1 4 16 52 63 64 65 200 511 512 1000 4095 4096"
for k in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19; do offs="$offs $((size * k / 20))"; done
for d in 0 1 8 87 95 112 200 271 272 4096; do offs="$offs $((blob + d))"; done
offs="$offs $((blob + blobsize / 2)) $((blob + blobsize - 1)) $((size - 1))"
for o in $offs; do
  [ "$o" -lt "$size" ] || continue
  head -c "$o" "$T/good.so" >"$T/trunc.so"
  if [ "$o" -ge $((blob + blobsize)) ]; then
    try_or_ok "truncated at $o of $size (after the blob)" "$T/trunc.so"   # section headers: unused at load
  else
    try "truncated at $o of $size" "$T/trunc.so"
  fi
done

# 2. header fields: magic, version, flags, build id, checksum, size, seed, area offsets
for d in 0 7 8 11 12 16 47 48 80 87 88 95 96 104 112 116 120 124 128 144 168 176 192 200 392 394 397 400 404 408 412; do
  cp "$T/good.so" "$T/bad.so"; flip "$T/bad.so" $((blob + d))
  try "header byte +$d flipped" "$T/bad.so"
done
# wrong format version (255), named as such
cp "$T/good.so" "$T/bad.so"; put_byte "$T/bad.so" $((blob + 8)) 255; put_byte "$T/bad.so" $((blob + 9)) 0
try "wrong version" "$T/bad.so"; grep -qi version "$T/err" || fail "wrong version: reason does not say so: $(cat "$T/err")"
# wrong build id (a valid-looking hex id of another runtime)
cp "$T/good.so" "$T/bad.so"
printf '0123456789abcdef0123456789abcdef' | dd of="$T/bad.so" bs=1 seek=$((blob + 16)) conv=notrunc 2>/dev/null
try "wrong build id" "$T/bad.so"; grep -qi build "$T/err" || fail "wrong build id: reason does not say so: $(cat "$T/err")"

# 3. heap and relocation bytes (the checksum or the range checks must catch them)
for k in 0 1 2 3 5 8 13 21 34 55 89; do
  o=$((blob + heapoff + (blobsize - heapoff) * k / 100))
  cp "$T/good.so" "$T/bad.so"; flip "$T/bad.so" "$o"
  try "heap byte at blob+$((o - blob)) flipped" "$T/bad.so"
done
if [ "${reloccount:-0}" -gt 0 ]; then
  for k in 0 1 $((reloccount / 2)) $((reloccount - 1)); do
    for b in 0 3; do
      cp "$T/good.so" "$T/bad.so"; flip "$T/bad.so" $((blob + relocoff + 4 * k + b))
      try "relocation $k byte $b flipped" "$T/bad.so"
    done
  done
else
  fail "the header reports no relocations (offset of reloc area $relocoff)"
fi

# 3b. (fuzz finding) a header size smaller than the header, or so large that size + 8 wraps:
#     the info dump once checksummed past its buffer; -J and --image-info must refuse both
put_u64() {  # FILE OFFSET VALUE (decimal, < 2^63) or "max" (0xFFFFFFFFFFFFFFF8)
  if [ "$3" = max ]; then bytes='\370\377\377\377\377\377\377\377'
  else bytes=$(v=$3; i=0; while [ $i -lt 8 ]; do printf '\\%03o' $((v % 256)); v=$((v / 256)); i=$((i + 1)); done)
  fi
  printf "$bytes" | dd of="$1" bs=1 seek="$2" conv=notrunc 2>/dev/null
}
for v in 68 0 max; do
  cp "$T/good.so" "$T/bad.so"; put_u64 "$T/bad.so" $((blob + 88)) "$v"
  try "header size field $v" "$T/bad.so"
  "$TYCHO" --image-info="$T/bad.so" >"$T/out" 2>"$T/err" </dev/null
  one_error_line "image-info, header size field $v" $? "$T/err"
done

# 4. things that are not images
: >"$T/empty.so"; try "empty file" "$T/empty.so"
printf 'print("I am Lua source, not an image")\n' >"$T/text.so"; try "not an ELF file" "$T/text.so"
head -c 5000 /dev/urandom >"$T/noise.so" 2>/dev/null || head -c 5000 "$TYCHO" >"$T/noise.so"
try "random bytes" "$T/noise.so"
cc_found=$(command -v cc || command -v gcc || command -v clang)
if [ -n "$cc_found" ]; then
  printf 'int not_an_image(void) { return 42; }\n' >"$T/lib.c"
  "$cc_found" -shared -fPIC -o "$T/plain.so" "$T/lib.c" && try "ELF shared object that is not an image" "$T/plain.so"
  printf 'char tycho_image[8] = "TYCHOIMG"; unsigned long tycho_image_size = 8;\n' >"$T/fake.c"
  "$cc_found" -shared -fPIC -o "$T/fake.so" "$T/fake.c" && try "image symbol with a bogus blob" "$T/fake.so"
fi
try "an executable, not a shared object" "$TYCHO"
try "a directory" "$T"
try "a nonexistent path" "$T/no/such.so"
finish
