/* tychoc.c: the image builder (image, info, check); drives the `tycho` runtime as a subprocess. */

/*
 * Design note. tychoc is a small libc-only program, deliberately outside the runtime:
 *  - `image` writes a setup script (require each package, then run --script), runs
 *    `tycho --output-o=TMP.o setup` in a fresh process, links the object with the exact
 *    command `tycho --print-link-command` prints (only the compiler word is replaced by
 *    the one found: $CC, cc, gcc, clang), checks that the result loads, then renames it
 *    onto the output path (a failed build never clobbers an existing image).
 *  - `info` and `check` ask the runtime: `tycho --image-info=FILE` prints a tab-separated
 *    dump (docs/image-format.md, "Info dump"); tychoc formats it, or compares each
 *    package's recorded size/mtime (then content hash, only when those differ) with the
 *    source file on disk.
 * The runtime is found as $TYCHO, else `tycho` next to this executable, else on PATH.
 */

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../image/tyck64.h"   /* the package content hash, shared with the runtime */

/* tychoc is a one-shot command whose buffers live until exit; under ASan only
** the runtime (tycho, libtycho) is leak-checked, not this program's exit path */
const char *__asan_default_options(void);
const char *__asan_default_options(void) { return "detect_leaks=0"; }

#define MAXARGS 256

static const char *tycho_exe;     /* runtime executable (absolute or PATH name) */
static int verbose;

/* ---- small utilities -------------------------------------------------------------- */

static void die(const char *fmt, ...) {
  va_list ap;
  fputs("tychoc: ", stderr);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  exit(1);
}

static void *xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (p == NULL) die("out of memory");
  return p;
}

static char *xstrdup(const char *s) {
  char *p = xmalloc(strlen(s) + 1);
  strcpy(p, s);
  return p;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static const char *human_size(double n, char *buf, size_t len) {
  if (n >= 1024.0 * 1024.0) snprintf(buf, len, "%.1f MB", n / (1024.0 * 1024.0));
  else if (n >= 1024.0) snprintf(buf, len, "%.1f KB", n / 1024.0);
  else snprintf(buf, len, "%.0f bytes", n);
  return buf;
}

/* whole file into a NUL-terminated buffer; NULL on error */
static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) return NULL;
  size_t cap = 4096, n = 0;
  char *buf = xmalloc(cap);
  size_t r;
  while ((r = fread(buf + n, 1, cap - n - 1, f)) > 0) {
    n += r;
    if (cap - n - 1 == 0) {
      cap *= 2;
      char *nb = realloc(buf, cap);
      if (nb == NULL) die("out of memory");
      buf = nb;
    }
  }
  fclose(f);
  buf[n] = '\0';
  if (len) *len = n;
  return buf;
}

/* executable `name` found on PATH (or name itself when it has a slash); NULL if none */
static char *find_program(const char *name) {
  if (name == NULL || *name == '\0') return NULL;
  if (strchr(name, '/')) return access(name, X_OK) == 0 ? xstrdup(name) : NULL;
  const char *path = getenv("PATH");
  if (path == NULL) return NULL;
  char buf[PATH_MAX];
  while (*path) {
    const char *end = strchr(path, ':');
    size_t len = end ? (size_t)(end - path) : strlen(path);
    if (len == 0) snprintf(buf, sizeof buf, "./%s", name);
    else snprintf(buf, sizeof buf, "%.*s/%s", (int)len, path, name);
    struct stat st;
    if (stat(buf, &st) == 0 && S_ISREG(st.st_mode) && access(buf, X_OK) == 0) return xstrdup(buf);
    if (!end) break;
    path = end + 1;
  }
  return NULL;
}

/* Split a command line into words: blanks separate; '...' and "..." quote; \ escapes.
   Returns the word count (<= max); words are malloc'ed. */
