/* imgload.c: maps an image's section at its preferred address, validates every header field, offset and relocation, then patches what must be. */
#include <dlfcn.h>
#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <link.h>
#include <pthread.h>
#include <sys/stat.h>
#include "tycho.h"
#include "image.h"
#include "imgelf.h"
#include "imgstamp.h"
#include "tyck64.h"
#include "../core/state.h"
#include "../core/gc.h"
#include "../core/tab.h"

/*
** Validation happens entirely before the first write into the blob, so a
** refused image leaves nothing half patched.  The checksum covers the whole
** blob; offsets and relocation entries are range checked on their own so
** that a forged checksum still cannot make the loader write out of bounds.
*/

#define alignok(x) (((x) & 7u) == 0)

static int bad(char *err, size_t errlen, const char *why) {
  snprintf(err, errlen, "%s", why);
  return 0;
}

/* area inside the blob, after the header, elements of size es */
static int areaok(const TyImgHeader *h, const TyImgArea *a, size_t es) {
  uint64_t end = (uint64_t)a->off + (uint64_t)a->count * es;
  if (a->off % (es >= 8 ? 8 : es) != 0) return 0;  /* its elements are read in place */
  if (a->count == 0) return a->off <= h->size;
  return a->off >= sizeof(TyImgHeader) && end <= h->size;
}

/* the header's identity fields and size (h read from the file or the blob) */
static int validatehead(const TyImgHeader *h, uint64_t size, char *err, size_t errlen) {
  uint32_t i;
  char id[TYIMG_BUILDIDLEN + 1];
  if (size < sizeof(TyImgHeader)) return bad(err, errlen, "truncated (no header)");
  if (memcmp(h->magic, TYIMG_MAGIC, 8) != 0) return bad(err, errlen, "bad magic");
  if (h->version != TYIMG_VERSION) {
    snprintf(err, errlen, "wrong format version %u (this runtime reads %u)",
             (unsigned)h->version, (unsigned)TYIMG_VERSION);
    return 0;
  }
  memset(id, 0, sizeof id);
  strncpy(id, tyI_buildid, TYIMG_BUILDIDLEN);
  if (memcmp(h->buildid, id, TYIMG_BUILDIDLEN) != 0) {
    char their[TYIMG_BUILDIDLEN + 1];
    memcpy(their, h->buildid, TYIMG_BUILDIDLEN);
    their[TYIMG_BUILDIDLEN] = '\0';
    for (i = 0; i < TYIMG_BUILDIDLEN; i++)
      if (their[i] != '\0' && (their[i] < 32 || their[i] > 126)) their[i] = '?';
    snprintf(err, errlen, "wrong build id %.32s (this runtime is %.32s); rebuild the image",
             their, id);
    return 0;
  }
  if (h->size != size) return bad(err, errlen, "truncated (size does not match the symbol)");
  if (h->prefbase == 0 || (h->prefbase & (TYIMG_PREFALIGN - 1)) != 0 ||
      h->prefbase + size < h->prefbase)
    return bad(err, errlen, "corrupted (bad preferred address)");
  return 1;
}

/* every area inside the blob (header fields only) */
static int validateareas(const TyImgHeader *h, char *err, size_t errlen) {
  if (!areaok(h, &h->heap, 1) || !areaok(h, &h->reloc, 4) || !areaok(h, &h->builtins, 8) ||
      !areaok(h, &h->names, 1) || !areaok(h, &h->strtab, 8) || !areaok(h, &h->roots, 8) ||
      !areaok(h, &h->fixups, 4) || !areaok(h, &h->packages, sizeof(TyImgPackage)) ||
      !areaok(h, &h->hooks, 4) || !areaok(h, &h->strings, 1) || h->targets.count != 0 ||
      h->functable != 0 || h->roots.count != TYIMG_NROOTS ||
      h->strtab.count == 0 || (h->strtab.count & (h->strtab.count - 1)) != 0 ||
      !areaok(h, &h->clibs, sizeof(TyImgCLib)) || !areaok(h, &h->cfuncs, sizeof(TyImgCFunc)) ||
      !areaok(h, &h->breloc, 4) || !areaok(h, &h->overrides, sizeof(TyImgOverride)) ||
      !areaok(h, &h->finobjs, sizeof(TyImgRef)) || !areaok(h, &h->finowners, sizeof(TyImgRef)) ||
      (!(h->flags & TYIMG_FINCREMENTAL) && (h->breloc.count || h->overrides.count)) ||
      !alignok(h->strtab.off) || !alignok(h->roots.off) || !alignok(h->heap.off))
    return bad(err, errlen, "truncated or corrupted (area out of range)");
  return 1;
}

/*
** The content pass: the checksum, and the target of every relocation (the
** table is sorted by field, so both go through the blob once, in pieces).
** It runs on the mapped blob, or on the file read in chunks so that no page
** of the mapping is touched (RSS grows only with the pages a program uses).
*/
typedef struct Content {
  const TyImgHeader *h;
  const uint32_t *rel;
  uint32_t nextrel;         /* first relocation not checked yet */
  uint32_t lastfield;
  const char *relerr;       /* first relocation problem (reported after the checksum) */
  tyck_state ck;
} Content;

#define CKSTART (offsetof(TyImgHeader, checksum) + 8)  /* the checksum skips its own field */

static void contentinit(Content *c, const TyImgHeader *h, const char *blob) {
  c->h = h;
  c->rel = (const uint32_t *)(blob + h->reloc.off);
  c->nextrel = 0;
  c->lastfield = 0;
  c->relerr = NULL;
  tyck_init(&c->ck, (size_t)h->size - CKSTART,
            tyI_checksum(h, offsetof(TyImgHeader, checksum), 0));
}

/* blob bytes [pos, pos + n): pos is CKSTART plus a multiple of 32; n too unless last */
static void contentchunk(Content *c, const char *p, uint64_t pos, size_t n) {
  const TyImgHeader *h = c->h;
  uint64_t end = pos + n;
  tyck_blocks(&c->ck, p, n & ~(size_t)31);
  for (; c->nextrel < h->reloc.count; c->nextrel++) {
    uint32_t f = c->rel[c->nextrel];
    uint64_t v;
    if (f < h->heap.off || !alignok(f) || (uint64_t)f + 8 > h->size || f < c->lastfield ||
        (c->nextrel > 0 && f == c->lastfield)) {
      if (c->relerr == NULL) c->relerr = "corrupted relocation table (field out of range)";
      c->nextrel = h->reloc.count;
      break;
    }
    if ((uint64_t)f + 8 > end) break;  /* in a later chunk (fields never straddle: 8-aligned) */
    c->lastfield = f;
    if (f < pos) continue;  /* below the checksummed part: cannot be (heap.off > CKSTART) */
    memcpy(&v, p + (f - pos), 8);
    if ((v == 0 || v - h->prefbase > h->size) && c->relerr == NULL)
      c->relerr = "corrupted relocation (target out of range)";
  }
}

