/* elf.c: the ELF64 relocatable object around an image blob: one data section, two symbols, no relocations. */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include "imgelf.h"
#include "imgfmt.h"

#if defined(__x86_64__)
#define TY_EM EM_X86_64
#elif defined(__aarch64__)
#define TY_EM EM_AARCH64
#elif defined(__riscv)
#define TY_EM EM_RISCV
#else
#error "image objects: unknown ELF machine for this host"
#endif

/* section indices */
enum { S_NULL, S_IMAGE, S_STACK, S_SYMTAB, S_STRTAB, S_SHSTRTAB, S_N };

static const char shstr[] = "\0.tycho.image\0.note.GNU-stack\0.symtab\0.strtab\0.shstrtab";
enum { N_IMAGE = 1, N_STACK = 14, N_SYMTAB = 30, N_STRTAB = 38, N_SHSTRTAB = 46 };
static const char symstr[] = "\0tycho_image\0tycho_image_size";
enum { N_SYMIMAGE = 1, N_SYMSIZE = 13 };

#define ALIGN(x, a) (((x) + (a) - 1) & ~(uint64_t)((a) - 1))

int tyI_writeelf(const char *path, const char *blob, size_t size, char *err, size_t errlen) {
  Elf64_Ehdr eh;
  Elf64_Shdr sh[S_N];
  Elf64_Sym sym[3];
  uint64_t imgoff = 4096, sizeat = ALIGN(size, 8), imgsize = sizeat + 8;
  uint64_t symoff = ALIGN(imgoff + imgsize, 8);
  uint64_t stroff = symoff + sizeof sym;
  uint64_t shstroff = stroff + sizeof symstr;
  uint64_t shoff = ALIGN(shstroff + sizeof shstr, 8);
  uint64_t sz64 = size;
  static const char zeros[4096];
  char tmp[4200], dest[4200];
  FILE *f;
  int ok;
  memset(&eh, 0, sizeof eh);
  memcpy(eh.e_ident, ELFMAG, SELFMAG);
  eh.e_ident[EI_CLASS] = ELFCLASS64;
  eh.e_ident[EI_DATA] = ELFDATA2LSB;
  eh.e_ident[EI_VERSION] = EV_CURRENT;
  eh.e_ident[EI_OSABI] = ELFOSABI_NONE;
  eh.e_type = ET_REL;
  eh.e_machine = TY_EM;
  eh.e_version = EV_CURRENT;
  eh.e_shoff = shoff;
  eh.e_ehsize = sizeof(Elf64_Ehdr);
  eh.e_shentsize = sizeof(Elf64_Shdr);
  eh.e_shnum = S_N;
  eh.e_shstrndx = S_SHSTRTAB;
  memset(sh, 0, sizeof sh);
  sh[S_IMAGE].sh_name = N_IMAGE;
  sh[S_IMAGE].sh_type = SHT_PROGBITS;
  sh[S_IMAGE].sh_flags = SHF_ALLOC | SHF_WRITE;
  sh[S_IMAGE].sh_offset = imgoff;
  sh[S_IMAGE].sh_size = imgsize;
  sh[S_IMAGE].sh_addralign = 4096;
  sh[S_STACK].sh_name = N_STACK;
  sh[S_STACK].sh_type = SHT_PROGBITS;
  sh[S_STACK].sh_offset = imgoff;
  sh[S_STACK].sh_addralign = 1;
  sh[S_SYMTAB].sh_name = N_SYMTAB;
  sh[S_SYMTAB].sh_type = SHT_SYMTAB;
  sh[S_SYMTAB].sh_offset = symoff;
  sh[S_SYMTAB].sh_size = sizeof sym;
  sh[S_SYMTAB].sh_link = S_STRTAB;
  sh[S_SYMTAB].sh_info = 1;  /* first global symbol */
  sh[S_SYMTAB].sh_addralign = 8;
  sh[S_SYMTAB].sh_entsize = sizeof(Elf64_Sym);
  sh[S_STRTAB].sh_name = N_STRTAB;
  sh[S_STRTAB].sh_type = SHT_STRTAB;
  sh[S_STRTAB].sh_offset = stroff;
  sh[S_STRTAB].sh_size = sizeof symstr;
  sh[S_STRTAB].sh_addralign = 1;
  sh[S_SHSTRTAB].sh_name = N_SHSTRTAB;
  sh[S_SHSTRTAB].sh_type = SHT_STRTAB;
  sh[S_SHSTRTAB].sh_offset = shstroff;
  sh[S_SHSTRTAB].sh_size = sizeof shstr;
  sh[S_SHSTRTAB].sh_addralign = 1;
  memset(sym, 0, sizeof sym);
  sym[1].st_name = N_SYMIMAGE;
  sym[1].st_info = ELF64_ST_INFO(STB_GLOBAL, STT_OBJECT);
  sym[1].st_shndx = S_IMAGE;
  sym[1].st_value = 0;
  sym[1].st_size = size;
  sym[2].st_name = N_SYMSIZE;
  sym[2].st_info = ELF64_ST_INFO(STB_GLOBAL, STT_OBJECT);
  sym[2].st_shndx = S_IMAGE;
  sym[2].st_value = sizeat;
  sym[2].st_size = 8;
  /* written next to the target and renamed over it: a file that may be in use is never
  ** rewritten in place, and a failed write leaves the old file as it was */
  {
    char *real = realpath(path, NULL);  /* through a symlink: replace its target */
    const char *target = real != NULL ? real : path;
    int n = snprintf(tmp, sizeof tmp, "%s.tmp%ld", target, (long)getpid());
    if (n < 0 || (size_t)n >= sizeof tmp) {
      free(real);
      snprintf(err, errlen, "cannot open '%s' for writing: path too long", path);
      return -1;
    }
    snprintf(dest, sizeof dest, "%s", target);
    free(real);
  }
  f = fopen(tmp, "wb");
  if (f == NULL) {
    snprintf(err, errlen, "cannot open '%s' for writing: %s", path, strerror(errno));
    return -1;
  }
  ok = fwrite(&eh, sizeof eh, 1, f) == 1 &&
       fwrite(zeros, imgoff - sizeof eh, 1, f) == 1 &&
       fwrite(blob, 1, size, f) == size &&
       (sizeat == size || fwrite(zeros, sizeat - size, 1, f) == 1) &&
       fwrite(&sz64, 8, 1, f) == 1 &&
       (symoff == imgoff + imgsize || fwrite(zeros, symoff - imgoff - imgsize, 1, f) == 1) &&
       fwrite(sym, sizeof sym, 1, f) == 1 &&
       fwrite(symstr, sizeof symstr, 1, f) == 1 &&
       fwrite(shstr, sizeof shstr, 1, f) == 1 &&
       (shoff == shstroff + sizeof shstr ||
        fwrite(zeros, shoff - shstroff - sizeof shstr, 1, f) == 1) &&
       fwrite(sh, sizeof sh, 1, f) == 1;
  if (fclose(f) != 0) ok = 0;
  if (ok && rename(tmp, dest) != 0) ok = 0;
  if (!ok) {
    snprintf(err, errlen, "cannot write '%s': %s", path, strerror(errno));
    remove(tmp);
    return -1;
  }
  return 0;
}

