/* imgstamp.c: remembers which image files passed the full content check, so an unchanged file skips it. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "image.h"
#include "imgstamp.h"

/*
** A stamp names one file version: device, inode, size, mtime and ctime (in
** nanoseconds).  Any write to the file, and any rename over it, changes one
** of them; ctime cannot be set back by a user.  The stamp also holds the
** header's checksum and build id, so it is void for any other image.
**
** Trust.  A stamp lets a load skip the content check, so only the user
** may be able to write one: stamps are read and written only in a cache
** directory owned by the effective user with no group or other permission
** bits (0700), opened once and then used through its descriptor (openat),
** so it cannot be swapped after the check.  The directory is
** $TYCHO_CACHE_DIR (absolute, else ignored with a warning), else
** $XDG_CACHE_HOME/tycho, else ~/.cache/tycho; it is created 0700 when
** missing.  Another directory (world-writable, someone else's) is ignored
** with a warning: every load then checks the content.
**
** Races.  The identity is taken before the content check (tyI_open's fstat)
** and compared after it: a file rewritten during the check is never
** stamped.  And a file whose ctime is not older than the coarse clock read
** right after that fstat is not stamped either: a rewrite later in the same
** clock tick could leave every field as it was (file timestamps come from
** that clock), so such a file is checked again at its next load.
**
** TYCHO_IMAGE_VERIFY=full ignores stamps.  Every other failure here only
** means "check the content again".
*/

#define STAMPTAG "tycho-image-verified 1"

static int fullcheck(void) {
  const char *v = getenv("TYCHO_IMAGE_VERIFY");
  return v != NULL && strcmp(v, "full") == 0;
}

/* one warning per process, whatever the number of images loaded */
static void warnonce(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void warnonce(const char *fmt, ...) {
  static int warned;
  va_list ap;
  if (warned) return;
  warned = 1;
  fputs("tycho: warning: ", stderr);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
}

/* the cache directory's path into buf; 0 if there is none (or a relative one) */
static int cachepath(char *buf, size_t n) {
  const char *d = getenv("TYCHO_CACHE_DIR");
  int r;
  if (d != NULL && d[0] != '\0') {
    if (d[0] != '/') {
      warnonce("TYCHO_CACHE_DIR '%s' is not an absolute path; image stamps are not used", d);
      return 0;
    }
    r = snprintf(buf, n, "%s", d);
  }
  else if ((d = getenv("XDG_CACHE_HOME")) != NULL && d[0] == '/')
    r = snprintf(buf, n, "%s/tycho", d);
  else if ((d = getenv("HOME")) != NULL && d[0] == '/')
    r = snprintf(buf, n, "%s/.cache/tycho", d);
  else
    return 0;
  return r > 0 && (size_t)r < n;
}

/* mkdir -p path, new directories 0700 (failures show when it is opened) */
static void makedirs(char *path) {
  char *s;
  for (s = path + 1;; s++) {
    char c;
    s = strchr(s, '/');
    c = s != NULL ? *s : '\0';
    if (s != NULL) *s = '\0';
    if (path[0] != '\0' && mkdir(path, 0700) != 0 && errno != EEXIST) {
      if (s != NULL) *s = c;
      return;
    }
    if (s == NULL) return;
    *s = c;
  }
}

/* the trusted cache directory, opened (create: make it if missing); -1 if none */
static int cachedir(int create) {
  char path[4096];
  struct stat st;
  int fd;
  if (!cachepath(path, sizeof path)) return -1;
  fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0 && errno == ENOENT && create) {
    makedirs(path);
    fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  }
  if (fd < 0) return -1;  /* missing or unusable: silently no stamps */
  if (fstat(fd, &st) != 0) {
    close(fd);
    return -1;
  }
  if (st.st_uid != geteuid() || (st.st_mode & 077) != 0) {
    if (st.st_uid != geteuid())
      warnonce("image stamps ignored: cache directory '%s' is not owned by this user", path);
    else
      warnonce("image stamps ignored: cache directory '%s' has mode %04o (it must be 0700)",
               path, (unsigned)(st.st_mode & 07777));
    close(fd);
    return -1;
  }
  return fd;
}

static int stampname(const struct stat *st, char *buf, size_t n) {
  int r = snprintf(buf, n, "verified/%llx-%llx", (unsigned long long)st->st_dev,
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

int tyI_samefile(const struct stat *a, const struct stat *b) {
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size &&
         a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec &&
         a->st_ctim.tv_sec == b->st_ctim.tv_sec && a->st_ctim.tv_nsec == b->st_ctim.tv_nsec;
}

void tyI_clock(struct timespec *now) {
#ifdef CLOCK_REALTIME_COARSE
  if (clock_gettime(CLOCK_REALTIME_COARSE, now) == 0) return;
#endif
  now->tv_sec = 0;  /* no clock: every file counts as too recent, nothing is stamped */
  now->tv_nsec = 0;
}

int tyI_stamped(const struct stat *st, const TyImgHeader *h) {
  char name[64], want[256], got[256];
  int dir, sf;
  ssize_t r;
  if (fullcheck() || !stampname(st, name, sizeof name) || !stamptext(st, h, want, sizeof want))
    return 0;
  if ((dir = cachedir(0)) < 0) return 0;
  sf = openat(dir, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  close(dir);
  if (sf < 0) return 0;
  r = read(sf, got, sizeof got - 1);
  close(sf);
  if (r <= 0) return 0;
  got[r] = '\0';
  return strcmp(got, want) == 0;
}

void tyI_stamp(const struct stat *st, const struct timespec *seen, const TyImgHeader *h) {
  char name[64], tmp[96], text[256];
  int dir, sf;
  size_t n;
  if (fullcheck() || !S_ISREG(st->st_mode) || !stampname(st, name, sizeof name) ||
      !stamptext(st, h, text, sizeof text))
    return;
  if (st->st_ctim.tv_sec > seen->tv_sec ||
      (st->st_ctim.tv_sec == seen->tv_sec && st->st_ctim.tv_nsec >= seen->tv_nsec))
    return;  /* changed in the current clock tick: a rewrite could look the same (above) */
  if ((dir = cachedir(1)) < 0) return;
  if (mkdirat(dir, "verified", 0700) != 0 && errno != EEXIST) {
    close(dir);
    return;
  }
  snprintf(tmp, sizeof tmp, "%s.%ld.tmp", name, (long)getpid());
  sf = openat(dir, tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (sf >= 0) {
    n = strlen(text);
    if (write(sf, text, n) != (ssize_t)n) {
      close(sf);
      unlinkat(dir, tmp, 0);
    }
    else {
      close(sf);
      if (renameat(dir, tmp, dir, name) != 0)  /* atomic: readers see a whole stamp or none */
        unlinkat(dir, tmp, 0);
    }
  }
  close(dir);
}
