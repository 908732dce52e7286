#!/usr/bin/env python3
"""Independent reference values for `align compare` (docs/methods.md,
"Survey waves").

Reads two waves written by tests/reference/compare_waves.py (default: the
fixture tests/data/compare/before.csv and after.csv) with pandas, not with
the crate, recomputes the figures `align compare --format json` reports, and
prints them.

    python3 tests/reference/compare_reference.py            # readable listing
    python3 tests/reference/compare_reference.py --rust     # the tables of tests/reference/compare_expected.rs
    python3 tests/reference/compare_reference.py BEFORE AFTER

Definitions (default instrument: 1-5 scale, reverse-worded items mirrored):
* reverse-coded answer r' = 6 - r; offsets r' - 1; a respondent's dimension
  mean needs ceil(k/2) answered items; index = 100 * offset / 4;
* a company is shown in a wave when it has >= 3 respondents (anonymity 3);
  a shown company's dimension score = mean of its respondents' dimension
  means as an index, null when fewer than 3 respondents have one; alignment
  index = mean of the three scores; stage by the alignment index (0, 25, 50,
  75);
* panel = companies shown in both waves; per dimension
  scipy.stats.ttest_ind(after_means, before_means, equal_var=False) with its
  confidence_interval(0.95) (t, df, p, CI), statsmodels
  multipletests(method="fdr_bh") over the panel companies;
* field: over the panel pairs, scipy.stats.ttest_rel(after, before) and
  scipy.stats.wilcoxon(after, before, zero_method="wilcox",
  correction=False, method="approx") (statistic, zstatistic, pvalue); over
  every shown company of each wave, ttest_ind(all_after, all_before,
  equal_var=False);
* items: every respondent of the shown companies pooled per wave: mean
  index; top-2-box = % answering 4 or 5 as worded;
  statsmodels proportions_ztest([x_after, x_before], [n_after, n_before])
  p; BH over the items.
"""
import json
import math
import os
import sys

import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportions_ztest

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
INST = json.load(open(os.path.join(ROOT, "src/instrument/default.json")))
DIMS = [d["id"] for d in INST["dimensions"]]
ITEMS = INST["items"]
ANON = 3


def wave(path):
    df = pd.read_csv(path, dtype={"company_id": str}, keep_default_na=True)
    for it in ITEMS:
        col = df[it["column"]].astype(float)
        coded = 6 - col if it.get("reverse") else col
        df["o_" + it["id"]] = coded - 1
    for d in DIMS:
        cols = ["o_" + i["id"] for i in ITEMS if i["dimension"] == d]
        need = math.ceil(len(cols) / 2)
        answered = df[cols].notna().sum(axis=1)
        m = df[cols].mean(axis=1)
        df["m_" + d] = np.where(answered >= need, 100 * m / 4, np.nan)
    return df


def scores(df):
    out = {}
    for cid, g in df.groupby("company_id"):
        if len(g) < ANON:
            out[cid] = None
            continue
        s = {}
        for d in DIMS:
            x = g["m_" + d].dropna()
            s[d] = x.mean() if len(x) >= ANON else None
        s["alignment_index"] = (
            sum(s[d] for d in DIMS) / len(DIMS) if all(s[d] is not None for d in DIMS) else None
        )
        out[cid] = s
    return out


