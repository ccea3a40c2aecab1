/* tycho.c: the `tycho` command, a drop-in for Lua 5.4's standalone interpreter; public API only. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

/* builds against PUC's liblua5.4 too (for comparison), where tycho.h is absent */
#if defined(__has_include)
#if __has_include("tycho.h")
#include "tycho.h"
#endif
#endif
#if !defined(TYCHO_VERSION)
#define TYCHO_VERSION "tycho 0.1"
#endif

#define PROMPT1 "> "
#define PROMPT2 ">> "
#define MAX_INPUT_LINE 512
#define EOF_MARK "<eof>"
#define IGNORE_MARK '-'  /* -l mod-v2 loads "mod-v2" into global "mod" */

/* option flags found by scan_args */
enum { OPT_ERROR = 1, OPT_I = 2, OPT_V = 4, OPT_E = 8, OPT_BIG_E = 16 };

static const char *progname = "tycho";
static lua_State *interrupted_state = NULL;

/* image options (removed from argv before the lua-compatible parsing) */
static const char *opt_sysimage = NULL;  /* -J FILE / --sysimage=FILE */
static const char *opt_output = NULL;    /* --output-o=FILE */
static int opt_incremental = 1;          /* --incremental=yes|no */
static int opt_pinpaths = 0;             /* --pin-paths */
/* --output-o without -i: the session goes on in the image, so the state is not closed
** (its finalizers run in the programs started from the image); kept reachable here */
static lua_State *saved_state = NULL;
static int opt_help = 0;                 /* --help */

/* ---- messages ---- */

static void message(const char *pname, const char *msg) {
  if (pname != NULL) fprintf(stderr, "%s: ", pname);
  fprintf(stderr, "%s\n", msg);
  fflush(stderr);
}

/* prints the error message at the top (if status is an error) and pops it */
static int report(lua_State *L, int status) {
  if (status != LUA_OK) {
    const char *msg = lua_tostring(L, -1);
    if (msg == NULL) msg = "(error object is not a string)";
    message(progname, msg);
    lua_pop(L, 1);
  }
  return status;
}

/* lua 5.4's option list, printed as "  <flag, 10 columns><help>" */
static const char *const usage_lines[][2] = {
  {"-e stat", "execute string 'stat'"},
  {"-i", "enter interactive mode after executing 'script'"},
  {"-l mod", "require library 'mod' into global 'mod'"},
  {"-l g=mod", "require library 'mod' into global 'g'"},
  {"-v", "show version information"},
  {"-E", "ignore environment variables"},
  {"-W", "turn warnings on"},
  {"--", "stop handling options"},
  {"-", "stop handling options and execute stdin"},
};

/* tycho's own flags, after lua's (docs/tycho.md, "Image options"; man page tycho.1) */
static const char *const image_lines[][2] = {
  {"-J FILE, -JFILE, --sysimage=FILE, --sysimage FILE", "start from the system image FILE"},
  {"--output-o=FILE, --output-o FILE", "when done, write the session to the ELF object FILE"},
  {"--incremental=yes|no", "with -J and --output-o: write only what the image lacks (yes,\n"
                           "      the default) or the whole session (no)"},
  {"--pin-paths", "with --output-o: the image keeps package.path and package.cpath"},
  {"--compile=yes|no|all|min", "native code: tiered (yes, the default), every function (all),\n"
                               "      images' code only (min), interpreter only (no)"},
};
static const char *const command_lines[][2] = {
  {"--print-link-command OBJ.o IMAGE.so", "alone: print the command that links OBJ.o into IMAGE.so"},
  {"--image-info=FILE", "alone: describe the image FILE (exit 1 if it would not load)"},
  {"--help", "show this help and exit"},
};