static int split_words(const char *s, char **words, int max) {
  int n = 0;
  while (*s) {
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') s++;
    if (!*s) break;
    char *w = xmalloc(strlen(s) + 1), *o = w;
    while (*s && *s != ' ' && *s != '\t' && *s != '\n' && *s != '\r') {
      if (*s == '\'') {
        for (s++; *s && *s != '\''; s++) *o++ = *s;
        if (*s) s++;
      } else if (*s == '"') {
        for (s++; *s && *s != '"'; s++) {
          if (*s == '\\' && s[1]) s++;
          *o++ = *s;
        }
        if (*s) s++;
      } else if (*s == '\\' && s[1]) {
        *o++ = s[1];
        s += 2;
      } else {
        *o++ = *s++;
      }
    }
    *o = '\0';
    if (n >= max) die("command line too long: %s", s);
    words[n++] = w;
  }
  return n;
}

static void print_command(FILE *f, char **argv) {
  for (int i = 0; argv[i]; i++) {
    const char *a = argv[i];
    int plain = *a != '\0' && strpbrk(a, " \t\n'\"\\$`*?;&|<>()") == NULL;
    if (plain) fprintf(f, "%s%s", i ? " " : "", a);
    else {
      fprintf(f, "%s'", i ? " " : "");
      for (; *a; a++) {
        if (*a == '\'') fputs("'\\''", f);
        else fputc(*a, f);
      }
      fputc('\'', f);
    }
  }
  fputc('\n', f);
}

/* Run argv; stdout/stderr go to the given files (NULL: inherit). Returns the exit status,
   128+signal when killed, or -1 (errno kept) when the program could not be started. */
static int run(char **argv, const char *out_path, const char *err_path) {
  if (verbose) {
    fputs("+ ", stderr);
    print_command(stderr, argv);
  }
  int pfd[2];   /* close-on-exec pipe reports an exec failure's errno */
  if (pipe(pfd) != 0) return -1;
  fcntl(pfd[1], F_SETFD, FD_CLOEXEC);
  fflush(stdout);
  fflush(stderr);
  pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    close(pfd[0]);
    if (out_path) {
      int fd = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (fd < 0 || dup2(fd, 1) < 0) _exit(127);
      close(fd);
    }
    if (err_path) {
      int fd = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (fd < 0 || dup2(fd, 2) < 0) _exit(127);
      close(fd);
    }
    execvp(argv[0], argv);
    int e = errno;
    if (write(pfd[1], &e, sizeof e) < 0) { /* nothing more to do */ }
    _exit(127);
  }
  close(pfd[1]);
  int child_errno = 0;
  ssize_t got = read(pfd[0], &child_errno, sizeof child_errno);
  close(pfd[0]);
  int status;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return -1;
  }
  if (got == (ssize_t)sizeof child_errno) {
    errno = child_errno;
    return -1;
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

/* print a captured stderr file, indented, at most `max` lines */
static void relay(const char *path, int max) {
  fflush(stdout);
  FILE *f = fopen(path, "r");
  if (f == NULL) return;
  char line[4096];
  int n = 0, more = 0;
  while (fgets(line, sizeof line, f)) {
    if (n >= max) { more++; continue; }
    size_t l = strlen(line);
    fprintf(stderr, "  %s%s", line, (l && line[l - 1] == '\n') ? "" : "\n");
    n++;
  }
  if (more) fprintf(stderr, "  ... (%d more lines)\n", more);
  fclose(f);
}

/* ---- locating the runtime and the C compiler --------------------------------------- */

static void find_tycho(const char *argv0) {
  const char *env = getenv("TYCHO");
  if (env && *env) {
    char *p = find_program(env);
    if (p == NULL) die("TYCHO=%s: not found or not executable", env);
    tycho_exe = p;
    return;
  }
  char self[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
  if (n > 0) {
    self[n] = '\0';
    char *slash = strrchr(self, '/');
    if (slash && (size_t)(slash - self) + 7 < sizeof self) {
      strcpy(slash + 1, "tycho");
      if (access(self, X_OK) == 0) { tycho_exe = xstrdup(self); return; }
    }
  }
  char *p = find_program("tycho");
  if (p == NULL) die("cannot find the tycho runtime (set TYCHO, or put tycho next to %s or on PATH)", argv0);
  tycho_exe = p;
}

/* The compiler command as words: $CC (may hold flags), cc, gcc, clang. */
static int find_compiler(char **words, int max) {
  const char *cc = getenv("CC");
  if (cc && *cc) {
    int n = split_words(cc, words, max);
    if (n > 0) {
      char *p = find_program(words[0]);
      if (p) { words[0] = p; return n; }
    }
  }
  static const char *const names[] = {"cc", "gcc", "clang"};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
    char *p = find_program(names[i]);
    if (p) { words[0] = p; return 1; }
  }
  if (cc && *cc) die("no C compiler found (tried %s, cc, gcc, clang); install one with: apt-get install gcc", cc);
  die("no C compiler found (tried $CC, cc, gcc, clang); install one with: apt-get install gcc");
  return 0;
}

/* ---- tychoc image ------------------------------------------------------------------ */

typedef struct {
  const char *output, *script, *base, *packages, *incremental;
  int pin_paths, keep;
} ImageOpts;

static void usage(FILE *f) {
  fputs(
    "usage: tychoc image -o app.so [--packages a,b,c] [--script setup.lua] [--base base.so]\n"
    "                    [--pin-paths] [--incremental=no] [--keep-object FILE.o] [-v]\n"
    "       tychoc info app.so\n"
    "       tychoc check app.so\n"
    "The runtime is $TYCHO, else tycho next to tychoc, else tycho on PATH.\n"
    "See docs/tychoc.md.\n", f);
}

/* write s as a Lua long-bracket-free quoted string literal */
static void lua_quote(FILE *f, const char *s) {
  fputc('"', f);
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '"' || c == '\\') fprintf(f, "\\%c", c);
    else if (c < 32 || c == 127) fprintf(f, "\\%03d", c);
    else fputc(c, f);
  }
  fputc('"', f);
}

