#!/usr/bin/env bash
# Imports CARDS cards (default 100,000) from one tack JSON file into a new board file, RUNS times
# (default 3), while another process writes beside it: one JVM adding a card every PACE_MS
# (default 20; dev.tack.bench.WriterBeside), whose adds' times are almost all waiting for the
# import's write lock. Reports the import's wall and CPU time and peak memory, and those waits.
# With --debug the import prints each batch it commits and how long it held the write lock (the
# longest single hold and all holds added up); the bench shows that line.
# IMPORT_JAVA_OPTS adds options to the import's JVM (e.g. the launcher's: -XX:TieredStopAtLevel=1 -XX:+UseSerialGC).
# Usage: bench/import.sh [CARDS]
set -euo pipefail
cd "$(dirname "$0")/.."
cards=${1:-100000}
mvn -q -B -o package -DskipTests
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
echo "$cards cards, $(( $(stat -c %s "$file") / 1024 / 1024 )) MB of JSON; $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"

cp=$(bench/classpath.sh)
import() { # label: one import of the file into a new board file, its times and the writer beside it
  rm -f "$db" "$db-wal" "$db-shm" "$db.lock" "$dir/stop"
  : > "$dir/beside"
  tack init --db "$db" >/dev/null
  java -cp "$cp" dev.tack.bench.WriterBeside "$db" "$dir/stop" "${PACE_MS:-20}" > "$dir/beside" &
  local beside=$!
  until grep -q ready "$dir/beside"; do sleep 0.05; done # it has written once
  # shellcheck disable=SC2086 # IMPORT_JAVA_OPTS is a list of options
  /usr/bin/time -f "%e s wall, %U s user, %S s sys, %M KB peak" -o "$dir/time" java ${IMPORT_JAVA_OPTS:-} -jar target/tack.jar \
      --db "$db" --debug import "$file" >/dev/null 2>"$dir/debug"
  touch "$dir/stop"
  wait "$beside"
  echo "$1: import $(cat "$dir/time"); load $(cut -d' ' -f1 /proc/loadavg)"
  grep -o 'read and checked [0-9]* card(s) in [0-9]* ms' "$dir/debug" | sed 's/^/  import /' || true
  grep -o 'held the write lock [0-9]* times, longest [0-9]* ms, in all [0-9]* ms (publishing: [0-9]* ms; CPU inside: [0-9]* ms)' "$dir/debug" | sed 's/^/  import /' || true
  grep 'import: staged' "$dir/debug" | grep -o 'held the write lock [0-9]* ms' | grep -o '[0-9]*' | sort -n \
    | awk '{a[NR]=$1} END {printf "  batches: %d, lock held per batch: median %d ms, p90 %d ms, max %d ms\n", NR, a[int((NR+1)/2)], a[int(NR*0.9+0.5)], a[NR]}'
  grep -v '^ready$' "$dir/beside" | sed 's/^/  /'
  echo "  cards on the board: $(tack ls --json | grep -c '"id"')"
}
for run in $(seq "${RUNS:-3}"); do
  import "run $run"
done
rm -rf "$dir"
