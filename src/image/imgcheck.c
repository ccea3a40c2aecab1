/* imgcheck.c: validate-only image check (tycho_checkimage): reads the image section from the file, no dlopen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tycho.h"
#include "image.h"
#include "imgelf.h"

/* the blob and its trailing size symbol, as the linker lays them out */
int tyI_check(const char *path, char *err, size_t errlen) {
  uint64_t secsize, size, sym;
  char *sec = tyI_elfreadimage(path, &secsize, err, errlen);
  int ok;
  if (sec == NULL) return -1;
  memcpy(&size, sec + offsetof(TyImgHeader, size), 8);
  if (size > secsize - 8 || ((size + 7) & ~(uint64_t)7) > secsize - 8) {
    free(sec);
    snprintf(err, errlen, "truncated (blob larger than its section)");
    return -1;
  }
  memcpy(&sym, sec + ((size + 7) & ~(uint64_t)7), 8);
  ok = tyI_validate(sec, sym, err, errlen);
  free(sec);
  return ok ? 0 : -1;
}

LUA_API int tycho_checkimage(const char *path, char *err, size_t errlen) {
  return tyI_check(path, err, errlen);
}