/* ---- reading: checks a shared object before dlopen maps it ---- */

/* Reads the ELF headers of path and checks that every loadable segment and
** section lies inside the file (dlopen of a truncated file would map pages
** past its end, and touching them raises SIGBUS).  Finds .tycho.image:
** off and size get its file offset and size.  0 ok; -1 with err. */
static int probe(FILE *f, uint64_t *off, uint64_t *size, char *err, size_t errlen) {
  Elf64_Ehdr eh;
  Elf64_Shdr *sh = NULL;
  char *names = NULL;
  long fsize;
  int i, found = 0, rc = -1;
  fseek(f, 0, SEEK_END);
  fsize = ftell(f);
  rewind(f);
  if (fread(&eh, sizeof eh, 1, f) != 1 || memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0) {
    snprintf(err, errlen, "not an ELF file");
    goto done;
  }
  if (eh.e_ident[EI_CLASS] != ELFCLASS64 || eh.e_ident[EI_DATA] != ELFDATA2LSB ||
      eh.e_machine != TY_EM) {
    snprintf(err, errlen, "not an ELF object for this machine");
    goto done;
  }
  if (eh.e_type != ET_DYN) {
    snprintf(err, errlen, "not a shared object (link the .o with the command of "
                          "'tycho --print-link-command')");
    goto done;
  }
  if (eh.e_phentsize != sizeof(Elf64_Phdr) || eh.e_shentsize != sizeof(Elf64_Shdr) ||
      eh.e_phoff + (uint64_t)eh.e_phnum * sizeof(Elf64_Phdr) > (uint64_t)fsize ||
      eh.e_shoff + (uint64_t)eh.e_shnum * sizeof(Elf64_Shdr) > (uint64_t)fsize ||
      eh.e_shstrndx >= eh.e_shnum) {
    snprintf(err, errlen, "truncated or corrupted ELF headers");
    goto done;
  }
  for (i = 0; i < eh.e_phnum; i++) {
    Elf64_Phdr ph;
    if (fseek(f, (long)(eh.e_phoff + (uint64_t)i * sizeof ph), SEEK_SET) != 0 ||
        fread(&ph, sizeof ph, 1, f) != 1) {
      snprintf(err, errlen, "truncated ELF program headers");
      goto done;
    }
    if (ph.p_type == PT_LOAD && ph.p_offset + ph.p_filesz > (uint64_t)fsize) {
      snprintf(err, errlen, "truncated (a segment ends past the end of the file)");
      goto done;
    }
  }
  sh = (Elf64_Shdr *)malloc((size_t)eh.e_shnum * sizeof(Elf64_Shdr));
  if (sh == NULL || fseek(f, (long)eh.e_shoff, SEEK_SET) != 0 ||
      fread(sh, sizeof(Elf64_Shdr), eh.e_shnum, f) != eh.e_shnum) {
    snprintf(err, errlen, "truncated ELF section headers");
    goto done;
  }
  {
    Elf64_Shdr *ss = &sh[eh.e_shstrndx];
    if (ss->sh_offset + ss->sh_size > (uint64_t)fsize || ss->sh_size > (1u << 24)) {
      snprintf(err, errlen, "truncated ELF section names");
      goto done;
    }
    names = (char *)malloc(ss->sh_size + 1);
    if (names == NULL || fseek(f, (long)ss->sh_offset, SEEK_SET) != 0 ||
        fread(names, 1, ss->sh_size, f) != ss->sh_size) {
      snprintf(err, errlen, "truncated ELF section names");
      goto done;
    }
    names[ss->sh_size] = '\0';
    for (i = 0; i < eh.e_shnum; i++) {
      if (sh[i].sh_type != SHT_NOBITS && sh[i].sh_offset + sh[i].sh_size > (uint64_t)fsize) {
        snprintf(err, errlen, "truncated (a section ends past the end of the file)");
        goto done;
      }
      if (sh[i].sh_name < ss->sh_size && strcmp(names + sh[i].sh_name, ".tycho.image") == 0) {
        *off = sh[i].sh_offset;
        *size = sh[i].sh_size;
        found = 1;
      }
    }
  }
  if (!found) {
    snprintf(err, errlen, "not a tycho image (no .tycho.image section)");
    goto done;
  }
  rc = 0;
done:
  free(sh);
  free(names);
  return rc;
}

