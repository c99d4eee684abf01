#!/usr/bin/env bash
# Where one catalogue run's wall time goes, from the process's own timestamps rather than guesses:
# vstest's diagnostic logs (--diag: console and testhost), NUnit adapter messages in them, and the
# Cucumber messages Reqnroll writes (test run start, the [BeforeTestRun] hook that starts the target,
# each test case, the [AfterTestRun] hooks). Prints one line per phase, seconds from launch.
#
#   benchmarks/whole-process/timeline.sh          (the Specs project must be built: dotnet build tests/Klaviyo.OAuth.Conformance.Specs)
set -euo pipefail
cd "$(dirname "$0")/../.."

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

start=$(date +%s.%N)
CONFORMANCE_REPORTS_DIR="$work/reports" dotnet test tests/Klaviyo.OAuth.Conformance.Specs --no-build \
  --diag:"$work/diag/log.txt" >"$work/out.log" 2>&1 || { tail -n 40 "$work/out.log" >&2; exit 1; }
end=$(date +%s.%N)

python3 - "$start" "$end" "$work" <<'PY'
import datetime, glob, json, os, re, sys

start, end, work = float(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
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
    ('testhost exited', first(console, 'exited with exitcode')),
    ('dotnet test exits', end),
]
previous = start
print(f"{'phase ends at':<70} {'at':>7} {'took':>7}")
for name, t in marks:
    if t is None:
        print(f'{name:<70} {"?":>7}')
        continue
    print(f'{name:<70} {t - start:7.2f} {t - previous:7.2f}')
    previous = t
PY
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
