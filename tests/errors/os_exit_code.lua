-- os.exit with a number exits with that status (without running later code).
io.stderr:write("leaving with 3\n")
os.exit(3)
print("not reached")
-- expect error: leaving with 3
