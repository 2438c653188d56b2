#!/usr/bin/env python3
"""Independent feasibility checker for flex-mod scheduling (see ../shared/CONTRACT.md,
"Flex-mod scheduling instance (JSON)").

Usage:
    check_schedule.py INSTANCE.json SOLUTION.json [--tolerance T] [--max-errors N] [--quiet]

Exit status: 0 when the solution is feasible and its printed objective matches the recomputed one;
1 when a constraint is violated (each violation printed on stderr as `VIOLATION <constraint>: <item>`);
2 when a file cannot be read or the instance itself is malformed.

Importable:
    from check_schedule import check, validate_instance, session_value, InstanceError
    report = check(instance_dict, solution_dict)       # -> CheckReport
    report.ok, report.violations, report.objective     # recomputed objective
    report.raise_if_failed()                           # raises ScheduleViolation

Constraint names used in the messages (stable, for tests and scripts):
    instance             the instance breaks the format (unknown id, mod out of range, duplicate id, ...)
    instance-infeasible  a requirement can never be met (required student not free for the session,
                         required count over capacity, a student required in two overlapping sessions)
    format               the solution's JSON shape is wrong (missing field, wrong type)
    unknown-student      an assignment names a student that is not in the instance
    duplicate-student    a student has more than one assignment entry
    unknown-session      an assignment names a session that is not in the instance
    duplicate-session    a student attends the same session twice
    not-free             a student attends a session that has a mod the student is not free in
    overlap              a free mod of a student is covered by more than one attended session
    uncovered            a free mod of a student is covered by no attended session
    capacity             a session has more attendees than its capacity
    required             a required student does not attend the session
    objective            the printed objective differs from the value recomputed from the assignment
    bound                the printed bound is below the recomputed objective (cannot be an upper bound)
    reference            (with a reference) the bound is below a known feasible objective, or the
                         objective is above a proven upper bound
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Optional, Tuple

__all__ = [
    "InstanceError",
    "ScheduleViolation",
    "Violation",
    "CheckReport",
    "Instance",
    "validate_instance",
    "session_value",
    "check",
    "objective_of",
]


class InstanceError(ValueError):
    """The instance is malformed (or, for `instance-infeasible`, provably infeasible)."""

    def __init__(self, violations: List["Violation"]):
        self.violations = violations
        super().__init__("; ".join(str(v) for v in violations[:10]))


class ScheduleViolation(AssertionError):
    def __init__(self, violations: List["Violation"]):
        self.violations = violations
        super().__init__("; ".join(str(v) for v in violations[:10]))


@dataclass(frozen=True)
class Violation:
    constraint: str
    message: str

    def __str__(self) -> str:
        return f"{self.constraint}: {self.message}"


@dataclass
class Session:
    id: str
    start: int
    length: int
    capacity: int
    competencies: Tuple[str, ...]
    required: Tuple[str, ...]

    @property
    def mods(self) -> range:
        return range(self.start, self.start + self.length)


@dataclass
class Student:
    id: str
    free: Tuple[int, ...]
    needs: Dict[str, float]          # competency -> summed weight
    preferences: Dict[str, float]    # session id -> summed weight


@dataclass
class Instance:
    mods: int
    sessions: List[Session]
    students: List[Student]
    session_by_id: Dict[str, Session]
    student_by_id: Dict[str, Student]
    warnings: List[str] = field(default_factory=list)

    def can_attend(self, student: Student, session: Session) -> bool:
        free = set(student.free)
        return all(m in free for m in session.mods)


# ------------------------------------------------------------------------------------------ instance


def _is_int(x: Any) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def _is_number(x: Any) -> bool:
    return (isinstance(x, (int, float)) and not isinstance(x, bool)) and math.isfinite(x)


def validate_instance(raw: Any, check_requirements: bool = True) -> Instance:
    """Parses and validates an instance dict; raises InstanceError naming every bad item."""
    errs: List[Violation] = []
    warnings: List[str] = []

    def bad(msg: str, constraint: str = "instance") -> None:
        errs.append(Violation(constraint, msg))

    if not isinstance(raw, dict):
        raise InstanceError([Violation("instance", "the instance is not a JSON object")])
    mods = raw.get("mods")
    if not _is_int(mods) or mods < 1:
        raise InstanceError([Violation("instance", f"'mods' must be a positive integer, got {mods!r}")])
    raw_sessions = raw.get("sessions")
    raw_students = raw.get("students")
    if not isinstance(raw_sessions, list):
        raise InstanceError([Violation("instance", "'sessions' must be a list")])
    if not isinstance(raw_students, list):
        raise InstanceError([Violation("instance", "'students' must be a list")])

    sessions: List[Session] = []
    session_by_id: Dict[str, Session] = {}
    for i, rs in enumerate(raw_sessions):
        where = f"sessions[{i}]"
        if not isinstance(rs, dict):
            bad(f"{where} is not an object")
            continue
        sid = rs.get("id")
        if not isinstance(sid, str) or not sid:
            bad(f"{where}: 'id' must be a non-empty string")
            continue
        where = f"session {sid}"
        if sid in session_by_id:
            bad(f"{where}: duplicate session id")
            continue
        start, length, cap = rs.get("start"), rs.get("length"), rs.get("capacity")
        ok = True
        if not _is_int(start) or not _is_int(length) or length < 1:
            bad(f"{where}: 'start' must be an integer and 'length' a positive integer (got {start!r}, {length!r})")
            ok = False
        elif start < 0 or start + length > mods:
            bad(f"{where}: mods {start}..{start + length - 1} out of range 0..{mods - 1}")
            ok = False
        if not _is_int(cap) or cap < 0:
            bad(f"{where}: 'capacity' must be a non-negative integer (got {cap!r})")
            ok = False
        comps = rs.get("competencies", [])
        req = rs.get("required", [])
        if not isinstance(comps, list) or not all(isinstance(c, str) for c in comps):
            bad(f"{where}: 'competencies' must be a list of strings")
            ok = False
        if not isinstance(req, list) or not all(isinstance(u, str) for u in req):
            bad(f"{where}: 'required' must be a list of student ids")
            ok = False
        if not ok:
            continue
        if len(set(req)) != len(req):
            warnings.append(f"{where}: a required student is listed twice")
        s = Session(sid, start, length, cap, tuple(dict.fromkeys(comps)), tuple(dict.fromkeys(req)))
        sessions.append(s)
        session_by_id[sid] = s

    students: List[Student] = []
    student_by_id: Dict[str, Student] = {}
    for i, ru in enumerate(raw_students):
        where = f"students[{i}]"
        if not isinstance(ru, dict):
            bad(f"{where} is not an object")
            continue
        uid = ru.get("id")
        if not isinstance(uid, str) or not uid:
            bad(f"{where}: 'id' must be a non-empty string")
            continue
        where = f"student {uid}"
        if uid in student_by_id:
            bad(f"{where}: duplicate student id")
            continue
        free = ru.get("free", [])
        ok = True
        if not isinstance(free, list) or not all(_is_int(m) for m in free):
            bad(f"{where}: 'free' must be a list of integers")
            ok = False
        else:
            for m in free:
                if m < 0 or m >= mods:
                    bad(f"{where}: free mod {m} out of range 0..{mods - 1}")
                    ok = False
            if len(set(free)) != len(free):
                bad(f"{where}: a free mod is listed twice")
                ok = False
        needs: Dict[str, float] = {}
        for j, n in enumerate(ru.get("needs", []) or []):
            if not isinstance(n, dict) or not isinstance(n.get("competency"), str) or not _is_number(n.get("weight")):
                bad(f"{where}: needs[{j}] must be {{competency: string, weight: number}}")
                ok = False
                continue
            c = n["competency"]
            if c in needs:
                warnings.append(f"{where}: competency {c} needed twice (weights summed)")
            needs[c] = needs.get(c, 0) + n["weight"]
        prefs: Dict[str, float] = {}
        for j, p in enumerate(ru.get("preferences", []) or []):
            if not isinstance(p, dict) or not isinstance(p.get("session"), str) or not _is_number(p.get("weight")):
                bad(f"{where}: preferences[{j}] must be {{session: string, weight: number}}")
                ok = False
                continue
            if p["session"] not in session_by_id:
                bad(f"{where}: preference names unknown session {p['session']}")
                ok = False
                continue
            if p["session"] in prefs:
                warnings.append(f"{where}: session {p['session']} preferred twice (weights summed)")
            prefs[p["session"]] = prefs.get(p["session"], 0) + p["weight"]
        if not ok:
            continue
        st = Student(uid, tuple(sorted(free)), needs, prefs)
        students.append(st)
        student_by_id[uid] = st

    for s in sessions:
        for u in s.required:
            if u not in student_by_id:
                bad(f"session {s.id}: required student {u} is not in the instance")

    if errs:
        raise InstanceError(errs)
    inst = Instance(mods, sessions, students, session_by_id, student_by_id, warnings)

    if check_requirements:
        inf: List[Violation] = []
        required_of: Dict[str, List[Session]] = {}
        for s in sessions:
            if len(s.required) > s.capacity:
                inf.append(Violation("instance-infeasible",
                                     f"session {s.id}: {len(s.required)} required students exceed capacity {s.capacity}"))
            for u in s.required:
                st = student_by_id[u]
                if not inst.can_attend(st, s):
                    busy = [m for m in s.mods if m not in set(st.free)]
                    inf.append(Violation("instance-infeasible",
                                         f"session {s.id}: required student {u} is not free in mod(s) {busy}"))
                required_of.setdefault(u, []).append(s)
        for u, ss in required_of.items():
            seen: Dict[int, str] = {}
            for s in ss:
                for m in s.mods:
                    if m in seen and seen[m] != s.id:
                        inf.append(Violation("instance-infeasible",
                                             f"student {u} is required in overlapping sessions {seen[m]} and {s.id} (mod {m})"))
                    seen.setdefault(m, s.id)
        # Coverage feasibility ignoring capacity: each free mod must be coverable by some session that fits.
        starts: Dict[int, List[Session]] = {}
        for s in sessions:
            if s.capacity > 0:
                starts.setdefault(s.start, []).append(s)
        for st in students:
            if not _coverable(st, starts):
                inf.append(Violation("instance-infeasible",
                                     f"student {st.id}: free mods {list(st.free)} cannot be partitioned into sessions"))
        if inf:
            raise InstanceError(inf)
    return inst


def _coverable(st: Student, starts: Dict[int, List[Session]]) -> bool:
    """True when the student's free mods can be tiled by sessions that fit (capacity ignored)."""
    free = set(st.free)
    order = sorted(free)
    if not order:
        return True
    # next_free[k]: the first free mod >= k, or None
    top = order[-1] + 2
    next_free: List[Optional[int]] = [None] * (top + 1)
    for k in range(top - 1, -1, -1):
        next_free[k] = k if k in free else next_free[k + 1]
    reach = {order[0]}
    for m in order:
        if m not in reach:
            continue
        for s in starts.get(m, []):
            if all(k in free for k in s.mods):
                after = s.start + s.length
                n = next_free[after] if after <= top else None
                if n is None:
                    return True
                reach.add(n)
    return False


