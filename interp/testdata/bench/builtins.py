# Builtin calls in a loop (same as builtins.proc, builtins.rexx).
i = 0
n = 0
while i < 100000:
    i = i + 1
    n = n + len(str(i)) + len("ab".upper()) + int("7")
print("N=%d" % n)
