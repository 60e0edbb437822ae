/* Counting loop (same as count.proc, count.py). */
i = 0
n = 0
do while i < 1000000
  i = i + 1
  n = n + i // 7
end
say 'N='n
