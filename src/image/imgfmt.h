/* imgfmt.h: the on-disk layout of a tycho image blob (section .tycho.image); docs/image-format.md mirrors it. */
#ifndef TY_IMGFMT_H
#define TY_IMGFMT_H

#include <stdint.h>

/*
** A blob is little endian and starts with TyImgHeader.  Every area is
** 16-byte aligned and addressed by its offset from the blob start.  In the
** file, a pointer field of a heap object holds its target's address for the
** blob mapped at its preferred address (header prefbase), 0 for NULL: the
** loader maps the section there and writes no heap page; if that address is
** taken it maps it elsewhere and adds (address - prefbase) to every field of
** the relocation table.  Fields that point outside the blob (C
** functions, the shared dummy node, the standard FILE streams, the global
** state) are listed in the builtin table instead and resolved by id.
** The checksum covers the whole blob as written (pointers for prefbase),
** with the checksum field itself read as zero.
*/

#define TYIMG_MAGIC "TYCHOIMG"   /* 8 bytes, no NUL */
#define TYIMG_VERSION 3u
#define TYIMG_ALIGN 16u
#define TYIMG_BUILDIDLEN 32      /* TY_BUILD_ID: 32 hex characters */

/* header flags */
#define TYIMG_FINCREMENTAL 1u    /* refers to objects of a base image */
#define TYIMG_FPINPATHS    2u    /* package.path/cpath kept as written (not from env) */
#define TYIMG_FSEEDED      4u    /* math.randomseed(n) was called: keep the sequence */

/* builtin ids at and above TYIMG_XBASE name runtime objects, not C functions */
#define TYIMG_XBASE 0xFFFFFF00u
enum {
  TYIMG_X_DUMMYNODE,   /* Node *: the shared empty hash part (tab.c) */
  TYIMG_X_GLOBAL,      /* global_State *: lua_State.l_G of image threads */
  TYIMG_X_MAINTHREAD,  /* GCObject *: the new main thread (registry[1]) */
  TYIMG_X_STDIN,       /* FILE *: luaL_Stream.f of io.stdin */
  TYIMG_X_STDOUT,
  TYIMG_X_STDERR,
  TYIMG_X_N
};

/* an area of the blob: offset from the blob start and element count */
typedef struct TyImgArea {
  uint32_t off;
  uint32_t count;
} TyImgArea;

/* roots area: pointer fields (relocated like any heap pointer) */
#define TYIMG_ROOT_REGISTRY 0    /* the registry table */
#define TYIMG_ROOT_MT       1    /* 1..LUA_NUMTYPES: g->mt[0..8] (NULL allowed) */
#define TYIMG_NROOTS        10

typedef struct TyImgHeader {
  char magic[8];                 /* TYIMG_MAGIC */
  uint32_t version;              /* TYIMG_VERSION */
  uint32_t flags;                /* TYIMG_F* */
  char buildid[TYIMG_BUILDIDLEN];      /* runtime that wrote it (TY_BUILD_ID) */
  char basebuildid[TYIMG_BUILDIDLEN];  /* zeros unless incremental */
  uint64_t checksum;             /* tyI_checksum over the blob, this field as 0 */
  uint64_t size;                 /* blob bytes (== symbol tycho_image_size) */
  uint32_t seed;                 /* string hash seed: the loaded state uses it */
  uint32_t nobjects;             /* objects in the heap area */
  uint64_t builtinhash;          /* hash of the builtin name list of the writer */
  TyImgArea heap;                /* objects: count = bytes */
  TyImgArea reloc;               /* uint32_t offsets of pointer fields */
  TyImgArea builtins;            /* TyImgBuiltin entries */
  TyImgArea names;               /* NUL-separated builtin names, count = names */
  TyImgArea strtab;              /* TString * buckets (power of 2), chained by u.hnext */
  TyImgArea roots;               /* TYIMG_NROOTS pointer fields */
  TyImgArea fixups;              /* uint32_t offsets of objects needing load work:
                                    tables to rehash, threads to remember */
  TyImgArea packages;            /* TyImgPackage entries */
  TyImgArea hooks;               /* uint32_t offsets of tycho.atinit functions (info) */
  TyImgArea strings;             /* NUL-terminated strings used by packages */
  TyImgArea targets;             /* CPU targets (native code): count 0 for now */
  TyImgArea clibs;               /* TyImgCLib: C modules to dlopen again at load */
  TyImgArea cfuncs;              /* TyImgCFunc: fields holding their code or handles */
  uint32_t functable;            /* per-target function table offset: 0 for now */
  uint32_t counts[16];           /* objects per type tag (novariant), for info */
  uint32_t typebytes[16];        /* heap bytes per type tag (with their vectors) */
  /* incremental images (TYIMG_FINCREMENTAL): zeros otherwise */
  uint64_t basechecksum;         /* checksum field of the base blob: its identity */
  uint64_t basesize;             /* size of the base blob */
  uint32_t basepath;             /* offset of the base's absolute path (strings area) */
  uint32_t reserved3;
  TyImgArea breloc;              /* uint32_t offsets of fields pointing into the base:
                                    they hold (base blob offset + 1) */
  TyImgArea overrides;           /* TyImgOverride: base objects changed after load */
  uint64_t prefbase;             /* preferred blob address (TYIMG_PREF*): pointer fields
                                    hold prefbase + target offset */
  /* finalizers (__gc): at load these objects leave the image and become ordinary
  ** collectable objects on the collector's finobj list, and the image objects that
  ** refer to them go on its remembered set (they are not traversed otherwise) */
  TyImgArea finobjs;             /* TyImgRef: objects whose __gc is pending, in the writer's
                                    finobj order (first: marked last, finalized first) */
  TyImgArea finowners;           /* TyImgRef: image objects with a field pointing to one */
} TyImgHeader;