static char *absolute(const char *p) {
  char buf[PATH_MAX];
  if (realpath(p, buf)) return xstrdup(buf);
  return xstrdup(p);
}

/* generated setup: require each package (kept in package.loaded), then the user script */
static void write_setup(const char *path, const ImageOpts *o, int *npkg) {
  FILE *f = fopen(path, "w");
  if (f == NULL) die("cannot write %s: %s", path, strerror(errno));
  fputs("-- generated by tychoc: the session this image captures\n", f);
  *npkg = 0;
  if (o->packages) {
    char *list = xstrdup(o->packages);
    for (char *tok = strtok(list, ", "); tok; tok = strtok(NULL, ", ")) {
      fputs("require(", f);
      lua_quote(f, tok);
      fputs(")\n", f);
      (*npkg)++;
    }
    free(list);
  }
  if (o->script) {
    char *abs = absolute(o->script);
    fputs("do\n  local f = assert(loadfile(", f);
    lua_quote(f, abs);
    fputs("))\n  f()\nend\n", f);
    free(abs);
  }
  if (fclose(f) != 0) die("cannot write %s: %s", path, strerror(errno));
}

static int copy_file(const char *from, const char *to) {
  size_t n;
  char *data = read_file(from, &n);
  if (data == NULL) return -1;
  FILE *f = fopen(to, "wb");
  if (f == NULL) { free(data); return -1; }
  int ok = fwrite(data, 1, n, f) == n;
  ok = (fclose(f) == 0) && ok;
  free(data);
  return ok ? 0 : -1;
}

static char tmpdir[PATH_MAX];
static void cleanup_tmp(void) {
  if (tmpdir[0] == '\0') return;
  static const char *const files[] = {"setup.lua", "app.o", "setup.err", "setup.out", "link.out", "link.err",
                                      "plc.out", "plc.err", "check.err", "check.out"};
  char p[PATH_MAX + 32];
  for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
    snprintf(p, sizeof p, "%s/%s", tmpdir, files[i]);
    unlink(p);
  }
  rmdir(tmpdir);
}

/* creates tmpdir (under $TMPDIR, else /tmp) on first use; removed at exit */
static void make_tmpdir(void) {
  const char *t = getenv("TMPDIR");
  if (tmpdir[0] != '\0') return;
  snprintf(tmpdir, sizeof tmpdir, "%s/tychoc.XXXXXX", t && *t ? t : "/tmp");
  if (mkdtemp(tmpdir) == NULL) die("cannot create a temporary directory: %s", strerror(errno));
  atexit(cleanup_tmp);
}

