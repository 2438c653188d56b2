#!/usr/bin/env python3
"""Reference prototype of the Lagrangian solver described in docs (design note): capacities relaxed with
multipliers, one longest-path DAG per student, subgradient (Polyak) updates, primal repair by sequential
reduced-cost paths plus 1-opt re-routing. Pure Python, deterministic, no external solver.

    lagrangian.py schedule --input FILE.json [--iterations N]   prints { objective, bound, assignments, unmet, seconds }
    MASTERLY="python3 Benchmarks/scheduling/lagrangian.py" Benchmarks/scheduling/compare.sh --generator python

It exists to validate the method (bound quality, iterations needed, repair quality) before the Swift port,
and as a second stand-in for compare.py. Not tuned for speed.
"""

from __future__ import annotations

import json
import math
import os
import sys
import time
from typing import Dict, List, Optional, Tuple

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_schedule import Instance, InstanceError, session_value, validate_instance  # noqa: E402


class Model:
    """Flat, index-based form of an instance, required students already placed."""

    def __init__(self, inst: Instance):
        self.inst = inst
        S = self.S = len(inst.sessions)
        sidx = {s.id: i for i, s in enumerate(inst.sessions)}
        self.sidx = sidx
        self.cap = [s.capacity for s in inst.sessions]
        self.fixed: List[List[int]] = [[] for _ in inst.students]
        self.fixed_value = 0.0
        uidx = {st.id: i for i, st in enumerate(inst.students)}
        for si, s in enumerate(inst.sessions):
            for u in s.required:
                ui = uidx[u]
                self.fixed[ui].append(si)
                self.cap[si] -= 1
                self.fixed_value += session_value(inst.students[ui], s)
        # slots: sessions grouped by (start, length) -- identical mod sets
        slot_of: Dict[Tuple[int, int], int] = {}
        self.slot_sessions: List[List[int]] = []
        self.session_slot = [0] * S
        for si, s in enumerate(inst.sessions):
            key = (s.start, s.length)
            if key not in slot_of:
                slot_of[key] = len(self.slot_sessions)
                self.slot_sessions.append([])
            self.slot_sessions[slot_of[key]].append(si)
            self.session_slot[si] = slot_of[key]
        self.slot_keys = sorted(slot_of, key=lambda k: slot_of[k])
        by_start: Dict[int, List[int]] = {}
        for k, (start, length) in enumerate(self.slot_keys):
            by_start.setdefault(start, []).append(k)
        # per student DAG: nodes = remaining free mods in order (+ sink); edges grouped by tail node
        #   ("slot", j, k)        any session of slot k, value 0 (the cheapest one is used)
        #   ("sess", j, si, v)    session si with value v != 0 for this student
        self.dag: List[List[List[tuple]]] = []
        for ui, st in enumerate(inst.students):
            blocked = {m for si in self.fixed[ui] for m in inst.sessions[si].mods}
            free = [m for m in st.free if m not in blocked]
            pos = {m: i for i, m in enumerate(free)}
            valued: Dict[int, List[Tuple[int, float]]] = {}
            # sessions with a value for this student: those listing a needed competency or preferred
            cand = set(st.preferences)
            for si_, s in enumerate(inst.sessions):
                if st.needs and any(c in st.needs for c in s.competencies):
                    cand.add(s.id)
            nodes: List[List[tuple]] = [[] for _ in free]
            for i, m in enumerate(free):
                for k in by_start.get(m, []):
                    length = self.slot_keys[k][1]
                    j = i + length
                    if j <= len(free) and free[j - 1] == m + length - 1:
                        nodes[i].append(("slot", j, k))
            for sid in sorted(cand, key=lambda x: sidx[x]):
                si = sidx[sid]
                s = inst.sessions[si]
                v = session_value(st, s)
                if v == 0 or s.start not in pos:
                    continue
                i = pos[s.start]
                j = i + s.length
                if j <= len(free) and free[j - 1] == s.start + s.length - 1:
                    nodes[i].append(("sess", j, si, v))
            self.dag.append(nodes)

    # -- longest path for one student. price[si]: the cost of a seat; open[si]: the seat may be used
    def best_path(self, ui: int, price: List[float], slot_pick: List[int], open_: Optional[List[bool]] = None,
                  use_value: bool = True) -> Tuple[float, float, List[int]]:
        nodes = self.dag[ui]
        n = len(nodes)
        NEG = -math.inf
        best = [NEG] * (n + 1)
        arg: List[Optional[Tuple[int, int]]] = [None] * (n + 1)
        best[n] = 0.0
        for i in range(n - 1, -1, -1):
            bi, ai = NEG, None
            for e in nodes[i]:
                j = e[1]
                if best[j] == NEG:
                    continue
                if e[0] == "slot":
                    si = slot_pick[e[2]]
                    if si < 0:
                        continue
                    val = -price[si] + best[j]
                else:
                    si = e[2]
                    if open_ is not None and not open_[si]:
                        continue
                    val = (e[3] if use_value else 0.0) - price[si] + best[j]
                if val > bi + 1e-12:
                    bi, ai = val, (j, si)
            best[i], arg[i] = bi, ai
        if best[0] == NEG:
            return NEG, NEG, []
        path, i, true_val = [], 0, 0.0
        st = self.inst.students[ui]
        while i < n:
            j, si = arg[i]
            path.append(si)
            true_val += session_value(st, self.inst.sessions[si])
            i = j
        return best[0], true_val, path

    def slot_cheapest(self, price: List[float], open_: Optional[List[bool]] = None) -> List[int]:
        out = []
        for sess in self.slot_sessions:
            b, bp = -1, math.inf
            for si in sess:
                if self.cap[si] <= 0 or (open_ is not None and not open_[si]):
                    continue
                if price[si] < bp - 1e-12:
                    b, bp = si, price[si]
            out.append(b)
        return out