static int contentdone(Content *c, const char *tail, size_t n, char *err, size_t errlen) {
  if (tyck_final(&c->ck, tail, n) != c->h->checksum)
    return bad(err, errlen, "checksum mismatch (the file is corrupted)");
  if (c->nextrel < c->h->reloc.count && c->relerr == NULL)
    c->relerr = "corrupted relocation table (field out of range)";
  return c->relerr == NULL ? 1 : bad(err, errlen, c->relerr);
}

/* an object a finalizer list names (TyImgRef): inside heap [lo, hi) of blob,
** 8-aligned, of a type that can have a __gc (owner: that can point to one) and
** whose struct lies inside the heap */
static int finrefok(const char *blob, uint64_t lo, uint64_t hi, uint32_t off, int owner) {
  const GCObject *o = (const GCObject *)(blob + off);
  uint64_t need;
  if (off < lo || !alignok(off) || (uint64_t)off + sizeof(Udata) > hi) return 0;
  switch (o->tt) {  /* Udata is the smallest struct listed: the header is readable */
    case TY_VTABLE: need = sizeof(Table); break;
    case TY_VUSERDATA: need = sizeudata(((const Udata *)o)->nuvalue, ((const Udata *)o)->len); break;
    case TY_VLCL: need = sizeLclosure(((const LClosure *)o)->nupvalues); break;
    case TY_VCCL: need = sizeCclosure(((const CClosure *)o)->nupvalues); break;
    case TY_VUPVAL: need = sizeof(UpVal); break;
    case TY_VTHREAD: need = sizeof(lua_State); break;
    default: return 0;
  }
  if (!owner && o->tt != TY_VTABLE && o->tt != TY_VUSERDATA) return 0;
  return (uint64_t)off + need <= hi;
}

/* the finalizer lists' own entries (base entries: validateinc) */
static int validatefin(const char *blob, char *err, size_t errlen) {
  const TyImgHeader *h = (const TyImgHeader *)blob;
  uint64_t lo = h->heap.off, hi = (uint64_t)h->heap.off + h->heap.count;
  int l;
  for (l = 0; l < 2; l++) {
    const TyImgArea *a = l == 0 ? &h->finobjs : &h->finowners;
    const TyImgRef *r = (const TyImgRef *)(blob + a->off);
    uint32_t i;
    for (i = 0; i < a->count; i++) {
      if (r[i].inbase > 1 || (r[i].inbase && !(h->flags & TYIMG_FINCREMENTAL)) ||
          (!r[i].inbase && !finrefok(blob, lo, hi, r[i].off, l)))
        return bad(err, errlen, "corrupted finalizer table");
    }
  }
  return 1;
}

/* the tables that name fields and modules (read from the mapped blob) */
static int validatetables(const char *blob, char *err, size_t errlen) {
  const TyImgHeader *h = (const TyImgHeader *)blob;
  uint64_t size = h->size;
  const TyImgBuiltin *bi = (const TyImgBuiltin *)(blob + h->builtins.off);
  uint32_t i, nb = tyI_nbuiltins();
  if (h->builtinhash != tyI_builtinhash())
    return bad(err, errlen, "builtin function list differs from this runtime");
  for (i = 0; i < h->builtins.count; i++) {
    if (bi[i].off < h->heap.off || !alignok(bi[i].off) || (uint64_t)bi[i].off + 8 > size)
      return bad(err, errlen, "corrupted builtin table (field out of range)");
    if (bi[i].id >= nb && (bi[i].id < TYIMG_XBASE || bi[i].id >= TYIMG_XBASE + TYIMG_X_N))
      return bad(err, errlen, "corrupted builtin table (unknown function id)");
  }
  {
    const TyImgCFunc *cf = (const TyImgCFunc *)(blob + h->cfuncs.off);
    const TyImgCLib *cl = (const TyImgCLib *)(blob + h->clibs.off);
    for (i = 0; i < h->cfuncs.count; i++) {
      if (cf[i].off < h->heap.off || !alignok(cf[i].off) || (uint64_t)cf[i].off + 8 > size ||
          cf[i].lib >= h->clibs.count ||
          (cf[i].fnoff != TYIMG_CLIBHANDLE && cf[i].fnoff >= cl[cf[i].lib].size))
        return bad(err, errlen, "corrupted C function table");
    }
    for (i = 0; i < h->clibs.count; i++)
      if (cl[i].path >= size || memchr(blob + cl[i].path, '\0', (size_t)(size - cl[i].path)) == NULL)
        return bad(err, errlen, "corrupted C module table");
  }
  {
    const uint32_t *fx = (const uint32_t *)(blob + h->fixups.off);
    for (i = 0; i < h->fixups.count; i++) {
      if (fx[i] < h->heap.off || !alignok(fx[i]) ||
          (uint64_t)fx[i] + sizeof(Table) > h->heap.off + (uint64_t)h->heap.count)
        return bad(err, errlen, "corrupted fixup list");
    }
  }
  return validatefin(blob, err, errlen);
}

/* the content pass over a file mapping: afterwards its pages leave the
** process again (clean file pages: a later access maps them back), so RSS
** grows only with the pages a program uses */
static int validatemapped(char *blob, size_t maplen, int filebacked, char *err, size_t errlen) {
  const TyImgHeader *h = (const TyImgHeader *)blob;
  size_t rest = (size_t)h->size - CKSTART, full = rest & ~(size_t)31;
  Content c;
  int ok;
  contentinit(&c, h, blob);
  contentchunk(&c, blob + CKSTART, CKSTART, rest);
  ok = contentdone(&c, blob + CKSTART + full, rest - full, err, errlen);
  if (filebacked) madvise(blob, maplen, MADV_DONTNEED);
  return ok;
}