static int cmd_image(int argc, char **argv) {
  ImageOpts o = {0};
  const char *keep_object = NULL;
  for (int i = 0; i < argc; i++) {
    const char *a = argv[i];
#define VALUE(name) (strchr(a, '=') ? strchr(a, '=') + 1 : (i + 1 < argc ? argv[++i] : (die("%s needs a value", name), "")))
    if (!strcmp(a, "-o") || !strncmp(a, "--output=", 9) || !strcmp(a, "--output")) o.output = VALUE("-o");
    else if (!strcmp(a, "--packages") || !strncmp(a, "--packages=", 11)) o.packages = VALUE("--packages");
    else if (!strcmp(a, "--script") || !strncmp(a, "--script=", 9)) o.script = VALUE("--script");
    else if (!strcmp(a, "--base") || !strncmp(a, "--base=", 7)) o.base = VALUE("--base");
    else if (!strcmp(a, "--keep-object") || !strncmp(a, "--keep-object=", 14)) keep_object = VALUE("--keep-object");
    else if (!strcmp(a, "--pin-paths")) o.pin_paths = 1;
    else if (!strncmp(a, "--incremental=", 14)) {
      o.incremental = a + 14;
      if (strcmp(o.incremental, "yes") && strcmp(o.incremental, "no"))
        die("--incremental takes yes or no, not '%s'", o.incremental);
    }
    else if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) verbose = 1;
    else if (!strcmp(a, "-h") || !strcmp(a, "--help")) { usage(stdout); return 0; }
    else if (!strncmp(a, "--trace", 7) || !strncmp(a, "--statements", 12) ||
             !strncmp(a, "--cpu-target", 12) || !strcmp(a, "-C")) {
      char name[32];
      snprintf(name, sizeof name, "%.*s", (int)strcspn(a, "="), a);
      die("%s needs native code, which is not implemented yet", name);
    }
    else { usage(stderr); die("unknown option '%s'", a); }
#undef VALUE
  }
  if (o.output == NULL) { usage(stderr); die("image: -o FILE is required"); }
  if (o.packages == NULL && o.script == NULL)
    fprintf(stderr, "tychoc: note: no --packages and no --script; the image holds the standard libraries only\n");
  if (o.script && access(o.script, R_OK) != 0) die("cannot read script '%s': %s", o.script, strerror(errno));
  if (o.base && access(o.base, R_OK) != 0) die("cannot read base image '%s': %s", o.base, strerror(errno));

  /* fail fast: no compiler means no image, so say it before running the setup */
  char *cc[MAXARGS];
  int ncc = find_compiler(cc, MAXARGS / 2);

  make_tmpdir();
  char setup[PATH_MAX + 32], obj[PATH_MAX + 32], err[PATH_MAX + 32], out[PATH_MAX + 32];
  snprintf(setup, sizeof setup, "%s/setup.lua", tmpdir);
  snprintf(obj, sizeof obj, "%s/app.o", tmpdir);
  /* link next to the output, then rename: a failed build never clobbers an existing image */
  size_t olen = strlen(o.output);
  char *tmp_so = xmalloc(olen + 32);
  snprintf(tmp_so, olen + 32, "%s.tmp%ld.so", o.output, (long)getpid());

  int npkg;
  write_setup(setup, &o, &npkg);
  double t_all = now();

  /* [1/3] setup + object file, in a fresh runtime process */
  {
    char *args[16];
    int n = 0;
    char oarg[PATH_MAX + 48];
    args[n++] = (char *)tycho_exe;
    if (o.base) { args[n++] = "-J"; args[n++] = (char *)o.base; }
    if (o.incremental) args[n++] = !strcmp(o.incremental, "no") ? "--incremental=no" : "--incremental=yes";
    if (o.pin_paths) args[n++] = "--pin-paths";
    snprintf(oarg, sizeof oarg, "--output-o=%s", obj);
    args[n++] = oarg;
    args[n++] = setup;
    args[n] = NULL;
    char what[160];
    snprintf(what, sizeof what, "running setup (%d package%s%s%s) and writing the object", npkg,
             npkg == 1 ? "" : "s", o.script ? " + script" : "", o.base ? ", on base" : "");
    printf("[1/3] %s ... ", what);
    fflush(stdout);
    snprintf(err, sizeof err, "%s/setup.err", tmpdir);
    snprintf(out, sizeof out, "%s/setup.out", tmpdir);
    double t0 = now();
    int st = run(args, out, err);
    double dt = now() - t0;
    struct stat sb;
    if (st != 0 || stat(obj, &sb) != 0) {
      printf("failed\n");
      fflush(stdout);
      if (st < 0) die("cannot run %s: %s", tycho_exe, strerror(errno));
      fprintf(stderr, "tychoc: setup failed (%s exited with status %d):\n", tycho_exe, st);
      relay(out, 10);
      relay(err, 30);
      if (st == 0) fprintf(stderr, "tychoc: %s wrote no object file (does this runtime support --output-o?)\n", tycho_exe);
      return 1;
    }
    char hs[32];
    printf("%.2f s (object %s)\n", dt, human_size((double)sb.st_size, hs, sizeof hs));
    relay(out, 30);   /* what the setup printed, then its warnings */
    relay(err, 30);
    if (keep_object && copy_file(obj, keep_object) != 0)
      die("cannot copy the object to %s: %s", keep_object, strerror(errno));
  }

  /* [2/3] link, with the command the runtime prints for this install */
  {
    char *args[] = {(char *)tycho_exe, "--print-link-command", obj, tmp_so, NULL};
    snprintf(out, sizeof out, "%s/plc.out", tmpdir);
    snprintf(err, sizeof err, "%s/plc.err", tmpdir);
    int st = run(args, out, err);
    char *line = st == 0 ? read_file(out, NULL) : NULL;
    if (line == NULL || *line == '\0') {
      fprintf(stderr, "tychoc: '%s --print-link-command' failed (status %d):\n", tycho_exe, st);
      relay(err, 10);
      return 1;
    }
    char *nl = strchr(line, '\n');
    if (nl) *nl = '\0';
    char *words[MAXARGS];
    int nw = split_words(line, words, MAXARGS / 2);
    if (nw < 2) die("unexpected link command from the runtime: %s", line);
    /* the runtime's first word is its compiler; use the one found here, same arguments */
    char *cmd[MAXARGS + 1];
    int n = 0;
    for (int i = 0; i < ncc; i++) cmd[n++] = cc[i];
    for (int i = 1; i < nw; i++) cmd[n++] = words[i];
    cmd[n] = NULL;
    printf("[2/3] linking (%s) ... ", cc[0]);
    fflush(stdout);
    snprintf(out, sizeof out, "%s/link.out", tmpdir);
    snprintf(err, sizeof err, "%s/link.err", tmpdir);
    double t0 = now();
    st = run(cmd, out, err);
    double dt = now() - t0;
    if (st != 0) {
      printf("failed\n");
      fflush(stdout);
      unlink(tmp_so);
      if (st < 0) die("cannot run the C compiler %s: %s; install one with: apt-get install gcc", cc[0], strerror(errno));
      fprintf(stderr, "tychoc: the linker failed (status %d); command:\n  ", st);
      print_command(stderr, cmd);
      relay(err, 30);
      fprintf(stderr, "tychoc: a C compiler with a working linker is needed; install one with: apt-get install gcc binutils\n");
      free(line);
      return 1;
    }
    printf("%.2f s\n", dt);
    free(line);  /* cmd's words pointed into it */
  }

  /* [3/3] the image must load in a fresh process before it replaces the output */
  {
    char *args[] = {(char *)tycho_exe, "-J", tmp_so, "-e", "", NULL};
    printf("[3/3] checking that it loads ... ");
    fflush(stdout);
    snprintf(err, sizeof err, "%s/check.err", tmpdir);
    double t0 = now();
    int st = run(args, "/dev/null", err);
    double dt = now() - t0;
    if (st != 0) {
      printf("failed\n");
      fflush(stdout);
      fprintf(stderr, "tychoc: the new image does not load (status %d):\n", st);
      relay(err, 10);
      unlink(tmp_so);
      return 1;
    }
    printf("%.3f s\n", dt);
  }
  if (rename(tmp_so, o.output) != 0) {
    int e = errno;
    unlink(tmp_so);
    die("cannot rename the image to %s: %s", o.output, strerror(e));
  }
  struct stat sb;
  char hs[32];
  if (stat(o.output, &sb) != 0) die("%s: %s", o.output, strerror(errno));
  printf("wrote %s (%s) in %.2f s\n", o.output, human_size((double)sb.st_size, hs, sizeof hs), now() - t_all);
  return 0;
}