def solve(inst: Instance, iterations: int = 300, repair_every: int = 10, verbose: bool = False) -> Dict:
    t0 = time.perf_counter()
    M = Model(inst)
    S, N = M.S, len(inst.students)
    integral = all(float(w).is_integer() for st in inst.students
                   for w in list(st.needs.values()) + list(st.preferences.values()))
    lam = [0.0] * S
    closed_price = 1e9                                    # sessions with no seat left are never used
    best_bound, best_primal, best_asg = math.inf, -math.inf, None
    theta, since_improve = 1.0, 0
    history = []
    for it in range(iterations):
        price = [lam[si] if M.cap[si] > 0 else closed_price for si in range(S)]
        pick = M.slot_cheapest(price)
        usage = [0] * S
        total = M.fixed_value + sum(lam[si] * M.cap[si] for si in range(S) if M.cap[si] > 0)
        for ui in range(N):
            red, _, path = M.best_path(ui, price, pick)
            if red == -math.inf:
                raise SystemExit(f"error: student {inst.students[ui].id}: free mods cannot be covered")
            total += red
            for si in path:
                usage[si] += 1
        if total < best_bound - 1e-9:
            best_bound, since_improve = total, 0
        else:
            since_improve += 1
            if since_improve >= 20:
                theta, since_improve = theta / 2, 0
        if it % repair_every == 0 or it == iterations - 1:
            val, asg = repair(M, lam, eject=(it % (10 * repair_every) == 10 * repair_every - repair_every
                                             or it == iterations - 1))
            if val > best_primal:
                best_primal, best_asg = val, asg
        bound = math.floor(best_bound + 1e-7) if integral else best_bound
        history.append((it, total, best_primal))
        if verbose:
            print(f"it {it} L {total:.2f} best bound {bound} primal {best_primal} theta {theta}", file=sys.stderr)
        if best_primal >= bound - 1e-9:
            break
        g = [M.cap[si] - usage[si] if M.cap[si] > 0 else 0 for si in range(S)]
        g = [0 if (lam[si] <= 0 and g[si] > 0) else g[si] for si in range(S)]   # projected
        norm = sum(x * x for x in g)
        if norm == 0:
            break
        step = theta * (total - best_primal) / norm
        lam = [max(0.0, lam[si] - step * g[si]) for si in range(S)]
    bound = math.floor(best_bound + 1e-7) if integral else best_bound
    assignments = []
    for ui, st in enumerate(inst.students):
        sids = sorted(M.fixed[ui] + best_asg[ui], key=lambda si: inst.sessions[si].start)
        assignments.append({"student": st.id, "sessions": [inst.sessions[si].id for si in sids]})
    return {"objective": best_primal, "bound": bound, "assignments": assignments,
            "iterations": len(history), "seconds": round(time.perf_counter() - t0, 3)}


