#!/usr/bin/env python3
"""Tests of the checker, the generator and the greedy stand-in (and, when ortools is installed, of the CP-SAT
and LP halves of compare.py).

    python3 Benchmarks/scheduling/test_check_schedule.py        # plain runner: prints 'N passed, N failed'
    python3 -m pytest Benchmarks/scheduling                      # or with pytest
"""

from __future__ import annotations

import copy
import io
import json
import os
import sys
import tempfile
import traceback
from contextlib import redirect_stderr, redirect_stdout

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import check_schedule as cs  # noqa: E402
import generate  # noqa: E402
import greedy  # noqa: E402

try:
    import ortools  # noqa: F401
    HAVE_ORTOOLS = True
except ImportError:
    HAVE_ORTOOLS = False

# A tiny instance whose optimum is easy to see.
#   mods 0..2; w1 = mods 0-1 (cap 1, c1, u1 required); l1 = mods 1-2 (cap 2, c2); open o0, o1, o2 (cap 3)
TINY = {
    "mods": 3,
    "sessions": [
        {"id": "o0", "start": 0, "length": 1, "capacity": 3, "competencies": [], "required": []},
        {"id": "o1", "start": 1, "length": 1, "capacity": 3, "competencies": [], "required": []},
        {"id": "o2", "start": 2, "length": 1, "capacity": 3, "competencies": [], "required": []},
        {"id": "w1", "start": 0, "length": 2, "capacity": 1, "competencies": ["c1"], "required": ["u1"]},
        {"id": "l1", "start": 1, "length": 2, "capacity": 2, "competencies": ["c2"], "required": []},
    ],
    "students": [
        {"id": "u1", "free": [0, 1, 2], "needs": [{"competency": "c1", "weight": 3}], "preferences": []},
        {"id": "u2", "free": [0, 1, 2], "needs": [{"competency": "c2", "weight": 2}],
         "preferences": [{"session": "l1", "weight": 1}]},
        {"id": "u3", "free": [1, 2], "needs": [{"competency": "c1", "weight": 5}], "preferences": []},
    ],
}
# u1 -> w1 (3) + o2; u2 -> o0 + l1 (2 + 1); u3 -> l1 (0): objective 6, which is optimal (u3 cannot take w1).
GOOD = {"objective": 6, "bound": 6, "assignments": [
    {"student": "u1", "sessions": ["w1", "o2"]},
    {"student": "u2", "sessions": ["o0", "l1"]},
    {"student": "u3", "sessions": ["l1"]},
]}


def with_sessions(sol, student, sessions, fix_objective=True):
    """A copy of `sol` where `student` attends `sessions`; the printed objective and bound are recomputed
    (so that only the intended constraint is violated) unless fix_objective is False."""
    s = copy.deepcopy(sol)
    for a in s["assignments"]:
        if a["student"] == student:
            a["sessions"] = sessions
    if fix_objective:
        rep = cs.check(TINY, s)
        s["objective"] = rep.objective
        s["bound"] = max(rep.objective, s["bound"])
    return s


def constraints(instance, sol, **kw):
    return sorted({v.constraint for v in cs.check(instance, sol, **kw).violations})


def messages(instance, sol, **kw):
    return " | ".join(str(v) for v in cs.check(instance, sol, **kw).violations)


# ------------------------------------------------------------------------------------------ checker


def test_good_solution_passes():
    rep = cs.check(TINY, GOOD)
    assert rep.ok, rep.violations
    assert rep.objective == 6
    assert rep.attendance == {"o0": 1, "o1": 0, "o2": 1, "w1": 1, "l1": 2}


def test_capacity_violation_names_session():
    bad = with_sessions(GOOD, "u2", ["w1", "o2"])       # w1 now has u1 and u2, capacity 1
    assert constraints(TINY, bad) == ["capacity"]
    assert "session w1 has 2 attendees, capacity 1" in messages(TINY, bad)


def test_uncovered_mod():
    bad = with_sessions(GOOD, "u3", [])
    assert constraints(TINY, bad) == ["uncovered"]
    assert "student u3: free mod 1" in messages(TINY, bad)


def test_overlap():
    bad = with_sessions(GOOD, "u2", ["o0", "o1", "l1"])
    assert constraints(TINY, bad) == ["overlap"]
    assert "student u2: mod 1 is covered by 2 sessions (o1, l1)" in messages(TINY, bad)


def test_not_free():
    bad = with_sessions(GOOD, "u3", ["o0", "l1"])
    assert constraints(TINY, bad) == ["not-free"]
    assert "student u3 attends session o0" in messages(TINY, bad)


def test_required_student_missing():
    bad = with_sessions(GOOD, "u1", ["o0", "o1", "o2"])
    assert constraints(TINY, bad) == ["required"]
    assert "session w1: required student u1 does not attend" in messages(TINY, bad)


