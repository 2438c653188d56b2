#!/usr/bin/env bash
# The district benchmark (issue #14): see district_bench.py for what it measures. A benchmark, not a test.
#
#   Benchmarks/district/run.sh                       # full size; builds `swift build -c release` first
#   BENCH_BIN=path/to/masterly Benchmarks/district/run.sh --students 5000 --sections 200 --evidence 1000000
#
# Figures go to build-bench/district/figures.txt. Run as root (it starts its own PostgreSQL cluster as the
# postgres user) with PostgreSQL's server, nginx and wrk installed (installed here when missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
missing=()
for tool in nginx wrk psql; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { echo "install: ${missing[*]}" >&2; exit 1; }
  apt-get install -y -qq --no-install-recommends nginx wrk postgresql >/dev/null
fi
PG_BIN=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
BIN=${BENCH_BIN:-}
if [ -z "$BIN" ]; then
  swift build -c release --product masterly >/dev/null
  BIN=$(swift build -c release --show-bin-path)/masterly
fi
exec python3 Benchmarks/district/district_bench.py --masterly "$BIN" --pg-bin "$PG_BIN" "$@"
