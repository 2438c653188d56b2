#!/usr/bin/env bash
# Benchmarks/bkt/compare.sh — pyBKT 1.4.3 (C++ backend, one thread) against `masterly fit bkt`.
#
# Run from the repo root:   bash Benchmarks/bkt/compare.sh [options]
#
#   --pybkt-only      run only the pyBKT half (no masterly binary needed)
#   --reuse-pybkt     reuse pyBKT results already in build-bench/bkt/pybkt/ (pyBKT is deterministic;
#                     only its timings move), run pyBKT only where a result is missing
#   --only LIST       comma-separated subset of: as,ct,a09,syn1m   (default: all)
#   --no-forgets      skip the BKT+forgets model
#   -h | --help
#
# Environment: MASTERLY (default .build/release/masterly; this script builds nothing of ours),
#   SHARED (default ../shared), VENV (default .venv-bkt), BUILD (default build-bench),
#   RESTARTS (default 5, as in the baseline), SEED (ours, default 1), PYBKT_SEED (default 42, the
#   baseline's), PYTHON (default python3, to make the venv).
#
# What runs, for each data set and each model (bkt, bkt+forgets):
#   pyBKT   ../shared/tools/bkt_bench/pybkt_reference.py --parallel 0 --num-fits 5 --seed 42:
#           one fit on all rows (timed: full_fit.timing_s.fit_total, i.e. pyBKT's fit() without the
#           CSV read) plus, for the split data sets, one fit on the 80 % train students scored on
#           the 20 % test students; for a09 the full fit is scored on the external test file.
#   masterly
#     full  $MASTERLY fit bkt --data FILE [--forgets] --seed 1 --restarts 5 [--test EXTERNAL]
#           timed as the wall clock of the whole process (CSV parse + fit + metrics), which is
#           the conservative side of the comparison; its JSON "seconds" is shown too.
#     split $MASTERLY fit bkt --data FILE [--forgets] --seed 1 --restarts 5 --split 0.8 --split-seed S
#
# Data (all rows exactly as pyBKT saw them in research/pybkt-baseline.md):
#   as     ../shared/data/kt/normalized/as_2020-06_2skills.norm.csv   split seed 0
#   ct     ../shared/data/kt/normalized/ct_2020-05.norm.csv           split seed 1
#   a09    ../shared/data/kt/assist2009_builder_train.csv, test = assist2009_builder_test.csv
#          (no normalized file; the DKT-derived CSV already has unique global order_ids)
#   syn1m  build-bench/syn_1m.csv from make_synthetic.py -N 5000 -M 10 -K 20 --seed 1
#          (sha256 checked against ../shared/data/kt/synthetic/syn_1m.params.json)   split seed 0
#   The normalized CSVs are comma-separated with a header order_id,user_id,skill_name,correct,split,
#   skill names with commas are double-quoted (RFC 4180), order_id is already 1..n and rows are
#   grouped by user. The extra `split` column is train|test.
#
# Split — how ours must match the baseline's:
#   The baseline's split is NOT random and NOT a row cut: it is a per-student hash rule,
#       test  <=>  UInt32(first 8 hex digits of sha1("\(splitSeed):\(user_id)")) < 0.2 * 2^32
#   with user_id as the exact text in the CSV (ints without ".0"). The normalized files carry the
#   resulting `split` column (as: 199 of 902 students, 2,415 rows; ct: 2 of 11 students, 2,612 rows),
#   and this rule reproduces that column exactly (checked). The test students' rows are scored only
#   for skills that occur in the training part (ct: 2,597 of the 2,612 test rows).
#   So our CLI needs, besides the contract's --split 0.8:
#     --split-seed N  (default 0) — the hash rule above with test fraction 1 - split (a `split`
#                     column in the file, as in normalized/, gives the same students).
#   For a09 the headline AUC (0.757 BKT / 0.827 forgets) is on an external test file, so the CLI
#   also needs --test FILE: fit on all of --data, score FILE with the fitted skills (skills absent
#   from training are not scored), report it as "test".
set -euo pipefail

usage() { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; }

PYBKT_ONLY=0 REUSE=0 ONLY="as,ct,a09,syn1m" WITH_FORGETS=1
while [ $# -gt 0 ]; do
  case "$1" in
    --pybkt-only) PYBKT_ONLY=1 ;;
    --reuse-pybkt) REUSE=1 ;;
    --only) ONLY="${2:?--only needs a list}"; shift ;;
    --only=*) ONLY="${1#--only=}" ;;
    --no-forgets) WITH_FORGETS=0 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "compare.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

