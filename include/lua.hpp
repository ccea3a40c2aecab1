// lua.hpp: the Lua 5.4 C API headers for C++ (the declarations are already extern "C").
extern "C" {
#include "lua.h"
#include "lualib.h"
#include "lauxlib.h"
}
