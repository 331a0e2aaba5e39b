#!/usr/bin/env bash
# Wall time of `tack add` and `tack ls` on a board of 10,000 cards, through the built jar.
# Usage: bench/cli.sh [CARDS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
cards=${1:-10000}
runs=${2:-10}
[ -f target/tack.jar ] || mvn -q -B package -DskipTests
cp=$(bench/classpath.sh)
dir=$(mktemp -d)
db="$dir/tack.db"
java -cp "$cp" dev.tack.bench.SeedBoard "$db" "$cards"
tack() { java -jar target/tack.jar --db "$db" "$@"; }
measure() { # label, command...: median and max wall ms over $runs runs
  local label=$1; shift
  local times=()
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(date +%s%N); "$@" >/dev/null; t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  median=$(echo "$sorted" | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
  max=$(echo "$sorted" | tail -1)
  printf '%-34s median %5s ms   max %5s ms   (%s runs)\n' "$label" "$median" "$max" "$runs"
}
echo "board of $cards cards in $db"
measure "tack add" tack add "benchmark card"
measure "tack ls (text, to /dev/null)" tack ls
measure "tack ls --json" tack ls --json
measure "tack --version (JVM start only)" java -jar target/tack.jar --version
rm -rf "$dir"