SHARED="${SHARED:-../shared}"
MASTERLY="${MASTERLY:-.build/release/masterly}"
VENV="${VENV:-.venv-bkt}"
BUILD="${BUILD:-build-bench}"
RESTARTS="${RESTARTS:-5}"
SEED="${SEED:-1}"
PYBKT_SEED="${PYBKT_SEED:-42}"
PYTHON="${PYTHON:-python3}"
D="$SHARED/data/kt"
TOOLS="$SHARED/tools/bkt_bench"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if [ ! -d "$D" ] || [ ! -f "$TOOLS/pybkt_reference.py" ]; then
  echo "compare.sh: $SHARED/data/kt or $SHARED/tools/bkt_bench not found (run from the repo root with shared/ beside it); nothing to compare."
  exit 0
fi
if [ "$PYBKT_ONLY" = 0 ] && [ ! -x "$MASTERLY" ]; then
  echo "compare.sh: masterly binary not found at $MASTERLY (build it with 'swift build -c release' or set MASTERLY=...)." >&2
  exit 1
fi

want() { case ",$ONLY," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }

# ---------------------------------------------------------------------------------------------
# pyBKT in a venv, C++ backend (see ../shared/tools/bkt_bench/README.md and research/pybkt-baseline.md §2):
# numpy must be installed first and build isolation switched off, otherwise pip silently installs
# the pure-Python backend. scikit-learn >= 1.8 breaks `import pyBKT`. Versions as in the baseline.
PY="$VENV/bin/python"
pybkt_ok() { [ -x "$PY" ] && "$PY" -c "import pyBKT.fit.E_step, pyBKT.models" >/dev/null 2>&1; }
if ! pybkt_ok; then
  command -v g++ >/dev/null || { echo "compare.sh: g++ with OpenMP is needed to build pyBKT's C++ backend (apt-get install g++)" >&2; exit 1; }
  echo "== installing pyBKT 1.4.3 (C++ backend) into $VENV"
  [ -x "$PY" ] || "$PYTHON" -m venv "$VENV"
  "$PY" -m pip install -q --upgrade pip >/dev/null
  "$PY" -m pip install -q "numpy==2.4.6" "pandas==3.1.1" "scikit-learn==1.7.2" requests setuptools wheel
  "$PY" -m pip install -q --force-reinstall --no-deps --no-binary pybkt --no-build-isolation "pybkt==1.4.3"
  pybkt_ok || { echo "compare.sh: pyBKT's C++ backend did not build (import pyBKT.fit.E_step fails)" >&2; exit 1; }
fi

OUT="$BUILD/bkt"
mkdir -p "$OUT/pybkt" "$OUT/masterly"
loadavg() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?"; }
echo "== load average at start: $(loadavg)  (2-core machine; other jobs inflate every time below)"

# ---------------------------------------------------------------------------------------------
# Data sets: name | data file | pyBKT extra args | split seed (- = none) | external test file (- = none)
DATASETS=()
want as    && DATASETS+=("as|$D/normalized/as_2020-06_2skills.norm.csv||0|-")
want ct    && DATASETS+=("ct|$D/normalized/ct_2020-05.norm.csv|--split-seed 1|1|-")
want a09   && DATASETS+=("a09|$D/assist2009_builder_train.csv|--no-split --test-csv $D/assist2009_builder_test.csv|-|$D/assist2009_builder_test.csv")
if want syn1m; then
  SYN="$BUILD/syn_1m.csv"
  WANT_SHA="$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["csv_sha256"])' "$D/synthetic/syn_1m.params.json")"
  have_sha() { [ -f "$SYN" ] && [ "$(sha256sum "$SYN" | cut -d' ' -f1)" = "$WANT_SHA" ]; }
  if ! have_sha; then
    echo "== generating $SYN (1,000,000 rows)"
    "$PY" "$TOOLS/make_synthetic.py" -N 5000 -M 10 -K 20 --seed 1 --out "$SYN" >/dev/null
    have_sha || { echo "compare.sh: $SYN does not match the sha256 in $D/synthetic/syn_1m.params.json" >&2; exit 1; }
  fi
  DATASETS+=("syn1m|$SYN||0|-")
