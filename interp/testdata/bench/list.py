# List and structure loop (same as list.proc, list.rexx).
class P:
    pass
p = P()
p.sum = 0
l = []
k = 0
while k < 100:
    k = k + 1
    l.append(k)
j = 0
while j < 10000:
    j = j + 1
    for x in l:
        p.sum = p.sum + x
    p.sum = p.sum + l[49]
print("SUM=%d" % p.sum)