/* ---- the runtime's info dump -------------------------------------------------------- */

/* One dump line split at tabs: fields[0] is the record kind. */
typedef struct { int n; char *f[12]; } Rec;
typedef struct { int n; Rec *r; char *text; } Dump;  /* fields point into text */

/* undo the dump's escapes (\t \n \\) in place */
static void unescape(char *s) {
  char *o = s;
  for (; *s; s++) {
    if (*s == '\\' && s[1]) {
      s++;
      *o++ = *s == 't' ? '\t' : *s == 'n' ? '\n' : *s;
    } else *o++ = *s;
  }
  *o = '\0';
}

/* Run `tycho --image-info=FILE` and parse its output; on failure relay the runtime's
   one-line reason and exit 1. */
static Dump load_dump(const char *image) {
  make_tmpdir();  /* one directory per run (check reads a base's dump too) */
  char out[PATH_MAX + 32], err[PATH_MAX + 32], arg[PATH_MAX + 32];
  snprintf(out, sizeof out, "%s/check.out", tmpdir);
  snprintf(err, sizeof err, "%s/check.err", tmpdir);
  if (access(image, R_OK) != 0) die("cannot read image '%s': %s", image, strerror(errno));
  snprintf(arg, sizeof arg, "--image-info=%s", image);
  char *args[] = {(char *)tycho_exe, arg, NULL};
  int st = run(args, out, err);
  if (st < 0) die("cannot run %s: %s", tycho_exe, strerror(errno));
  char *text = read_file(out, NULL);
  if (st != 0 || text == NULL || strncmp(text, "tycho-image-info\t", 17) != 0) {
    char *e = read_file(err, NULL);
    if (e && *e) {
      char *nl = strchr(e, '\n');
      if (nl) *nl = '\0';
      fprintf(stderr, "%s\n", e);   /* the runtime's own one-line reason */
    } else {
      fprintf(stderr, "tychoc: '%s --image-info' gave no dump (status %d)\n", tycho_exe, st);
    }
    exit(1);
  }
  Dump d = {0, NULL, text};
  int cap = 0;
  for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
    if (d.n == cap) {
      cap = cap ? cap * 2 : 64;
      Rec *nr = realloc(d.r, cap * sizeof(Rec));
      if (nr == NULL) die("out of memory");
      d.r = nr;
    }
    Rec *r = &d.r[d.n++];
    r->n = 0;
    char *p = line;
    while (r->n < 12) {
      r->f[r->n++] = p;
      char *tab = strchr(p, '\t');
      if (!tab) break;
      *tab = '\0';
      p = tab + 1;
    }
    for (int i = 0; i < r->n; i++) unescape(r->f[i]);
    for (int i = r->n; i < 12; i++) r->f[i] = "";
  }
  return d;
}