fi
MODELS=(bkt)
[ "$WITH_FORGETS" = 1 ] && MODELS+=(bkt+forgets)

# ---------------------------------------------------------------------------------------------
# pyBKT half (single thread: --parallel 0 pins OpenMP to one thread; the passive wait policy
# avoids the spin-wait overhead the baseline measured).
for ds in "${DATASETS[@]}"; do
  IFS='|' read -r name data pyargs splitseed ext <<<"$ds"
  for model in "${MODELS[@]}"; do
    json="$OUT/pybkt/$name-$model.json"
    if [ "$REUSE" = 1 ] && [ -s "$json" ]; then echo "-- pyBKT $name $model: reusing $json"; continue; fi
    fl=(); [ "$model" = bkt+forgets ] && fl=(--forgets)
    echo "-- pyBKT $name $model"
    # shellcheck disable=SC2086  # pyargs is a list of words
    OMP_NUM_THREADS=1 OMP_WAIT_POLICY=passive "$PY" "$TOOLS/pybkt_reference.py" "$data" $pyargs \
      --parallel 0 --num-fits "$RESTARTS" --seed "$PYBKT_SEED" "${fl[@]}" \
      --no-self-check --compact --out "$json" >/dev/null 2>"$OUT/pybkt/$name-$model.err" \
      || { echo "compare.sh: pyBKT failed on $name $model, see $OUT/pybkt/$name-$model.err" >&2; exit 1; }
  done
done

# ---------------------------------------------------------------------------------------------
# masterly half
FAILED=0
run_masterly() {  # run_masterly TAG args... ; writes TAG.json (stdout), TAG.err, TAG.wall
  local tag="$1"; shift
  local t0 t1
  printf '%s\n' "$MASTERLY $*" >"$OUT/masterly/$tag.cmd"
  t0=$EPOCHREALTIME
  if "$MASTERLY" "$@" >"$OUT/masterly/$tag.json" 2>"$OUT/masterly/$tag.err"; then
    t1=$EPOCHREALTIME
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f\n", b - a }' >"$OUT/masterly/$tag.wall"
  else
    echo "   masterly failed ($tag): $(head -c 300 "$OUT/masterly/$tag.err")" >&2
    rm -f "$OUT/masterly/$tag.wall"; FAILED=1
  fi
}

if [ "$PYBKT_ONLY" = 0 ]; then
  rm -f "$OUT"/masterly/*
  for ds in "${DATASETS[@]}"; do
    IFS='|' read -r name data pyargs splitseed ext <<<"$ds"
    for model in "${MODELS[@]}"; do
      fl=(); [ "$model" = bkt+forgets ] && fl=(--forgets)
      echo "-- masterly $name $model"
      testargs=(); [ "$ext" != - ] && testargs=(--test "$ext")
      run_masterly "$name-$model-full" fit bkt --data "$data" "${fl[@]}" --seed "$SEED" --restarts "$RESTARTS" "${testargs[@]}"
      if [ "$splitseed" != - ]; then
        splitargs=(--split 0.8 --split-seed "$splitseed")
        run_masterly "$name-$model-split" fit bkt --data "$data" "${fl[@]}" --seed "$SEED" --restarts "$RESTARTS" "${splitargs[@]}"
      fi
    done
  done
  # Raw-input parity: the original files (ASSISTments CSV with 31 columns incl. an unnamed index
  # and `original`; Cognitive Tutor TSV with DataShop column names and 3,519 rows without a KC)
  # must give the same fit as their normalized copies.
  if want as; then run_masterly "as-raw-bkt-full" fit bkt --data "$D/as_2020-06_2skills.csv" --seed "$SEED" --restarts "$RESTARTS"; fi
  if want ct; then run_masterly "ct-raw-bkt-full" fit bkt --data "$D/ct_2020-05.tsv" --seed "$SEED" --restarts "$RESTARTS"; fi
fi

echo "== load average at end: $(loadavg)"
echo
summ=(); [ "$PYBKT_ONLY" = 1 ] && summ=(--pybkt-only)
"$PY" "$HERE/summarize.py" "$OUT" --models "$(IFS=,; echo "${MODELS[*]}")" \
  --datasets "$(for ds in "${DATASETS[@]}"; do printf '%s,' "${ds%%|*}"; done)" "${summ[@]}"
exit "$FAILED"
