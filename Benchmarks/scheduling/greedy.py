#!/usr/bin/env python3
"""A deliberately simple reference solver with the CLI's interface, to exercise compare.py and the checker
before (or beside) the Swift solver.

    greedy.py schedule --input FILE.json            prints { objective, bound, assignments, unmet, seconds }
    greedy.py schedule --generate --students N ...  delegates to generate.py

    MASTERLY="python3 Benchmarks/scheduling/greedy.py" Benchmarks/scheduling/compare.sh ...

Method: required students are placed first; then, student by student in instance order, the longest path
through the student's remaining free mods (a DAG: node i = i-th remaining free mod, an edge i -> i+len per
session that starts at that mod, covers free consecutive mods and still has a seat) is committed.
Bound: the sum over students of the same longest path with capacities ignored (required sessions fixed) —
the Lagrangian bound with all multipliers 0, so valid but weak.
"""

from __future__ import annotations

import json
import os
import sys
import time
from typing import Dict, List, Optional, Tuple

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_schedule import Instance, InstanceError, Session, Student, session_value, validate_instance  # noqa: E402


def longest_path(inst: Instance, st: Student, blocked: set, seat_ok) -> Optional[Tuple[float, List[str]]]:
    """Best tiling of the student's free mods minus `blocked` by sessions passing seat_ok(session)."""
    free = [m for m in st.free if m not in blocked]
    if not free:
        return 0.0, []
    pos = {m: i for i, m in enumerate(free)}
    n = len(free)
    by_start: Dict[int, List[Session]] = {}
    for s in inst.sessions:
        if s.start in pos:
            by_start.setdefault(s.start, []).append(s)
    NEG = float("-inf")
    best = [NEG] * (n + 1)
    choice: List[Optional[Tuple[int, str]]] = [None] * (n + 1)
    best[n] = 0.0
    for i in range(n - 1, -1, -1):       # best[i]: best tiling of free[i:]
        m = free[i]
        for s in by_start.get(m, []):
            j = i + s.length
            if j > n or free[j - 1] != m + s.length - 1 or best[j] == NEG or not seat_ok(s):
                continue
            val = session_value(st, s) + best[j]
            # deterministic tie-break: prefer the earlier session in instance order (sessions iterate in order)
            if val > best[i]:
                best[i] = val
                choice[i] = (j, s.id)
    if best[0] == NEG:
        return None
    path, i = [], 0
    while i < n:
        j, sid = choice[i]
        path.append(sid)
        i = j
    return best[0], path


def solve(inst: Instance) -> Dict:
    t0 = time.perf_counter()
    left = {s.id: s.capacity for s in inst.sessions}
    fixed: Dict[str, List[str]] = {}
    for s in inst.sessions:
        for u in s.required:
            fixed.setdefault(u, []).append(s.id)
            left[s.id] -= 1
    assignments, objective, bound, unmet = [], 0.0, 0.0, []
    for st in inst.students:
        req = fixed.get(st.id, [])
        blocked = {m for sid in req for m in inst.session_by_id[sid].mods}
        req_val = sum(session_value(st, inst.session_by_id[sid]) for sid in req)
        relaxed = longest_path(inst, st, blocked, lambda s: s.capacity > 0)
        if relaxed is None:
            raise SystemExit(f"error: student {st.id}: free mods cannot be covered by any sessions")
        bound += req_val + relaxed[0]
        got = longest_path(inst, st, blocked, lambda s: left[s.id] > 0)
        if got is None:
            raise SystemExit(f"error: greedy could not cover student {st.id} (no seat left)")
        for sid in got[1]:
            left[sid] -= 1
        sids = sorted(req + got[1], key=lambda sid: inst.session_by_id[sid].start)
        objective += req_val + got[0]
        assignments.append({"student": st.id, "sessions": sids})
        covered = {c for sid in sids for c in inst.session_by_id[sid].competencies}
        for c in sorted(st.needs):
            if c not in covered:
                unmet.append({"student": st.id, "competency": c, "reason": "not placed by the greedy pass"})
    return {"objective": objective, "bound": bound, "assignments": assignments, "unmet": unmet,
            "seconds": round(time.perf_counter() - t0, 4)}


def main(argv: List[str]) -> int:
    if not argv or argv[0] != "schedule":
        print("usage: greedy.py schedule --input FILE.json | schedule --generate --students N --sessions M --mods K --seed S",
              file=sys.stderr)
        return 2
    args = argv[1:]
    if "--generate" in args:
        import generate
        return generate.main([a for a in args if a != "--generate"])
    if "--input" not in args:
        print("error: --input FILE.json is required", file=sys.stderr)
        return 2
    path = args[args.index("--input") + 1]
    with open(path, encoding="utf-8") as f:
        raw = json.load(f)
    try:
        inst = validate_instance(raw)
    except InstanceError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(json.dumps(solve(inst)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