def repair(M: Model, lam: List[float], eject: bool = True) -> Tuple[float, List[List[int]]]:
    """Primal repair guided by the multipliers. Deterministic.
    1. every student takes its best path at prices lam (the Lagrangian solution);
    2. each over-full session keeps the students who would lose most (at prices lam) by leaving it and evicts
       the others (all their seats are released);
    3. evicted students, biggest loss first, take their best path at prices lam among seats left;
    4. 1-opt: each student in turn is re-routed on true values among the seats left (never worse);
    5. ejection: a student may take a seat in a full session if the cheapest-to-move occupant can be re-routed
       for less than the student gains."""
    inst = M.inst
    N, S = len(inst.students), M.S
    price = list(lam)
    opened = [M.cap[si] > 0 for si in range(S)]
    pick = M.slot_cheapest(price, opened)
    asg: List[Optional[List[int]]] = [None] * N
    red_of = [0.0] * N
    members: List[List[int]] = [[] for _ in range(S)]
    for ui in range(N):
        red, _, path = M.best_path(ui, price, pick, opened)
        asg[ui], red_of[ui] = path, red
        for si in path:
            members[si].append(ui)
    evicted: Dict[int, float] = {}
    over = sorted((si for si in range(S) if len(members[si]) > M.cap[si]),
                  key=lambda si: (-(len(members[si]) - M.cap[si]), si))
    for si in over:
        alive = [ui for ui in members[si] if ui not in evicted]
        if len(alive) <= M.cap[si]:
            continue
        loss = []
        for ui in alive:
            op = list(opened)
            op[si] = False
            pk = M.slot_cheapest(price, op)
            red2, _, _ = M.best_path(ui, price, pk, op)
            loss.append((-(red_of[ui] - red2), ui))
        loss.sort()
        for l, ui in loss[M.cap[si]:]:
            evicted[ui] = -l
    left = list(M.cap)
    value = [0.0] * N
    for ui in range(N):
        if ui in evicted:
            asg[ui] = None
            continue
        for si in asg[ui]:
            left[si] -= 1
        value[ui] = sum(session_value(inst.students[ui], inst.sessions[si]) for si in asg[ui])
    opened = [left[si] > 0 for si in range(S)]
    for ui in sorted(evicted, key=lambda u: (-evicted[u], u)):
        pick = M.slot_cheapest(price, opened)
        red, tv, path = M.best_path(ui, price, pick, opened)
        if red == -math.inf:
            raise SystemExit(f"error: repair could not place student {inst.students[ui].id}")
        asg[ui], value[ui] = path, tv
        for si in path:
            left[si] -= 1
            opened[si] = left[si] > 0
    one_opt(M, lam, asg, value, left)
    if eject:
        for _round in range(3):
            if not ejection_pass(M, lam, asg, value, left):
                break
            one_opt(M, lam, asg, value, left)
    return M.fixed_value + sum(value), asg


