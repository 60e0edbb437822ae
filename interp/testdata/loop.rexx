/* The interpreter benchmark loop in REXX, for comparison with Regina. */
i = 0
n = 0
s = ''
do while i < 1000000
  i = i + 1
  n = n + i // 7
  if i // 1000 = 0 then s = s || 'X'
end
say 'N='n 'LENGTH='length(s)