static void free_dump(Dump *d) {
  free(d->r);
  free(d->text);
}

static const char *dump_get(const Dump *d, const char *kind) {
  for (int i = 0; i < d->n; i++)
    if (!strcmp(d->r[i].f[0], kind)) return d->r[i].n > 1 ? d->r[i].f[1] : "";
  return NULL;
}

static int cmd_info(int argc, char **argv) {
  if (argc != 1) { usage(stderr); return 2; }
  const char *image = argv[0];
  Dump d = load_dump(image);
  struct stat sb;
  char hs[32];
  const char *v;
  printf("image          %s (%s on disk)\n", image,
         stat(image, &sb) == 0 ? human_size((double)sb.st_size, hs, sizeof hs) : "?");
  if ((v = dump_get(&d, "format"))) printf("format         version %s\n", v);
  if ((v = dump_get(&d, "runtime"))) printf("runtime        %s\n", v);
  if ((v = dump_get(&d, "build_id"))) {
    const char *cur = dump_get(&d, "runtime_build_id");
    printf("build id       %s%s\n", v, cur && strcmp(cur, v) ? "  (differs from this runtime's: will not load)" : "");
  }
  for (int i = 0; i < d.n; i++) {
    Rec *r = &d.r[i];
    if (!strcmp(r->f[0], "checksum")) printf("checksum       %s (%s)\n", r->f[1], r->f[2]);
  }
  if ((v = dump_get(&d, "size"))) printf("blob           %s\n", human_size(atof(v), hs, sizeof hs));
  if ((v = dump_get(&d, "seed"))) printf("random seed    %s\n", v);
  if ((v = dump_get(&d, "paths"))) printf("package paths  %s\n", v);
  for (int i = 0; i < d.n; i++) {
    Rec *r = &d.r[i];
    if (strcmp(r->f[0], "base")) continue;
    if (!strcmp(r->f[1], "-") || !*r->f[1]) printf("base image     none (self-contained)\n");
    else printf("base image     build id %s%s%s\n", r->f[1], *r->f[2] ? ", " : "", r->f[2]);
  }

  printf("\nsections       %12s %12s %10s\n", "offset", "bytes", "count");
  for (int i = 0; i < d.n; i++) {
    Rec *r = &d.r[i];
    if (!strcmp(r->f[0], "section"))
      printf("  %-12s %12s %12s %10s\n", r->f[1], r->f[2], r->f[3], r->f[4]);
  }
  printf("\nobjects        %12s %12s\n", "count", "bytes");
  long long tc = 0, tb = 0;
  for (int i = 0; i < d.n; i++) {
    Rec *r = &d.r[i];
    if (strcmp(r->f[0], "objects")) continue;
    printf("  %-12s %12s %12s\n", r->f[1], r->f[2], r->f[3]);
    tc += atoll(r->f[2]);
    tb += atoll(r->f[3]);
  }
  printf("  %-12s %12lld %12lld\n", "total", tc, tb);

  int np = 0;
  for (int i = 0; i < d.n; i++) np += !strcmp(d.r[i].f[0], "package");
  printf("\npackages (%d)\n", np);
  for (int i = 0; i < d.n; i++) {
    Rec *r = &d.r[i];
    if (!strcmp(r->f[0], "package"))
      printf("  %-24s %s  %s\n", r->f[1], r->f[5], r->f[2]);
  }
  int nc = 0;
  for (int i = 0; i < d.n; i++) nc += !strcmp(d.r[i].f[0], "clib");
  printf("\nC modules (%d, reopened at load only if unchanged)\n", nc);
  for (int i = 0; i < d.n; i++) {
    Rec *r = &d.r[i];
    if (!strcmp(r->f[0], "clib")) printf("  %s  %s\n", r->f[3], r->f[1]);
  }
  int nh = 0;
  for (int i = 0; i < d.n; i++) nh += !strcmp(d.r[i].f[0], "hook");
  printf("\ninit hooks (%d, run in this order at load)\n", nh);
  for (int i = 0; i < d.n; i++) {
    Rec *r = &d.r[i];
    if (!strcmp(r->f[0], "hook")) printf("  %3s  %s\n", r->f[1], r->f[2]);
  }
  int nt = 0;
  for (int i = 0; i < d.n; i++) nt += !strcmp(d.r[i].f[0], "cpu_target");
  printf("\ncpu targets (%d)%s\n", nt, nt ? "" : ": none (no native code yet; bytecode runs on every host)");
  for (int i = 0; i < d.n; i++) {
    Rec *r = &d.r[i];
    if (!strcmp(r->f[0], "cpu_target")) printf("  %3s  %s %s\n", r->f[1], r->f[2], r->f[3]);
  }
  free_dump(&d);
  return 0;
}

