/* imgelf.h: writes the ELF64 object holding an image blob (no assembler needed) and finds/reads the blob in a linked image. */
#ifndef TY_ELF_H
#define TY_ELF_H

#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

/* section .tycho.image (alloc+write, page aligned) with global symbols
** tycho_image (the blob) and tycho_image_size (uint64_t); 0 ok, -1 + err */
int tyI_writeelf(const char *path, const char *blob, size_t size, char *err, size_t errlen);
/* opens an image file for reading: only a regular file, refused (with err)
** before it is opened otherwise, so a FIFO or device never blocks or acts;
** st gets its fstat.  The fd (close-on-exec), or -1 + err */
int tyI_elfopen(const char *path, struct stat *st, char *err, size_t errlen);
/* checks an ELF shared object's headers against its size, and finds the
** .tycho.image section (file offset, size); 0 ok, -1 + err */
int tyI_elfprobefd(int fd, uint64_t *off, uint64_t *size, char *err, size_t errlen);
int tyI_elfprobe(const char *path, uint64_t *off, uint64_t *size, char *err, size_t errlen);
/* probes like tyI_elfprobe and reads the whole .tycho.image section (malloc'd,
** *size bytes, at least a header and the size word); NULL + err on failure */
char *tyI_elfreadimage(const char *path, uint64_t *size, char *err, size_t errlen);

#endif