/* an object of this image (inbase 0) or, in an incremental image, of its base (1) */
typedef struct TyImgRef {
  uint32_t off;                  /* blob offset of the object (of the base's blob if inbase) */
  uint32_t inbase;
} TyImgRef;

/* preferred addresses: TYIMG_PREFLO + (hash % TYIMG_PREFSLOTS) * TYIMG_PREFALIGN,
** a range below the kernel's default mmap area that nothing else picks */
#define TYIMG_PREFLO     0x200000000000ull
#define TYIMG_PREFSLOTS  (1ull << 23)
#define TYIMG_PREFALIGN  (1ull << 21)

/* a base object written into after the base was loaded: its new contents (a
** copy laid out in this image's heap) are copied over it at load, so every
** reference keeps the base object's identity */
typedef struct TyImgOverride {
  uint32_t target;               /* base blob offset of the object (its TValue-visible address) */
  uint32_t source;               /* this blob's offset of the new contents */
  uint32_t size;                 /* bytes copied (the object's struct, same type and size) */
  uint32_t tt;                   /* type tag of both */
} TyImgOverride;

/* a field holding a C function (or runtime object, id >= TYIMG_XBASE) */
typedef struct TyImgBuiltin {
  uint32_t off;                  /* blob offset of the 8-byte field */
  uint32_t id;                   /* index in the builtin list, or TYIMG_XBASE + TYIMG_X_* */
} TyImgBuiltin;

/* a C module (registry._CLIBS) the image refers to: reopened with dlopen at load,
** only from its absolute path and only if it is the same file or has the same content */
typedef struct TyImgCLib {
  uint32_t path;                 /* offset of the absolute path of the file loaded (resolved,
                                    as /proc/self/maps names it) */
  uint32_t mtimensec;
  uint64_t size;                 /* its identity when written: size, mtime, device, inode, */
  int64_t mtime;                 /* ctime; all equal at load: the very file, no hashing */
  uint64_t dev;
  uint64_t ino;
  int64_t ctime;
  uint32_t ctimensec;
  uint32_t reserved;
  uint64_t hash;                 /* tyI_checksum(contents, size, 0): decides otherwise */
} TyImgCLib;

#define TYIMG_CLIBHANDLE UINT64_MAX  /* TyImgCFunc.fnoff: the library's dlopen handle */

/* a field holding code of a C module: library base + fnoff (or its handle) */
typedef struct TyImgCFunc {
  uint32_t off;                  /* blob offset of the 8-byte field */
  uint32_t lib;                  /* index in the clibs area */
  uint64_t fnoff;                /* offset from the library's load address */
} TyImgCFunc;

/* a Lua package loaded from a file while the image was built */
typedef struct TyImgPackage {
  uint32_t name;                 /* offset of the module name (strings area) */
  uint32_t path;                 /* offset of the source file path */
  uint64_t size;                 /* source size in bytes when written */
  int64_t mtime;                 /* source modification time (seconds) */
  uint64_t hash;                 /* tyI_checksum of the source contents */
  uint32_t mtimensec;            /* nanoseconds of mtime */
  uint32_t reserved;
} TyImgPackage;

#endif
