# Command loop (same as command.proc, command.rexx): a line written to a
# list file and a command's output captured in a list, 10,000 times. The
# nearest Python has to a BS2000 command is a function call that formats
# its output lines.
import io

def show_user_switches():
    return ["USER SWITCHES ON: NONE"]

syslst = io.StringIO()
i = 0
n = 0
while i < 10000:
    i = i + 1
    syslst.write("PASS %d\n" % i)
    out = show_user_switches()
    n = n + len(out)
print("N=%d" % n)
