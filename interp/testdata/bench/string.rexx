/* String loop (same as string.proc, string.py). */
i = 0
n = 0
a = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
do while i < 100000
  i = i + 1
  s = substr(a, 5, 10) || 'XYZ'
  n = n + pos('XYZ', s) + pos('Q', a)
end
say 'N='n 'S='s