/* the whole check of a blob in memory */
static int validate(const char *blob, uint64_t size, char *err, size_t errlen) {
  const TyImgHeader *h = (const TyImgHeader *)blob;
  return validatehead(h, size, err, errlen) && validateareas(h, err, errlen) &&
         validatemapped((char *)blob, (size_t)size, 0, err, errlen) &&
         validatetables(blob, err, errlen);
}

/* validate-only entry (imgcheck.c, the loader fuzz target): 1 ok, 0 with err */
int tyI_validate(const char *blob, uint64_t size, char *err, size_t errlen) {
  return validate(blob, size, err, errlen);
}

/* the base-relative pointers and overrides of an incremental image, against its base */
static int validateinc(const char *blob, const TyImage *b, char *err, size_t errlen) {
  const TyImgHeader *h = (const TyImgHeader *)blob, *bh = b->h;
  const uint32_t *rel = (const uint32_t *)(blob + h->breloc.off);
  const TyImgOverride *ov = (const TyImgOverride *)(blob + h->overrides.off);
  uint64_t hend = (uint64_t)h->heap.off + h->heap.count;
  uint64_t bstart = bh->heap.off, bend = (uint64_t)bh->heap.off + bh->heap.count;
  uint32_t i;
  if (h->seed != bh->seed) return bad(err, errlen, "corrupted (string seed differs from the base)");
  for (i = 0; i < h->breloc.count; i++) {
    uint64_t v;
    if (rel[i] < h->heap.off || !alignok(rel[i]) || (uint64_t)rel[i] + 8 > hend)
      return bad(err, errlen, "corrupted base relocation table (field out of range)");
    memcpy(&v, blob + rel[i], 8);
    v -= bh->prefbase;  /* pointers for the base's preferred address */
    if (v < bstart || v >= bend)
      return bad(err, errlen, "corrupted base relocation (target out of range)");
  }
  for (i = 0; i < h->overrides.count; i++) {
    const GCObject *src = (const GCObject *)(blob + ov[i].source);
    const GCObject *dst = (const GCObject *)(b->base + ov[i].target);
    size_t want = 0;
    if (ov[i].source < h->heap.off || !alignok(ov[i].source) ||
        (uint64_t)ov[i].source + ov[i].size > hend || ov[i].target < bstart ||
        !alignok(ov[i].target) || (uint64_t)ov[i].target + ov[i].size > bend ||
        ov[i].size < sizeof(GCObject) + 8 || src->tt != ov[i].tt || dst->tt != ov[i].tt)
      return bad(err, errlen, "corrupted override table");
    switch (ov[i].tt) {
      case TY_VTABLE: want = sizeof(Table); break;
      case TY_VUPVAL: want = sizeof(UpVal); break;
      case TY_VLCL:
        if (((const LClosure *)src)->nupvalues == ((const LClosure *)dst)->nupvalues)
          want = sizeLclosure(((const LClosure *)dst)->nupvalues);
        break;
      case TY_VCCL:
        if (((const CClosure *)src)->nupvalues == ((const CClosure *)dst)->nupvalues)
          want = sizeCclosure(((const CClosure *)dst)->nupvalues);
        break;
      case TY_VUSERDATA: {
        const Udata *su = (const Udata *)src, *du = (const Udata *)dst;
        if (su->nuvalue == du->nuvalue && su->len == du->len)
          want = sizeudata(du->nuvalue, du->len);
        break;
      }
      default: break;
    }
    if (want == 0 || want != ov[i].size)
      return bad(err, errlen, "corrupted override table (object type or size)");
  }
  for (i = 0; i < h->finobjs.count + h->finowners.count; i++) {
    int owner = i >= h->finobjs.count;
    const TyImgRef *r = owner ? (const TyImgRef *)(blob + h->finowners.off) + (i - h->finobjs.count)
                              : (const TyImgRef *)(blob + h->finobjs.off) + i;
    if (r->inbase && !finrefok(b->base, bstart, bend, r->off, owner))
      return bad(err, errlen, "corrupted finalizer table (base object)");
  }
  return 1;
}

/* opens the base an incremental image names (path recorded at write time) */
static TyImage *openbase(const char *blob, char *err, size_t errlen) {
  const TyImgHeader *h = (const TyImgHeader *)blob;
  const char *bp;
  char why[400];
  TyImage *b;
  if (h->basepath < h->strings.off || h->basepath >= (uint64_t)h->strings.off + h->strings.count ||
      memchr(blob + h->basepath, '\0', h->strings.off + h->strings.count - h->basepath) == NULL) {
    bad(err, errlen, "corrupted (base image path out of range)");
    return NULL;
  }
  bp = blob + h->basepath;
  b = tyI_open(bp, why, sizeof why);
  if (b == NULL) {
    snprintf(err, errlen, "base image '%s': %s", bp, why);
    return NULL;
  }
  if (b->h->checksum != h->basechecksum || b->size != h->basesize) {
    snprintf(err, errlen, "base image '%s' does not match (it changed since this image was "
             "written); rebuild this image", bp);
    tyI_close(b);
    return NULL;
  }
  if (!validateinc(blob, b, err, errlen)) {
    tyI_close(b);
    return NULL;
  }
  return b;
}

/*
** A C module is reopened only from the absolute path recorded at write
** time, and only if it is that file: same device, inode, size, mtime and
** ctime (no write since, no rename over it: ctime cannot be set back), or
** else the same size and content hash (a reinstall of the same build).  The
** check runs on an open descriptor and dlopen then maps that descriptor
** (/proc/self/fd/N), so no other file can take the path in between and no
** constructor of another file ever runs.
**
** The dynamic linker remembers objects by the name they were opened with,
** so a name /proc/self/fd/N must never stand for two files: such
** descriptors stay open for the life of the process, one per distinct
** file (device, inode), and a later load of the same file reuses its
** descriptor (and so gets the object already loaded).  Past FDCACHE files,
** without /proc, or when the program closed such a descriptor (its number
** is then never used as a name again), the path itself is opened again (a
** window between the check and dlopen remains).
*/
#define FDCACHE 256
static struct { dev_t dev; ino_t ino; int fd, dead; } fdcache[FDCACHE];
static int nfdcache;
static pthread_mutex_t fdlock = PTHREAD_MUTEX_INITIALIZER;

