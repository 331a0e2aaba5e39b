#!/usr/bin/env bash
# tack on PostgreSQL (docs/BENCHMARKS.md, "PostgreSQL"), on a private throw-away server (the tests'
# testing.PostgresServer: Debian's binaries, loopback, fsync off) that each part starts and stops:
#   1. commit → another process's screen (the real BoardScreen loop on a virtual terminal): p50/p99
#   2. 1 and 8 writing processes, tack's write service vs plain JDBC: commits/s, p50/p99
#   3. `tack add` start-up against the server (java -jar, wall time), vs the same on a board file
# The machine is shared: the load average is printed before each part.
# Usage: bench/postgres.sh [SECONDS_PER_WRITE_ROUND] [MARKS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-5}
marks=${2:-200}
runs=${3:-10}
cp=$(bench/classpath.sh)
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
java -cp "$cp" dev.tack.tui.ScreenBench --postgres "$marks"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$cp" dev.tack.bench.PgWriteBench "$seconds" 1,8
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
[ -f target/tack.jar ] || mvn -q -B package -DskipTests
java -cp "$cp" dev.tack.bench.PgStartup "$runs" target/tack.jar
