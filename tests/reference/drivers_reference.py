#!/usr/bin/env python3
"""Independent reference values for `align drivers` (docs/methods.md#key-drivers)
on the fixture tests/data/drivers/ (survey.csv and outcomes.csv written by
`align generate --companies 60 --seed 5 --min-respondents 2
--max-respondents 10`; instrument.json is the embedded instrument with
forecast_accuracy made lower_is_better, to check the sign flip).

Reads the CSVs with pandas, not with the crate, and recomputes with numpy:
* company values at --anonymity 3: a company with fewer than 3 respondents
  is hidden and enters nothing; a respondent's dimension mean needs
  ceil(k/2) answered items (reverse-coded r' = 6 - r); a company dimension
  score is the index 100 (m - 1)/4 of the mean of its respondents'
  dimension means, null when fewer than 3 respondents have one; a company
  item mean (scale units) is null when fewer than 3 respondents answered;
* targets: each outcome (sign flipped for lower_is_better), and the
  composite = mean of the outcome z-scores (ddof=1, over shown companies),
  needing at least 3 of 5;
* per target, over complete cases: OLS with an intercept (numpy lstsq) on
  standardized variables: R², adjusted R², betas, t-test p (scipy t);
  LMG by brute force over all orders of entry; Johnson's relative weights
  (numpy eigh) of the item means, items without variance left out;
* performance = mean over shown companies of the company item index;
  quadrants from the composite's item shares and the performances, split
  at their medians (strictly above = above); fix_first = the three largest
  shares in the fix_first quadrant.

    python3 tests/reference/drivers_reference.py   # prints the values pasted into tests/cli/drivers.rs
"""
import itertools
import json
import math

import numpy as np
import pandas as pd
from scipy import stats

N = 3
D = "tests/data/drivers/"
inst = json.load(open(D + "instrument.json"))
resp = pd.read_csv(D + "survey.csv", dtype={"company_id": str})
outc = pd.read_csv(D + "outcomes.csv", dtype={"company_id": str}).set_index("company_id")
lo, hi = inst["scale"]["min"], inst["scale"]["max"]
dims = [d["id"] for d in inst["dimensions"]]
items = [it for d in dims for it in inst["items"] if it["dimension"] == d]
for it in items:
    v = pd.to_numeric(resp[it["column"]], errors="coerce")
    resp[it["id"]] = (lo + hi - v) if it["reverse"] else v

sizes = resp.groupby("company_id").size()
shown = sorted(sizes[sizes >= N].index)
r = resp[resp.company_id.isin(shown)]

dim_scores = {}
for d in dims:
    ids = [it["id"] for it in items if it["dimension"] == d]
    need = math.ceil(len(ids) / 2)
    m = r[ids].mean(axis=1).where(r[ids].notna().sum(axis=1) >= need)
    g = m.groupby(r.company_id)
    dim_scores[d] = (100 * (g.mean() - lo) / (hi - lo)).where(g.count() >= N)
dim_df = pd.DataFrame(dim_scores).reindex(shown)
item_df = pd.DataFrame(
    {it["id"]: r.groupby("company_id")[it["id"]].mean().where(r.groupby("company_id")[it["id"]].count() >= N)
     for it in items}
).reindex(shown)

targets = {}
zs = []
for o in inst["outcomes"]:
    sign = -1.0 if o["direction"] == "lower_is_better" else 1.0
    y = sign * outc[o["column"]].reindex(shown)
    targets[o["id"]] = y
    zs.append((y - y.mean()) / y.std(ddof=1))
z = pd.concat(zs, axis=1)
targets["composite"] = z.mean(axis=1).where(z.notna().sum(axis=1) >= math.ceil(len(zs) / 2))


def r2(X, y):
    if X.shape[1] == 0:
        return 0.0
    A = np.column_stack([np.ones(len(y)), X])
    c, *_ = np.linalg.lstsq(A, y, rcond=None)
    e = y - A @ c
    return 1 - e @ e / ((y - y.mean()) @ (y - y.mean()))