/* the name to dlopen the verified file open on fd by (consumes fd) */
static void dlname(int fd, const struct stat *st, const char *p, char *name, size_t n) {
  struct stat pst;
  int i, keep = -1, used = 0;
  pthread_mutex_lock(&fdlock);
  for (i = 0; i < nfdcache; i++) {
    if (fdcache[i].fd == fd) used = 1;  /* a name the dynamic linker may know for another file */
    if (!fdcache[i].dead && fdcache[i].dev == st->st_dev && fdcache[i].ino == st->st_ino) {
      /* still that file? (a program may close descriptors it did not open) */
      if (fstat(fdcache[i].fd, &pst) == 0 && pst.st_dev == st->st_dev && pst.st_ino == st->st_ino)
        keep = fdcache[i].fd;
      else
        fdcache[i].dead = 1;
    }
  }
  if (keep < 0 && !used && nfdcache < FDCACHE) {
    snprintf(name, n, "/proc/self/fd/%d", fd);
    if (stat(name, &pst) == 0 && pst.st_dev == st->st_dev && pst.st_ino == st->st_ino) {
      fdcache[nfdcache].dev = st->st_dev;
      fdcache[nfdcache].ino = st->st_ino;
      fdcache[nfdcache].dead = 0;
      fdcache[nfdcache++].fd = keep = fd;
      fd = -1;
    }
  }
  pthread_mutex_unlock(&fdlock);
  if (fd >= 0) close(fd);
  if (keep >= 0) snprintf(name, n, "/proc/self/fd/%d", keep);
  else snprintf(name, n, "%s", p);
}

static int openclib(const TyImgCLib *c, const char *p, void **lib, char *err, size_t errlen) {
  struct stat st;
  char name[4200];
  uint64_t hash;
  int fd, same;
  if (p[0] != '/') {
    snprintf(err, errlen, "C module '%s' was recorded with a relative path (it would be found "
             "from the current directory); rebuild the image", p);
    return 0;
  }
  fd = open(p, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    snprintf(err, errlen, "C module '%s' is missing (%s); rebuild the image", p, strerror(errno));
    return 0;
  }
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    snprintf(err, errlen, "C module '%s' is not a regular file; rebuild the image", p);
    return 0;
  }
  same = (uint64_t)st.st_size == c->size && (uint64_t)st.st_dev == c->dev &&
         (uint64_t)st.st_ino == c->ino && (int64_t)st.st_mtim.tv_sec == c->mtime &&
         (uint32_t)st.st_mtim.tv_nsec == c->mtimensec && (int64_t)st.st_ctim.tv_sec == c->ctime &&
         (uint32_t)st.st_ctim.tv_nsec == c->ctimensec;
  if (!same && ((uint64_t)st.st_size != c->size || !tyI_hashfd(fd, (size_t)c->size, &hash) ||
                hash != c->hash)) {
    close(fd);
    snprintf(err, errlen, "C module '%s' changed since the image was built (its content "
             "differs); rebuild the image", p);
    return 0;
  }
  dlname(fd, &st, p, name, sizeof name);
  *lib = dlopen(name, RTLD_NOW | RTLD_LOCAL);
  if (*lib == NULL) {
    const char *why = dlerror();
    snprintf(err, errlen, "cannot reopen C module '%s' (%s)", p, why != NULL ? why : "dlopen failed");
    return 0;
  }
  return 1;
}

/* dlopens the image's C modules again (the very files, or the same contents) */
static int openclibs(TyImage *img, char *err, size_t errlen) {
  const TyImgHeader *h = img->h;
  const TyImgCLib *cl = (const TyImgCLib *)(img->base + h->clibs.off);
  uint32_t k;
  if (h->clibs.count == 0) return 1;
  img->clibh = (void **)calloc(h->clibs.count, sizeof(void *));
  img->clibbase = (char **)calloc(h->clibs.count, sizeof(char *));
  if (img->clibh == NULL || img->clibbase == NULL) return bad(err, errlen, "not enough memory");
  for (k = 0; k < h->clibs.count; k++) {
    struct link_map *lm = NULL;
    void *lib;
    if (!openclib(&cl[k], img->base + cl[k].path, &lib, err, errlen)) return 0;
    if (dlinfo(lib, RTLD_DI_LINKMAP, &lm) != 0 || lm == NULL) {
      snprintf(err, errlen, "cannot reopen C module '%s'", img->base + cl[k].path);
      dlclose(lib);
      return 0;
    }
    img->clibh[k] = lib;
    img->clibbase[k] = (char *)lm->l_addr;
    img->nclibs = (int)k + 1;
  }
  return 1;
}

/* Under LeakSanitizer the image mapping must count as a root region: heap
** memory referenced only from image objects (a resized image table's vectors)
** is live, e.g. when os.exit skips lua_close. */
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#define lsanroot(p, n) __lsan_register_root_region((p), (n))
#define lsanunroot(p, n) __lsan_unregister_root_region((p), (n))
#else
#define lsanroot(p, n) ((void)0)
#define lsanunroot(p, n) ((void)0)
#endif

/* maps len bytes of fd at off: at pref if free (nothing to relocate), else
** anywhere.  Private and writable: a page is copied only when written.  No
** MAP_POPULATE: on a writable private mapping it would copy every page, and
** populating read-only then mprotect measured no faster than the checksum's
** own faults (the kernel maps 16 pages around each).  An unaligned section
** is read (need bytes) into anonymous memory.  NULL on failure. */
static char *mapimage(int fd, uint64_t off, size_t len, size_t need, uint64_t pref,
                      int *filebacked) {
  uint64_t pg = (uint64_t)sysconf(_SC_PAGESIZE);
  void *p = MAP_FAILED;
  *filebacked = (off % pg == 0);
  if (off % pg != 0) {
    size_t got = 0;
    p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return NULL;
    while (got < need) {
      ssize_t n = pread(fd, (char *)p + got, need - got, (off_t)(off + got));
      if (n <= 0) {
        if (n < 0 && errno == EINTR) continue;
        munmap(p, len);
        return NULL;
      }
      got += (size_t)n;
    }
    return (char *)p;
  }
#ifdef MAP_FIXED_NOREPLACE
  if (pref != 0 && pref % pg == 0 && pref < ((uint64_t)1 << 47) && pref + len > pref) {
    p = mmap((void *)(uintptr_t)pref, len, PROT_READ | PROT_WRITE,
             MAP_PRIVATE | MAP_FIXED_NOREPLACE, fd, (off_t)off);
    if (p != MAP_FAILED && (uint64_t)(uintptr_t)p != pref) {  /* an old kernel's hint */
      munmap(p, len);
      p = MAP_FAILED;
    }
  }
#endif
  if (p == MAP_FAILED)
    p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, (off_t)off);
  return p == MAP_FAILED ? NULL : (char *)p;
}

