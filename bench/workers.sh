#!/usr/bin/env bash
# What background workers cost on this machine: claims/s with 8 workers, 1,000 cards through 4
# workers, a person's write latency (in-process and `java -jar tack.jar mv`) while 8 workers run,
# and an idle worker's CPU and RSS. Numbers are reported, never asserted.
# Usage: bench/workers.sh [--quick] [--only claims,e2e,latency,idle]
#   --quick   fewer cards and moves, a 15 s idle window: a trial run of about two minutes
set -euo pipefail
cd "$(dirname "$0")/.."
# The jar is what `tack mv` runs; rebuild it when it is missing or older than the sources.
if [ ! -f target/tack.jar ] || [ -n "$(find src/main pom.xml -newer target/tack.jar -print -quit)" ]; then
  mvn -q -B -o package -DskipTests || mvn -q -B package -DskipTests
fi
cp=$(bench/classpath.sh)
dir=$(mktemp -d "${TMPDIR:-/tmp}/tack-wbench.XXXXXX")
trap 'rm -rf "$dir"' EXIT
java -cp "$cp" dev.tack.bench.WorkerBench --jar "$PWD/target/tack.jar" --dir "$dir" "$@"
