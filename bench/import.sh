#!/usr/bin/env bash
# Imports CARDS cards (default 100,000) from one tack JSON file while another process runs
# `tack add` in a loop, and reports the import's wall time and peak memory and the adds' wall
# times beside it (each add is a whole JVM start; the adds before the import are the baseline, so
# the difference is the time an add waited for the import's write lock).
# With --debug the import prints each batch it commits and how long it held the write lock (the
# longest single hold and all holds added up); the bench shows that line.
# IMPORT_JAVA_OPTS adds options to the import's JVM (e.g. the launcher's: -XX:TieredStopAtLevel=1 -XX:+UseSerialGC).
# Usage: bench/import.sh [CARDS]
set -euo pipefail
cd "$(dirname "$0")/.."
cards=${1:-100000}
[ -f target/tack.jar ] || mvn -q -B package -DskipTests
dir=$(mktemp -d)
db="$dir/tack.db"
file="$dir/cards.json"
tack() { java -jar target/tack.jar --db "$db" "$@"; }
awk -v n="$cards" 'BEGIN {
  printf "{\"format\": \"tack-board\", \"version\": 1, \"board\": \"main\", \"columns\": [{\"name\": \"Todo\", \"cards\": [\n"
  for (i = 0; i < n; i++) {
    printf "{\"title\": \"card %d\", \"description\": \"some words about card %d\", \"tags\": [\"t%d\", \"bulk\"], \"priority\": %d, \"assignee\": \"ann\"}%s\n", i, i, i % 7, i % 4, (i < n - 1 ? "," : "")
  }
  printf "]}]}\n"
}' > "$file"
tack init --db "$db" >/dev/null
echo "$cards cards, $(( $(stat -c %s "$file") / 1024 / 1024 )) MB of JSON; $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"

adds() { # label, count: wall ms of each `tack add`, one per line, into $dir/$label
  for _ in $(seq "$2"); do
    t0=$(date +%s%N); tack add "beside the import" >/dev/null || echo "add failed: exit $?" >&2; t1=$(date +%s%N)
    echo $(( (t1 - t0) / 1000000 ))
  done > "$dir/$1"
}
summary() {
  sort -n "$dir/$1" | awk -v label="$1" '{a[NR]=$1} END {printf "%-22s %3d adds   median %5d ms   max %5d ms\n", label, NR, a[int((NR+1)/2)], a[NR]}'
}

adds "adds alone" 5
touch "$dir/during"
(
  while [ ! -f "$dir/done" ]; do
    t0=$(date +%s%N); tack add "beside the import" >/dev/null || echo "add failed: exit $?" >&2; t1=$(date +%s%N)
    echo $(( (t1 - t0) / 1000000 )) >> "$dir/adds during import"
  done
) &
loop=$!
sleep 1
# shellcheck disable=SC2086 # IMPORT_JAVA_OPTS is a list of options
/usr/bin/time -f "import: %e s wall, %U s user, %S s sys, %M KB peak" -o "$dir/time" java ${IMPORT_JAVA_OPTS:-} -jar target/tack.jar --db "$db" --debug import "$file" >/dev/null 2>"$dir/debug"
touch "$dir/done"
wait "$loop"
cat "$dir/time"
grep -o 'read and checked [0-9]* card(s) in [0-9]* ms' "$dir/debug" | sed 's/^/import /' || true
grep -o 'held the write lock [0-9]* times, longest [0-9]* ms, in all [0-9]* ms (publishing: [0-9]* ms; CPU inside: [0-9]* ms)' "$dir/debug" | sed 's/^/import /' || true
grep 'import: staged' "$dir/debug" | grep -o 'held the write lock [0-9]* ms' | grep -o '[0-9]*' | sort -n \
  | awk '{a[NR]=$1} END {printf "batches: %d, lock held per batch: median %d ms, p90 %d ms, max %d ms\n", NR, a[int((NR+1)/2)], a[int(NR*0.9+0.5)], a[NR]}'
summary "adds alone"
summary "adds during import"
echo "cards on the board: $(tack ls --json | grep -c '"id"')"
rm -rf "$dir"
