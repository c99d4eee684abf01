#!/usr/bin/env bash
# The README's integrator recipe, end to end, with the tool's published single file:
#   tests/integrator/recipe.sh PATH/TO/klaviyo-oauth-conformance
# Starts `emulate` in the background, waits for /__health, runs the Node app (simple-oauth2) once
# well-behaved and once misbehaving, and grades each: exit 0, then exit 1. Needs node and npm.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tool="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
fail() { echo "integrator recipe FAILED: $*" >&2; exit 1; }

work="$(mktemp -d)"
emulator_pid=""
trap 'if [ -n "$emulator_pid" ]; then kill "$emulator_pid" 2>/dev/null || true; fi; rm -rf "$work"' EXIT
cp "$here/package.json" "$here/package-lock.json" "$here/app.mjs" "$work/"
cd "$work"
npm ci --no-audit --no-fund --loglevel=error >/dev/null

api="http://127.0.0.1:$((20000 + RANDOM % 20000))"; web="http://127.0.0.1:$((40000 + RANDOM % 20000))"
# --- the recipe, as the README gives it ---
"$tool" emulate --api-url "$api" --web-url "$web" >emulator.log 2>&1 &
emulator_pid=$!
for _ in $(seq 1 150); do curl -fs "$api/__health" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fs "$api/__health" >/dev/null || { cat emulator.log; fail "the emulator never answered /__health"; }

grade() { # the app's own test run, then the grade of what it did; prints the grade's exit code
  local output; output="$(node app.mjs "$api" "$web" "$@")" || fail "node app.mjs $*: $output"
  echo "$output" | sed 's/^/  app: /' >&2
  local client; client="$(sed -n 's/^client_id=//p' <<<"$output")"
  local status=0
  "$tool" grade --emulator "$api" --client "$client" --out "grade$*" >grade.log 2>&1 || status=$?
  sed 's/^/  grade: /' grade.log >&2
  echo "$status"
}

echo "A well-behaved app:" >&2
good="$(grade)"
[ "$good" = 0 ] || fail "the well-behaved app was graded $good, expected 0"
echo "A misbehaving app (client secret in the body):" >&2
bad="$(grade --misbehave)"
[ "$bad" = 1 ] || fail "the misbehaving app was graded $bad, expected 1"
grep -q "not satisfied    client.basic-auth" grade.log || fail "the grade does not name client.basic-auth"
echo "Integrator recipe: well-behaved app graded 0, misbehaving app graded 1." >&2
