#!/usr/bin/env bash
# How soon a sqlite3 shell's edit shows on two open screens while they beat their presence:
# p50/p99 from the sqlite3 process's exit to the frame that shows it. Usage: bench/shell-edit.sh [EDITS]
set -euo pipefail
command -v sqlite3 >/dev/null || { echo "sqlite3 missing (apt-get install sqlite3)"; exit 1; }
cp=$("$(dirname "$0")/classpath.sh")
exec java -cp "$cp" dev.tack.bench.ShellEditBench "${1:-50}"
