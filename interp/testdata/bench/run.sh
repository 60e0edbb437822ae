#!/usr/bin/env bash
# Runs the benchmark suite side by side: each loop in sdfp, CPython 3 and
# Regina REXX (when installed), the best of $ROUNDS wall times each
# (MEASURE=cpu: CPU times; MEASURE=instructions: instructions executed,
# with valgrind, once is enough), and prints the ratios sdfp/CPython and
# sdfp/Regina (issue 18's goals: <= 1.0 and <= 0.4). Usage: interp/testdata/bench/run.sh [ROUNDS]; SDFP=binary
# times that sdfp binary instead of one built from this tree (to compare
# commits: build each with CGO_ENABLED=0 go build -o).
set -euo pipefail
cd "$(dirname "$0")/../../.."
rounds=${1:-3}
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

# best COMMAND... runs the command $rounds times and prints the fastest
# time in seconds: wall time, or with MEASURE=cpu the CPU time (user and
# system) the command and its children took, which a busy machine
# disturbs less.
best() {
  local b=
  for _ in $(seq "$rounds"); do
    local t
    if [ "${MEASURE:-wall}" = instructions ]; then
      # millions of instructions executed (valgrind's cachegrind), which
      # load does not change; Go's threads run one at a time under it, and
      # GOMAXPROCS=1 keeps idle GC workers from spinning into the count
      t=$(GOMAXPROCS=1 valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
        awk '/I *refs/ {gsub(",", "", $4); print $4/1e6}')
    elif [ "${MEASURE:-wall}" = cpu ]; then
      t=$( { TIMEFORMAT='%U %S'; time "$@" >/dev/null 2>&1; } 2>&1 | awk '{print $1+$2}')
    else
      local s e
      s=$(date +%s.%N)
      "$@" >/dev/null
      e=$(date +%s.%N)
      t=$(echo "$s $e" | awk '{print $2-$1}')
    fi
    b=$(echo "$t ${b:-}" | awk '{if ($2=="" || $1<$2) print $1; else print $2}')
  done
  printf "%.3f" "$b"
}
ratio() { if [ -n "$2" ]; then awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; else echo -; fi; }

printf '%-9s %8s %8s %8s %12s %12s\n' loop sdfp python3 regina sdfp/python sdfp/regina
# loop is issue 18's first loop, interp/testdata/loop.{proc,rexx,py};
# the others are the suite's, in this folder.
for f in loop count string builtins list command; do
  d=$dir
  [ "$f" = loop ] && d=interp/testdata
  w=$(mktemp -d)
  s=$(best "$bin" run --workdir "$w" "$d/$f.proc")
  p=; r=
  [ -n "$python" ] && p=$(best "$python" "$d/$f.py")
  [ -n "$regina" ] && r=$(best "$regina" "$d/$f.rexx")
  printf '%-9s %8.3f %8s %8s %12s %12s\n' "$f" "$s" "${p:--}" "${r:-not installed}" "$(ratio "$s" "$p")" "$(ratio "$s" "$r")"
  rm -rf "$w"
done