/* what a non-regular file is, for the refusal */
static const char *filekind(mode_t m) {
  if (S_ISDIR(m)) return "a directory";
  if (S_ISFIFO(m)) return "a FIFO";
  if (S_ISCHR(m)) return "a character device";
  if (S_ISBLK(m)) return "a block device";
  if (S_ISSOCK(m)) return "a socket";
  return "not a plain file";
}

int tyI_elfopen(const char *path, struct stat *st, char *err, size_t errlen) {
  int fd;
  if (stat(path, st) != 0) {
    if (errno == ENOENT || errno == ENOTDIR) snprintf(err, errlen, "not found");
    else snprintf(err, errlen, "cannot open (%s)", strerror(errno));
    return -1;
  }
  if (!S_ISREG(st->st_mode)) {  /* refused before any open: a FIFO would block, a device may act */
    snprintf(err, errlen, "not a regular file (%s)", filekind(st->st_mode));
    return -1;
  }
  /* O_NONBLOCK: if a FIFO took the file's place since the stat, open must not wait */
  fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT || errno == ENOTDIR) snprintf(err, errlen, "not found");
    else snprintf(err, errlen, "cannot open (%s)", strerror(errno));
    return -1;
  }
  if (fstat(fd, st) != 0 || !S_ISREG(st->st_mode)) {
    snprintf(err, errlen, "not a regular file (%s)", filekind(st->st_mode));
    close(fd);
    return -1;
  }
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  return fd;
}

/* a stdio stream on a duplicate of fd (probe reads through stdio) */
static FILE *streamof(int fd, char *err, size_t errlen) {
  int d = fcntl(fd, F_DUPFD_CLOEXEC, 0);
  FILE *f = d >= 0 ? fdopen(d, "rb") : NULL;
  if (f == NULL) {
    if (d >= 0) close(d);
    snprintf(err, errlen, "cannot read (%s)", strerror(errno));
  }
  return f;
}

int tyI_elfprobefd(int fd, uint64_t *off, uint64_t *size, char *err, size_t errlen) {
  FILE *f = streamof(fd, err, errlen);
  int rc;
  if (f == NULL) return -1;
  rc = probe(f, off, size, err, errlen);
  fclose(f);
  return rc;
}

int tyI_elfprobe(const char *path, uint64_t *off, uint64_t *size, char *err, size_t errlen) {
  struct stat st;
  int fd = tyI_elfopen(path, &st, err, errlen), rc;
  if (fd < 0) return -1;
  rc = tyI_elfprobefd(fd, off, size, err, errlen);
  close(fd);
  return rc;
}

char *tyI_elfreadimage(const char *path, uint64_t *size, char *err, size_t errlen) {
  struct stat st;
  int fd = tyI_elfopen(path, &st, err, errlen);
  FILE *f;
  uint64_t off;
  char *sec = NULL;
  if (fd < 0) return NULL;
  f = streamof(fd, err, errlen);
  close(fd);
  if (f == NULL) return NULL;
  if (probe(f, &off, size, err, errlen) != 0) {
    fclose(f);
    return NULL;
  }
  if (*size < sizeof(TyImgHeader) + 8)  /* a header and the trailing size word */
    snprintf(err, errlen, "truncated (no header)");
  else if ((sec = (char *)malloc((size_t)*size)) == NULL || fseek(f, (long)off, SEEK_SET) != 0 ||
           fread(sec, 1, (size_t)*size, f) != *size) {
    free(sec);
    sec = NULL;
    snprintf(err, errlen, "cannot read the image section");
  }
  fclose(f);
  return sec;
}
