#!/usr/bin/env python3
"""Print the pyBKT-vs-masterly table for Benchmarks/bkt/compare.sh (stdlib only).

Reads OUT/pybkt/NAME-MODEL.json (pybkt_reference.py output) and
OUT/masterly/NAME-MODEL-{full,split}.{json,wall}, where masterly's JSON is
  {"skills": {NAME: {"prior","learn","guess","slip","forget","logLikelihood"}},
   "train": {"auc","rmse"}, "test": {"auc","rmse"}?, "seconds"}

Columns
  pyBKT s     pyBKT's fit() on all rows (full_fit.timing_s.fit_total; EM part in brackets)
  ours s      wall clock of the whole `masterly fit bkt` process on all rows (JSON "seconds" in brackets)
  ratio       pyBKT s / ours s
  LL          training log-likelihood (natural log, summed over responses), fit on all rows;
              ours = sum of the per-skill logLikelihood
  test AUC    a09: the external test file; others: the 20 % test students of the hash split.
              pyBKT's value is sklearn roc_auc_score over all scored rows (pybkt_reference's
              "pooled"; pyBKT's own evaluate() drops predictions > 1 and can differ by ~1e-4)
  bars        LL: ours >= pyBKT's (1e-6 relative slack for summation order);
              AUC: ours >= pyBKT's - 0.005  (issue #4)
"""
import argparse
import json
import math
import os
import sys


def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def wall(path):
    try:
        with open(path) as f:
            return float(f.read().strip())
    except (OSError, ValueError):
        return None


def ours_ll(doc):
    try:
        return float(sum(float(s["logLikelihood"]) for s in doc["skills"].values()))
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def get(doc, *keys):
    for k in keys:
        if not isinstance(doc, dict) or k not in doc:
            return None
        doc = doc[k]
    return doc


def f(x, fmt):
    if x is None or (isinstance(x, float) and (math.isnan(x) or math.isinf(x))):
        return "-"
    return format(x, fmt)