/* the whole option list: lua's lines exactly as lua5.4 prints them, then tycho's */
static void write_usage(FILE *f) {
  size_t k;
  fprintf(f, "usage: %s [options] [script [args]]\nAvailable options are:\n", progname);
  for (k = 0; k < sizeof usage_lines / sizeof usage_lines[0]; k++)
    fprintf(f, "  %-10s%s\n", usage_lines[k][0], usage_lines[k][1]);
  fputs("Image options (before the script):\n", f);
  for (k = 0; k < sizeof image_lines / sizeof image_lines[0]; k++)
    fprintf(f, "  %s\n      %s\n", image_lines[k][0], image_lines[k][1]);
  fputs("Commands:\n", f);
  for (k = 0; k < sizeof command_lines / sizeof command_lines[0]; k++)
    fprintf(f, "  %s\n      %s\n", command_lines[k][0], command_lines[k][1]);
  fputs("Environment: LUA_INIT, LUA_PATH, LUA_CPATH (and their _5_4 forms),\n"
        "  TYCHO_IMAGE_VERIFY, TYCHO_IMAGE_STALE, TYCHO_CACHE_DIR; see tycho(1).\n", f);
  fflush(f);
}

static void print_usage(const char *badopt) {
  int needsarg = (badopt[1] == 'e' || badopt[1] == 'l');
  fprintf(stderr, needsarg ? "%s: '%s' needs argument\n" : "%s: unrecognized option '%s'\n",
          progname, badopt);
  write_usage(stderr);
}

/* the line ends with the language's origin: scripts (and the official suite) match it */
static void print_version(void) {
  fputs(TYCHO_VERSION ", an implementation of " LUA_VERSION
        ", the language of Lua.org, PUC-Rio\n", stdout);
  fflush(stdout);
}

/* ---- interruption (Ctrl-C stops the running Lua code with an error) ---- */

static void stop_hook(lua_State *L, lua_Debug *ar) {
  (void)ar;
  lua_sethook(L, NULL, 0, 0);
  luaL_error(L, "interrupted!");
}

static void set_signal(int sig, void (*handler)(int)) {
  struct sigaction sa;
  sa.sa_handler = handler;
  sa.sa_flags = 0;
  sigemptyset(&sa.sa_mask);
  sigaction(sig, &sa, NULL);
}

static void on_sigint(int sig) {
  set_signal(sig, SIG_DFL);  /* a second Ctrl-C kills the process */
  lua_sethook(interrupted_state, stop_hook,
              LUA_MASKCALL | LUA_MASKRET | LUA_MASKLINE | LUA_MASKCOUNT, 1);
}

/* ---- running code ---- */

/* message handler: appends a traceback to string messages */
static int msg_handler(lua_State *L) {
  const char *msg = lua_tostring(L, 1);
  if (msg == NULL) {
    if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING)
      return 1;  /* its string form is the message, without traceback */
    msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
  }
  luaL_traceback(L, L, msg, 1);
  return 1;
}

/* calls the function below its narg arguments, with the handler and Ctrl-C armed */
static int docall(lua_State *L, int narg, int nres) {
  int status;
  int base = lua_gettop(L) - narg;
  lua_pushcfunction(L, msg_handler);
  lua_insert(L, base);
  interrupted_state = L;
  set_signal(SIGINT, on_sigint);
  status = lua_pcall(L, narg, nres, base);
  set_signal(SIGINT, SIG_DFL);
  lua_remove(L, base);
  return status;
}

/* Loads a chunk, from the file `name` when code is NULL, else from the string
** code under chunk name `name`; runs it without arguments and reports errors. */
static int run_chunk(lua_State *L, const char *code, const char *name) {
  int status = (code == NULL) ? luaL_loadfile(L, name)
                              : luaL_loadbuffer(L, code, strlen(code), name);
  if (status == LUA_OK)
    status = docall(L, 0, 0);
  return report(L, status);
}

/* -l spec: "mod", "g=mod", or "mod-suffix" (global "mod") */
static int dolibrary(lua_State *L, const char *spec) {
  int status;
  const char *eq = strchr(spec, '=');
  const char *modname = eq != NULL ? eq + 1 : spec;
  size_t glen;
  if (eq != NULL)
    glen = (size_t)(eq - spec);
  else {
    const char *mark = strchr(spec, IGNORE_MARK);
    glen = mark != NULL ? (size_t)(mark - spec) : strlen(spec);
  }
  lua_getglobal(L, "require");
  lua_pushstring(L, modname);
  status = docall(L, 1, 1);
  if (status == LUA_OK) {
    lua_pushlstring(L, spec, glen);
    lua_insert(L, -2);
    lua_setglobal(L, lua_tostring(L, -2));
    lua_pop(L, 1);
  }
  return report(L, status);
}

