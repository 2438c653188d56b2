#!/usr/bin/env bash
# Drives `masterly import|export` on the real interop files in ../shared/data/interop, as an administrator
# would from the command line, and checks the outcomes from outside:
#   - the importable OneRoster sets import (twice: the second run changes nothing); the messiest is refused
#     with its errors located and nothing written;
#   - CASE packages import; exports (of imported and of Masterly-made frameworks) validate against the
#     official CASE 1.1 JSON schema (Draft 2019-09, with format checks) and re-import unchanged;
#   - Moodle's example framework imports with 64 competencies, exports, and re-imports identically;
#   - the gradebook and mastery-report CSV exports parse with Python's csv module.
#
#   Tests/interop/check-cli.sh MASTERLY_BINARY PYTHON   (PYTHON has Tests/interop/requirements.txt)
set -euo pipefail
masterly=$(realpath "${1:?usage: $0 MASTERLY_BINARY PYTHON}")
py=${2:-python3}
root=$(cd "$(dirname "$0")/../.." && pwd)
data=$root/../shared/data/interop
if [ ! -d "$data" ]; then
  echo "interop: skipped, $data is missing"
  exit 0
fi
work=$(mktemp -d -t masterly-interop.XXXXXX)
trap 'rm -rf "$work"' EXIT
passed=0
check() { echo "  ok: $*"; passed=$((passed + 1)); }
fail() { echo "  FAILED: $*" >&2; exit 1; }

# --- OneRoster -----------------------------------------------------------------------------------
db=$work/roster.sqlite
"$masterly" import oneroster "$data/oneroster/v1p1-lepo-roster-hub-en" --database "$db" >"$work/out" 2>"$work/err" \
  || { cat "$work/err"; fail "lepo roster import"; }
grep -q '^people: 20 (20 created' "$work/out" || { cat "$work/out"; fail "lepo: 20 people"; }
grep -q '^enrollments: 30 (30 created' "$work/out" || fail "lepo: 30 enrollments"
[ "$(grep -c '^warning: ' "$work/err")" = 8 ] || { cat "$work/err"; fail "lepo: 8 warnings"; }
"$masterly" import oneroster "$data/oneroster/v1p1-lepo-roster-hub-en" --database "$db" >"$work/out" 2>/dev/null
grep -q '^Nothing changed' "$work/out" || { cat "$work/out"; fail "lepo re-import changes nothing"; }
check "OneRoster lepo imports (20 people, 30 enrollments, 8 warnings), and again with no change"
"$masterly" import oneroster "$data/oneroster/v1p2-moodle-enrol-oneroster_test_data" --database "$work/delta.sqlite" \
  >"$work/out" 2>"$work/err" || { cat "$work/err"; fail "1.2 delta set import"; }
