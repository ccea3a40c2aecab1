-- argparse_exit.lua: a script whose argparse parser exits the process on errors and --help.
local argparse = require("argparse")
local parser = argparse("exiter", "Exits on bad arguments.")
parser:option("-x", "An option.")
local args = parser:parse()
print("parsed", args.x)