/* pushes the script's arguments arg[1..#arg] (the global table may have been
** changed by LUA_INIT or -e); returns how many */
static int push_script_args(lua_State *L) {
  int argt, n, k;
  if (lua_getglobal(L, "arg") != LUA_TTABLE)
    luaL_error(L, "'arg' is not a table");
  argt = lua_gettop(L);
  n = (int)luaL_len(L, argt);
  luaL_checkstack(L, n + 3, "too many arguments to script");
  for (k = 1; k <= n; k++)
    lua_rawgeti(L, argt, k);
  lua_remove(L, argt);
  return n;
}

/* argv points at the script name; "-" is stdin unless it came after "--" */
static int run_script(lua_State *L, char **argv) {
  const char *fname = argv[0];
  int status;
  if (strcmp(fname, "-") == 0 && strcmp(argv[-1], "--") != 0)
    fname = NULL;
  status = luaL_loadfile(L, fname);
  if (status == LUA_OK) {
    int n = push_script_args(L);
    status = docall(L, n, LUA_MULTRET);
  }
  return report(L, status);
}

static int run_init(lua_State *L) {
  const char *name = "=LUA_INIT_5_4";
  const char *init = getenv(name + 1);
  if (init == NULL) {
    name = "=LUA_INIT";
    init = getenv(name + 1);
  }
  if (init == NULL) return LUA_OK;
  if (init[0] == '@') return run_chunk(L, NULL, init + 1);
  return run_chunk(L, init, name);
}

/* ---- images ---- */

#if defined(TYCHO_VERSION) && defined(TYCHO_H)
#define HAVE_IMAGES 1

/* takes the image options out of argv (only before the script name); returns the new argc */
static int strip_image_options(int argc, char **argv) {
  int i, j = 1, stop = 0;
  for (i = 1; i < argc; i++) {
    char *a = argv[i];
    if (stop || a[0] != '-' || strcmp(a, "--") == 0 || strcmp(a, "-") == 0) {
      stop = 1;
      argv[j++] = a;
    }
    else if (strncmp(a, "--output-o=", 11) == 0) opt_output = a + 11;
    else if (strcmp(a, "--output-o") == 0 && i + 1 < argc) opt_output = argv[++i];
    else if (strncmp(a, "--sysimage=", 11) == 0) opt_sysimage = a + 11;
    else if (strcmp(a, "--sysimage") == 0 && i + 1 < argc) opt_sysimage = argv[++i];
    else if (strcmp(a, "-J") == 0 && i + 1 < argc) opt_sysimage = argv[++i];
    else if (strncmp(a, "-J", 2) == 0 && a[2] != '\0') opt_sysimage = a + 2;
    else if (strcmp(a, "--incremental=no") == 0) opt_incremental = 0;
    else if (strcmp(a, "--incremental=yes") == 0) opt_incremental = 1;
    else if (strcmp(a, "--pin-paths") == 0) opt_pinpaths = 1;
    else if (strncmp(a, "--compile=", 10) == 0 && tycho_setcompile(a + 10) == 0) continue;
    else if (strcmp(a, "--help") == 0) opt_help = 1;
    else {
      argv[j++] = a;
      if ((a[1] == 'e' || a[1] == 'l') && a[2] == '\0' && i + 1 < argc)
        argv[j++] = argv[++i];  /* the option's argument, even if it starts with '-' */
    }
  }
  argv[j] = NULL;
  return j;
}

/* tycho --print-link-command app.o app.so */
static int print_link_command(int argc, char **argv) {
  char dir[4096];
  if (argc != 4) {
    fprintf(stderr, "usage: %s --print-link-command OBJECT.o IMAGE.so\n", progname);
    return EXIT_FAILURE;
  }
  tycho_libdir(dir, sizeof dir);
  printf("cc -shared -o %s -Wl,--whole-archive %s -Wl,--no-whole-archive -L%s -ltycho\n",
         argv[3], argv[2], dir[0] ? dir : ".");
  return EXIT_SUCCESS;
}

