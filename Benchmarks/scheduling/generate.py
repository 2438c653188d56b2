#!/usr/bin/env python3
"""Deterministic generator of realistic flex-mod scheduling instances (../shared/CONTRACT.md format).

Usage:
    generate.py --students N --sessions M --mods K --seed S [--max-length L] [--annotate] [--pretty] [-o FILE]

Same arguments as `masterly schedule --generate` (plus options), so the two are interchangeable in compare.py.
The output depends only on the arguments (Python's `random.Random(seed)`, no set/dict-order dependence).

The day
    K mods (the mod length, 10, 15 or 20 minutes, is drawn from the seed; it is only written with --annotate).

Sessions (M in total, of which K are the open-study ones; M must be >= K)
    open study   one per mod, length 1, capacity = number of students, no competencies: so every student can
                 always fill every free mod and every instance is feasible.
    workshops    ~60% of the others: a teacher's reteach on 1–2 competencies; length 1–3 mods (45/35/20%),
                 capacity 6–15; 35% of them have 1–3 required students (teacher requests), chosen among students
                 who are free for the whole workshop, preferably ones who need its competency, and never required
                 in two overlapping sessions.
    labs         the rest: labs / extension sessions on 1–3 competencies, length 1–3 mods (30/40/30%),
                 capacity 15–30.
    --max-length L caps every length at L (L = 1 gives single-mod instances, the min-cost-flow case).

Students (N)
    busy mods: classes, 20–50% of the day in one or two contiguous blocks (at least one mod stays free);
    needs: 1–4 competencies, popularity skewed (a few competencies many students struggle with), weight 1–5;
    preferences: 0–3 sessions, weight 1–3, mostly sessions that fit their free mods.

Competencies: a pool of clamp(others // 3, 8, 80) ids c1, c2, ...
Ids: students u1..uN; open study o0..o{K-1} (by mod); workshops w1, w2, ...; labs l1, l2, ...
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from typing import Any, Dict, List, Optional


def _weighted(rng: random.Random, items: List[Any], weights: List[float]) -> Any:
    return rng.choices(items, weights=weights, k=1)[0]


def generate(students: int, sessions: int, mods: int, seed: int, max_length: int = 3,
             annotate: bool = False) -> Dict[str, Any]:
    if students < 1 or mods < 1:
        raise ValueError("--students and --mods must be positive")
    if sessions < mods:
        raise ValueError(f"--sessions must be at least --mods ({mods}): one open-study session per mod is included")
    if max_length < 1:
        raise ValueError("--max-length must be at least 1")
    rng = random.Random(f"masterly-flexmod:{seed}:{students}:{sessions}:{mods}:{max_length}")
    max_len = min(max_length, mods)
    mod_minutes = rng.choice([10, 15, 20])
    others = sessions - mods
    n_comp = max(8, min(80, others // 3))
    comps = [f"c{i + 1}" for i in range(n_comp)]
    # Zipf-like popularity: competency i has weight 1/(i+1)^0.8, shuffled so c1 is not always the hardest.
    pop = [1.0 / (i + 1) ** 0.8 for i in range(n_comp)]
    rng.shuffle(pop)

    def pick_comps(k: int) -> List[str]:
        chosen: List[str] = []
        while len(chosen) < min(k, n_comp):
            c = _weighted(rng, comps, pop)
            if c not in chosen:
                chosen.append(c)
        return chosen

    # ---- students: free mods, needs
    studs: List[Dict[str, Any]] = []
    for i in range(students):
        busy: set = set()
        target = round(mods * rng.uniform(0.2, 0.5))
        blocks = 1 if target <= 2 or rng.random() < 0.5 else 2
        sizes = [target] if blocks == 1 else [target // 2, target - target // 2]
        for size in sizes:
            if size <= 0:
                continue
            start = rng.randrange(0, mods - size + 1)
            busy.update(range(start, start + size))
        if len(busy) >= mods:
            busy.discard(rng.randrange(mods))
        free = [m for m in range(mods) if m not in busy]
        needs = [{"competency": c, "weight": rng.randint(1, 5)} for c in pick_comps(rng.randint(1, 4))]
        studs.append({"id": f"u{i + 1}", "free": free, "needs": needs, "preferences": []})

    # ---- sessions
    out_sessions: List[Dict[str, Any]] = []
    for m in range(mods):
        s = {"id": f"o{m}", "start": m, "length": 1, "capacity": students, "competencies": [], "required": []}
        if annotate:
            s.update(kind="open-study", title=f"Open study, mod {m}")
        out_sessions.append(s)
    required_mods: Dict[str, set] = {}    # student id -> mods where they are already required
    free_sets = [set(u["free"]) for u in studs]
    n_ws = n_lab = 0
    for _ in range(others):
        workshop = rng.random() < 0.6
        if workshop:
            length = _weighted(rng, [1, 2, 3], [45, 35, 20])
            cap = rng.randint(6, 15)
            cs = pick_comps(rng.randint(1, 2))
        else:
            length = _weighted(rng, [1, 2, 3], [30, 40, 30])
            cap = rng.randint(15, 30)
            cs = pick_comps(rng.randint(1, 3))
        length = min(length, max_len)
        start = rng.randrange(0, mods - length + 1)
        span = set(range(start, start + length))
        required: List[str] = []
        if workshop and rng.random() < 0.35:
            want = rng.randint(1, 3)
            # sample candidates deterministically; prefer students who need one of its competencies
            cand_idx = rng.sample(range(students), min(students, 60))
            fits = [j for j in cand_idx if span <= free_sets[j]
                    and not (required_mods.get(studs[j]["id"], set()) & span)]
            needy = [j for j in fits if any(n["competency"] in cs for n in studs[j]["needs"])]
            pool = needy + [j for j in fits if j not in needy]
            for j in pool[:min(want, cap)]:
                uid = studs[j]["id"]
                required.append(uid)
                required_mods.setdefault(uid, set()).update(span)
        if workshop:
            n_ws += 1
            sid = f"w{n_ws}"
        else:
            n_lab += 1
            sid = f"l{n_lab}"
        s = {"id": sid, "start": start, "length": length, "capacity": cap, "competencies": cs,
             "required": required}
        if annotate:
            s.update(kind="workshop" if workshop else "lab",
                     title=("Reteach " if workshop else "Extension lab ") + ", ".join(cs))
        out_sessions.append(s)

    # ---- preferences
    non_open = [s for s in out_sessions if not s["id"].startswith("o")]
    for j, u in enumerate(studs):
        k = rng.choice([0, 0, 1, 1, 2, 3])
        chosen: List[str] = []
        for _ in range(k):
            if not non_open:
                break
            if rng.random() < 0.8:
                # a session that fits (try a few draws)
                for _t in range(8):
                    s = rng.choice(non_open)
                    if set(range(s["start"], s["start"] + s["length"])) <= free_sets[j]:
                        break
            else:
                s = rng.choice(out_sessions)
            if s["id"] not in chosen:
                chosen.append(s["id"])
        u["preferences"] = [{"session": sid, "weight": rng.randint(1, 3)} for sid in chosen]

    inst: Dict[str, Any] = {"mods": mods, "sessions": out_sessions, "students": studs}
    if annotate:
        inst["modMinutes"] = mod_minutes
        inst["generator"] = {"name": "Benchmarks/scheduling/generate.py", "seed": seed, "students": students,
                             "sessions": sessions, "mods": mods, "maxLength": max_length}
    return inst


def dumps(inst: Dict[str, Any], pretty: bool = False) -> str:
    if pretty:
        return json.dumps(inst, indent=1)
    return json.dumps(inst, separators=(",", ":"))


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--generate", action="store_true", help="accepted and ignored (CLI compatibility)")
    ap.add_argument("--students", type=int, required=True)
    ap.add_argument("--sessions", type=int, required=True, help="total sessions, including one open study per mod")
    ap.add_argument("--mods", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--max-length", type=int, default=3, help="longest session in mods (1: single-mod instance)")
    ap.add_argument("--annotate", action="store_true",
                    help="add optional fields (modMinutes, session kind/title, generator parameters)")
    ap.add_argument("--pretty", action="store_true")
    ap.add_argument("-o", "--output")
    a = ap.parse_args(argv)
    try:
        inst = generate(a.students, a.sessions, a.mods, a.seed, a.max_length, a.annotate)
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    text = dumps(inst, a.pretty) + "\n"
    if a.output:
        with open(a.output, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
