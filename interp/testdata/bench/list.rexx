/* List and structure loop (same as list.proc, list.py): stems. */
p.sum = 0
do k = 1 to 100
  l.k = k
end
l.0 = 100
do j = 1 to 10000
  do k = 1 to l.0
    x = l.k
    p.sum = p.sum + x
  end
  p.sum = p.sum + l.50
end
say 'SUM='p.sum
