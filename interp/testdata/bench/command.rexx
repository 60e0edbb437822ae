/* Command loop (same as command.proc, command.py): a line written to a
   file and a command's output captured, 10,000 times. */
n = 0
f = '/tmp/command-rexx.lst'
do i = 1 to 10000
  call lineout f, 'PASS' i
  out.0 = 0
  call show_user_switches
  n = n + out.0
end
call lineout f
say 'N='n
exit
show_user_switches:
  out.1 = 'USER SWITCHES ON: NONE'
  out.0 = 1
  return
