#!/usr/bin/env bash
# Committed writes per second and p50/p99 write latency, tack's locked Writer against plain JDBC,
# with 1, 4 and 8 writing processes. Usage: bench/writes.sh [SECONDS_PER_ROUND] [PROCESS_COUNTS]
set -euo pipefail
cp=$("$(dirname "$0")/classpath.sh")
exec java -cp "$cp" dev.tack.bench.WriteBench "${1:-5}" "${2:-1,4,8}"
