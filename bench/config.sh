#!/usr/bin/env bash
# What reading config.toml adds to a command's start (docs/BENCHMARKS.md, "Configuration"):
# the first Config.load in a fresh JVM, with no config file and with a user config file, RUNS
# times each, interleaved (so that a loaded machine disturbs both alike). Prints the median,
# min and max in milliseconds. The whole command's start-up is bench/startup.sh's (run it with
# XDG_CONFIG_HOME pointing at a folder with and without tack/config.toml).
#
#   bench/config.sh            RUNS=30 bench/config.sh
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-20}
cp=$("$here"/bench/classpath.sh)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/none" "$work/with/tack" "$work/cwd"
cat >"$work/with/tack/config.toml" <<'TOML'
theme = "dark"
date_format = "d MMM yyyy"
poll_interval = "40ms"
card_fields = ["priority", "tags", "due", "assignee"]
board = "main"
[keys]
move_left = "a"
move_right = ["s", "shift+right"]
TOML
java=(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto -cp "$cp" dev.tack.bench.ConfigLoadBench "$work/cwd")
none=() with=()
for _ in 1 2; do "${java[@]}" "$work/none" >/dev/null; "${java[@]}" "$work/with" >/dev/null; done
for _ in $(seq "$runs"); do
  none+=("$("${java[@]}" "$work/none")")
  with+=("$("${java[@]}" "$work/with")")
done
stats() { sort -n | awk '{a[NR]=$1} END {m=(NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2); printf "median %7.1f ms   min %7.1f   max %7.1f\n", m/1000, a[1]/1000, a[NR]/1000}'; }
echo "# first Config.load in a fresh JVM; $runs runs each; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-34s %s\n' "no config file, wall" "$(printf '%s\n' "${none[@]}" | cut -d' ' -f1 | stats)"
printf '%-34s %s\n' "no config file, cpu" "$(printf '%s\n' "${none[@]}" | cut -d' ' -f2 | stats)"
printf '%-34s %s\n' "a user config.toml (8 keys), wall" "$(printf '%s\n' "${with[@]}" | cut -d' ' -f1 | stats)"
printf '%-34s %s\n' "a user config.toml (8 keys), cpu" "$(printf '%s\n' "${with[@]}" | cut -d' ' -f2 | stats)"
