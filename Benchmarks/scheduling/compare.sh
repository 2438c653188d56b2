#!/usr/bin/env bash
# Runs compare.py (masterly schedule vs OR-tools CP-SAT) in the .venv-sched venv, creating it when missing.
#   Benchmarks/scheduling/compare.sh [compare.py options]      e.g. --single-mod, --sizes 200, --markdown
# Environment: MASTERLY (default .build/release/masterly), VENV (default .venv-sched at the repository root),
#              PYTHON (interpreter that creates the venv, default python3).
set -euo pipefail
cd "$(dirname "$0")/../.."
VENV=${VENV:-.venv-sched}
if ! "$VENV/bin/python" -c 'import ortools' 2>/dev/null; then
  echo "creating $VENV with ortools (pip)…" >&2
  "${PYTHON:-python3}" -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --upgrade pip >&2
  "$VENV/bin/pip" install --quiet ortools >&2
fi
exec "$VENV/bin/python" Benchmarks/scheduling/compare.py "$@"
