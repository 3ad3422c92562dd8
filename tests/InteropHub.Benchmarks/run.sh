#!/usr/bin/env bash
# The matcher (1M payments, 100 flows) and the bulk push (20,000 payments) on SQLite and on PostgreSQL, each run N times
# (default 3) one after another, every run between two `uptime` lines. Usage: tests/InteropHub.Benchmarks/run.sh [N] [match|push]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
only=${2:-}
dotnet build -c Release src/InteropHub.Host | tail -1
dotnet build -c Release tests/InteropHub.Benchmarks | tail -1
bench() {
  echo "### $* — $(date -u +%FT%TZ) — $(uptime)"
  /usr/bin/time -f 'time -v: %e s wall, %M KiB max RSS' dotnet run -c Release --no-build --project tests/InteropHub.Benchmarks -- "$@"
  echo "### end — $(uptime)"
}
for i in $(seq "$runs"); do
  for provider in sqlite postgresql; do
    if [ "$only" != push ]; then bench 1000000 100 "$([ "$i" = 1 ] && echo 10000 || echo 0)" --provider "$provider"; fi
    if [ "$only" != match ]; then bench push 20000 --provider "$provider"; fi
  done
done