static int write_image(lua_State *L) {
  char err[512];
  if (tycho_writeobject(L, opt_output, opt_incremental, opt_pinpaths, err, sizeof err) != 0) {
    fprintf(stderr, "%s: cannot write image '%s': %s\n", progname, opt_output, err);
    fflush(stderr);
    return 0;
  }
  return 1;
}
#endif

/* ---- the read-eval-print loop ---- */

/* pushes the prompt string (_PROMPT/_PROMPT2 through tostring, or the default) */
static const char *push_prompt(lua_State *L, int first) {
  if (lua_getglobal(L, first ? "_PROMPT" : "_PROMPT2") == LUA_TNIL) {
    lua_pop(L, 1);
    lua_pushstring(L, first ? PROMPT1 : PROMPT2);
  } else {
    luaL_tolstring(L, -1, NULL);
    lua_remove(L, -2);
  }
  return lua_tostring(L, -1);
}

/* reads one line and pushes it (without its newline); 0 at end of input */
static int push_line(lua_State *L, int first) {
  char buf[MAX_INPUT_LINE];
  size_t len;
  const char *prompt = push_prompt(L, first);
  fputs(prompt, stdout);
  fflush(stdout);
  lua_pop(L, 1);
  if (fgets(buf, sizeof buf, stdin) == NULL)
    return 0;
  len = strlen(buf);
  if (!isatty(0)) {  /* echo piped input after its prompt, as readline does */
    fputs(buf, stdout);
    fflush(stdout);
  }
  if (len > 0 && buf[len - 1] == '\n')
    buf[--len] = '\0';
  if (first && buf[0] == '=')  /* "=expr", as in Lua 5.2 */
    lua_pushfstring(L, "return %s", buf + 1);
  else
    lua_pushlstring(L, buf, len);
  return 1;
}

/* a syntax error that ends at "<eof>" means the statement may continue */
static int is_incomplete(lua_State *L, int status) {
  size_t len;
  const char *msg;
  if (status != LUA_ERRSYNTAX) return 0;
  msg = lua_tolstring(L, -1, &len);
  return msg != NULL && len >= strlen(EOF_MARK) &&
         strcmp(msg + len - strlen(EOF_MARK), EOF_MARK) == 0;
}

/* compiles "return <line>;" on top of the line; on failure leaves the stack as it was */
static int try_as_expression(lua_State *L) {
  const char *line = lua_tostring(L, -1);
  const char *code = lua_pushfstring(L, "return %s;", line);
  int status = luaL_loadbuffer(L, code, strlen(code), "=stdin");
  if (status == LUA_OK)
    lua_remove(L, -2);  /* the modified line */
  else
    lua_pop(L, 2);
  return status;
}

/* compiles the line at index 1 as a statement, reading continuation lines while incomplete */
static int compile_statement(lua_State *L) {
  for (;;) {
    size_t len;
    const char *code = lua_tolstring(L, 1, &len);
    int status = luaL_loadbuffer(L, code, len, "=stdin");
    if (!is_incomplete(L, status) || !push_line(L, 0))
      return status;  /* a function or the error message is on top */
    lua_remove(L, -2);  /* the "<eof>" error */
    lua_pushliteral(L, "\n");
    lua_insert(L, -2);
    lua_concat(L, 3);  /* line .. "\n" .. next line */
  }
}

/* leaves a compiled function or an error message; -1 at end of input */
static int read_chunk(lua_State *L) {
  int status;
  lua_settop(L, 0);
  if (!push_line(L, 1))
    return -1;
  if ((status = try_as_expression(L)) != LUA_OK)
    status = compile_statement(L);
  lua_remove(L, 1);  /* the source line */
  return status;
}