def bh(ps):
    idx = [i for i, p in enumerate(ps) if p is not None]
    q = [None] * len(ps)
    if idx:
        adj = multipletests([ps[i] for i in idx], method="fdr_bh")[1]
        for i, v in zip(idx, adj):
            q[i] = float(v)
    return q


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    before_path = args[0] if args else os.path.join(ROOT, "tests/data/compare/before.csv")
    after_path = args[1] if len(args) > 1 else os.path.join(ROOT, "tests/data/compare/after.csv")
    b, a = wave(before_path), wave(after_path)
    sb, sa = scores(b), scores(a)
    panel = sorted(c for c in sb if sb[c] is not None and sa.get(c) is not None)
    res = {"panel": {c: {} for c in panel}, "field": {}, "items": []}
    for d in DIMS:
        ps = []
        for c in panel:
            xb = b.loc[b.company_id == c, "m_" + d].dropna().to_numpy()
            xa = a.loc[a.company_id == c, "m_" + d].dropna().to_numpy()
            r = stats.ttest_ind(xa, xb, equal_var=False)
            ci = r.confidence_interval(0.95)
            res["panel"][c][d] = dict(
                before=sb[c][d], after=sa[c][d], change=sa[c][d] - sb[c][d],
                t=float(r.statistic), df=float(r.df), p=float(r.pvalue),
                ci=[float(ci.low), float(ci.high)],
            )
            ps.append(float(r.pvalue))
        for c, q in zip(panel, bh(ps)):
            res["panel"][c][d]["q"] = q
    for k in DIMS + ["alignment_index"]:
        pairs = [(sb[c][k], sa[c][k]) for c in panel if sb[c][k] is not None and sa[c][k] is not None]
        xb = np.array([p[0] for p in pairs])
        xa = np.array([p[1] for p in pairs])
        rel = stats.ttest_rel(xa, xb)
        w = stats.wilcoxon(xa, xb, zero_method="wilcox", correction=False, method="approx")
        all_b = np.array([s[k] for s in sb.values() if s is not None and s[k] is not None])
        all_a = np.array([s[k] for s in sa.values() if s is not None and s[k] is not None])
        we = stats.ttest_ind(all_a, all_b, equal_var=False)
        res["field"][k] = dict(
            n_panel=len(pairs), panel_before=xb.mean(), panel_after=xa.mean(),
            mean_change=(xa - xb).mean(), paired=[float(rel.statistic), float(rel.df), float(rel.pvalue)],
            wilcoxon=[float(w.statistic), float(w.zstatistic), float(w.pvalue)],
            all_before=all_b.mean(), all_after=all_a.mean(),
            welch=[float(we.statistic), float(we.df), float(we.pvalue)],
        )
    shown_b = b[b.company_id.isin([c for c, s in sb.items() if s is not None])]
    shown_a = a[a.company_id.isin([c for c, s in sa.items() if s is not None])]
    ps = []
    for it in ITEMS:
        row = {"item": it["id"]}
        for name, w in (("before", shown_b), ("after", shown_a)):
            raw = w[it["column"]].dropna()
            row["n_" + name] = int(len(raw))
            row[name] = 100 * w["o_" + it["id"]].dropna().mean() / 4
            row["x_" + name] = int((raw >= 4).sum())
            row["top2_" + name] = 100 * row["x_" + name] / len(raw)
        row["change"] = row["after"] - row["before"]
        _, p = proportions_ztest([row["x_after"], row["x_before"]], [row["n_after"], row["n_before"]])
        row["p"] = float(p)
        ps.append(float(p))
        res["items"].append(row)
    for row, q in zip(res["items"], bh(ps)):
        row["q"] = q
    if "--rust" in sys.argv:
        rust(res)
    else:
        print(json.dumps(res, indent=1, default=float))


def rust(res):
    print("// company, dimension: before, after, change, ci low, ci high, t, df, p, q")
    print("#[rustfmt::skip]\npub const PANEL: &[(&str, &str, [f64; 9])] = &[")
    for c, dims in res["panel"].items():
        for d, x in dims.items():
            v = [x["before"], x["after"], x["change"], x["ci"][0], x["ci"][1], x["t"], x["df"], x["p"], x["q"]]
            print(f'    ("{c}", "{d}", [{", ".join(repr(float(y)) for y in v)}]),')
    print("];")
    print("// key: n_panel, panel_before, panel_after, mean_change, paired t, df, p,")
    print("// wilcoxon w, z, p, all_before, all_after, welch t, df, p")
    print("#[rustfmt::skip]\npub const FIELD: &[(&str, [f64; 15])] = &[")
    for k, f in res["field"].items():
        v = [f["n_panel"], f["panel_before"], f["panel_after"], f["mean_change"], *f["paired"],
             *f["wilcoxon"], f["all_before"], f["all_after"], *f["welch"]]
        print(f'    ("{k}", [{", ".join(repr(float(y)) for y in v)}]),')
    print("];")
    print("// item: n_before, n_after, before, after, change, top2_before, top2_after, p, q")
    print("#[rustfmt::skip]\npub const ITEMS: &[(&str, [f64; 9])] = &[")
    for r in res["items"]:
        v = [r["n_before"], r["n_after"], r["before"], r["after"], r["change"], r["top2_before"],
             r["top2_after"], r["p"], r["q"]]
        print(f'    ("{r["item"]}", [{", ".join(repr(float(y)) for y in v)}]),')
    print("];")


if __name__ == "__main__":
    main()
