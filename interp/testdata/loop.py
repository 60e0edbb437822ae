# The interpreter benchmark loop in Python (the same loop as loop.proc
# and loop.rexx), for comparison with CPython 3.
i = 0
n = 0
s = ""
while i < 1000000:
    i = i + 1
    n = n + i % 7
    if i % 1000 == 0:
        s = s + "X"
print("N=%d LENGTH=%d" % (n, len(s)))