def one_opt(M: Model, lam, asg, value, left, passes: int = 4) -> None:
    N, S = len(M.inst.students), M.S
    tiny = [1e-6 * lam[si] for si in range(S)]          # tie-break: prefer the least contested seats
    for _pass in range(passes):
        changed = False
        for ui in range(N):
            for si in asg[ui]:
                left[si] += 1
            opened = [left[si] > 0 for si in range(S)]
            pick = M.slot_cheapest(tiny, opened)
            _, tv, path = M.best_path(ui, tiny, pick, opened)
            if tv > value[ui] + 1e-9:
                asg[ui], value[ui], changed = path, tv, True
            for si in asg[ui]:
                left[si] -= 1
        if not changed:
            break


def ejection_pass(M: Model, lam, asg, value, left) -> bool:
    """For each student A and each full session s worth something to A: A's best path using s (s opened for A)
    versus A's current value = gain; the occupant B of s with the smallest loss when re-routed without s;
    apply when gain > loss. Returns whether anything changed."""
    inst = M.inst
    N, S = len(inst.students), M.S
    tiny = [1e-6 * lam[si] for si in range(S)]
    members: List[List[int]] = [[] for _ in range(S)]
    for ui in range(N):
        for si in asg[ui]:
            members[si].append(ui)
    changed = False
    for ua in range(N):
        full_valued = sorted({e[2] for node in M.dag[ua] for e in node if e[0] == "sess" and left[e[2]] <= 0
                              and e[2] not in asg[ua] and M.cap[e[2]] > 0})
        for s in full_valued:
            # A's best path when s has one more seat (A's own seats released)
            for si in asg[ua]:
                left[si] += 1
            opened = [left[si] > 0 for si in range(S)]
            opened[s] = True
            pick = M.slot_cheapest(tiny, opened)
            _, tva, patha = M.best_path(ua, tiny, pick, opened)
            for si in asg[ua]:
                left[si] -= 1
            if s not in patha or tva <= value[ua] + 1e-9:
                continue
            gain = tva - value[ua]
            best = None
            for ub in members[s]:
                if ub == ua:
                    continue
                for si in asg[ub]:
                    left[si] += 1
                # A's new path takes seats too: account for them (except s, freed by B)
                for si in patha:
                    if si != s:
                        left[si] -= 1
                for si in asg[ua]:
                    left[si] += 1
                op = [left[si] > 0 for si in range(S)]
                op[s] = False
                pk = M.slot_cheapest(tiny, op)
                red, tvb, pathb = M.best_path(ub, tiny, pk, op)
                for si in asg[ua]:
                    left[si] -= 1
                for si in patha:
                    if si != s:
                        left[si] += 1
                for si in asg[ub]:
                    left[si] -= 1
                if red == -math.inf:
                    continue
                loss = value[ub] - tvb
                if best is None or loss < best[0] - 1e-9:
                    best = (loss, ub, tvb, pathb)
            if best is None or best[0] >= gain - 1e-9:
                continue
            loss, ub, tvb, pathb = best
            for si in asg[ua]:
                left[si] += 1
                members[si].remove(ua)
            for si in asg[ub]:
                left[si] += 1
                members[si].remove(ub)
            for si in patha:
                left[si] -= 1
                members[si].append(ua)
            for si in pathb:
                left[si] -= 1
                members[si].append(ub)
            asg[ua], value[ua] = patha, tva
            asg[ub], value[ub] = pathb, tvb
            assert all(left[si] >= 0 for si in range(S)), "ejection broke a capacity"
            changed = True
            break
    return changed


def main(argv: List[str]) -> int:
    if not argv or argv[0] != "schedule":
        print("usage: lagrangian.py schedule --input FILE.json [--iterations N] [--verbose]", file=sys.stderr)
        return 2
    args = argv[1:]
    if "--generate" in args:
        import generate
        return generate.main([a for a in args if a != "--generate"])
    path = args[args.index("--input") + 1]
    iters = int(args[args.index("--iterations") + 1]) if "--iterations" in args else 300
    with open(path, encoding="utf-8") as f:
        raw = json.load(f)
    try:
        inst = validate_instance(raw)
    except InstanceError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(json.dumps(solve(inst, iters, verbose="--verbose" in args)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
