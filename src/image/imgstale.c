/* imgstale.c: is a package an image holds older than its source file? (require's check, tycho_imagestale) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "tycho.h"
#include "image.h"
#include "../core/state.h"

/*
** Checked at most once per package and process, on the first require that
** finds the package loaded (never at startup): one stat; the file is read
** and hashed only when its size is the same but its mtime differs (a touch,
** a checkout of the same content is not stale).
*/

enum { UNCHECKED, FRESH, REPORTED };  /* img->pkgseen[i]; REPORTED: stale, already reported once */

/* 1 if the source at p differs from what the image recorded */
static int changed(const TyImgPackage *p, const char *path) {
  struct stat st;
  uint64_t h;
  if (stat(path, &st) != 0) return 1;  /* gone */
  if ((uint64_t)st.st_size != p->size) return 1;
  if ((int64_t)st.st_mtim.tv_sec == p->mtime && (uint32_t)st.st_mtim.tv_nsec == p->mtimensec)
    return 0;
  return !tyI_hashfile(path, (size_t)st.st_size, &h) || h != p->hash;
}

LUA_API int tycho_imagestale(lua_State *L, const char *name, const char **path) {
  const TyImage *img;
  for (img = (const TyImage *)G(L)->image; img != NULL; img = img->next) {
    const TyImgPackage *pk = (const TyImgPackage *)(img->base + img->h->packages.off);
    uint32_t i;
    for (i = 0; i < img->h->packages.count; i++) {
      const char *src = img->base + pk[i].path;
      if (strcmp(img->base + pk[i].name, name) != 0) continue;
      *path = src;
      switch (img->pkgseen[i]) {
        case UNCHECKED:
          img->pkgseen[i] = changed(&pk[i], src) ? REPORTED : FRESH;
          return img->pkgseen[i] == REPORTED ? 1 : 0;
        case REPORTED: return 2;
        default: return 0;
      }
    }
  }
  return 0;
}