check "OneRoster 1.2 delta set imports"
before=$("$py" -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from people").fetchone()[0])' "$db")
if "$masterly" import oneroster "$data/oneroster/v1p2-moodle-enrol-v1p2_full_dataset" --database "$db" >"$work/out" 2>"$work/err"; then
  fail "the messiest OneRoster set was accepted"
fi
[ "$(grep -cv -e '^warning: ' -e '^Refused' -e '^Applied' "$work/err")" = 20 ] || { cat "$work/err"; fail "messiest: 20 errors"; }
grep -qx "roles.csv:2: row: 9 fields but the header has 11" "$work/err" || fail "messiest: ragged row located"
after=$("$py" -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from people").fetchone()[0])' "$db")
[ "$before" = "$after" ] || fail "the refused set wrote people ($before -> $after)"
check "the messiest OneRoster set is refused with 20 located errors and nothing written"

# --- CASE ----------------------------------------------------------------------------------------
validate() {  # validate FILE: the official CASE 1.1 package schema, with format checks
  "$py" - "$1" "$data/case/schema/case_v1p1_cfpackage-jsonschema1.json" <<'PY'
import json, sys
from jsonschema import Draft201909Validator
schema = json.load(open(sys.argv[2]))
validator = Draft201909Validator(schema, format_checker=Draft201909Validator.FORMAT_CHECKER)
errors = list(validator.iter_errors(json.load(open(sys.argv[1]))))
for error in errors[:20]:
    print(f"{sys.argv[1]}: {error.json_path}: {error.message}", file=sys.stderr)
sys.exit(1 if errors else 0)
PY
}
for file in "$data"/case/opensalt-sample/*.json "$data"/case/opensalt-test-frameworks/*.json; do
  name=$(basename "$file")
  id=$("$py" -c 'import json,sys; print(json.load(open(sys.argv[1]))["CFDocument"]["identifier"])' "$file")
  one=$work/case-one-$name.sqlite two=$work/case-two-$name.sqlite
  "$masterly" import case "$file" --database "$one" >/dev/null 2>"$work/err" || { cat "$work/err"; fail "CASE import $name"; }
  "$masterly" export case "$id" --database "$one" >"$work/export.json" 2>/dev/null || fail "CASE export $name"
  validate "$work/export.json" || fail "CASE export of $name does not validate"
  "$masterly" import case "$work/export.json" --database "$two" >/dev/null 2>"$work/err" \
    || { cat "$work/err"; fail "re-import of the $name export"; }
  "$masterly" export case "$id" --database "$two" >"$work/export2.json" 2>/dev/null
  "$py" - "$work/export.json" "$work/export2.json" <<'PY' || fail "$name does not round-trip"
import json, sys
def shape(path):
    package = json.load(open(path))
    items = sorted((i["identifier"], i["fullStatement"], i.get("humanCodingScheme")) for i in package.get("CFItems", []))
    links = sorted((a["originNodeURI"]["identifier"], a["associationType"], a["destinationNodeURI"]["identifier"],
                    a.get("sequenceNumber")) for a in package.get("CFAssociations", []))
    return items, links
sys.exit(0 if shape(sys.argv[1]) == shape(sys.argv[2]) else 1)
PY
  "$masterly" import case "$file" --database "$one" >"$work/out" 2>/dev/null
  grep -q '^Nothing changed' "$work/out" || fail "re-importing $name changed something"
done
check "every CASE sample imports, re-imports with no change, exports valid CASE 1.1 and round-trips"
"$masterly" import moodle "$data/moodle/example.csv" --database "$work/moodle.sqlite" >"$work/out" 2>"$work/err" \
  || { cat "$work/err"; fail "Moodle example import"; }
grep -q '^framework OECD-CORE: 64 competencies (2 strands, 62 competencies), 39 related pairs' "$work/out" \
  || { cat "$work/out"; fail "Moodle: 64 competencies"; }
"$masterly" export moodle OECD-CORE --database "$work/moodle.sqlite" >"$work/oecd.csv"
"$masterly" import moodle "$work/oecd.csv" --database "$work/moodle2.sqlite" >"$work/out2" 2>/dev/null
head -n 1 "$work/out2" | cmp -s - <(head -n 1 "$work/out") || fail "Moodle export does not re-import the same"
"$masterly" export moodle OECD-CORE --database "$work/moodle2.sqlite" | cmp -s - "$work/oecd.csv" || fail "Moodle round trip"
"$masterly" export case OECD-CORE --database "$work/moodle.sqlite" >"$work/oecd.json"
validate "$work/oecd.json" || fail "the Moodle framework's CASE export does not validate"
check "Moodle example imports (64 competencies), round-trips, and exports valid CASE"

# --- Masterly's own frameworks and CSV exports (on a demo school's database, when given) -----------
demo=${3:-}
if [ -n "$demo" ]; then
  for code in MATH ELA HOW; do
    "$masterly" export case "$code" --database "$demo" >"$work/$code.json" 2>/dev/null || fail "export case $code"
    validate "$work/$code.json" || fail "the CASE export of $code does not validate"
    "$masterly" export case "$code" --database "$demo" >"$work/$code-again.json" 2>/dev/null
    "$py" - "$work/$code.json" "$work/$code-again.json" <<'PY' || fail "$code export ids are not stable"
import json, sys
ids = lambda p: [i["identifier"] for i in json.load(open(p)).get("CFItems", [])]
sys.exit(0 if ids(sys.argv[1]) == ids(sys.argv[2]) and ids(sys.argv[1]) else 1)
PY
  done
  check "the demo frameworks export valid CASE 1.1 with stable identifiers"
  # Tasks travel as CFRubrics: a school importing the export gets the same tasks, aligned the same way.
  "$masterly" import case "$work/MATH.json" --database "$work/math-copy.sqlite" >/dev/null 2>"$work/err" \
    || { cat "$work/err"; fail "import of the MATH export"; }
  "$py" - "$work/MATH.json" "$work/math-copy.sqlite" <<'PY' || fail "the MATH tasks did not travel"
import json, sqlite3, sys
package = json.load(open(sys.argv[1]))
wanted = sorted((r["title"], len(r["CFRubricCriteria"])) for r in package.get("CFRubrics", [])
                if any("CFItemURI" in c for c in r["CFRubricCriteria"]))
db = sqlite3.connect(sys.argv[2])
got = sorted(db.execute("select t.title, count(c.id) from tasks t join rubric_criteria c on c.task_id = t.id "
                        "group by t.id").fetchall())
if not wanted or got != wanted:
    print(f"tasks in the export: {wanted}; imported: {got}", file=sys.stderr)
    sys.exit(1)
PY
  check "the demo's tasks export as CASE rubrics and import as the same tasks"
  student=$("$py" -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select id from people where username = ?", ("student",)).fetchone()[0])' "$demo")
  section=$("$py" -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select section_id from enrollments where person_id = ? and role = ?", (sys.argv[2], "student")).fetchone()[0])' "$demo" "$student")
  "$masterly" export gradebook "$section" --database "$demo" >"$work/gradebook.csv" 2>/dev/null || fail "export gradebook"
  "$masterly" export mastery "$student" --database "$demo" >"$work/mastery.csv" 2>/dev/null || fail "export mastery"
  "$py" - "$work/gradebook.csv" "$work/mastery.csv" "$student" <<'PY' || fail "the CSV exports do not parse as expected"
import csv, sys
gradebook = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
mastery = list(csv.DictReader(open(sys.argv[2], newline="", encoding="utf-8")))
assert gradebook and any(row["student_id"] == sys.argv[3] for row in gradebook), "student missing from gradebook"
assert mastery and all(row["student_id"] == sys.argv[3] for row in mastery), "mastery report of another student"
assert {"value", "level", "mastered"} <= set(mastery[0]), mastery[0].keys()
PY
  if "$masterly" export gradebook no-such-section --database "$demo" >/dev/null 2>&1; then fail "unknown section exported"; fi
  check "gradebook and mastery-report CSV exports parse with Python's csv module; unknown ids exit non-zero"
  schema=$data/oneroster/schema/onerosterv1p2gradebookservice_openapi3_v1p0.json
  period=$("$py" -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select id from grading_periods order by starts_on, id").fetchone()[0])' "$demo")
  for chosen in "" "$period"; do
    out=$work/grades-${chosen:-to-date}
    "$masterly" export grades "$section" ${chosen:+--period "$chosen"} --dir "$out" --database "$demo" 2>"$work/err" \
      || { cat "$work/err"; fail "export grades ${chosen:-to date}"; }
    "$py" Tests/interop/validate_oneroster_grades.py "$out" "$schema" || fail "grades ${chosen:-to date}: not valid OneRoster 1.2"
    "$masterly" export grades "$section" ${chosen:+--period "$chosen"} --database "$demo" >"$work/results.csv" 2>/dev/null
    cmp -s <(tail -n +2 "$work/results.csv" | cut -d, -f1,4-) <(tail -n +2 "$out/results.csv" | cut -d, -f1,4-) \
      || fail "grades ${chosen:-to date}: standard output differs from results.csv"
  done
  if "$masterly" export grades "$section" --period no-such-period --database "$demo" >/dev/null 2>&1; then
    fail "an unknown grading period exported"
  fi
  check "final grades export as OneRoster 1.2 gradebook files that validate against 1EdTech's schema"
fi
echo "interop: $passed checks passed"