def test_unknown_and_duplicate_ids():
    bad = with_sessions(GOOD, "u1", ["w1", "zz"])
    assert "unknown-session" in constraints(TINY, bad)
    assert "unknown session zz" in messages(TINY, bad)
    bad = copy.deepcopy(GOOD)
    bad["assignments"].append({"student": "u9", "sessions": []})
    assert constraints(TINY, bad) == ["unknown-student"]
    bad = copy.deepcopy(GOOD)
    bad["assignments"].append({"student": "u3", "sessions": ["l1"]})
    assert constraints(TINY, bad) == ["duplicate-student"]
    bad = with_sessions(GOOD, "u3", ["l1", "l1"])
    assert constraints(TINY, bad) == ["duplicate-session"]


def test_missing_student_is_uncovered():
    bad = copy.deepcopy(GOOD)
    bad["assignments"] = bad["assignments"][:2]
    assert constraints(TINY, bad) == ["uncovered"]


def test_objective_and_bound():
    bad = dict(GOOD, objective=7, bound=7)
    assert constraints(TINY, bad) == ["objective"]
    assert "printed objective 7 differs from the recomputed value 6" in messages(TINY, bad)
    bad = dict(GOOD, bound=5)
    assert constraints(TINY, bad) == ["bound"]
    assert constraints(TINY, GOOD, reference_objective=7) == ["reference"]      # bound 6 < a known 7
    assert constraints(TINY, GOOD, reference_bound=5) == ["reference"]          # objective 6 > a proven 5
    assert cs.check(TINY, GOOD, reference_objective=6, reference_bound=6).ok


def test_format_errors():
    assert constraints(TINY, {"objective": 6, "bound": 6}) == ["format"]
    assert "format" in constraints(TINY, dict(GOOD, objective="6"))
    assert "format" in constraints(TINY, dict(GOOD, unmet={}))
    assert cs.check(TINY, dict(GOOD, unmet=[{"student": "u3", "competency": "c1", "reason": "capacity"}])).ok


def test_value_counts_needs_once_per_listed_competency():
    inst = copy.deepcopy(TINY)
    inst["sessions"][4]["competencies"] = ["c2", "c2", "c1"]
    i = cs.validate_instance(inst)
    u2 = i.student_by_id["u2"]
    assert cs.session_value(u2, i.session_by_id["l1"]) == 3       # c2 (2) once + preference (1)
    u3 = i.student_by_id["u3"]
    assert cs.session_value(u3, i.session_by_id["l1"]) == 5


def expect_instance_error(inst, constraint, fragment):
    try:
        cs.validate_instance(inst)
    except cs.InstanceError as e:
        text = " | ".join(str(v) for v in e.violations)
        assert any(v.constraint == constraint for v in e.violations), text
        assert fragment in text, text
        return
    raise AssertionError(f"no InstanceError for {fragment}")


def test_instance_errors_name_the_item():
    inst = copy.deepcopy(TINY)
    inst["sessions"][3]["required"] = ["u42"]
    expect_instance_error(inst, "instance", "session w1: required student u42 is not in the instance")
    inst = copy.deepcopy(TINY)
    inst["sessions"][4]["start"] = 2
    expect_instance_error(inst, "instance", "session l1: mods 2..3 out of range 0..2")
    inst = copy.deepcopy(TINY)
    inst["students"][2]["free"] = [1, 3]
    expect_instance_error(inst, "instance", "student u3: free mod 3 out of range")
    inst = copy.deepcopy(TINY)
    inst["students"][1]["preferences"] = [{"session": "nope", "weight": 1}]
    expect_instance_error(inst, "instance", "student u2: preference names unknown session nope")
    inst = copy.deepcopy(TINY)
    inst["sessions"].append(dict(inst["sessions"][0]))
    expect_instance_error(inst, "instance", "session o0: duplicate session id")


def test_infeasible_requirements_detected():
    inst = copy.deepcopy(TINY)
    inst["sessions"][3]["required"] = ["u3"]                   # u3 is busy in mod 0
    expect_instance_error(inst, "instance-infeasible", "session w1: required student u3 is not free in mod(s) [0]")
    inst = copy.deepcopy(TINY)
    inst["sessions"][3]["required"] = ["u1", "u2"]             # capacity 1
    expect_instance_error(inst, "instance-infeasible", "session w1: 2 required students exceed capacity 1")
    inst = copy.deepcopy(TINY)
    inst["sessions"][4]["required"] = ["u1"]                   # u1 also required in w1, overlapping in mod 1
    expect_instance_error(inst, "instance-infeasible", "student u1 is required in overlapping sessions w1 and l1")
    inst = copy.deepcopy(TINY)
    inst["sessions"] = [s for s in inst["sessions"] if s["id"] != "o2"]
    inst["sessions"][3]["capacity"] = 0                        # l1 unusable: nothing covers mod 2
    expect_instance_error(inst, "instance-infeasible", "student u1: free mods [0, 1, 2] cannot be partitioned")


