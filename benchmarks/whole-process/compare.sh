#!/usr/bin/env bash
# Times two whole processes side by side: the catalogue (`dotnet test` of the Specs project, every
# scenario against the embedded emulator) and the floor (`dotnet test` of a one-test NUnit project with
# the same NUnit, adapter and test SDK). Builds both once, runs each once to warm the disk cache, then
# RUNS times each, interleaved so that load on a shared machine falls on both alike, and prints the
# medians of wall time, CPU time (user + sys, children included) and peak RSS, and the ratio.
# A third row runs the same catalogue through the installed tool's own runner (`run`, no vstest),
# which is how a team that installs the tool runs it.
#
#   benchmarks/whole-process/compare.sh [RUNS]     (default 5; RUNS=… in the environment works too)
#   NO_BUILD=1 benchmarks/whole-process/compare.sh  skips the build when both are already built
set -euo pipefail
cd "$(dirname "$0")/../.."

runs="${1:-${RUNS:-5}}"
catalogue=tests/Klaviyo.OAuth.Conformance.Specs
floor=benchmarks/whole-process/Floor
tool_project=src/Klaviyo.OAuth.Conformance.Tool
tool="$tool_project/bin/Debug/net10.0/Klaviyo.OAuth.Conformance.Tool"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [ -z "${NO_BUILD:-}" ]; then
  echo "Building both…" >&2
  # The catalogue as fast as it builds: ReadyToRun on (READY_TO_RUN=false measures the default build).
  dotnet build "$catalogue" -v quiet -nologo -p:ReadyToRunOnBuild="${READY_TO_RUN:-true}" >/dev/null
  dotnet build "$floor" -v quiet -nologo >/dev/null
  dotnet build "$tool_project" -v quiet -nologo >/dev/null
fi

samples="$(mktemp -d)"
trap 'rm -rf "$samples"' EXIT
. benchmarks/whole-process/timing.sh

# One timed run of the catalogue or the floor (a project), or of the tool's run.
time_one() {
  if [ "$2" = tool ]; then
    timed "$1" "$tool" run --out "$samples/tool-reports"
  else
    timed "$1" dotnet test "$2" --no-build
  fi
}

echo "Warm-up…" >&2
time_one warmup "$catalogue"
time_one warmup "$floor"
time_one warmup tool
for i in $(seq 1 "$runs"); do
  echo "Run $i of $runs (load average $(cut -d' ' -f1-3 /proc/loadavg))…" >&2
  time_one catalogue "$catalogue"
  time_one floor "$floor"
  time_one tool tool
done

echo
echo "Medians of $runs interleaved runs each, after a warm-up; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| %-66s | %8s | %8s | %9s |\n' command wall CPU 'peak RSS'
printf '|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..68})" '---------:' '---------:' '----------:'
for name in catalogue floor tool; do
  label="\`dotnet test $catalogue --no-build\`"
  [ "$name" = floor ] && label="\`dotnet test $floor --no-build\`"
  [ "$name" = tool ] && label="the same catalogue through the tool: \`run\` (no vstest)"
  printf '| %-66s | %6.2f s | %6.2f s | %5d MiB |\n' "$label" \
    "$(median "$name" 1)" "$(median "$name" 2)" "$(( $(median "$name" 3) / 1024 ))"
done
awk -v c="$(median catalogue 1)" -v f="$(median floor 1)" -v cc="$(median catalogue 2)" -v fc="$(median floor 2)" \
  -v t="$(median tool 1)" -v tc="$(median tool 2)" \
  'BEGIN { printf "\ncatalogue / floor: %.2fx wall, %.2fx CPU\ntool run / floor: %.2fx wall, %.2fx CPU\n", c / f, cc / fc, t / f, tc / fc }'
