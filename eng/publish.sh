#!/usr/bin/env bash
# Publishes the tool (klaviyo-oauth-conformance: run, emulate, report, diagnose, grade) and the
# standalone emulator (klaviyo-oauth-emulator) as self-contained single files for linux-x64,
# linux-arm64, osx-arm64 and win-x64 into one folder with SHA256SUMS, then checks them:
#   - the linux-x64 files run from an empty folder with no SDK on PATH: --help, --version, an OAuth
#     flow (authorize, code exchange with PKCE, API call, refresh) against each file's emulator,
#     a grade of that flow (exit 0), and a catalogue run of the tool against its embedded emulator;
#   - every other file is the right format for its platform (ELF/Mach-O/PE and its CPU).
#
# usage: eng/publish.sh [OUT]        (default artifacts/publish; takes minutes: never run by dotnet test)
#        eng/publish.sh --check OUT  (only the checks, on files published before)
# A release uploads OUT/* as the GitHub release's assets.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

check_only=0
if [ "${1:-}" = "--check" ]; then check_only=1; shift; fi
out="$(mkdir -p "${1:-$repo/artifacts/publish}" && cd "${1:-$repo/artifacts/publish}" && pwd)"

rids=(linux-x64 linux-arm64 osx-arm64 win-x64)
# name:project
apps=("klaviyo-oauth-conformance:src/Klaviyo.OAuth.Conformance.Tool" "klaviyo-oauth-emulator:src/Klaviyo.OAuth.Emulator")

file_of() { # name rid
  if [ "${2%%-*}" = win ]; then echo "$out/$1-$2.exe"; else echo "$out/$1-$2"; fi
}

fail() { echo "publish check FAILED: $*" >&2; exit 1; }

publish() {
  local staging; staging="$(mktemp -d)"
  # A copy of the sources, so that builds in the clone (and their bin/obj) neither disturb nor are disturbed.
  local src="$staging/src"
  mkdir -p "$src"
  (cd "$repo" && tar --exclude=bin --exclude=obj -cf - .editorconfig Directory.Build.props Directory.Packages.props global.json reqnroll.json conformance.example.json features src) | tar -xf - -C "$src"
  # Every runtime in one restore: the projects' assets then serve each publish below.
  local all; all="$(IFS=';'; echo "${rids[*]}")"
  for app in "${apps[@]}"; do
    local name="${app%%:*}" project="${app#*:}"
    local assembly; assembly="$(basename "$project")"
    for rid in "${rids[@]}"; do
      echo "Publishing $name for $rid…"
      # Single file with every content file inside: the feature files and reqnroll.json are read
      # from AppContext.BaseDirectory and Reqnroll loads its plugins from assemblies on disk, so the
      # bundle extracts itself on first start (to DOTNET_BUNDLE_EXTRACT_BASE_DIR, default ~/.net).
      dotnet publish "$src/$project" -c Release -r "$rid" --self-contained "-p:RuntimeIdentifiers=\"$all\"" \
        -p:PublishSingleFile=true -p:IncludeAllContentForSelfExtract=true -p:DebugType=none \
        -o "$staging/$name-$rid" -v quiet -nologo >"$staging/publish.log" 2>&1 || { cat "$staging/publish.log"; fail "dotnet publish of $name for $rid"; }
      local built="$staging/$name-$rid/$assembly"
      [ "${rid%%-*}" = win ] && built="$built.exe"
      [ -f "$built" ] || fail "$name for $rid: no $built"
      cp "$built" "$(file_of "$name" "$rid")"
    done
  done
  rm -rf "$staging"
  (cd "$out" && sha256sum klaviyo-oauth-* > SHA256SUMS)
}

