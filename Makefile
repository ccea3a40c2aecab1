# Makefile: builds libtycho (static + shared), the tycho CLI and, with LLVM 16, the native compiler; test, sanitizer, fuzz and bench targets.
CC      ?= cc
BUILD   ?= build
OPT     ?= -O2
CFLAGS  ?= $(OPT) -g -std=gnu11 -Wall -Wextra -Wno-unused-parameter -Wno-sign-compare \
           -Wno-implicit-fallthrough -fPIC -fno-plt -fvisibility=default -fno-semantic-interposition
# LUA_COMPAT_5_3 as in PUC's default build and Debian's lua5.4 (math.pow, __le via __lt, ...)
CPPFLAGS += -Iinclude -D_GNU_SOURCE -DLUA_COMPAT_5_3
LDLIBS  += -lm -ldl
SAN     ?=

LIB_SRC := $(wildcard src/core/*.c src/front/*.c src/vm/*.c src/lib/*.c src/image/*.c)
# runtime build id: images record it and refuse to load into a different runtime.  It hashes
# all that changes object layout or behaviour: the sources and headers (TYCHO_VERSION and the
# luaconf.h configuration included), the compiler command with every flag and -D macro, the
# compiler's version and its target; `make build-id` prints it (tests/image/safety_buildid.sh)
TY_BUILD_CFG := $(CC) $(CPPFLAGS) $(CFLAGS) $(SAN)
TY_BUILD_ID := $(shell { cat $(sort $(wildcard src/*/*.c src/*/*.h include/*.h)); \
  printf '%s\n' '$(subst ','\'',$(TY_BUILD_CFG))'; $(CC) --version 2>&1 | head -n 1; \
  $(CC) -dumpmachine 2>&1; } | sha256sum | cut -c1-32)
# only the image module embeds it (via $(BUILD)/buildid.h, rewritten only when it changes)
LIB_OBJ := $(patsubst src/%.c,$(BUILD)/obj/%.o,$(LIB_SRC))
CLI_OBJ := $(BUILD)/obj/cli/tycho.o

.PHONY: all test asan ubsan fuzz fuzz-image bench clean unit provenance build-id test-jit
all: $(BUILD)/tycho $(BUILD)/libtycho.so $(BUILD)/libtycho.a $(BUILD)/tychoc

$(BUILD)/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(SAN) -MMD -MP -c $< -o $@

$(BUILD)/buildid.h: FORCE
	@mkdir -p $(BUILD)
	@echo '#define TY_BUILD_ID "$(TY_BUILD_ID)"' > $@.tmp
	@cmp -s $@.tmp $@ || mv $@.tmp $@; rm -f $@.tmp
$(BUILD)/obj/image/%.o: CPPFLAGS += -I$(BUILD)
$(BUILD)/obj/image/imgcommon.o: $(BUILD)/buildid.h
# the native tier checks that the compiler it opens was built from the same sources
$(BUILD)/obj/vm/jit.o: CPPFLAGS += -I$(BUILD)
$(BUILD)/obj/vm/jit.o: $(BUILD)/buildid.h
.PHONY: FORCE
build-id:
	@echo $(TY_BUILD_ID)

# ---- the native compiler (src/jit/): its own shared object, linked to LLVM 16, opened with
# dlopen by the runtime at the first compile; built only where llvm-config-16 exists.
# libtycho and tycho never link LLVM.
LLVM_CONFIG ?= $(shell command -v llvm-config-16 2>/dev/null)
JIT_SRC := $(wildcard src/jit/*.c)
JIT_OBJ := $(patsubst src/%.c,$(BUILD)/obj/%.o,$(JIT_SRC))
ifneq ($(LLVM_CONFIG),)
JIT_LIB := $(BUILD)/libtychojit.so
all: $(JIT_LIB)
endif
$(BUILD)/obj/jit/%.o: CPPFLAGS += -I$(BUILD) -I$(shell $(LLVM_CONFIG) --includedir)
$(JIT_OBJ): $(BUILD)/buildid.h
$(BUILD)/libtychojit.so: $(JIT_OBJ)
	$(CC) -shared $(SAN) -o $@ $^ -L$(shell $(LLVM_CONFIG) --libdir) $(shell $(LLVM_CONFIG) --libs) \
	  -Wl,-rpath,$(shell $(LLVM_CONFIG) --libdir)

$(BUILD)/libtycho.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/libtycho.so: $(LIB_OBJ)
	$(CC) -shared $(SAN) -o $@ $^ $(LDLIBS)

# -Wl,-E exports the C API so dlopen'ed Lua 5.4 C modules bind to it
$(BUILD)/tycho: $(CLI_OBJ) $(BUILD)/libtycho.a
	$(CC) $(SAN) -Wl,-E -o $@ $(CLI_OBJ) -Wl,--whole-archive $(BUILD)/libtycho.a -Wl,--no-whole-archive $(LDLIBS)

# tychoc: the image builder, a libc-only program that runs tycho as a subprocess
$(BUILD)/tychoc: src/cli/tychoc.c src/image/tyck64.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(SAN) -D_GNU_SOURCE -o $@ $<

UNIT_SRC := $(wildcard tests/unit/*.c)
UNIT_BIN := $(patsubst tests/unit/%.c,$(BUILD)/unit/%,$(UNIT_SRC))
$(BUILD)/unit/%: tests/unit/%.c $(BUILD)/libtycho.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Isrc $(CFLAGS) $(SAN) -o $@ $< $(BUILD)/libtycho.a $(LDLIBS)
unit: $(UNIT_BIN)

# The test command (README, .ci/run): unit tests, Lua tests, error tests, real programs.
test: all unit
	TYCHO=$(BUILD)/tycho BUILD=$(BUILD) sh tests/run.sh

# Own-code gate (.ci/run): ../shared/tools/own-code-check, total <= 2.0%, every file <= 5.0%;
# says it skipped when the tool is not beside the checkout.
provenance:
	sh tests/provenance.sh

# the suite again with every Lua function compiled before its first call (TYCHO_COMPILE is
# --compile's environment twin, inherited by the tycho processes tests start), then with the
# tiered policy at threshold 1 (skipped, with a message, without LLVM)
test-jit: all unit
	@if [ -z "$(JIT_LIB)" ]; then echo "test-jit: llvm-config-16 not found: skipped"; exit 0; fi; \
	export TYCHO_JIT_LIB=$(abspath $(JIT_LIB)); \
	echo "== --compile=all (TYCHO_COMPILE=all)"; TYCHO_COMPILE=all TYCHO=$(BUILD)/tycho BUILD=$(BUILD) sh tests/run.sh || exit 1; \
	echo "== TYCHO_JIT_THRESHOLD=1"; TYCHO_JIT_THRESHOLD=1 TYCHO=$(BUILD)/tycho BUILD=$(BUILD) sh tests/run.sh

asan:
	$(MAKE) BUILD=build-asan OPT=-O1 SAN="-fsanitize=address -fno-omit-frame-pointer" test
ubsan:
	$(MAKE) BUILD=build-ubsan OPT=-O1 SAN="-fsanitize=undefined -fno-sanitize-recover=undefined" test

# libFuzzer target for lexer/parser/compiler: make fuzz FUZZTIME=600
FUZZTIME ?= 60
fuzz:
	$(MAKE) CC=clang BUILD=build-fuzz OPT=-O1 SAN="-fsanitize=fuzzer-no-link,address" build-fuzz/libtycho.a
	clang -Iinclude -Isrc -fsanitize=fuzzer,address -O1 -g -o build-fuzz/fuzz_parse tests/fuzz/fuzz_parse.c build-fuzz/libtycho.a -lm -ldl
	mkdir -p build-fuzz/corpus && cp tests/lua/*.lua build-fuzz/corpus/ 2>/dev/null; \
	build-fuzz/fuzz_parse -max_total_time=$(FUZZTIME) -max_len=4096 build-fuzz/corpus

# libFuzzer target for the image loader: make fuzz-image FUZZTIME=600.  Seeds: small
# images written by build-fuzz/tycho (built with the library, so their build ids match).
fuzz-image:
	$(MAKE) CC=clang BUILD=build-fuzz OPT=-O1 SAN="-fsanitize=fuzzer-no-link,address" build-fuzz/libtycho.a build-fuzz/tycho
	clang -Iinclude -Isrc -fsanitize=fuzzer,address -O1 -g -o build-fuzz/fuzz_image tests/fuzz/fuzz_image.c build-fuzz/libtycho.a -lm -ldl
	mkdir -p build-fuzz/image-corpus build-fuzz/image-seed
	printf 'x = 1\n' >build-fuzz/image-seed/tiny.lua
	cp tests/fuzz/image_seed.lua build-fuzz/image-seed/objs.lua
	for s in tiny objs; do \
	  ASAN_OPTIONS=detect_leaks=0 build-fuzz/tycho --output-o=build-fuzz/image-seed/$$s.o build-fuzz/image-seed/$$s.lua && \
	  cc -shared -o build-fuzz/image-corpus/$$s.so -Wl,--whole-archive build-fuzz/image-seed/$$s.o -Wl,--no-whole-archive || exit 1; \
	done
	build-fuzz/fuzz_image -max_total_time=$(FUZZTIME) -max_len=131072 -rss_limit_mb=4096 build-fuzz/image-corpus

bench: all
	sh bench/run.sh

clean:
	rm -rf build build-asan build-ubsan build-fuzz

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)

# The demo (README): build, run real Debian packages and the benchmarks side by side with lua5.4/luajit.
.PHONY: demo
demo: all
	sh bench/demo.sh

# make install PREFIX=...: binaries, libraries, public headers, tycho.pc (pkg-config) and
# the man pages tycho.1 and tychoc.1.
PREFIX  ?= /usr/local
DESTDIR ?=
TY_HEADERS := include/lua.h include/luaconf.h include/lauxlib.h include/lualib.h include/lua.hpp include/tycho.h
.PHONY: install
install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/include/tycho \
	    $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 644 docs/tycho.1 docs/tychoc.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -m 755 $(BUILD)/tycho $(DESTDIR)$(PREFIX)/bin/tycho
	if [ -x $(BUILD)/tychoc ]; then install -m 755 $(BUILD)/tychoc $(DESTDIR)$(PREFIX)/bin/tychoc; fi
	install -m 644 $(BUILD)/libtycho.a $(DESTDIR)$(PREFIX)/lib/libtycho.a
	install -m 755 $(BUILD)/libtycho.so $(DESTDIR)$(PREFIX)/lib/libtycho.so
	if [ -f $(BUILD)/libtychojit.so ]; then install -m 755 $(BUILD)/libtychojit.so $(DESTDIR)$(PREFIX)/lib/libtychojit.so; fi
	install -m 644 $(TY_HEADERS) $(DESTDIR)$(PREFIX)/include/tycho/
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(shell sed -n 's/.*TYCHO_VERSION "tycho \(.*\)"/\1/p' include/tycho.h)|' \
	    tycho.pc.in >$(DESTDIR)$(PREFIX)/lib/pkgconfig/tycho.pc
