/* imgstamp.c: remembers which image files passed the full content check, so an unchanged file skips it. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "image.h"
#include "imgstamp.h"

/*
** A stamp names one file version: device, inode, size, mtime and ctime (in
** nanoseconds).  Any write to the file, and any rename over it, changes one
** of them; ctime cannot be set back by a user.  The stamp also holds the
** header's checksum and build id, so it is void for any other image.  Stamps
** live in $TYCHO_CACHE_DIR, else $XDG_CACHE_HOME/tycho, else ~/.cache/tycho,
** one file per image under verified/.  TYCHO_IMAGE_VERIFY=full ignores them.
** Every failure here only means "check the content again".
*/

#define STAMPTAG "tycho-image-verified 1"

static int fullcheck(void) {
  const char *v = getenv("TYCHO_IMAGE_VERIFY");
  return v != NULL && strcmp(v, "full") == 0;
}

/* the cache directory (no trailing slash) into buf; 0 if there is none */
static int cachedir(char *buf, size_t n) {
  const char *d = getenv("TYCHO_CACHE_DIR");
  int r;
  if (d != NULL && d[0] != '\0')
    r = snprintf(buf, n, "%s", d);
  else if ((d = getenv("XDG_CACHE_HOME")) != NULL && d[0] == '/')
    r = snprintf(buf, n, "%s/tycho", d);
  else if ((d = getenv("HOME")) != NULL && d[0] == '/')
    r = snprintf(buf, n, "%s/.cache/tycho", d);
  else
    return 0;
  return r > 0 && (size_t)r < n;
}

static int stamppath(const struct stat *st, char *buf, size_t n) {
  char dir[4096];
  int r;
  if (!cachedir(dir, sizeof dir)) return 0;
  r = snprintf(buf, n, "%s/verified/%llx-%llx", dir, (unsigned long long)st->st_dev,
               (unsigned long long)st->st_ino);
  return r > 0 && (size_t)r < n;
}

static int stamptext(const struct stat *st, const TyImgHeader *h, char *buf, size_t n) {
  int r = snprintf(buf, n, STAMPTAG " %llu %lld.%09ld %lld.%09ld %016llx %.32s\n",
                   (unsigned long long)st->st_size,
                   (long long)st->st_mtim.tv_sec, (long)st->st_mtim.tv_nsec,
                   (long long)st->st_ctim.tv_sec, (long)st->st_ctim.tv_nsec,
                   (unsigned long long)h->checksum, tyI_buildid);
  return r > 0 && (size_t)r < n;
}

int tyI_stamped(int fd, const TyImgHeader *h) {
  struct stat st;
  char path[4200], want[256], got[256];
  int sf;
  ssize_t r;
  if (fullcheck() || fstat(fd, &st) != 0 || !stamppath(&st, path, sizeof path) ||
      !stamptext(&st, h, want, sizeof want))
    return 0;
  sf = open(path, O_RDONLY | O_CLOEXEC);
  if (sf < 0) return 0;
  r = read(sf, got, sizeof got - 1);
  close(sf);
  if (r <= 0) return 0;
  got[r] = '\0';
  return strcmp(got, want) == 0;
}

/* mkdir -p of the directory part of path (the cache root may not exist yet) */
static void makedirs(char *path) {
  char *s;
  for (s = path + 1; (s = strchr(s, '/')) != NULL; s++) {
    *s = '\0';
    if (mkdir(path, 0700) != 0 && errno != EEXIST) {
      *s = '/';
      return;
    }
    *s = '/';
  }
}

void tyI_stamp(int fd, const TyImgHeader *h) {
  struct stat st;
  char path[4200], tmp[4300], text[256];
  int sf;
  size_t n;
  if (fullcheck() || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
      !stamppath(&st, path, sizeof path) || !stamptext(&st, h, text, sizeof text))
    return;
  makedirs(path);
  snprintf(tmp, sizeof tmp, "%s.%ld.tmp", path, (long)getpid());
  sf = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (sf < 0) return;
  n = strlen(text);
  if (write(sf, text, n) != (ssize_t)n) {
    close(sf);
    unlink(tmp);
    return;
  }
  close(sf);
  if (rename(tmp, path) != 0) unlink(tmp);  /* atomic: readers see a whole stamp or none */
}
