# Sourced by compare.sh and ab.sh: timed runs of whole processes, and medians of them.
# The sourcing script sets $samples to a scratch folder.

# GNU time reports the children's CPU and the largest child's peak RSS; bash's `time` does not.
if [ ! -x /usr/bin/time ]; then
  echo "Installing GNU time…" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null) \
    || { echo "GNU time (/usr/bin/time) is needed and could not be installed." >&2; exit 1; }
fi

# timed NAME COMMAND...: runs the command once and appends "wall cpu rss_kib" (CPU = user + sys,
# children included) to $samples/NAME; a failing run stops the script with the command's output.
timed() {
  local name="$1"
  shift
  if ! /usr/bin/time -f '%e %U %S %M' -o "$samples/last" "$@" >"$samples/$name.log" 2>&1; then
    echo "\`$*\` failed; its output:" >&2
    tail -n 40 "$samples/$name.log" >&2
    exit 1
  fi
  awk '{ printf "%.2f %.2f %d\n", $1, $2 + $3, $4 }' "$samples/last" >>"$samples/$name"
}

# median NAME COLUMN: the median of one column (1 wall, 2 CPU, 3 RSS) of $samples/NAME.
median() {
  cut -d' ' -f"$2" "$samples/$1" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
