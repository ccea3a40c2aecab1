/* host_loop.c: the classic embedding host: read lines, luaL_loadbuffer + lua_pcall, print errors. */
#include <stdio.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

/* message handler: the error message plus a traceback, like lua.c */
static int msghandler(lua_State *L) {
  const char *msg = lua_tostring(L, 1);
  if (msg == NULL) {
    if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING)
      return 1;
    msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
  }
  luaL_traceback(L, L, msg, 1);
  return 1;
}

/* run one chunk; prints results like the interactive interpreter does */
static int dochunk(lua_State *L, const char *line, size_t len, int n) {
  char name[32];
  int status, base, i;
  snprintf(name, sizeof name, "=line%d", n);
  /* first try it as an expression ("return <line>"), then as a statement */
  lua_pushfstring(L, "return %s", line);
  status = luaL_loadbuffer(L, lua_tostring(L, -1), lua_rawlen(L, -1), name);
  lua_remove(L, -2);
  if (status != LUA_OK) {
    lua_pop(L, 1);
    status = luaL_loadbuffer(L, line, len, name);
  }
  if (status != LUA_OK) {
    printf("syntax error: %s\n", lua_tostring(L, -1));
    lua_pop(L, 1);
    return status;
  }
  base = lua_gettop(L);           /* the function's slot */
  lua_pushcfunction(L, msghandler);
  lua_insert(L, base);
  status = lua_pcall(L, 0, LUA_MULTRET, base);
  lua_remove(L, base);
  if (status != LUA_OK) {
    /* print only the first line of the traceback-decorated message */
    const char *msg = lua_tostring(L, -1);
    const char *nl = msg ? strchr(msg, '\n') : NULL;
    printf("error (%d): %.*s\n", status, nl ? (int)(nl - msg) : (int)strlen(msg ? msg : ""), msg ? msg : "");
    lua_pop(L, 1);
    return status;
  }
  for (i = base; i <= lua_gettop(L); i++)
    printf("%s%s", i > base ? "\t" : "", luaL_tolstring(L, i, NULL)), lua_pop(L, 1);
  if (lua_gettop(L) >= base) printf("\n");
  lua_settop(L, base - 1);
  return status;
}

int main(void) {
  char line[4096];
  int n = 0, errors = 0;
  lua_State *L = luaL_newstate();
  if (L == NULL) { fprintf(stderr, "cannot create state\n"); return 1; }
  luaL_openlibs(L);
  while (fgets(line, sizeof line, stdin) != NULL) {
    size_t len = strlen(line);
    if (len > 0 && line[len - 1] == '\n') line[--len] = '\0';
    if (len == 0) continue;
    n++;
    if (dochunk(L, line, len, n) != LUA_OK) errors++;
    if (lua_gettop(L) != 0) { printf("stack not balanced: %d\n", lua_gettop(L)); return 1; }
  }
  printf("%d chunks, %d errors\n", n, errors);
  lua_close(L);
  return 0;
}
