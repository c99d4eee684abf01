#!/usr/bin/env bash
# Compares two builds of the catalogue side by side: `dotnet test` on each built assembly, N runs
# each, interleaved so that load on a shared machine falls on both alike; prints medians of wall,
# CPU (user + sys, children included) and the ratio. For one change at a time: build, copy the
# output folder, change, build again.
#
#   benchmarks/whole-process/ab.sh A/Klaviyo.OAuth.Conformance.Specs.dll B/Klaviyo.OAuth.Conformance.Specs.dll [RUNS]
set -euo pipefail
a="$1" b="$2" runs="${3:-7}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
samples="$(mktemp -d)"
trap 'rm -rf "$samples"' EXIT

. "$(dirname "$0")/timing.sh"
time_one() { timed "$1" dotnet test "$2"; }

time_one warmup "$a"
time_one warmup "$b"
for i in $(seq 1 "$runs"); do
  time_one A "$a"
  time_one B "$b"
done

echo "Medians of $runs interleaved runs each; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
for name in A B; do
  dll=$a; [ "$name" = B ] && dll=$b
  printf '%s  wall %6.2f s  CPU %6.2f s  %s\n' "$name" "$(median "$name" 1)" "$(median "$name" 2)" "$dll"
done
awk -v a="$(median A 1)" -v b="$(median B 1)" -v ac="$(median A 2)" -v bc="$(median B 2)" \
  'BEGIN { printf "B / A: %.3fx wall, %.3fx CPU\n", b / a, bc / ac }'