# The file's format and CPU from its header bytes (no `file` needed).
bytes() { od -An -tx1 -j "$2" -N "$3" "$1" | tr -d ' \n'; }
format_of() {
  local f="$1"
  case "$(bytes "$f" 0 4)" in
    7f454c46) case "$(bytes "$f" 18 2)" in 3e00) echo elf-x64 ;; b700) echo elf-arm64 ;; *) echo elf-other ;; esac ;;
    cffaedfe) case "$(bytes "$f" 4 4)" in 0c000001) echo macho-arm64 ;; 07000001) echo macho-x64 ;; *) echo macho-other ;; esac ;;
    4d5a*)
      local pe; pe=$(( 0x$(bytes "$f" 60 4 | sed -E 's/(..)(..)(..)(..)/\4\3\2\1/') ))
      case "$(bytes "$f" "$pe" 6)" in 504500006486) echo pe-x64 ;; 50450000aa64) echo pe-arm64 ;; *) echo pe-other ;; esac ;;
    *) echo unknown ;;
  esac
}

expected_format() {
  case "$1" in linux-x64) echo elf-x64 ;; linux-arm64) echo elf-arm64 ;; osx-arm64) echo macho-arm64 ;; win-x64) echo pe-x64 ;; esac
}

json_field() { # json name -> the string value of "name"
  sed -n "s/.*\"$2\" *: *\"\\([^\"]*\\)\".*/\\1/p" <<<"$1" | head -1
}

check() {
  echo "Checking the files in $out"
  (cd "$out" && sha256sum --quiet -c SHA256SUMS) || fail "SHA256SUMS does not match"
  for app in "${apps[@]}"; do
    for rid in "${rids[@]}"; do
      local f; f="$(file_of "${app%%:*}" "$rid")"
      [ -f "$f" ] || fail "missing $f"
      local got; got="$(format_of "$f")"
      [ "$got" = "$(expected_format "$rid")" ] || fail "$(basename "$f") is $got, expected $(expected_format "$rid")"
      printf '  %-45s %-12s %s MB\n' "$(basename "$f")" "$got" "$(( $(stat -c %s "$f") / 1048576 ))"
    done
  done

  # An empty folder, no repository, no SDK.
  work="$(mktemp -d)"
  emulator_pid=""
  trap 'if [ -n "$emulator_pid" ]; then kill "$emulator_pid" 2>/dev/null || true; fi; rm -rf "$work"' EXIT
  cp "$(file_of klaviyo-oauth-conformance linux-x64)" "$work/klaviyo-oauth-conformance"
  cp "$(file_of klaviyo-oauth-emulator linux-x64)" "$work/klaviyo-oauth-emulator"
  cd "$work"
  # PATH is an empty folder: no dotnet, no SDK, nothing the files could lean on.
  mkdir "$work/no-tools"
  local clean=(env -i "PATH=$work/no-tools" "HOME=$work")
  if "${clean[@]}" /bin/sh -c 'command -v dotnet' >/dev/null; then fail "dotnet is still on PATH"; fi

  for exe in klaviyo-oauth-conformance klaviyo-oauth-emulator; do
    "${clean[@]}" "./$exe" --help >help.txt || fail "$exe --help exited $?"
    grep -q -- "--api-url" help.txt || [ "$exe" = klaviyo-oauth-conformance ] || fail "$exe --help does not list its options"
    local version; version="$("${clean[@]}" "./$exe" --version)" || fail "$exe --version exited $?"
    [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+ ]] || fail "$exe --version printed '$version'"
    echo "  $exe --help, --version ($version): ok"
  done

  flow_against "./klaviyo-oauth-emulator"
  flow_against "./klaviyo-oauth-conformance emulate"

  # The catalogue ships inside the file: run a part of it against the embedded emulator.
  "${clean[@]}" ./klaviyo-oauth-conformance run --filter "Category~token.refresh" --out run >run.log 2>&1 \
    || { cat run.log; fail "run from the single file exited $?"; }
  grep -q '"satisfied": [1-9]' run/conformance.json || { cat run.log; fail "run from the single file satisfied nothing"; }
  echo "  klaviyo-oauth-conformance run --filter Category~token.refresh: ok ($(grep -m1 '^Conformance' run.log))"
  echo "All published files check out."
}