/*
** An image in use must not be rewritten in place or truncated (as with any
** shared library): its pages are read from the file when first touched, and
** a truncation takes even the copied ones away, so the next access raises
** SIGBUS.  That cannot be made safe without copying the whole image, so it is
** made clear: file-backed image mappings are registered here, and a SIGBUS
** inside one prints one line naming the image and exits with status 1.  A
** SIGBUS anywhere else goes to the handler that was installed before (or the
** default action).  The handler uses only async-signal-safe calls.
*/
#define NGUARD 32
static struct { char *volatile base; size_t len; char path[512]; } guards[NGUARD];
static struct sigaction prevbus;
static pthread_mutex_t guardlock = PTHREAD_MUTEX_INITIALIZER;
static int guarding;

static void putstr(const char *s) {
  size_t n = strlen(s);
  while (n > 0) {
    ssize_t w = write(2, s, n);
    if (w <= 0) return;
    s += w;
    n -= (size_t)w;
  }
}

static void onsigbus(int sig, siginfo_t *si, void *ctx) {
  const char *a = (const char *)si->si_addr;
  int i;
  for (i = 0; i < NGUARD; i++) {
    char *b = guards[i].base;
    if (b != NULL && a >= b && a < b + guards[i].len) {
      putstr("tycho: image '");
      putstr(guards[i].path);
      putstr("' was truncated or rewritten while in use (replace an image by renaming a new "
             "file over it, never rewrite it in place)\n");
      _exit(1);
    }
  }
  if (prevbus.sa_flags & SA_SIGINFO)
    prevbus.sa_sigaction(sig, si, ctx);
  else if (prevbus.sa_handler != SIG_DFL && prevbus.sa_handler != SIG_IGN)
    prevbus.sa_handler(sig);
  else
    sigaction(SIGBUS, &prevbus, NULL);  /* the fault repeats with the old action */
}

/* registers a file-backed mapping of the image at path; the slot, or -1 */
static int guard(char *base, size_t len, const char *path) {
  int i, slot = -1;
  pthread_mutex_lock(&guardlock);
  if (!guarding) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = onsigbus;
    sa.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    guarding = sigaction(SIGBUS, &sa, &prevbus) == 0;
  }
  for (i = 0; i < NGUARD && slot < 0; i++) {
    if (guards[i].base == NULL) {
      snprintf(guards[i].path, sizeof guards[i].path, "%s", path);
      guards[i].len = len;
      guards[i].base = base;  /* last: the handler reads the slot once base is set */
      slot = i;
    }
  }
  pthread_mutex_unlock(&guardlock);
  return slot;
}

static void unguard(int slot) {
  if (slot < 0) return;
  pthread_mutex_lock(&guardlock);
  guards[slot].base = NULL;
  pthread_mutex_unlock(&guardlock);
}

static void unmapblob(char *blob, size_t maplen, int slot) {
  unguard(slot);
  munmap(blob, maplen);
}

/* reads n bytes at off of fd; 1 ok */
static int readat(int fd, void *buf, size_t n, uint64_t off) {
  return pread(fd, buf, n, (off_t)off) == (ssize_t)n;
}

TyImage *tyI_open(const char *path, char *err, size_t errlen) {
  TyImgHeader hd;
  uint64_t size, sym, secoff, secsize, at;
  size_t maplen, pg = (size_t)sysconf(_SC_PAGESIZE);
  char *blob;
  TyImage *img;
  int fd, filebacked, stamped, ok, slot;
  struct stat st, after;
  struct timespec seen;
  /* one descriptor for every read: the file probed is the file mapped; its
  ** identity (st) is taken before anything is read, for the stamp */
  if ((fd = tyI_elfopen(path, &st, err, errlen)) < 0)
    return NULL;
  tyI_clock(&seen);
  if (tyI_elfprobefd(fd, &secoff, &secsize, err, errlen) != 0) {
    close(fd);
    return NULL;
  }
  if (secsize < sizeof(TyImgHeader) + 8) {
    close(fd);
    bad(err, errlen, "truncated (no header)");
    return NULL;
  }
  /* the blob, then its size word (symbol tycho_image_size), as the linker lays them out */
  if (!readat(fd, &hd, sizeof hd, secoff)) {
    close(fd);
    bad(err, errlen, "cannot read the image section");
    return NULL;
  }
  size = hd.size;
  at = (size + 7) & ~(uint64_t)7;
  if (size > secsize - 8 || at > secsize - 8 || at < size) {
    close(fd);
    bad(err, errlen, "truncated (blob larger than its section)");
    return NULL;
  }
  if (!readat(fd, &sym, 8, secoff + at) || sym != size) {
    close(fd);
    bad(err, errlen, "truncated or corrupted (size symbol does not follow the blob)");
    return NULL;
  }
  if (!validatehead(&hd, size, err, errlen) || !validateareas(&hd, err, errlen)) {
    close(fd);
    return NULL;
  }
  maplen = (size_t)((at + 8 + pg - 1) & ~(uint64_t)(pg - 1));
  blob = mapimage(fd, secoff, maplen, (size_t)(at + 8), hd.prefbase, &filebacked);
  if (blob == NULL) {
    close(fd);
    snprintf(err, errlen, "cannot map the image section (%s)", strerror(errno));
    return NULL;
  }
  slot = filebacked ? guard(blob, maplen, path) : -1;
  if (memcmp(blob, &hd, sizeof hd) != 0) {
    close(fd);
    unmapblob(blob, maplen, slot);
    bad(err, errlen, "the file changed while it was being loaded");
    return NULL;
  }
  /* a stamp skips the content check for a file version that passed it before (imgstamp.c) */
  stamped = tyI_stamped(&st, &hd);
  ok = stamped || validatemapped(blob, maplen, filebacked, err, errlen);
  if (ok && !stamped && (fstat(fd, &after) != 0 || !tyI_samefile(&st, &after)))
    ok = bad(err, errlen, "the file changed while it was being loaded (replace an image by "
             "renaming a new file over it, never rewrite it in place)");
  ok = ok && validatetables(blob, err, errlen);
  if (ok && !stamped) tyI_stamp(&st, &seen, &hd);  /* the version checked, unchanged since */
  close(fd);
  if (!ok) {
    unmapblob(blob, maplen, slot);
    return NULL;
  }
  img = (TyImage *)calloc(1, sizeof(TyImage));
  if (img == NULL) {
    unmapblob(blob, maplen, slot);
    bad(err, errlen, "not enough memory");
    return NULL;
  }
  img->base = blob;
  img->guard = slot;
  lsanroot(blob, maplen);
  img->size = (size_t)size;
  img->h = (const TyImgHeader *)blob;
  img->maplen = maplen;
  img->path = realpath(path, NULL);
  img->pkgseen = (unsigned char *)calloc(img->h->packages.count + 1, 1);
  if (img->path == NULL || img->pkgseen == NULL) {
    tyI_close(img);
    bad(err, errlen, "not enough memory");
    return NULL;
  }
  if ((img->h->flags & TYIMG_FINCREMENTAL) &&
      (img->baseimg = openbase(blob, err, errlen)) == NULL) {
    tyI_close(img);
    return NULL;
  }
  if (!openclibs(img, err, errlen)) {
    tyI_close(img);
    return NULL;
  }
  return img;
}