def ols(X, y):
    n, p = X.shape
    Z = (X - X.mean(0)) / X.std(0, ddof=1)
    zy = (y - y.mean()) / y.std(ddof=1)
    A = np.column_stack([np.ones(n), Z])
    c, *_ = np.linalg.lstsq(A, zy, rcond=None)
    e = zy - A @ c
    df = n - p - 1
    cov = (e @ e / df) * np.linalg.inv(A.T @ A)
    t = c / np.sqrt(np.diag(cov))
    rr = 1 - e @ e / (zy @ zy)
    return rr, 1 - (1 - rr) * (n - 1) / df, c[1:], 2 * stats.t.sf(np.abs(t[1:]), df)


def lmg(X, y):
    p = X.shape[1]
    parts = np.zeros(p)
    orders = list(itertools.permutations(range(p)))
    for order in orders:
        prev = 0.0
        for k, j in enumerate(order):
            cur = r2(X[:, list(order[: k + 1])], y)
            parts[j] += cur - prev
            prev = cur
    return parts / len(orders)


def rw(X, y):
    R = np.corrcoef(np.column_stack([X, y]), rowvar=False)
    ev, Q = np.linalg.eigh(R[:-1, :-1])
    lam = Q @ np.diag(np.sqrt(ev)) @ Q.T
    beta = np.linalg.solve(lam, R[:-1, -1])
    raw = (lam ** 2) @ beta ** 2
    return raw, beta @ beta


perf = {it["id"]: float((100 * (item_df[it["id"]] - lo) / (hi - lo)).mean()) for it in items}
out = {}
for t, y in targets.items():
    ok = dim_df.notna().all(axis=1) & y.notna()
    X, yy = dim_df[ok].to_numpy(), y[ok].to_numpy()
    rr, adj, b, pv = ols(X, yy)
    parts = lmg(X, yy)
    oki = item_df.notna().all(axis=1) & y.notna()
    Xi = item_df[oki]
    vary = [c for c in Xi.columns if Xi[c].nunique() > 1]
    raw, ir2 = rw(Xi[vary].to_numpy(), y[oki].to_numpy())
    out[t] = dict(n=int(ok.sum()), r2=rr, adj=adj, beta=b, p=pv, lmg=parts, share=parts / rr,
                  items_n=int(oki.sum()), items_r2=ir2, raw=dict(zip(vary, raw)))

comp = out["composite"]
imp = {k: v / comp["items_r2"] for k, v in comp["raw"].items()}
mi = np.median(list(imp.values()))
mp = np.median([perf[k] for k in imp])
quad = {}
for k in imp:
    a, b = imp[k] > mi, perf[k] > mp
    quad[k] = {(True, False): "fix_first", (True, True): "keep_up", (False, False): "watch", (False, True): "over_served"}[(a, b)]
fix = sorted([k for k in imp if quad[k] == "fix_first"], key=lambda k: -imp[k])[:3]

print("// shown companies", len(shown), "of", len(sizes))
for t, o in out.items():
    print(f'("{t}", {o["n"]}, {o["r2"]!r}, {o["adj"]!r}, {o["items_n"]}, {o["items_r2"]!r},')
    print("  [" + ", ".join(repr(float(v)) for v in o["beta"]) + "],")
    print("  [" + ", ".join(repr(float(v)) for v in o["p"]) + "],")
    print("  [" + ", ".join(repr(float(v)) for v in o["lmg"]) + "]),")
print("// composite item raw weights (item, raw, performance, quadrant)")
for it in items:
    k = it["id"]
    print(f'("{k}", {comp["raw"].get(k)!r}, {perf[k]!r}, "{quad.get(k)}"),')
print("// revenue_growth_3y raw weights")
print("[" + ", ".join(repr(float(out["revenue_growth_3y"]["raw"][it["id"]])) for it in items) + "]")
print("// fix_first", fix)
