-- mandel.lua: Mandelbrot set membership, float arithmetic in a function called once per row.
local function row(y, n, iters)
  local count = 0
  local ci = 2.0 * y / n - 1.0
  for x = 0, n - 1 do
    local cr = 2.0 * x / n - 1.5
    local zr, zi, k = 0.0, 0.0, 0
    while k < iters and zr * zr + zi * zi <= 4.0 do
      zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
      k = k + 1
    end
    if k == iters then count = count + 1 end
  end
  return count
end
local n, total = 400, 0
for y = 0, n - 1 do total = total + row(y, n, 200) end
print(string.format("mandel %d", total))