def table(rows, header):
    cols = list(zip(*([header] + rows)))
    widths = [max(len(str(c)) for c in col) for col in cols]
    line = lambda r: "  ".join(str(c).rjust(w) if i > 1 else str(c).ljust(w)
                               for i, (c, w) in enumerate(zip(r, widths)))
    print(line(header))
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print(line(r))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--models", default="bkt,bkt+forgets")
    ap.add_argument("--datasets", default="as,ct,a09,syn1m")
    ap.add_argument("--pybkt-only", action="store_true")
    a = ap.parse_args()
    models = [m for m in a.models.split(",") if m]
    datasets = [d for d in a.datasets.split(",") if d]
    pdir, mdir = os.path.join(a.out, "pybkt"), os.path.join(a.out, "masterly")

    main_rows, split_rows = [], []
    bars_total = bars_ok = 0
    env = None
    for name in datasets:
        for model in models:
            p = load(os.path.join(pdir, f"{name}-{model}.json"))
            if p is None:
                main_rows.append([name, model] + ["(no pyBKT result)"] + [""] * 9)
                continue
            env = env or p.get("pybkt")
            full = p.get("full_fit", {})
            p_fit = get(full, "timing_s", "fit_total")
            p_em = get(full, "timing_s", "em_total")
            p_ll = get(full, "loglik_train", "total")
            if "external_test" in full:
                p_auc = get(full, "external_test", "pooled", "auc")
                p_rmse = get(full, "external_test", "pooled", "rmse")
                auc_src = "ext"
            else:
                p_auc = get(p, "split_fit", "test_eval", "pooled", "auc")
                p_rmse = get(p, "split_fit", "test_eval", "pooled", "rmse")
                auc_src = "split"

            o_full = load(os.path.join(mdir, f"{name}-{model}-full.json"))
            o_wall = wall(os.path.join(mdir, f"{name}-{model}-full.wall"))
            o_split = load(os.path.join(mdir, f"{name}-{model}-split.json"))
            o_sec = get(o_full, "seconds")
            o_ll = ours_ll(o_full) if o_full else None
            src = o_full if auc_src == "ext" else o_split
            o_auc = get(src, "test", "auc")
            o_rmse = get(src, "test", "rmse")

            ratio = (p_fit / o_wall) if (p_fit and o_wall) else None
            d_ll = (o_ll - p_ll) if (o_ll is not None and p_ll is not None) else None
            d_auc = (o_auc - p_auc) if (o_auc is not None and p_auc is not None) else None
            verdict = ""
            if not a.pybkt_only:
                ok_ll = d_ll is not None and d_ll >= -1e-6 * abs(p_ll)
                ok_auc = d_auc is not None and d_auc >= -0.005
                bars_total += 2
                bars_ok += ok_ll + ok_auc
                verdict = ("LL n/a" if d_ll is None else "LL ok" if ok_ll else "LL LOW") + ", " + \
                          ("AUC n/a" if d_auc is None else "AUC ok" if ok_auc else "AUC LOW")
            main_rows.append([
                name, model,
                f"{f(p_fit, '.3f')} [{f(p_em, '.2f')}]",
                f"{f(o_wall, '.3f')} [{f(o_sec, '.3f')}]",
                f(ratio, ".1f") + ("x" if ratio else ""),
                f(p_ll, ",.2f"), f(o_ll, ",.2f"), f(d_ll, "+,.2f"),
                f"{f(p_auc, '.4f')} ({auc_src})", f(o_auc, ".4f"), f(d_auc, "+.4f"),
                verdict,
            ])
            if auc_src == "split":
                split_rows.append([
                    name, model,
                    f(get(p, "split_fit", "loglik_train", "total"), ",.2f"),
                    f(ours_ll(o_split) if o_split else None, ",.2f"),
                    f(p_rmse, ".4f"), f(o_rmse, ".4f"),
                    str(get(p, "split_fit", "test_eval", "data", "rows") or "-"),
                ])
            else:
                split_rows.append([name, model, "-", "-", f(p_rmse, ".4f") + " (ext)", f(o_rmse, ".4f"),
                                   str(get(full, "external_test", "data", "rows") or "-")])

    if env:
        print(f"pyBKT {env.get('version')} backend={env.get('backend')} numpy {env.get('numpy')} "
              f"pandas {env.get('pandas')} sklearn {env.get('sklearn')} python {env.get('python')}; "
              "one thread; times in seconds")
    table(main_rows, ["data", "model", "pyBKT s [EM]", "ours s [json]", "ratio",
                      "pyBKT LL", "ours LL", "dLL", "pyBKT test AUC", "ours AUC", "dAUC", "bars"])
    print()
    print("split fits (80 % train students) / test RMSE:")
    table(split_rows, ["data", "model", "pyBKT train LL", "ours train LL", "pyBKT test RMSE",
                       "ours test RMSE", "test rows"])

    raw = []
    for name in ("as", "ct"):
        r = load(os.path.join(mdir, f"{name}-raw-bkt-full.json"))
        n = load(os.path.join(mdir, f"{name}-bkt-full.json"))
        if r is None and n is None:
            continue
        lr, ln = (ours_ll(r) if r else None), (ours_ll(n) if n else None)
        same = lr is not None and ln is not None and abs(lr - ln) <= 1e-6 * abs(ln)
        raw.append([name, f(ln, ",.4f"), f(lr, ",.4f"),
                    str(len(r["skills"])) if r and "skills" in r else "-",
                    "same" if same else "DIFFERENT"])
    if raw:
        print()
        print("raw-input parity (masterly, bkt, original file vs normalized copy):")
        table(raw, ["data", "normalized LL", "raw-file LL", "skills", ""])
    if not a.pybkt_only:
        print()
        print(f"accuracy bars met: {bars_ok}/{bars_total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
