#!/usr/bin/env bash
# A long history: files of 10,000, 100,000 and 1,000,000 events (a tenth as many cards, half
# archived, over 5 boards) and what they cost: the screen's first read, frames and first frame, `tack undo`,
# `tack log -n 20` and `tack ls` (each minus `tack --version`, the JVM's start), and the bytes a
# move event takes on disk. Usage: bench/history.sh [EVENTS...]   (default: 10000 100000 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000)
runs=${RUNS:-7}
mvn -q -B -o package -DskipTests
cp=$(bench/classpath.sh)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
wall() { # command...: wall ms of one run
  local t0 t1
  t0=$(date +%s%N); "$@" >/dev/null; t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000000 ))
}
for events in "${sizes[@]}"; do
  db="$dir/history-$events.db"
  java -cp "$cp" dev.tack.board.HistoryFile "$db" "$events"
  tack() { java -jar target/tack.jar --db "$db" --as alice "$@"; }
  base=$(for _ in $(seq "$runs"); do wall java -jar target/tack.jar --version; done | median)
  undo=$(for _ in $(seq "$runs"); do wall tack undo; wall tack redo >/dev/null; done | median)
  redo=$(for _ in $(seq "$runs"); do tack undo >/dev/null; wall tack redo; done | median)
  log=$(for _ in $(seq "$runs"); do wall tack log -n 20; done | median)
  logb=$(for _ in $(seq "$runs"); do wall tack --board board4 log -n 20; done | median)
  ls=$(for _ in $(seq "$runs"); do wall tack ls; done | median)
  echo "  start-up (tack --version) $base ms; beyond it: undo $((undo - base)) ms, redo $((redo - base)) ms," \
       "log -n 20 $((log - base)) ms, --board board4 log -n 20 $((logb - base)) ms, ls $((ls - base)) ms (medians of $runs)"
  java -cp "$cp" dev.tack.bench.HistoryBench "$db" 20
  java -cp "$cp" dev.tack.tui.ScreenBench frames "$db" 300
  # The first frame on a pseudo-terminal of its own, read without polling (bench/first-frame.py):
  # plain `java -jar`, and with the installed launcher's JVM options and a class-data-sharing
  # archive made by the same training run as the launcher's (the archive needs the same classpath).
  open=$(python3 bench/first-frame.py --runs 5 -- java -jar "$PWD/target/tack.jar" --db "$db")
  echo "  screen open, java -jar (start to first frame, 120x35): $open"
  opts="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Dfile.encoding=UTF-8"
  if [ ! -f "$dir/tack.jsa" ]; then # as the launcher makes it (src/jreleaser/assemblers/*/bin/launcher.tpl)
    mkdir -p "$dir/training"
    # shellcheck disable=SC2086 # opts is a list of options
    java $opts -XX:DumpLoadedClassList="$dir/classes.lst" -Xshare:auto -Xlog:cds=off \
      -cp "$PWD/target/tack.jar" dev.tack.Training "$dir/training" >/dev/null 2>&1
    grep -v '^@cp ' "$dir/classes.lst" > "$dir/archive.lst"
    # shellcheck disable=SC2086
    java $opts -Xshare:dump -XX:SharedClassListFile="$dir/archive.lst" -XX:SharedArchiveFile="$dir/tack.jsa" \
      -cp "$PWD/target/tack.jar" >/dev/null 2>&1
  fi
  # shellcheck disable=SC2086
  open=$(python3 bench/first-frame.py --runs 5 -- java $opts -XX:SharedArchiveFile="$dir/tack.jsa" -Xshare:auto -Xlog:cds=off \
    -cp "$PWD/target/tack.jar" dev.tack.Main --db "$db")
  echo "  screen open, the launcher's options and archive: $open"
done
