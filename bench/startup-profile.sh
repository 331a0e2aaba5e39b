#!/usr/bin/env bash
# Where a start spends its time, by sampling: a Java agent (bench/sampler/Sampler.java) reads the
# main thread's stack every ~0.5 ms from premain to exit; the stacks of RUNS runs are summed and
# each frame's inclusive share is printed (the JVM's own start before premain is not in them).
#
#   bench/startup-profile.sh [ARGS...]              # default: --version; e.g. --db FILE add x
#   RUNS=10 FILTER='dev\.tack|picocli' bench/startup-profile.sh --db FILE ls
#   TACK_JAR=/path/tack.jar bench/startup-profile.sh ...   # default: target/tack.jar
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-5}
jar=${TACK_JAR:-$here/target/tack.jar}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
javac -d "$work" "$here/bench/sampler/Sampler.java"
printf 'Premain-Class: Sampler\n' > "$work/manifest"
jar cfm "$work/sampler.jar" "$work/manifest" -C "$work" Sampler.class
[ $# -gt 0 ] || set -- --version
for _ in $(seq "$runs"); do
  SAMPLER_OUT="$work/samples.txt" java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Dfile.encoding=UTF-8 \
    -javaagent:"$work/sampler.jar" -jar "$jar" "$@" >/dev/null 2>&1 || true
done
echo "# $runs runs of: tack $*; load average $(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$here/bench/sampler/inclusive.py" "$work/samples.txt" "${FILTER:-dev\.tack|picocli\.CommandLine\.(<init>|execute)|org\.sqlite|java\.util\.logging}" | head -"${TOP:-60}"