static void print_results(lua_State *L) {
  int n = lua_gettop(L);
  if (n == 0) return;
  luaL_checkstack(L, LUA_MINSTACK, "too many results to print");
  lua_getglobal(L, "print");
  lua_insert(L, 1);
  if (lua_pcall(L, n, 0, 0) != LUA_OK)
    message(progname, lua_pushfstring(L, "error calling 'print' (%s)", lua_tostring(L, -1)));
}

static void repl(lua_State *L) {
  int status;
  const char *saved = progname;
  progname = NULL;  /* interactive errors carry no program name */
  while ((status = read_chunk(L)) != -1) {
    if (status == LUA_OK)
      status = docall(L, 0, LUA_MULTRET);
    if (status == LUA_OK)
      print_results(L);
    else
      report(L, status);
  }
  lua_settop(L, 0);
  fputs("\n", stdout);
  fflush(stdout);
  progname = saved;
}

/* ---- command line ---- */

/* scans the options; *script gets the index of the script name (0 if none),
** or of the bad option on error */
static int scan_args(char **argv, int *script) {
  int flags = 0, i;
  *script = 0;
  if (argv[0] == NULL) return 0;  /* argc == 0 */
  for (i = 1; argv[i] != NULL; i++) {
    const char *a = argv[i];
    *script = i;
    if (a[0] != '-')
      return flags;
    switch (a[1]) {
      case '-':
        if (a[2] != '\0') return OPT_ERROR;
        *script = argv[i + 1] != NULL ? i + 1 : 0;
        return flags;
      case '\0':
        return flags;  /* "-" is the script: stdin */
      case 'E':
        if (a[2] != '\0') return OPT_ERROR;
        flags |= OPT_BIG_E;
        break;
      case 'W':
        if (a[2] != '\0') return OPT_ERROR;
        break;
      case 'i':
        if (a[2] != '\0') return OPT_ERROR;
        flags |= OPT_I | OPT_V;
        break;
      case 'v':
        if (a[2] != '\0') return OPT_ERROR;
        flags |= OPT_V;
        break;
      case 'e':
      case 'l':
        if (a[1] == 'e') flags |= OPT_E;
        if (a[2] == '\0') {  /* the argument is the next word */
          i++;
          if (argv[i] == NULL || argv[i][0] == '-') {
            *script = i - 1;
            return OPT_ERROR;
          }
        }
        break;
      default:
        return OPT_ERROR;
    }
  }
  *script = 0;
  return flags;
}

/* runs -e, -l and -W in order, up to argv[limit] */
static int run_options(lua_State *L, char **argv, int limit) {
  int i;
  for (i = 1; i < limit; i++) {
    char opt = argv[i][1];
    if (argv[i][0] != '-') continue;
    if (opt == 'e' || opt == 'l') {
      const char *val = argv[i] + 2;
      if (*val == '\0') val = argv[++i];
      if ((opt == 'e' ? run_chunk(L, val, "=(command line)") : dolibrary(L, val)) != LUA_OK)
        return 0;
    } else if (opt == 'W')
      lua_warning(L, "@on", 0);
  }
  return 1;
}

/* arg[0] is the script (or the interpreter when there is none); options get negative indices.
** From an image, the image's arg table is refilled in place (modules may have captured it). */
static void make_arg_table(lua_State *L, char **argv, int argc, int script) {
  int i;
  if (opt_sysimage != NULL && lua_getglobal(L, "arg") == LUA_TTABLE) {
    lua_pushnil(L);
    while (lua_next(L, -2)) {  /* clearing existing fields during next() is allowed */
      lua_pop(L, 1);
      lua_pushvalue(L, -1);
      lua_pushnil(L);
      lua_rawset(L, -4);
    }
  }
  else {
    if (opt_sysimage != NULL) lua_pop(L, 1);
    lua_createtable(L, argc - (script + 1) > 0 ? argc - (script + 1) : 0, script + 1);
  }
  for (i = 0; i < argc; i++) {
    lua_pushstring(L, argv[i]);
    lua_rawseti(L, -2, i - script);
  }
  lua_setglobal(L, "arg");
}

