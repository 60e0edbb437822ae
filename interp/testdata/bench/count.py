# Counting loop (same as count.proc, count.rexx).
i = 0
n = 0
while i < 1000000:
    i = i + 1
    n = n + i % 7
print("N=%d" % n)
