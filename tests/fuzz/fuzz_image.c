/* fuzz_image.c: libFuzzer target for the image loader: mutated image files must be refused (or accepted) cleanly, never crash. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "lua.h"
#include "tycho.h"
#include "image/image.h"
#include "image/imgelf.h"

/*
** Input: the bytes of an image shared library (the make target seeds the
** corpus with small images written at fuzz start).  Each input is written to
** a temporary file and goes through:
**  1. tycho_checkimage: ELF probe + every check -J makes before patching;
**  2. tyI_info: the info dump (reads the file, trusts nothing);
**  3. the blob with this runtime's build id and its checksum recomputed (a
**     forged checksum): the range checks alone must keep the validator inside
**     the blob.
** dlopen itself is not fuzzed (glibc's loader is not ours).
*/

static char path[64];

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  int fd;
  (void)argc; (void)argv;
  snprintf(path, sizeof path, "/tmp/fuzz_image.XXXXXX");
  fd = mkstemp(path);
  if (fd < 0) abort();
  close(fd);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char err[512];
  FILE *f = fopen(path, "wb"), *devnull;
  if (f == NULL) return 0;
  if (fwrite(data, 1, size, f) != size) { fclose(f); return 0; }
  fclose(f);
  tycho_checkimage(path, err, sizeof err);
  devnull = fopen("/dev/null", "w");
  if (devnull != NULL) {
    tyI_info(path, devnull, err, sizeof err);
    fclose(devnull);
  }
  {  /* the image section with a forged checksum */
    uint64_t off, secsize, bsize, sym;
    if (tyI_elfprobe(path, &off, &secsize, err, sizeof err) == 0 &&
        secsize >= sizeof(TyImgHeader) + 8 && off + secsize <= size) {
      char *sec = (char *)malloc((size_t)secsize);
      if (sec != NULL) {
        TyImgHeader *h = (TyImgHeader *)sec;
        memcpy(sec, data + off, (size_t)secsize);
        bsize = h->size;
        if (bsize >= sizeof(TyImgHeader) && bsize <= secsize - 8 &&  /* no wrap-around below */
            ((bsize + 7) & ~(uint64_t)7) <= secsize - 8) {
          memcpy(&sym, sec + ((bsize + 7) & ~(uint64_t)7), 8);
          memset(h->buildid, 0, TYIMG_BUILDIDLEN);  /* this runtime's id: go past that check */
          memcpy(h->buildid, tyI_buildid, strlen(tyI_buildid) < TYIMG_BUILDIDLEN
                                          ? strlen(tyI_buildid) : TYIMG_BUILDIDLEN);
          h->checksum = tyI_blobchecksum(sec, (size_t)bsize);
          tyI_validate(sec, sym <= bsize ? sym : bsize, err, sizeof err);
        }
        free(sec);
      }
    }
  }
  return 0;
}
