#!/usr/bin/env bash
# Start-up wall time of tack, measured on an installed (unpacked) package or any tack command line.
#
#   bench/startup.sh                      # assembles the package (mvn -Pdist), unpacks it, measures bin/tack
#   bench/startup.sh DIR                  # measures DIR/bin/tack (an unpacked package)
#   TACK="java -jar target/tack.jar" bench/startup.sh      # measures any command line (e.g. the plain jar)
#   RUNS=30 CARDS=1000 bench/startup.sh DIR
#
# Measures, with hyperfine when installed (median of RUNS runs after 3 warm-ups, no shell in between),
# else with python3 (the same, CPU as a median), else with a date +%s%N loop:
#   tack --version                 the JVM and the command line, no database
#   tack add TITLE                 one write on a board of CARDS cards
#   tack ls                        the whole board of CARDS cards, as text, to /dev/null
#   tack (no terminal)             plain `tack` with stdout not a terminal prints the board as text
#   tack (first frame, tmux)       `tack` in a 100x30 tmux pane until the board shows on the screen
#                                  (a column header or a card title; polls capture-pane every ~5 ms)
# Prints one line per measurement: label, median, min, max wall time (ms) and, with hyperfine (or python3), the
# mean (median) CPU time (user + system, all threads), which a loaded machine disturbs less. The machine is shared: compare
# figures only from runs made in the same minute.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-20}
cards=${CARDS:-1000}

if [ -n "${TACK:-}" ]; then
  read -r -a tack <<<"$TACK"
else
  dir=${1:-}
  if [ -z "$dir" ]; then
    (cd "$here" && mvn -q -B -o -Pdist package -DskipTests jreleaser:assemble >/dev/null 2>&1 \
      || mvn -q -B -Pdist package -DskipTests jreleaser:assemble >/dev/null)
    dir=$(mktemp -d)
    tar -xzf "$(ls "$here"/target/jreleaser/assemble/tack/java-archive/tack-*.tar.gz | head -1)" -C "$dir" --strip-components=1
  fi
  tack=("$(cd "$dir" && pwd)/bin/tack")
  # The launcher makes its class-data-sharing archive on the first run, in the background: let it
  # finish before measuring (TACK_CDS=off in the environment skips this).
  if [ "${TACK_CDS:-on}" != off ]; then
    "${tack[@]}" --version >/dev/null 2>&1 || true
    for _ in $(seq 120); do compgen -G "$dir/lib/*.jsa.lock" >/dev/null || compgen -G "$dir/jars/*.jsa.lock" >/dev/null || break; sleep 0.5; done
  fi
fi

work=$(mktemp -d)
sock="tack-bench-$$"  # a private tmux server for the first-frame measurement
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$sock"; rm -rf "$work"' EXIT
db="$work/tack.db"
# Seed through the board layer (bench/classpath.sh builds the test classes that hold SeedBoard).
java -cp "$("$here"/bench/classpath.sh)" dev.tack.bench.SeedBoard "$db" "$cards"

echo "# ${tack[*]}"
echo "# board of $cards cards; $runs runs each; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"

median_of() { sort -n | awk '{a[NR]=$1} END {m=(NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2); printf "%s %s %s\n", m, a[1], a[NR]}'; }

report() { # label median min max [cpu]
  printf '%-30s median %6.1f ms   min %6.1f   max %6.1f' "$1" "$2" "$3" "$4"
  if [ -n "${5:-}" ]; then printf '   cpu %6.1f ms' "$5"; fi
  printf '\n'
}

measure() { # label, command...
  local label=$1; shift
  if command -v hyperfine >/dev/null 2>&1; then
    local json="$work/h.json" quoted
    quoted=$(printf '%q ' "$@")
    hyperfine -N --style none --warmup 3 --runs "$runs" --export-json "$json" --output null -- "$quoted" >/dev/null 2>&1
    read -r m lo hi cpu < <(jq -r '.results[0] | "\(.median*1000) \(.min*1000) \(.max*1000) \((.user+.system)*1000)"' "$json" 2>/dev/null \
      || python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print(r["median"]*1000, r["min"]*1000, r["max"]*1000, (r["user"]+r["system"])*1000)' "$json")
  elif command -v python3 >/dev/null 2>&1; then
    # no hyperfine: the same figures (median, min, max wall; median CPU of the process and its
    # children, from getrusage) from a few lines of Python, with no shell in between either
    read -r m lo hi cpu < <(python3 - "$runs" "$@" <<'PY'
import resource, statistics, subprocess, sys, time
runs, cmd = int(sys.argv[1]), sys.argv[2:]
def once():
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN); t0 = time.perf_counter()
    subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    t1 = time.perf_counter(); r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (t1 - t0) * 1000, (r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime) * 1000
for _ in range(3):
    once()
wall, cpu = zip(*[once() for _ in range(runs)])
print(statistics.median(wall), min(wall), max(wall), statistics.median(cpu))
PY
)
  else
    local times=() t0 t1
    for _ in 1 2 3; do "$@" >/dev/null 2>&1 || true; done
    for _ in $(seq "$runs"); do
      t0=$(date +%s%N); "$@" >/dev/null; t1=$(date +%s%N)
      times+=("$(( (t1 - t0) / 1000 ))")
    done
    read -r m lo hi < <(printf '%s\n' "${times[@]}" | median_of)
    m=$(awk -v v="$m" 'BEGIN{print v/1000}'); lo=$(awk -v v="$lo" 'BEGIN{print v/1000}'); hi=$(awk -v v="$hi" 'BEGIN{print v/1000}')
    cpu=""
  fi
  report "$label" "$m" "$lo" "$hi" "$cpu"
}

first_frame() { # time from starting `tack` in tmux until the first column header is on the screen
  local times=() t0 t1 session=board
  command -v tmux >/dev/null 2>&1 || { echo "tack (first frame, tmux)       skipped: no tmux"; return; }
  for i in $(seq $((runs + 2))); do
    tmux -L "$sock" kill-session -t "$session" 2>/dev/null || true
    t0=$(date +%s%N)
    tmux -L "$sock" -f /dev/null new-session -d -s "$session" -x 100 -y 30 "$(printf '%q ' "${tack[@]}") --db $(printf '%q' "$db"); sleep 5"
    # a column header (the screen) or a seeded card's title (text that scrolled past the headers)
    while ! [[ "$(tmux -L "$sock" capture-pane -p -t "$session" 2>/dev/null)" =~ Todo|Card\ number ]]; do
      t1=$(date +%s%N)
      if [ $(( (t1 - t0) / 1000000 )) -gt 10000 ]; then echo "first frame: timed out" >&2; break; fi
      sleep 0.005
    done
    t1=$(date +%s%N)
    tmux -L "$sock" send-keys -t "$session" q 2>/dev/null || true
    tmux -L "$sock" kill-session -t "$session" 2>/dev/null || true
    [ "$i" -le 2 ] || times+=("$(( (t1 - t0) / 1000 ))")
  done
  read -r m lo hi < <(printf '%s\n' "${times[@]}" | median_of)
  report "tack (first frame, tmux)" "$(awk -v v="$m" 'BEGIN{print v/1000}')" "$(awk -v v="$lo" 'BEGIN{print v/1000}')" "$(awk -v v="$hi" 'BEGIN{print v/1000}')"
}

measure "tack --version" "${tack[@]}" --version
measure "tack add" "${tack[@]}" --db "$db" add "benchmark card"
measure "tack ls ($cards cards)" "${tack[@]}" --db "$db" ls
measure "tack (no terminal, text)" "${tack[@]}" --db "$db"
first_frame
