/* oslib.c: the Lua 5.4 os library (time, date, clock, environment, files, processes); public API only. */
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"
#include "builtins.h"

/* conversions strftime accepts (C99): single letters and the E/O-modified pairs */
static const char date_conv1[] = "aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%";
static const char date_conv2[] = "EcECExEXEyEY" "OdOeOHOIOmOMOSOuOUOVOwOWOy";

/* room for the result of one conversion */
#define CONV_RESULT_SIZE 250

/* ---- time values ---- */

static time_t check_time(lua_State *L, int arg) {
  lua_Integer t = luaL_checkinteger(L, arg);
  luaL_argcheck(L, (time_t)t == t, arg, "time out-of-bounds");
  return (time_t)t;
}

static void set_int_field(lua_State *L, const char *key, int value, int delta) {
  lua_pushinteger(L, (lua_Integer)value + delta);
  lua_setfield(L, -2, key);
}

/* fills the table at the top with the fields of 'tm' */
static void set_date_fields(lua_State *L, const struct tm *tm) {
  set_int_field(L, "year", tm->tm_year, 1900);
  set_int_field(L, "month", tm->tm_mon, 1);
  set_int_field(L, "day", tm->tm_mday, 0);
  set_int_field(L, "hour", tm->tm_hour, 0);
  set_int_field(L, "min", tm->tm_min, 0);
  set_int_field(L, "sec", tm->tm_sec, 0);
  set_int_field(L, "yday", tm->tm_yday, 1);
  set_int_field(L, "wday", tm->tm_wday, 1);
  if (tm->tm_isdst >= 0) {  /* negative: unknown, left absent */
    lua_pushboolean(L, tm->tm_isdst);
    lua_setfield(L, -2, "isdst");
  }
}

/* reads integer field 'key' of the table at the top, minus 'delta';
** 'dflt' < 0 makes the field required */
static int get_date_field(lua_State *L, const char *key, int dflt, int delta) {
  int isnum;
  int t = lua_getfield(L, -1, key);
  lua_Integer v = lua_tointegerx(L, -1, &isnum);
  if (!isnum) {
    if (t != LUA_TNIL)
      return luaL_error(L, "field '%s' is not an integer", key);
    if (dflt < 0)
      return luaL_error(L, "field '%s' missing in date table", key);
    v = dflt;
  } else {
    /* v - delta must fit in an int */
    if (v >= 0 ? v - delta > INT_MAX : v < (lua_Integer)INT_MIN + delta)
      return luaL_error(L, "field '%s' is out-of-bound", key);
    v -= delta;
  }
  lua_pop(L, 1);
  return (int)v;
}

static int get_bool_field(lua_State *L, const char *key) {
  int res = lua_getfield(L, -1, key) == LUA_TNIL ? -1 : lua_toboolean(L, -1);
  lua_pop(L, 1);
  return res;
}

static int os_time(lua_State *L) {
  time_t t;
  if (lua_isnoneornil(L, 1))
    t = time(NULL);
  else {
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    tm.tm_year = get_date_field(L, "year", -1, 1900);
    tm.tm_mon = get_date_field(L, "month", -1, 1);
    tm.tm_mday = get_date_field(L, "day", -1, 0);
    tm.tm_hour = get_date_field(L, "hour", 12, 0);
    tm.tm_min = get_date_field(L, "min", 0, 0);
    tm.tm_sec = get_date_field(L, "sec", 0, 0);
    tm.tm_isdst = get_bool_field(L, "isdst");
    t = mktime(&tm);
    set_date_fields(L, &tm);  /* write back the normalized fields */
  }
  if (t == (time_t)-1)
    return luaL_error(L, "time result cannot be represented in this installation");
  lua_pushinteger(L, (lua_Integer)t);
  return 1;
}

static int os_difftime(lua_State *L) {
  time_t t1 = check_time(L, 1);
  time_t t2 = check_time(L, 2);
  lua_pushnumber(L, (lua_Number)difftime(t1, t2));
  return 1;
}

/* ---- date ---- */

/* copies the conversion at 'conv' (just after a '%', 'left' bytes remain)
** to 'out'; returns where the format continues */
static const char *check_conversion(lua_State *L, const char *conv, ptrdiff_t left, char *out) {
  size_t len = 0;
  if (left >= 1 && conv[0] != '\0' && strchr(date_conv1, conv[0]) != NULL)
    len = 1;
  else if (left >= 2) {
    const char *p;
    for (p = date_conv2; *p != '\0'; p += 2)
      if (p[0] == conv[0] && p[1] == conv[1]) { len = 2; break; }
  }
  if (len == 0)
    luaL_argerror(L, 1, lua_pushfstring(L, "invalid conversion specifier '%%%s'", conv));
  memcpy(out, conv, len);
  out[len] = '\0';
  return conv + len;
}