void tyI_close(TyImage *img) {
  int k;
  if (img == NULL) return;
  for (k = 0; k < img->nclibs; k++) dlclose(img->clibh[k]);
  free(img->clibh);
  free(img->clibbase);
  if (img->base != NULL) {
    lsanunroot(img->base, img->maplen);
    unmapblob(img->base, img->maplen, img->guard);
  }
  tyI_close(img->baseimg);
  free(img->path);
  free(img->pkgseen);
  free(img);
}

static void *special(lua_State *L, uint32_t x) {
  switch (x) {
    case TYIMG_X_DUMMYNODE: return tyH_dummynode();
    case TYIMG_X_GLOBAL: return G(L);
    case TYIMG_X_MAINTHREAD: return G(L)->mainthread;
    case TYIMG_X_STDIN: return stdin;
    case TYIMG_X_STDOUT: return stdout;
    case TYIMG_X_STDERR: return stderr;
    default: return NULL;
  }
}

/* fixes the pointer fields of blob (img's own blob, or a copy of it read from
** the file) for img's load address, its base's, the builtins and C modules */
static void patchblob(lua_State *L, const TyImage *img, char *base) {
  const TyImgHeader *h = img->h;
  const uint32_t *rel = (const uint32_t *)(base + h->reloc.off);
  const TyImgBuiltin *bi = (const TyImgBuiltin *)(base + h->builtins.off);
  uintptr_t delta = (uintptr_t)img->base - (uintptr_t)h->prefbase;
  uint32_t i;
  if (delta != 0) {  /* not at its preferred address: relocate */
    for (i = 0; i < h->reloc.count; i++) {
      uintptr_t *f = (uintptr_t *)(base + rel[i]);
      *f += delta;
    }
  }
  if (img->baseimg != NULL &&  /* pointers into a relocated base image */
      (uintptr_t)img->baseimg->base != (uintptr_t)img->baseimg->h->prefbase) {
    const uint32_t *brel = (const uint32_t *)(base + h->breloc.off);
    uintptr_t bdelta = (uintptr_t)img->baseimg->base - (uintptr_t)img->baseimg->h->prefbase;
    for (i = 0; i < h->breloc.count; i++) {
      uintptr_t *f = (uintptr_t *)(base + brel[i]);
      *f += bdelta;
    }
  }
  for (i = 0; i < h->builtins.count; i++) {
    void **f = (void **)(base + bi[i].off);
    if (bi[i].id >= TYIMG_XBASE)
      *f = special(L, bi[i].id - TYIMG_XBASE);
    else {
      lua_CFunction fn = tyI_builtin(bi[i].id)->func;
      memcpy(f, &fn, sizeof fn);
    }
  }
  {
    const TyImgCFunc *cf = (const TyImgCFunc *)(base + h->cfuncs.off);
    for (i = 0; i < h->cfuncs.count; i++) {
      void **f = (void **)(base + cf[i].off);
      *f = cf[i].fnoff == TYIMG_CLIBHANDLE ? img->clibh[cf[i].lib]
                                          : (void *)(img->clibbase[cf[i].lib] + cf[i].fnoff);
    }
  }
}

/* copies the overrides of an incremental image over its base's objects */
static void applyoverrides(TyImage *img) {
  const TyImgHeader *h = img->h;
  const TyImgOverride *ov = (const TyImgOverride *)(img->base + h->overrides.off);
  uint32_t i;
  for (i = 0; i < h->overrides.count; i++) {
    GCObject *dst = (GCObject *)(img->baseimg->base + ov[i].target);
    GCObject *next = dst->next;
    lu_byte marked = dst->marked;
    memcpy(dst, img->base + ov[i].source, ov[i].size);
    dst->next = next;  /* the header stays the base object's */
    dst->marked = marked;
    if (dst->tt == TY_VUSERDATA)
      gco2u(dst)->uv = (TValue *)((char *)dst + sizeof(Udata));
    else if (dst->tt == TY_VUPVAL)
      gco2upv(dst)->v = &gco2upv(dst)->u.value;
  }
}

char *tyI_pristine(lua_State *L, const TyImage *img, char *err, size_t errlen) {
  uint64_t size;
  char *blob = img->path != NULL ? tyI_elfreadimage(img->path, &size, err, errlen) : NULL;
  if (blob == NULL || size < img->size || tyI_blobchecksum(blob, img->size) != img->h->checksum) {
    free(blob);
    snprintf(err, errlen, "cannot reread the base image '%s' (changed on disk?)",
             img->path != NULL ? img->path : "?");
    return NULL;
  }
  patchblob(L, img, blob);
  return blob;
}

/* the object a TyImgRef of img names */
static GCObject *finref(const TyImage *img, const TyImgRef *r) {
  return (GCObject *)((r->inbase ? img->baseimg->base : img->base) + r->off);
}

