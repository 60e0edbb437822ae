#!/usr/bin/env bash
# Times the interpreter benchmark loop in sdfp and in Regina REXX.
# Regina comes from Debian's package regina-rexx (apt-get install regina-rexx).
set -euo pipefail
cd "$(dirname "$0")/../.."
go build -o /tmp/sdfp-bench ./cmd/sdfp
echo "sdfp:   $( { /usr/bin/time -f '%e s' /tmp/sdfp-bench run --workdir "$(mktemp -d)" interp/testdata/loop.proc >/dev/null; } 2>&1 )"
if command -v regina >/dev/null; then
  echo "Regina: $( { /usr/bin/time -f '%e s' regina interp/testdata/loop.rexx >/dev/null; } 2>&1 )"
else
  echo "Regina: not installed (apt-get install regina-rexx)"
fi