/* ---- tychoc check ------------------------------------------------------------------ */

/* hash of a file's bytes with the named algorithm: 0 ok, -1 unreadable, -2 unknown alg */
static int hash_file(const char *path, const char *alg, char *out, size_t outlen) {
  if (strcmp(alg, "tyck64") != 0) return -2;
  size_t n;
  char *data = read_file(path, &n);
  if (data == NULL) return -1;
  snprintf(out, outlen, "%016llx", (unsigned long long)tyck64(data, n, 0));
  free(data);
  return 0;
}

/* mtime as recorded: "SEC" or "SEC.NSEC" */
static int same_mtime(const char *rec, const struct stat *st) {
  char *end;
  long long sec = strtoll(rec, &end, 10);
  if (sec != (long long)st->st_mtim.tv_sec) return 0;
  if (*end == '.') return strtol(end + 1, NULL, 10) == st->st_mtim.tv_nsec;
  return 1;
}

static void check_packages(const char *image, int quiet, int *totalp, int *stalep, int depth);

static int cmd_check(int argc, char **argv) {
  int quiet = 0;
  const char *image = NULL;
  for (int i = 0; i < argc; i++) {
    if (!strcmp(argv[i], "-q") || !strcmp(argv[i], "--quiet")) quiet = 1;
    else if (image == NULL) image = argv[i];
    else { usage(stderr); return 2; }
  }
  if (image == NULL) { usage(stderr); return 2; }
  int total = 0, stale = 0;
  check_packages(image, quiet, &total, &stale, 0);
  if (stale) printf("%s: %d of %d packages stale; rebuild with tychoc image\n", image, stale, total);
  else printf("%s: all %d packages up to date\n", image, total);
  return stale ? 1 : 0;
}