/* the protected main: arguments are argc and argv; returns true on success */
static int pmain(lua_State *L) {
  int argc = (int)lua_tointeger(L, 1);
  char **argv = (char **)lua_touserdata(L, 2);
  int script = 0;
  int flags = scan_args(argv, &script);
  int limit = script > 0 ? script : argc;
  luaL_checkversion(L);
  if (flags == OPT_ERROR) {
    print_usage(argv[script]);
    return 0;
  }
  if (flags & OPT_V)
    print_version();
  if (flags & OPT_BIG_E) {
    lua_pushboolean(L, 1);  /* tells the libraries to ignore LUA_PATH etc. */
    lua_setfield(L, LUA_REGISTRYINDEX, "LUA_NOENV");
  }
#ifdef HAVE_IMAGES
  if (opt_sysimage != NULL) {  /* the libraries are in the image */
    make_arg_table(L, argv, argc, script);
    lua_gc(L, LUA_GCRESTART);
    lua_pushcfunction(L, tycho_initimage);
    if (report(L, docall(L, 0, 0)) != LUA_OK)
      return 0;
  }
  else
#endif
  {
    luaL_openlibs(L);
    make_arg_table(L, argv, argc, script);
  }
  lua_gc(L, LUA_GCRESTART);
  lua_gc(L, LUA_GCGEN, 0, 0);
  if (!(flags & OPT_BIG_E) && run_init(L) != LUA_OK)
    return 0;
  if (!run_options(L, argv, limit))
    return 0;
  if (script > 0 && run_script(L, argv + script) != LUA_OK)
    return 0;
#ifdef HAVE_IMAGES
  if (opt_output != NULL) {
    if (!write_image(L))
      return 0;
    if (!(flags & OPT_I)) {
      saved_state = L;
      lua_pushboolean(L, 1);
      return 1;
    }
  }
#endif
  if (flags & OPT_I)
    repl(L);
  else if (script == 0 && !(flags & (OPT_E | OPT_V))) {
    if (isatty(0)) {
      print_version();
      repl(L);
    } else
      run_chunk(L, NULL, NULL);  /* stdin as a script */
  }
  lua_pushboolean(L, 1);
  return 1;
}

int main(int argc, char **argv) {
  int status, ok;
  lua_State *L;
  if (argv[0] != NULL && argv[0][0] != '\0')
    progname = argv[0];
#ifdef HAVE_IMAGES
  if (argc >= 2 && strcmp(argv[1], "--print-link-command") == 0)
    return print_link_command(argc, argv);
  if (argc == 2 && strncmp(argv[1], "--image-info=", 13) == 0) {
    char err[512];
    if (tycho_imageinfo(argv[1] + 13, err, sizeof err) != 0) {
      fprintf(stderr, "%s: cannot load image '%s': %s\n", progname, argv[1] + 13, err);
      return EXIT_FAILURE;
    }
    return EXIT_SUCCESS;
  }
  argc = strip_image_options(argc, argv);
  if (opt_help) {
    write_usage(stdout);
    return EXIT_SUCCESS;
  }
  if (opt_sysimage != NULL) {
    char err[512];
    L = tycho_newstate_image(opt_sysimage, err, sizeof err);
    if (L == NULL) {
      fprintf(stderr, "%s: cannot load image '%s': %s\n", progname, opt_sysimage, err);
      return EXIT_FAILURE;
    }
  }
  else
#endif
  L = luaL_newstate();
  if (L == NULL) {
    message(progname, "cannot create state: not enough memory");
    return EXIT_FAILURE;
  }
  lua_gc(L, LUA_GCSTOP);  /* no collection while the libraries are set up */
  lua_pushcfunction(L, pmain);
  lua_pushinteger(L, argc);
  lua_pushlightuserdata(L, argv);
  status = lua_pcall(L, 2, 1, 0);
  ok = lua_toboolean(L, -1);
  report(L, status);
  if (saved_state != NULL && ok && status == LUA_OK)
    return EXIT_SUCCESS;  /* written to an image: no lua_close (see saved_state) */
  lua_close(L);
  return ok && status == LUA_OK ? EXIT_SUCCESS : EXIT_FAILURE;
}
