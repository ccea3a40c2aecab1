/* image.h: the runtime side of images: a loaded image's descriptor and the writer/loader entry points. */
#ifndef TY_IMAGE_H
#define TY_IMAGE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "lauxlib.h"
#include "../core/obj.h"
#include "imgfmt.h"

/* a loaded image (g->image); images never go away while the state lives */
typedef struct TyImage {
  char *base;               /* blob start (tycho_image) */
  size_t size;              /* blob bytes */
  const TyImgHeader *h;
  TString **strhash;        /* the image's short strings (read by str.c) */
  unsigned int strmask;     /* bucket count - 1 */
  size_t maplen;            /* bytes mapped at base (munmap) */
  int nclibs;               /* C modules reopened for this image */
  void **clibh;             /* their handles */
  char **clibbase;          /* their load addresses */
  struct TyImage *next;     /* the image installed before this one (g->image chain) */
  struct TyImage *baseimg;  /* incremental: its base, opened first (owned) */
  char *path;               /* absolute path of the file (incremental images record it) */
  unsigned char *pkgseen;   /* per package: stale check state in this process (imgstale.c) */
  int guard;                /* slot of the SIGBUS guard of its mapping (imgload.c), or -1 */
} TyImage;

/* is p inside a loaded image? (mem.c never frees such memory) */
static inline int tyI_inimage(const TyImage *img, const void *p) {
  for (; img != NULL; img = img->next)
    if ((const char *)p >= img->base && (const char *)p < img->base + img->size)
      return 1;
  return 0;
}

/* fast 64-bit checksum (also the package content hash) */
uint64_t tyI_checksum(const void *data, size_t len, uint64_t seed);
uint64_t tyI_blobchecksum(const char *blob, size_t size);
/* the package content hash of a file's first size bytes (its stat size); 1 ok, 0 unreadable
** or not a regular file */
int tyI_hashfile(const char *path, size_t size, uint64_t *hash);
/* the same for the first size bytes of an open file */
int tyI_hashfd(int fd, size_t size, uint64_t *hash);
uint64_t tyI_builtinhash(void);
/* the builtin lists in their fixed order; count via *n */
const luaL_Reg *tyI_builtin(uint32_t id);
uint32_t tyI_nbuiltins(void);
extern const char tyI_buildid[];

/* imgload.c: dlopen + full validation (nothing patched yet); NULL and err on failure */
TyImage *tyI_open(const char *path, char *err, size_t errlen);
void tyI_close(TyImage *img);
/* patches pointers, installs seed, registry, metatables (state.c calls it
** before tyS_init); L is the new main thread */
void tyI_install(lua_State *L, TyImage *img);

/* a relocated copy of img's blob as it was at load (malloc'd; NULL and err on
** failure): what the incremental writer compares base objects against */
char *tyI_pristine(lua_State *L, const TyImage *img, char *err, size_t errlen);

/* the tab-separated info dump (docs/image-format.md, "Info dump"); 0 ok */
int tyI_info(const char *path, FILE *out, char *err, size_t errlen);

/* imgload.c: every check of validate() on a blob in memory, nothing patched; 1 ok */
int tyI_validate(const char *blob, uint64_t size, char *err, size_t errlen);
/* imgcheck.c: reads FILE's .tycho.image section and validates it (no dlopen); 0 ok */
int tyI_check(const char *path, char *err, size_t errlen);

/* imgpath.c: names objects in the writer's errors */
const char *tyI_typename(const Table *mt);   /* metatable's __name, or NULL */
void tyI_describepath(lua_State *L, GCObject *const *chain, int n, char *out, size_t outlen);

/* imgwrite.c: writes the session of L as an ELF object; 0 ok, else err */
typedef struct TyWriteOpts {
  int incremental;          /* write only objects not in the loaded image(s) */
  int pinpaths;
} TyWriteOpts;
int tyI_writeobject(lua_State *L, const char *path, const TyWriteOpts *o,
                    char *err, size_t errlen);

#endif