def session_value(student: Student, session: Session) -> float:
    """The contract's value of `student` attending `session`."""
    v = sum(student.needs.get(c, 0) for c in session.competencies)
    return v + student.preferences.get(session.id, 0)


# ------------------------------------------------------------------------------------------ solution


@dataclass
class CheckReport:
    violations: List[Violation]
    objective: Optional[float]          # recomputed from the assignment
    printed_objective: Optional[float]
    printed_bound: Optional[float]
    attendance: Dict[str, int]
    warnings: List[str]

    @property
    def ok(self) -> bool:
        return not self.violations

    def raise_if_failed(self) -> None:
        if self.violations:
            raise ScheduleViolation(self.violations)


def objective_of(inst: Instance, assignments: Dict[str, Iterable[str]]) -> float:
    total = 0.0
    for uid, sids in assignments.items():
        st = inst.student_by_id[uid]
        for sid in sids:
            total += session_value(st, inst.session_by_id[sid])
    return total


def check(instance: Any, solution: Any, tolerance: float = 1e-6,
          reference_objective: Optional[float] = None, reference_bound: Optional[float] = None,
          check_requirements: bool = True) -> CheckReport:
    """Checks `solution` (the CLI's output dict) against `instance` (dict or Instance).

    reference_objective: a known feasible objective (e.g. CP-SAT's); the printed bound must not be below it.
    reference_bound: a proven upper bound (e.g. CP-SAT's); the objective must not be above it.
    Raises InstanceError when the instance itself is malformed."""
    inst = instance if isinstance(instance, Instance) else validate_instance(instance, check_requirements)
    v: List[Violation] = []
    warnings = list(inst.warnings)

    def add(constraint: str, msg: str) -> None:
        v.append(Violation(constraint, msg))

    if not isinstance(solution, dict):
        add("format", "the solution is not a JSON object")
        return CheckReport(v, None, None, None, {}, warnings)
    pobj, pbound = solution.get("objective"), solution.get("bound")
    if not _is_number(pobj):
        add("format", f"'objective' must be a number, got {pobj!r}")
        pobj = None
    if not _is_number(pbound):
        add("format", f"'bound' must be a number, got {pbound!r}")
        pbound = None
    raw_asg = solution.get("assignments")
    if not isinstance(raw_asg, list):
        add("format", "'assignments' must be a list")
        return CheckReport(v, None, pobj, pbound, {}, warnings)
    if "unmet" in solution and not isinstance(solution["unmet"], list):
        add("format", "'unmet' must be a list when present")

    assigned: Dict[str, List[str]] = {}
    for i, a in enumerate(raw_asg):
        if not isinstance(a, dict) or not isinstance(a.get("student"), str) or not isinstance(a.get("sessions"), list) \
                or not all(isinstance(s, str) for s in a["sessions"]):
            add("format", f"assignments[{i}] must be {{student: string, sessions: [string]}}")
            continue
        uid = a["student"]
        if uid not in inst.student_by_id:
            add("unknown-student", f"assignments[{i}] names unknown student {uid}")
            continue
        if uid in assigned:
            add("duplicate-student", f"student {uid} has more than one assignment entry")
            continue
        sids: List[str] = []
        for sid in a["sessions"]:
            if sid not in inst.session_by_id:
                add("unknown-session", f"student {uid} attends unknown session {sid}")
                continue
            if sid in sids:
                add("duplicate-session", f"student {uid} attends session {sid} twice")
                continue
            sids.append(sid)
        assigned[uid] = sids

    attendance: Dict[str, int] = {s.id: 0 for s in inst.sessions}
    for st in inst.students:
        sids = assigned.get(st.id, [])
        free = set(st.free)
        cover: Dict[int, List[str]] = {}
        for sid in sids:
            s = inst.session_by_id[sid]
            attendance[sid] += 1
            busy = [m for m in s.mods if m not in free]
            if busy:
                add("not-free", f"student {st.id} attends session {sid} (mods {s.start}..{s.start + s.length - 1}) "
                                f"but is not free in mod(s) {busy}")
            for m in s.mods:
                cover.setdefault(m, []).append(sid)
        for m in st.free:
            c = cover.get(m, [])
            if not c:
                add("uncovered", f"student {st.id}: free mod {m} is covered by no session")
            elif len(c) > 1:
                add("overlap", f"student {st.id}: mod {m} is covered by {len(c)} sessions ({', '.join(c)})")

    for s in inst.sessions:
        if attendance[s.id] > s.capacity:
            add("capacity", f"session {s.id} has {attendance[s.id]} attendees, capacity {s.capacity}")
        for u in s.required:
            if s.id not in assigned.get(u, []):
                add("required", f"session {s.id}: required student {u} does not attend")

    valid = {uid: [sid for sid in sids] for uid, sids in assigned.items()}
    objective = objective_of(inst, valid)
    tol = tolerance * max(1.0, abs(objective))
    if pobj is not None and abs(pobj - objective) > tol:
        add("objective", f"printed objective {pobj} differs from the recomputed value {objective}")
    if pbound is not None and pbound < objective - tol:
        add("bound", f"printed bound {pbound} is below the recomputed objective {objective}")
    if pbound is not None and reference_objective is not None and pbound < reference_objective - tol:
        add("reference", f"printed bound {pbound} is below a known feasible objective {reference_objective}: "
                         f"it is not an upper bound")
    if reference_bound is not None and objective > reference_bound + tol:
        add("reference", f"recomputed objective {objective} exceeds the reference's proven bound {reference_bound}")
    return CheckReport(v, objective, pobj, pbound, attendance, warnings)


