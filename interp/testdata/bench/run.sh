#!/usr/bin/env bash
# Runs the benchmark suite side by side: each loop in sdfp, CPython 3 and
# Regina REXX (when installed), $ROUNDS rounds of wall times (MEASURE=cpu:
# CPU times; MEASURE=instructions: instructions executed, with valgrind,
# one round is enough), and prints the median times and the median ratios
# sdfp/CPython and sdfp/Regina (issue 18's goals: <= 1.0 and <= 0.4). Usage: interp/testdata/bench/run.sh [ROUNDS]; SDFP=binary
# times that sdfp binary instead of one built from this tree (to compare
# commits: build each with CGO_ENABLED=0 go build -o).
set -euo pipefail
if [ -z "${EPOCHREALTIME:-}" ]; then
  echo "run.sh: needs bash 5 (EPOCHREALTIME)" >&2
  exit 2
fi
cd "$(dirname "$0")/../../.."
# 21 rounds by default: the command loop runs 8 ms against Regina's 20,
# and one run of 11 rounds read its ratio anywhere from 0.33 to 0.43
# where 41 rounds read 0.35; three rounds, the default before, were a
# coin toss at the goal's line
rounds=${1:-21}
bin=${SDFP:-}
if [ -z "$bin" ]; then
  bin=$(mktemp -d)/sdfp
  # static, as the README's tour builds it: with cgo (the default where a
  # C compiler is installed) afero's net/http links the C resolver, and
  # every run pays the dynamic loader and libc's start (about 1 ms of
  # CPU and 60 page faults of a 5 ms hello run)
  CGO_ENABLED=0 go build -o "$bin" ./cmd/sdfp
fi
dir=interp/testdata/bench
regina=$(command -v regina || true)
python=$(command -v python3 || true)
# The interpreter itself, not a launcher: a pyenv shim in front of it
# costs 0.1-0.4 s per run, which would count as CPython's time.
[ -n "$python" ] && python=$("$python" -c 'import sys; print(sys.executable)')

# once COMMAND... runs the command once and prints its time in seconds:
# wall time, or with MEASURE=cpu the CPU time (user and system) the
# command and its children took, which a busy machine disturbs less; with
# MEASURE=instructions the millions of instructions it executed
# (valgrind's cachegrind), which load does not change: Go's threads run
# one at a time under it, and GOMAXPROCS=1 keeps idle GC workers from
# spinning into the count.
once() {
  case "${MEASURE:-wall}" in
  instructions)
    GOMAXPROCS=1 valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
      awk '/I *refs/ {gsub(",", "", $4); print $4/1e6}' ;;
  cpu)
    # getrusage's children's times in microseconds, through CPython when
    # it is there: bash's time prints whole milliseconds, which moved a
    # 12 ms run's ratio to a 25 ms one by 0.04 a millisecond
    if [ -n "$python" ]; then
      "$python" -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print("%.6f" % (r.ru_utime + r.ru_stime))' "$@"
    else
      { TIMEFORMAT='%U %S'; time "$@" >/dev/null 2>&1; } 2>&1 | awk '{print $1+$2}'
    fi ;;
  *)
    # bash's own clock (5.0 and later), read without starting a
    # process: two runs of date(1) around the command, as this script
    # used to take, put 3-4 ms of date's start into every time, which
    # raised the ratio of a 15 ms loop to a 35 ms one from 0.38 to 0.44
    local s e
    s=$EPOCHREALTIME
    "$@" >/dev/null
    e=$EPOCHREALTIME
    echo "$s $e" | awk '{print $2-$1}' ;;
  esac
}
# median prints the median of its arguments.
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; }

# Each round runs sdfp, CPython and Regina once, one after the other, so
# that the three share the machine's state of the moment (on a shared VM
# its speed drifts by a third within a minute); the ratios printed are
# the medians of the rounds' ratios, the times the medians of the times.
printf '%-9s %8s %8s %8s %12s %12s\n' loop sdfp python3 regina sdfp/python sdfp/regina
# loop is issue 18's first loop, interp/testdata/loop.{proc,rexx,py};
# the others are the suite's, in this folder.
for f in loop count string builtins list command; do
  d=$dir
  [ "$f" = loop ] && d=interp/testdata
  w=$(mktemp -d)
  ts=() tp=() tr=() rp=() rr=()
  for _ in $(seq "$rounds"); do
    s=$(once "$bin" run --workdir "$w" "$d/$f.proc")
    ts+=("$s")
    if [ -n "$python" ]; then
      p=$(once "$python" "$d/$f.py")
      tp+=("$p") rp+=("$(ratio "$s" "$p")")
    fi
    if [ -n "$regina" ]; then
      r=$(once "$regina" "$d/$f.rexx")
      tr+=("$r") rr+=("$(ratio "$s" "$r")")
    fi
  done
  p=- r="not installed" xp=- xr=-
  [ -n "$python" ] && p=$(printf '%.3f' "$(median "${tp[@]}")") && xp=$(printf '%.2f' "$(median "${rp[@]}")")
  [ -n "$regina" ] && r=$(printf '%.3f' "$(median "${tr[@]}")") && xr=$(printf '%.2f' "$(median "${rr[@]}")")
  printf '%-9s %8.3f %8s %8s %12s %12s\n' "$f" "$(median "${ts[@]}")" "$p" "$r" "$xp" "$xr"
  rm -rf "$w"
done
