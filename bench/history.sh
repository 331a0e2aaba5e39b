#!/usr/bin/env bash
# A long history: files of 10,000, 100,000 and 1,000,000 events (a tenth as many cards, half
# archived, over 5 boards) and what they cost: the screen's first read and frames, `tack undo`,
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
  if command -v tmux >/dev/null; then
    times=()
    for run in 1 2 3 4 5; do
      sock="tack-history-bench-$$-$events-$run" # a server per run: a new one on a socket whose server is still exiting fails
      t0=$(date +%s%N)
      tmux -L "$sock" new-session -d -s bench -x 120 -y 35 "java -jar target/tack.jar --db $db"
      until tmux -L "$sock" capture-pane -p -t bench 2>/dev/null | grep -q "tack ▸ main"; do sleep 0.005; done
      t1=$(date +%s%N)
      tmux -L "$sock" kill-server
      times+=($(( (t1 - t0) / 1000000 )))
    done
    open=$(printf '%s\n' "${times[@]}" | median)
    echo "  screen open (tack to first frame, tmux 120x35): median $open ms, $((open - base)) ms beyond start-up (5 runs)"
  fi
done
