#!/usr/bin/env bash
# The tool's run at internet distance: the standalone emulator behind a delay proxy at 0, 20, 50 and
# 100 ms round-trip time, with and without a control API, for this checkout's build and, side by
# side in the same run, an older build (default: the commit before scenarios ran side by side).
# Prints a Markdown table (wall time, requests, longest chain of one scenario, connections).
#
#   benchmarks/whole-process/latency.sh [BASELINE_REV] [RUNS]        e.g. latency.sh e3501db 3
#
# Never part of `dotnet test`: it takes a few minutes.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
baseline_rev="${1:-86257ad}"
runs="${2:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "Building this checkout (Release)…" >&2
dotnet build "$root/src/Klaviyo.OAuth.Conformance.Tool" -c Release -o "$work/current" -v q -nologo >&2
dotnet build "$root/src/Klaviyo.OAuth.Emulator" -c Release -o "$work/emulator" -v q -nologo >&2
dotnet build "$root/benchmarks/Klaviyo.OAuth.Conformance.Benchmarks" -c Release -o "$work/bench" -v q -nologo >&2

echo "Building the baseline $baseline_rev (Release)…" >&2
mkdir -p "$work/baseline-src"
git -C "$root" archive "$baseline_rev" | tar -x -C "$work/baseline-src"
dotnet build "$work/baseline-src/src/Klaviyo.OAuth.Conformance.Tool" -c Release -o "$work/baseline" -v q -nologo >&2

dotnet "$work/bench/Klaviyo.OAuth.Conformance.Benchmarks.dll" latency \
  --emulator "$work/emulator/Klaviyo.OAuth.Emulator.dll" \
  --tool "before=$work/baseline/Klaviyo.OAuth.Conformance.Tool.dll" \
  --tool "now=$work/current/Klaviyo.OAuth.Conformance.Tool.dll" \
  --tool "now, --parallel 1=$work/current/Klaviyo.OAuth.Conformance.Tool.dll:--parallel 1" \
  --runs "$runs"
