# String loop (same as string.proc, string.rexx); positions 1-based as in SDF-P.
i = 0
n = 0
a = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
while i < 100000:
    i = i + 1
    s = a[4:14] + "XYZ"
    n = n + (s.find("XYZ") + 1) + (a.find("Q") + 1)
print("N=%d S=%s" % (n, s))
