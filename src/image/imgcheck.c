/* imgcheck.c: validate-only image check (tycho_checkimage): reads the image section from the file, no dlopen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tycho.h"
#include "image.h"
#include "imgelf.h"

/* the blob and its trailing size symbol, as the linker lays them out */
int tyI_check(const char *path, char *err, size_t errlen) {
  uint64_t off, secsize, size, sym;
  char *sec;
  FILE *f;
  int ok;
  if (tyI_elfprobe(path, &off, &secsize, err, errlen) != 0) return -1;
  if (secsize < sizeof(TyImgHeader) + 8) {
    snprintf(err, errlen, "truncated (no header)");
    return -1;
  }
  sec = (char *)malloc((size_t)secsize);
  f = fopen(path, "rb");
  if (sec == NULL || f == NULL || fseek(f, (long)off, SEEK_SET) != 0 ||
      fread(sec, 1, (size_t)secsize, f) != secsize) {
    free(sec);
    if (f) fclose(f);
    snprintf(err, errlen, "cannot read the image section");
    return -1;
  }
  fclose(f);
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