/* the packages of one image, then (incremental) those of its base */
static void check_packages(const char *image, int quiet, int *totalp, int *stalep, int depth) {
  Dump d = load_dump(image);
  int total = 0, stale = 0;
  const char *base = NULL;
  for (int i = 0; i < d.n; i++)
    if (!strcmp(d.r[i].f[0], "base") && strcmp(d.r[i].f[1], "-") && *d.r[i].f[2]) base = d.r[i].f[2];
  for (int i = 0; i < d.n; i++) {
    Rec *r = &d.r[i];
    if (strcmp(r->f[0], "package")) continue;
    total++;
    const char *name = r->f[1], *path = r->f[2], *hash = r->f[5];
    long long size = atoll(r->f[3]);
    struct stat st;
    const char *why = NULL;
    if (*path == '\0' || !strcmp(path, "-")) continue;   /* no source file (e.g. preload) */
    if (stat(path, &st) != 0) why = "source file missing";
    else if (!S_ISREG(st.st_mode)) why = "source is not a regular file";   /* never read a FIFO */
    else if ((long long)st.st_size == size && same_mtime(r->f[4], &st)) why = NULL;   /* cheap path */
    else {
      /* size or mtime differ: the hash decides (a touched file is not stale) */
      const char *colon = strchr(hash, ':');
      char alg[32], got[40];
      snprintf(alg, sizeof alg, "%.*s", colon ? (int)(colon - hash) : 0, hash);
      int hr = colon ? hash_file(path, alg, got, sizeof got) : -2;
      if (hr == -1) why = "source file unreadable";
      else if (hr == -2) why = (long long)st.st_size != size ? "size changed" : "modified (mtime; unknown hash to confirm)";
      else if (strcmp(got, colon + 1) != 0) why = "content changed";
    }
    if (why) {
      stale++;
      printf("stale  %-24s %s (%s)\n", name, path, why);
    } else if (!quiet) {
      printf("ok     %-24s %s\n", name, path);
    }
  }
  *totalp += total;
  *stalep += stale;
  if (base != NULL && depth < 8) check_packages(base, quiet, totalp, stalep, depth + 1);
  free_dump(&d);
}

/* ---- main -------------------------------------------------------------------------- */

int main(int argc, char **argv) {
  if (argc < 2) { usage(stderr); return 2; }
  const char *cmd = argv[1];
  if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) { usage(stdout); return 0; }
  if (!strcmp(cmd, "app") || !strcmp(cmd, "library"))
    die("'%s' is not implemented yet (tychoc image is)", cmd);
  if (strcmp(cmd, "image") && strcmp(cmd, "info") && strcmp(cmd, "check")) {
    usage(stderr);
    die("unknown command '%s'", cmd);
  }
  find_tycho(argv[0]);
  if (!strcmp(cmd, "image")) return cmd_image(argc - 2, argv + 2);
  if (!strcmp(cmd, "info")) return cmd_info(argc - 2, argv + 2);
  return cmd_check(argc - 2, argv + 2);
}