# Starts an emulator, completes an OAuth flow with curl, grades it with the tool's file.
flow_against() {
  local command="$1" api=127.0.0.1:$((20000 + RANDOM % 20000)) web=127.0.0.1:$((40000 + RANDOM % 20000))
  # shellcheck disable=SC2086 # the command is a file and maybe a subcommand
  "${clean[@]}" $command --api-url "http://$api" --web-url "http://$web" >emulator.log 2>&1 &
  emulator_pid=$!
  for _ in $(seq 1 100); do
    curl -fsS "http://$api/__health" >/dev/null 2>&1 && break
    kill -0 "$emulator_pid" 2>/dev/null || { cat emulator.log; fail "$command stopped"; }
    sleep 0.2
  done
  curl -fsS "http://$api/__health" >/dev/null || { cat emulator.log; fail "$command never answered /__health"; }

  local redirect=http://127.0.0.1:9/callback
  local client; client="$(curl -fsS -X POST "http://$api/__control/clients" -d "{\"redirectUris\":[\"$redirect\"],\"name\":\"publish check\"}")"
  local id secret; id="$(json_field "$client" clientId)"; secret="$(json_field "$client" clientSecret)"
  local account; account="$(json_field "$(curl -fsS -X POST "http://$api/__control/accounts" -d '{"allowlisted":true}')" accountId)"
  local user; user="$(json_field "$(curl -fsS -X POST "http://$api/__control/users" -d "{\"accountId\":\"$account\",\"role\":\"owner\"}")" userId)"
  local session; session="$(curl -fsS -X POST "http://$api/__control/sessions" -d "{\"userId\":\"$user\"}")"
  local cookie; cookie="$(json_field "$session" cookieName)=$(json_field "$session" cookieValue)"

  local verifier; verifier="$(openssl rand -hex 32)"
  local challenge; challenge="$(printf %s "$verifier" | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | tr -d '=')"
  local location; location="$(curl -sS -o /dev/null -w '%{redirect_url}' -H "Cookie: $cookie" "http://$web/oauth/authorize" \
    --data-urlencode response_type=code --data-urlencode "client_id=$id" --data-urlencode "redirect_uri=$redirect" \
    --data-urlencode "scope=accounts:read" --data-urlencode state=xyz --data-urlencode "code_challenge=$challenge" \
    --data-urlencode code_challenge_method=S256 --data-urlencode decision=allow)"
  local code; code="$(sed -n 's/.*[?&]code=\([^&]*\).*/\1/p' <<<"$location")"
  [ -n "$code" ] || { cat emulator.log; fail "$command: authorize gave no code ($location)"; }

  local tokens; tokens="$(curl -fsS -u "$id:$secret" "http://$api/oauth/token" --data-urlencode grant_type=authorization_code \
    --data-urlencode "code=$code" --data-urlencode "redirect_uri=$redirect" --data-urlencode "code_verifier=$verifier")" \
    || fail "$command: the code exchange was refused"
  local access refresh; access="$(json_field "$tokens" access_token)"; refresh="$(json_field "$tokens" refresh_token)"
  curl -fsS -o /dev/null -H "Authorization: Bearer $access" -H "revision: 2024-10-15" "http://$api/api/accounts/" \
    || fail "$command: the API refused the access token"
  curl -fsS -o /dev/null -u "$id:$secret" "http://$api/oauth/token" --data-urlencode grant_type=refresh_token --data-urlencode "refresh_token=$refresh" \
    || fail "$command: the refresh was refused"

  "${clean[@]}" ./klaviyo-oauth-conformance grade --emulator "http://$api" --client "$id" --out grade >grade.log 2>&1 \
    || { cat grade.log; fail "grade of a well-behaved flow exited $?"; }
  kill "$emulator_pid"; wait "$emulator_pid" 2>/dev/null || true; emulator_pid=""
  echo "  OAuth flow against '$command' and grade: ok ($(grep -m1 " · " grade.log))"
}

if [ "$check_only" = 0 ]; then
  start=$(date +%s)
  publish
  echo "Published ${#apps[@]} apps for ${#rids[@]} platforms in $(( $(date +%s) - start )) s into $out"
fi
check