static int os_date(lua_State *L) {
  size_t slen;
  const char *s = luaL_optlstring(L, 1, "%c", &slen);
  time_t t = luaL_opt(L, check_time, 2, time(NULL));
  const char *end = s + slen;
  struct tm buf, *tm;
  if (*s == '!') {
    tm = gmtime_r(&t, &buf);
    s++;
  } else
    tm = localtime_r(&t, &buf);
  if (tm == NULL)
    return luaL_error(L, "date result cannot be represented in this installation");
  if (strcmp(s, "*t") == 0) {
    lua_createtable(L, 0, 9);
    set_date_fields(L, tm);
  } else {
    char conv[4];  /* '%' plus up to two characters */
    luaL_Buffer b;
    conv[0] = '%';
    luaL_buffinit(L, &b);
    while (s < end) {
      if (*s != '%')
        luaL_addchar(&b, *s++);
      else {
        char *out = luaL_prepbuffsize(&b, CONV_RESULT_SIZE);
        s = check_conversion(L, s + 1, end - (s + 1), conv + 1);
        luaL_addsize(&b, strftime(out, CONV_RESULT_SIZE, conv, tm));
      }
    }
    luaL_pushresult(&b);
  }
  return 1;
}

static int os_clock(lua_State *L) {
  lua_pushnumber(L, (lua_Number)clock() / (lua_Number)CLOCKS_PER_SEC);
  return 1;
}

/* ---- system ---- */

static int os_execute(lua_State *L) {
  const char *cmd = luaL_optstring(L, 1, NULL);
  int stat;
  errno = 0;
  stat = system(cmd);
  if (cmd != NULL)
    return luaL_execresult(L, stat);
  lua_pushboolean(L, stat);  /* is a shell available? */
  return 1;
}

static int os_remove(lua_State *L) {
  const char *name = luaL_checkstring(L, 1);
  errno = 0;
  return luaL_fileresult(L, remove(name) == 0, name);
}

static int os_rename(lua_State *L) {
  const char *from = luaL_checkstring(L, 1);
  const char *to = luaL_checkstring(L, 2);
  errno = 0;
  return luaL_fileresult(L, rename(from, to) == 0, NULL);
}

static int os_tmpname(lua_State *L) {
  char name[32];
  int fd;
  strcpy(name, "/tmp/lua_XXXXXX");
  fd = mkstemp(name);
  if (fd == -1)
    return luaL_error(L, "unable to generate a unique filename");
  close(fd);
  lua_pushstring(L, name);
  return 1;
}

static int os_getenv(lua_State *L) {
  lua_pushstring(L, getenv(luaL_checkstring(L, 1)));  /* nil when unset */
  return 1;
}

static int os_setlocale(lua_State *L) {
  static const int cats[] = {LC_ALL, LC_COLLATE, LC_CTYPE, LC_MONETARY, LC_NUMERIC, LC_TIME};
  static const char *const names[] = {"all", "collate", "ctype", "monetary", "numeric", "time", NULL};
  const char *loc = luaL_optstring(L, 1, NULL);
  int op = luaL_checkoption(L, 2, "all", names);
  lua_pushstring(L, setlocale(cats[op], loc));
  return 1;
}

static int os_exit(lua_State *L) {
  int status;
  if (lua_isboolean(L, 1))
    status = lua_toboolean(L, 1) ? EXIT_SUCCESS : EXIT_FAILURE;
  else
    status = (int)luaL_optinteger(L, 1, EXIT_SUCCESS);
  if (lua_toboolean(L, 2))
    lua_close(L);
  exit(status);
  return 0;
}

const luaL_Reg tylib_os_builtins[] = {
  {"os.clock", os_clock},
  {"os.date", os_date},
  {"os.difftime", os_difftime},
  {"os.execute", os_execute},
  {"os.exit", os_exit},
  {"os.getenv", os_getenv},
  {"os.remove", os_remove},
  {"os.rename", os_rename},
  {"os.setlocale", os_setlocale},
  {"os.time", os_time},
  {"os.tmpname", os_tmpname},
  {NULL, NULL}
};

/* every entry of the list is a field of the os table */
#define OS_NFIELDS ((int)(sizeof(tylib_os_builtins) / sizeof(luaL_Reg)) - 1)

LUAMOD_API int luaopen_os(lua_State *L) {
  tylib_newbuiltinlib(L, tylib_os_builtins, OS_NFIELDS, 0);
  return 1;
}
