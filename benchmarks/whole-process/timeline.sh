#!/usr/bin/env bash
# Where one catalogue run's wall time goes, from the process's own timestamps rather than guesses:
# vstest's diagnostic logs (--diag: console and testhost), NUnit adapter messages in them, and the
# Cucumber messages Reqnroll writes (test run start, the [BeforeTestRun] hook that starts the target,
# each test case, the [AfterTestRun] hooks). Runs it RUNS times and prints, per phase, the median
# of when it ends (seconds from launch) and of how long it took; one run on a loaded machine says little.
#
#   benchmarks/whole-process/timeline.sh [RUNS]   (default 3; the Specs project must be built)
#   SPECS=path/to/Klaviyo.OAuth.Conformance.Specs.dll benchmarks/whole-process/timeline.sh
#                                                 times a built assembly instead (no MSBuild step)
set -euo pipefail
cd "$(dirname "$0")/../.."

runs="${1:-3}"
specs="${SPECS:-tests/Klaviyo.OAuth.Conformance.Specs}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

for i in $(seq 1 "$runs"); do
  mkdir -p "$work/$i"
  date +%s.%N >"$work/$i/start"
  CONFORMANCE_REPORTS_DIR="$work/$i/reports" dotnet test "$specs" --no-build \
    --diag:"$work/$i/diag/log.txt" >"$work/$i/out.log" 2>&1 || { tail -n 40 "$work/$i/out.log" >&2; exit 1; }
  date +%s.%N >"$work/$i/end"
done

python3 - "$work" "$runs" <<'PY'
import datetime, glob, json, os, re, statistics, sys

root, runs = sys.argv[1], int(sys.argv[2])
stamp = re.compile(r', (\d{4}/\d\d/\d\d, \d\d:\d\d:\d\d\.\d{3}), ')

def when(line):
    return datetime.datetime.strptime(stamp.search(line).group(1), '%Y/%m/%d, %H:%M:%S.%f').timestamp()

def first(path, needle, last=False):
    found = None
    with open(path, errors='replace') as f:
        for line in f:
            if needle in line and stamp.search(line):
                found = when(line)
                if not last:
                    break
    return found

def phases(work):
    start = float(open(os.path.join(work, 'start')).read())
    end = float(open(os.path.join(work, 'end')).read())
    console = os.path.join(work, 'diag', 'log.txt')
    host = glob.glob(os.path.join(work, 'diag', 'log.host.*'))[0]
    marks = [
        ('vstest.console starts (dotnet CLI, MSBuild evaluation before it)', first(console, 'vstest.console.dll, Version')),
        ('testhost launched', first(console, 'Launching testhost')),
        ('testhost runs its first line', first(host, 'testhost.dll, Version')),
        ('testhost starts the run (adapter loaded)', first(host, "Running job 'TestExecution.StartWithSources'")),
        ('NUnit adapter: execution started', first(host, 'Test execution started')),
        ('NUnit adapter: tests discovered (features loaded, fixtures built)', first(host, 'discovered')),
    ]
    events = []
    with open(os.path.join(work, 'reports', 'cucumber.ndjson')) as f:
        for line in f:
            message = json.loads(line)
            kind, body = next(iter(message.items()))
            if isinstance(body, dict) and 'timestamp' in body:
                events.append((kind, body['timestamp']['seconds'] + body['timestamp']['nanos'] / 1e9))
    def at(kind, index=0):
        times = [t for k, t in events if k == kind]
        return times[index] if times else None
    marks += [
        ('Reqnroll: test run started (formatters open)', at('testRunStarted')),
        ('Reqnroll: [BeforeTestRun] starts (bindings discovered)', at('testRunHookStarted', 0)),
        ('Reqnroll: [BeforeTestRun] ends (target started)', at('testRunHookFinished', 0)),
        ('first scenario starts', min(t for k, t in events if k == 'testCaseStarted')),
        ('last scenario ends', max(t for k, t in events if k == 'testCaseFinished')),
        ('Reqnroll: test run finished (formatters close)', at('testRunFinished')),
        ('conformance reports written', os.path.getmtime(os.path.join(work, 'reports', 'conformance.html'))),
        ('NUnit adapter: execution complete', first(host, 'Test execution complete')),
        ('dotnet test exits', end),
    ]
    return [(name, None if t is None else t - start) for name, t in marks]

all_runs = [phases(os.path.join(root, str(i))) for i in range(1, runs + 1)]
print(f"{'phase ends at (medians of ' + str(runs) + ' runs, seconds)':<70} {'at':>7} {'took':>7}")
previous = 0.0
for index, (name, _) in enumerate(all_runs[0]):
    ats = [run[index][1] for run in all_runs if run[index][1] is not None]
    if not ats:
        print(f'{name:<70} {"?":>7}')
        continue
    at = statistics.median(ats)
    print(f'{name:<70} {at:7.2f} {at - previous:7.2f}')
    previous = at
PY
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
