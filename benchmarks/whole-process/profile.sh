#!/usr/bin/env bash
# A CPU profile of one catalogue run's test host: `dotnet test` with EventPipe on, the test host's
# trace converted to speedscope JSON, and the frames that were on a CPU, by inclusive share.
#
#   benchmarks/whole-process/profile.sh [REGEX]     e.g. 'Klaviyo|Reqnroll' (default: every frame)
#   OUT=dir benchmarks/whole-process/profile.sh     keeps the traces in dir (speedscope.app opens them)
# Needs dotnet-trace (dotnet tool install -g dotnet-trace); the Specs project must be built.
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${OUT:-$(mktemp -d)}"
mkdir -p "$out"
export PATH="$PATH:$HOME/.dotnet/tools" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
command -v dotnet-trace >/dev/null || { echo "dotnet-trace is needed: dotnet tool install -g dotnet-trace" >&2; exit 1; }
# One trace per process (CLI, vstest.console, test host); the test host's is the largest. It must
# live long enough after the run to close its trace, hence the shutdown timeout.
DOTNET_EnableEventPipe=1 DOTNET_EventPipeOutputPath="$out/trace-{pid}.nettrace" VSTEST_TESTHOST_SHUTDOWN_TIMEOUT=20000 \
  dotnet test tests/Klaviyo.OAuth.Conformance.Specs --no-build >"$out/run.log" 2>&1 || { tail -n 30 "$out/run.log" >&2; exit 1; }
host="$(ls -S "$out"/trace-*.nettrace | head -n 1)"
dotnet-trace convert --format speedscope "$host" -o "$out/testhost" >/dev/null
python3 "$(dirname "$0")/cpu-profile.py" "$out/testhost.speedscope.json" "${1:-.}" --top 60
echo "traces: $out" >&2
