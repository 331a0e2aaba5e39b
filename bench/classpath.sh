#!/usr/bin/env bash
# Prints the classpath of tack's classes, test classes (where the benchmarks live) and dependencies,
# building them first. Shared by the benchmark scripts.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null 2>&1 \
  || mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
echo "$PWD/target/classes:$PWD/target/test-classes:$(cat target/bench.classpath)"