/*
** Objects whose finalizer was pending when the image was written leave the
** image: each becomes an ordinary white object on g->finobj (its memory stays
** the image's, which mem.c never frees), in the writer's order, behind
** nothing yet, so objects made later are finalized first, as in one process.
** Image objects that point to one are remembered: the collector traverses
** those, so a collection sees when the last reference goes.  The top image
** decides: an increment's lists cover its base's objects (one finalized in
** the session that wrote it is no longer listed).  Runs while the state is
** built, before any collection.
*/
static void adoptfinalizers(lua_State *L, const TyImage *img) {
  global_State *g = G(L);
  const TyImgHeader *h = img->h;
  const TyImgRef *fo = (const TyImgRef *)(img->base + h->finobjs.off);
  const TyImgRef *ow = (const TyImgRef *)(img->base + h->finowners.off);
  uint32_t i;
  for (i = h->finobjs.count; i-- > 0;) {  /* last first: the first ends at the head */
    GCObject *o = finref(img, &fo[i]);
    if (!isimage(o)) continue;  /* listed twice */
    o->marked = (lu_byte)(tyC_white(g) | bitmask(FINALIZEDBIT));
    o->next = g->finobj;
    g->finobj = o;
  }
  for (i = 0; i < h->finowners.count; i++) {
    GCObject *o = finref(img, &ow[i]);
    if (isimage(o)) tyC_remember(g, o);  /* a finalizable owner is traversed anyway */
  }
}

static void install(lua_State *L, TyImage *img);

void tyI_install(lua_State *L, TyImage *img) {
  install(L, img);
  adoptfinalizers(L, img);
}

static void install(lua_State *L, TyImage *img) {
  global_State *g = G(L);
  char *base = img->base;
  const TyImgHeader *h = img->h;
  const uint32_t *fx = (const uint32_t *)(base + h->fixups.off);
  void **roots;
  Node *scratch = NULL;
  size_t scratchn = 0;
  uint32_t i;
  if (img->baseimg != NULL)
    install(L, img->baseimg);  /* the base first: this image points into it */
  patchblob(L, img, base);
  g->seed = h->seed;
  img->strhash = (TString **)(base + h->strtab.off);
  img->strmask = h->strtab.count - 1;
  img->next = (TyImage *)g->image;
  g->image = img;
  roots = (void **)(base + h->roots.off);
  sethvalue(L, &g->l_registry, (Table *)roots[TYIMG_ROOT_REGISTRY]);
  for (i = 0; i < LUA_NUMTYPES; i++)
    g->mt[i] = (Table *)roots[TYIMG_ROOT_MT + i];
  for (i = 0; i < h->fixups.count; i++) {
    GCObject *o = (GCObject *)(base + fx[i]);
    if (o->tt == TY_VTABLE) {
      Table *t = gco2t(o);
      if (t->lastfree != NULL) {
        size_t n = sizenode(t);
        if (n > scratchn) {
          Node *ns = (Node *)realloc(scratch, n * sizeof(Node));
          if (ns == NULL) continue;  /* lookups of address keys may miss: never a crash */
          scratch = ns;
          scratchn = n;
        }
        tyH_rehashinplace(t, scratch);
      }
    }
    else if (o->tt == TY_VTHREAD)
      tyC_remember(g, o);  /* stack writes have no barrier */
  }
  free(scratch);
  if (img->baseimg != NULL)
    applyoverrides(img);  /* after the rehash: the copies carry rehashed tables */
}

/* ---- info dump (tycho --image-info): reads the file, never dlopens it ---- */

/* a NUL-terminated string at blob offset o (unrelocated), or NULL */
static const char *blobstr(const char *blob, uint64_t size, uint64_t o) {
  const char *s;
  if (o >= size) return NULL;
  s = blob + o;
  return memchr(s, '\0', (size_t)(size - o)) ? s : NULL;
}

/* unrelocated pointer field at o -> blob offset of its target, or 0 */
static uint64_t blobptr(const char *blob, uint64_t size, uint64_t o) {
  uint64_t v, pref = ((const TyImgHeader *)blob)->prefbase;
  if (o + 8 > size) return 0;
  memcpy(&v, blob + o, 8);
  return (v == 0 || v - pref >= size) ? 0 : v - pref;
}

static void printesc(FILE *out, const char *s) {
  for (; *s; s++) {
    if (*s == '\t') fputs("\\t", out);
    else if (*s == '\n') fputs("\\n", out);
    else if (*s == '\\') fputs("\\\\", out);
    else fputc(*s, out);
  }
}

static const char *const typenames[16] = {
  "nil", "boolean", "lightuserdata", "number", "string", "table", "function",
  "userdata", "thread", "upvalue", "proto", "?", "?", "?", "?", "?"
};

/* describes the function object at o: "source:line" of its prototype */
static void hookdesc(FILE *out, const char *blob, uint64_t size, uint64_t o) {
  uint64_t p, src;
  const char *s;
  if (o + sizeof(LClosure) > size || ((const GCObject *)(blob + o))->tt != TY_VLCL) {
    fputs("?", out);
    return;
  }
  p = blobptr(blob, size, o + offsetof(LClosure, p));
  if (p == 0 || p + sizeof(Proto) > size) { fputs("?", out); return; }
  src = blobptr(blob, size, p + offsetof(Proto, source));
  s = src ? blobstr(blob, size, src + offsetof(TString, contents)) : NULL;
  printesc(out, s ? (s[0] == '@' || s[0] == '=' ? s + 1 : s) : "?");
  fprintf(out, ":%d", ((const Proto *)(blob + p))->linedefined);
}

