#!/usr/bin/env bash
# Gradebook under load (issue #5): a release build serves one generated section of 35 students × 60
# competencies × 20 evidence each; wrk drives it on loopback (10 s, 2 threads, 32 connections) and prints
# requests/s and p99 latency of the gradebook page and the gradebook JSON next to /health in the same run, as
# browsers ask for them (gzip accepted) and uncompressed.
#
#   Benchmarks/gradebook/run.sh                 # builds `swift build -c release` first
#   BENCH_BIN=path/to/masterly Benchmarks/gradebook/run.sh
#
# Target: gradebook page p99 under 50 ms and at least 25% of /health's throughput. A benchmark, not a test.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-10s} THREADS=${THREADS:-2} CONNECTIONS=${CONNECTIONS:-32}

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq wrk >/dev/null; else echo "install wrk (apt-get install wrk)" >&2; exit 1; fi
fi
BIN=${BENCH_BIN:-}
if [ -z "$BIN" ]; then
  swift build -c release --product masterly >/dev/null
  BIN=$(swift build -c release --show-bin-path)/masterly
fi
WORK=$(mktemp -d -t masterly-gradebook-bench.XXXXXX)
PID=""
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

"$BIN" bench seed-gradebook --database "$WORK/bench.sqlite" 2>"$WORK/seed.log" || { cat "$WORK/seed.log" >&2; exit 1; }
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$BIN" serve --port "$PORT" --database "$WORK/bench.sqlite" --log-level error >"$WORK/serve.log" 2>&1 &
PID=$!
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 100); do curl -sf -o /dev/null "$BASE/health" && break; sleep 0.2; done

# A browser session (CSRF-protected login form) for the page, a bearer token for the JSON.
curl -sf -c "$WORK/jar" -o "$WORK/login.html" "$BASE/login"
CSRF=$(sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' "$WORK/login.html" | head -n 1)
curl -sf -b "$WORK/jar" -c "$WORK/jar" -o /dev/null \
  --data-urlencode "_csrf=$CSRF" --data-urlencode "username=bench-teacher" --data-urlencode "password=masterly-bench" \
  "$BASE/login"
COOKIE=$(awk '{ sub(/^#HttpOnly_/, "") } $0 !~ /^#/ && NF >= 7 { printf "%s=%s; ", $6, $7 }' "$WORK/jar")
TOKEN=$(curl -sf -H 'Content-Type: application/json' \
  -d '{"username":"bench-teacher","password":"masterly-bench"}' "$BASE/api/v1/sessions" \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
[ "$(curl -s -H "Cookie: $COOKIE" -o /dev/null -w '%{http_code}' "$BASE/sections/sec-bench")" = 200 ] \
  || { echo "the gradebook page did not load for bench-teacher" >&2; exit 1; }

size() {  # size PATH HEADER [ENCODING]: bytes on the wire
  curl -s -o /dev/null -w '%{size_download}' -H "$2" ${3:+-H "Accept-Encoding: $3"} "$BASE$1"
}
echo "page: $(size /sections/sec-bench "Cookie: $COOKIE") bytes, gzip $(size /sections/sec-bench "Cookie: $COOKIE" gzip);" \
  "JSON: $(size /api/v1/sections/sec-bench/gradebook "Authorization: Bearer $TOKEN") bytes," \
  "gzip $(size /api/v1/sections/sec-bench/gradebook "Authorization: Bearer $TOKEN" gzip)"

run() {  # run NAME PATH [HEADER ...]
  local name=$1 path=$2 out
  shift 2
  local headers=()
  for header in "$@"; do headers+=(-H "$header"); done
  out=$(wrk -t "$THREADS" -c "$CONNECTIONS" -d "$DURATION" --latency "${headers[@]}" "$BASE$path")
  local rps p99
  rps=$(awk '/Requests\/sec/ { print $2 }' <<<"$out")
  p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
  if grep -q 'Non-2xx' <<<"$out"; then echo "$name: non-2xx responses" >&2; grep 'Non-2xx' <<<"$out" >&2; fi
  printf '%s %s %s\n' "$name" "$rps" "$p99"
}
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION on $(nproc) cores, one section of 35 students × 60 competencies × 20 evidence"
{
  run health /health
  # As a browser asks for it (every browser accepts gzip), then without compression.
  run "gradebook page" /sections/sec-bench "Cookie: $COOKIE" "Accept-Encoding: gzip, deflate, br"
  run "gradebook JSON" /api/v1/sections/sec-bench/gradebook "Authorization: Bearer $TOKEN" "Accept-Encoding: gzip"
  run "page, identity" /sections/sec-bench "Cookie: $COOKIE"
  run "JSON, identity" /api/v1/sections/sec-bench/gradebook "Authorization: Bearer $TOKEN"
} | awk 'NR == 1 { base = $2 }
  { name = $1; for (i = 2; i < NF - 1; i++) name = name " " $i
    printf "%-16s %10.1f req/s  p99 %8s  %5.1f%% of /health\n", name, $(NF - 1), $NF, 100 * $(NF - 1) / base }'

# The server's CPU time (user + system, from /proc) per request, over sequential requests: a page whose key
# is new each time (a query parameter the page ignores) but whose records are kept; a page after new evidence
# for one student, on a pair chosen at random (the write's own CPU, measured alone, taken off); a cached page.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$PID/stat"; }
evidence() {
  curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"studentId\":\"p-bench-$((RANDOM % 35))\",\"competencyId\":\"c-bench-$((RANDOM % 60))\",\"score\":3}" \
    "$BASE/api/v1/evidence"
}
cpu_per_request() {  # cpu_per_request COUNT KIND: milliseconds of server CPU per request
  local count=$1 kind=$2 before after
  before=$(cpu_ticks)
  for i in $(seq 1 "$count"); do
    case $kind in
      new-view) curl -s -o /dev/null -H "Cookie: $COOKIE" -H "Accept-Encoding: gzip" "$BASE/sections/sec-bench?bench-miss=$RANDOM$i" ;;
      after-write) evidence; curl -s -o /dev/null -H "Cookie: $COOKIE" -H "Accept-Encoding: gzip" "$BASE/sections/sec-bench" ;;
      write) evidence ;;
      cached) curl -s -o /dev/null -H "Cookie: $COOKIE" -H "Accept-Encoding: gzip" "$BASE/sections/sec-bench" ;;
    esac
  done
  after=$(cpu_ticks)
  awk -v t="$((after - before))" -v hz="$(getconf CLK_TCK)" -v n="$count" 'BEGIN { printf "%.1f", 1000 * t / hz / n }'
}
RENDERS=${RENDERS:-200}
new_view=$(cpu_per_request "$RENDERS" new-view)
after_write=$(cpu_per_request "$RENDERS" after-write)
write=$(cpu_per_request "$RENDERS" write)
cached=$(cpu_per_request "$RENDERS" cached)
echo "server CPU per request ($RENDERS each): a new view of the page $new_view ms;" \
  "the page after new evidence for one student $(awk -v a="$after_write" -v w="$write" 'BEGIN { printf "%.1f", a - w }') ms" \
  "(write and page $after_write ms, the write alone $write ms); a cached page $cached ms"