def test_cli_exit_codes_and_messages():
    with tempfile.TemporaryDirectory() as d:
        ip, gp, bp = (os.path.join(d, n) for n in ("i.json", "good.json", "bad.json"))
        json.dump(TINY, open(ip, "w"))
        json.dump(GOOD, open(gp, "w"))
        json.dump(with_sessions(GOOD, "u2", ["w1", "o2"]), open(bp, "w"))
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            assert cs.main([ip, gp]) == 0
            assert cs.main([ip, bp]) == 1
        assert "OK: feasible, objective 6" in out.getvalue()
        assert "VIOLATION capacity: session w1 has 2 attendees, capacity 1" in err.getvalue()
        inst = copy.deepcopy(TINY)
        inst["sessions"][3]["required"] = ["u42"]
        json.dump(inst, open(ip, "w"))
        err = io.StringIO()
        with redirect_stdout(io.StringIO()), redirect_stderr(err):
            assert cs.main([ip, gp]) == 2
        assert "required student u42" in err.getvalue()


# ------------------------------------------------------------------------------------------ generator + greedy


def test_generator_is_deterministic_and_feasible():
    a = generate.dumps(generate.generate(120, 25, 8, seed=7))
    b = generate.dumps(generate.generate(120, 25, 8, seed=7))
    c = generate.dumps(generate.generate(120, 25, 8, seed=8))
    assert a == b and a != c
    inst = cs.validate_instance(json.loads(a))                 # feasible by construction (requirements too)
    assert len(inst.students) == 120 and len(inst.sessions) == 25 and inst.mods == 8
    for m in range(8):
        s = inst.session_by_id[f"o{m}"]
        assert s.start == m and s.length == 1 and s.capacity >= 120
    assert any(s.required for s in inst.sessions)
    single = cs.validate_instance(generate.generate(120, 25, 8, seed=7, max_length=1))
    assert all(s.length == 1 for s in single.sessions)


def test_greedy_solution_passes_and_broken_ones_fail():
    raw = generate.generate(60, 16, 8, seed=3)
    inst = cs.validate_instance(raw)
    sol = greedy.solve(inst)
    rep = cs.check(raw, sol)
    assert rep.ok, rep.violations[:5]
    assert sol["bound"] >= sol["objective"]
    # drop a session: its mods become uncovered
    bad = copy.deepcopy(sol)
    victim = next(a for a in bad["assignments"] if a["sessions"])
    victim["sessions"] = victim["sessions"][1:]
    assert "uncovered" in constraints(raw, bad)
    # overfill the smallest non-open session with students free for it
    s = min((s for s in inst.sessions if not s.id.startswith("o")), key=lambda s: s.capacity)
    bad = copy.deepcopy(sol)
    moved = 0
    for a in bad["assignments"]:
        st = inst.student_by_id[a["student"]]
        if s.id in a["sessions"] or not inst.can_attend(st, s):
            continue
        a["sessions"] = [x for x in a["sessions"]
                         if not set(inst.session_by_id[x].mods) & set(s.mods)] + [s.id]
        moved += 1
        if moved > s.capacity:
            break
    assert "capacity" in constraints(raw, bad), messages(raw, bad)[:300]


def test_cpsat_and_lp_agree_with_checker():
    if not HAVE_ORTOOLS:
        print("  (skipped: ortools not installed)")
        return
    import compare
    raw = generate.generate(80, 20, 8, seed=5)
    inst = cs.validate_instance(raw)
    cp = compare.solve_cpsat(inst, time_limit=30, workers=2)
    assert cp["status"] == "OPTIMAL", cp["status"]
    rep = cs.check(inst, {"objective": cp["objective"], "bound": cp["bound"], "assignments": cp["assignments"]})
    assert rep.ok, rep.violations[:5]
    lp = compare.solve_lp(inst, 60)
    assert lp["bound"] >= cp["objective"] - 1e-6
    g = greedy.solve(inst)
    assert g["objective"] <= cp["objective"] + 1e-9 and g["bound"] >= cp["objective"] - 1e-9
    # single-mod: the LP is a bipartite b-matching, integral, and equals CP-SAT's optimum
    raw1 = generate.generate(80, 20, 8, seed=5, max_length=1)
    inst1 = cs.validate_instance(raw1)
    cp1 = compare.solve_cpsat(inst1, time_limit=30, workers=2)
    lp1 = compare.solve_lp(inst1, 60)
    assert lp1["integral"] and abs(lp1["bound"] - cp1["objective"]) < 1e-6


TESTS = [(n, f) for n, f in sorted(globals().items()) if n.startswith("test_") and callable(f)]

if __name__ == "__main__":
    passed = failed = 0
    for name, fn in TESTS:
        try:
            fn()
            passed += 1
            print(f"ok   {name}")
        except Exception:
            failed += 1
            print(f"FAIL {name}")
            traceback.print_exc()
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