int tyI_info(const char *path, FILE *out, char *err, size_t errlen) {
  uint64_t size, i;
  char *blob;
  const TyImgHeader *h;
  char id[TYIMG_BUILDIDLEN + 1];
  struct { const char *name; const TyImgArea *a; size_t es; } secs[18];
  int ok;
  if ((blob = tyI_elfreadimage(path, &size, err, errlen)) == NULL) return -1;
  h = (const TyImgHeader *)blob;
  if (memcmp(h->magic, TYIMG_MAGIC, 8) != 0) {
    free(blob);
    return bad(err, errlen, "bad magic") - 1;
  }
  if (h->size > size - 8 || h->size < sizeof(TyImgHeader)) {  /* no wrap-around */
    free(blob);
    return bad(err, errlen, "truncated (blob larger than its section)") - 1;
  }
  size = h->size;
  ok = tyI_blobchecksum(blob, (size_t)size) == h->checksum;
  if (h->version != TYIMG_VERSION) {
    unsigned v = (unsigned)h->version;
    free(blob);
    snprintf(err, errlen, "wrong format version %u (this runtime reads %u)",
             v, (unsigned)TYIMG_VERSION);
    return -1;
  }
  fprintf(out, "tycho-image-info\t1\n");
  fputs("file\t", out);
  printesc(out, path);
  fputc('\n', out);
  fprintf(out, "format\t%u\n", (unsigned)h->version);
  fprintf(out, "runtime\t%s\n", TYCHO_VERSION);
  memcpy(id, h->buildid, TYIMG_BUILDIDLEN);
  id[TYIMG_BUILDIDLEN] = '\0';
  fprintf(out, "build_id\t%s\n", id);
  fprintf(out, "runtime_build_id\t%s\n", tyI_buildid);
  fprintf(out, "checksum\t%016llx\t%s\n", (unsigned long long)h->checksum, ok ? "ok" : "mismatch");
  fprintf(out, "size\t%llu\n", (unsigned long long)size);
  fprintf(out, "flags\t%s%s%s\n", (h->flags & TYIMG_FINCREMENTAL) ? "incremental " : "",
          (h->flags & TYIMG_FPINPATHS) ? "pinned-paths " : "",
          (h->flags & TYIMG_FSEEDED) ? "seeded" : "");
  fprintf(out, "seed\t%s\n", (h->flags & TYIMG_FSEEDED) ? "fixed" : "fresh");
  fprintf(out, "paths\t%s\n", (h->flags & TYIMG_FPINPATHS) ? "pinned" : "environment");
  if (h->flags & TYIMG_FINCREMENTAL) {
    const char *bp = blobstr(blob, size, h->basepath);
    memcpy(id, h->basebuildid, TYIMG_BUILDIDLEN);
    fprintf(out, "base\t%s\t", id);
    printesc(out, bp ? bp : "?");
    fprintf(out, "\t%016llx\n", (unsigned long long)h->basechecksum);
  }
  else
    fprintf(out, "base\t-\t\t\n");
  secs[0].name = "heap"; secs[0].a = &h->heap; secs[0].es = 1;
  secs[1].name = "reloc"; secs[1].a = &h->reloc; secs[1].es = 4;
  secs[2].name = "builtins"; secs[2].a = &h->builtins; secs[2].es = 8;
  secs[3].name = "names"; secs[3].a = &h->names; secs[3].es = 0;
  secs[4].name = "strtab"; secs[4].a = &h->strtab; secs[4].es = 8;
  secs[5].name = "roots"; secs[5].a = &h->roots; secs[5].es = 8;
  secs[6].name = "fixups"; secs[6].a = &h->fixups; secs[6].es = 4;
  secs[7].name = "packages"; secs[7].a = &h->packages; secs[7].es = sizeof(TyImgPackage);
  secs[8].name = "hooks"; secs[8].a = &h->hooks; secs[8].es = 4;
  secs[9].name = "strings"; secs[9].a = &h->strings; secs[9].es = 1;
  secs[10].name = "targets"; secs[10].a = &h->targets; secs[10].es = 0;
  secs[11].name = "clibs"; secs[11].a = &h->clibs; secs[11].es = sizeof(TyImgCLib);
  secs[12].name = "cfuncs"; secs[12].a = &h->cfuncs; secs[12].es = sizeof(TyImgCFunc);
  secs[13].name = "breloc"; secs[13].a = &h->breloc; secs[13].es = 4;
  secs[14].name = "overrides"; secs[14].a = &h->overrides; secs[14].es = sizeof(TyImgOverride);
  secs[15].name = "finobjs"; secs[15].a = &h->finobjs; secs[15].es = sizeof(TyImgRef);
  secs[16].name = "finowners"; secs[16].a = &h->finowners; secs[16].es = sizeof(TyImgRef);
  secs[17].name = NULL;
  fprintf(out, "section\theader\t0\t%u\t1\n", (unsigned)sizeof(TyImgHeader));
  for (i = 0; secs[i].name != NULL; i++) {
    uint64_t bytes = secs[i].es ? (uint64_t)secs[i].a->count * secs[i].es : 0;
    if (secs[i].a == &h->names) {  /* count = names: bytes up to the next area */
      uint64_t e = secs[i].a->off;
      uint32_t k;
      for (k = 0; k < secs[i].a->count && e < size; k++) {
        const char *s = blobstr(blob, size, e);
        if (s == NULL) break;
        e += strlen(s) + 1;
      }
      bytes = e - secs[i].a->off;
    }
    if (secs[i].a == &h->heap || secs[i].a == &h->strings)
      fprintf(out, "section\t%s\t%u\t%llu\t%u\n", secs[i].name, (unsigned)secs[i].a->off,
              (unsigned long long)secs[i].a->count, secs[i].a == &h->heap ? (unsigned)h->nobjects : 0u);
    else
      fprintf(out, "section\t%s\t%u\t%llu\t%u\n", secs[i].name, (unsigned)secs[i].a->off,
              (unsigned long long)bytes, (unsigned)secs[i].a->count);
  }
  for (i = 0; i < 16; i++)
    if (h->counts[i] != 0)
      fprintf(out, "objects\t%s\t%u\t%u\n", typenames[i], (unsigned)h->counts[i],
              (unsigned)h->typebytes[i]);
  if (areaok(h, &h->packages, sizeof(TyImgPackage))) {
    const TyImgPackage *pk = (const TyImgPackage *)(blob + h->packages.off);
    for (i = 0; i < h->packages.count; i++) {
      const char *n = blobstr(blob, size, pk[i].name), *p = blobstr(blob, size, pk[i].path);
      fputs("package\t", out);
      printesc(out, n ? n : "?");
      fputc('\t', out);
      printesc(out, p ? p : "-");
      fprintf(out, "\t%llu\t%lld.%09u\ttyck64:%016llx\n", (unsigned long long)pk[i].size,
              (long long)pk[i].mtime, (unsigned)pk[i].mtimensec, (unsigned long long)pk[i].hash);
    }
  }
  if (areaok(h, &h->clibs, sizeof(TyImgCLib))) {
    const TyImgCLib *cl = (const TyImgCLib *)(blob + h->clibs.off);
    for (i = 0; i < h->clibs.count; i++) {
      const char *p = blobstr(blob, size, cl[i].path);
      fputs("clib\t", out);
      printesc(out, p ? p : "?");
      fprintf(out, "\t%llu\ttyck64:%016llx\n", (unsigned long long)cl[i].size,
              (unsigned long long)cl[i].hash);
    }
  }
  if (areaok(h, &h->hooks, 4)) {
    const uint32_t *hk = (const uint32_t *)(blob + h->hooks.off);
    for (i = 0; i < h->hooks.count; i++) {
      fprintf(out, "hook\t%llu\tfunction <", (unsigned long long)i + 1);
      hookdesc(out, blob, size, hk[i]);
      fputs(">\n", out);
    }
  }
  fputs("end\n", out);
  free(blob);
  return 0;
}
