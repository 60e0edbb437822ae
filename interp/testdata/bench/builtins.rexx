/* Builtin calls in a loop (same as builtins.proc, builtins.py). */
i = 0
n = 0
do while i < 100000
  i = i + 1
  n = n + length(i) + length(translate('ab')) + ('7' + 0)
end
say 'N='n