# ------------------------------------------------------------------------------------------ CLI


def _load(path: str) -> Any:
    with open(path, "r", encoding="utf-8") as f:
        return json.load(f)


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description="Check a flex-mod schedule against its instance (every contract constraint).")
    ap.add_argument("instance")
    ap.add_argument("solution")
    ap.add_argument("--tolerance", type=float, default=1e-6, help="relative tolerance for the objective (default 1e-6)")
    ap.add_argument("--max-errors", type=int, default=50, help="print at most this many violations (default 50)")
    ap.add_argument("--reference-objective", type=float, help="a known feasible objective: the bound must not be below it")
    ap.add_argument("--reference-bound", type=float, help="a proven upper bound: the objective must not be above it")
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args(argv)
    try:
        inst_raw, sol_raw = _load(a.instance), _load(a.solution)
    except (OSError, json.JSONDecodeError) as e:
        print(f"error: cannot read input: {e}", file=sys.stderr)
        return 2
    try:
        rep = check(inst_raw, sol_raw, a.tolerance, a.reference_objective, a.reference_bound)
    except InstanceError as e:
        for viol in e.violations[: a.max_errors]:
            print(f"INSTANCE {viol}", file=sys.stderr)
        return 2
    if not a.quiet:
        for w in rep.warnings[:10]:
            print(f"warning: {w}", file=sys.stderr)
    if rep.violations:
        for viol in rep.violations[: a.max_errors]:
            print(f"VIOLATION {viol}", file=sys.stderr)
        if len(rep.violations) > a.max_errors:
            print(f"... and {len(rep.violations) - a.max_errors} more violations", file=sys.stderr)
        counts: Dict[str, int] = {}
        for viol in rep.violations:
            counts[viol.constraint] = counts.get(viol.constraint, 0) + 1
        print("INFEASIBLE: " + ", ".join(f"{k} x{n}" for k, n in sorted(counts.items())), file=sys.stderr)
        return 1
    if not a.quiet:
        gap = ""
        if rep.printed_bound:
            gap = f", proven gap {100 * (rep.printed_bound - rep.objective) / max(abs(rep.printed_bound), 1e-12):.4f}%"
        print(f"OK: feasible, objective {rep.objective:g} (printed {rep.printed_objective:g}), "
              f"bound {rep.printed_bound:g}{gap}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
