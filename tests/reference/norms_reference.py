#!/usr/bin/env python3
"""Independent reference values for `align norms` and `align benchmark`.

Reads the fixtures in tests/data/norms/ with pandas (not with the crate) and
recomputes what `align norms --format json` stores and what
`align benchmark --format json` reports:

    python3 tests/reference/norms_reference.py          # readable listing
    python3 tests/reference/norms_reference.py --rust > tests/reference/norms_expected.rs
        # the expectation tables used by tests/cli/norms_benchmark.rs

Fixtures: tests/data/norms/instrument.json (7-point scale, two dimensions of
four items with one reverse-worded item each, roles, three outcomes, one of
them lower-is-better), reference.csv (14 companies, two of them with only two
respondents), reference_outcomes.csv (one row per company), benchmark.csv
(four new companies, "Twin" = a copy of reference company C0011's answers,
"Tiny" with two respondents).

Definitions (docs/methods.md and the `align norms` README section):

* reverse-coded answer r' = min + max - r; respondent dimension mean = mean of
  the answered items, missing below ceil(k/2) answers; company score = mean
  of the respondent dimension means as an index 100 (m - min) / (max - min);
  alignment index = mean of the dimension scores (all needed);
* company item mean = mean of the reverse-coded answers (raw scale);
* disclosure control (docs/methods.md, "Disclosure control"): a company
  with fewer than N = `--anonymity` respondents (default 3) is hidden and
  enters nothing. The norms use the shown companies only (the others are
  counted in "left_out"); per dimension the sorted scores, mean, sample sd
  and median; per item the mean and sample sd of the company item means
  (company figures are totals over all of a company's respondents: role
  groups are not printed here, so their suppression changes nothing);
* cell thresholds (same N): a shown company's dimension score is null when
  fewer than N of its respondents have a mean on the dimension (its
  alignment index then null too), and its mean of an item is null when
  fewer than N of its respondents answered the item. A company without a
  figure counts as a company without it everywhere: it is not in that
  dimension's (or the alignment index's) norm distribution or that item's
  norm mean and sd, nor in its tier's mean of it, and in the benchmark its
  percentile is null and a null company mean (or comparison mean) gives a
  null gap, which is never a priority. In reference.csv, C0006 (cl_lead,
  cl_stages), C0012 (cl_icp, cl_lead, tw_hoard) and C0014 (tw_content) have
  items answered by fewer than 3 (C0006 and C0012 in the "average" tier,
  C0014 in the "laggard" tier); in the
  benchmark at --anonymity 6, Acme and Globex have item means from 5;
* tiers among the norm companies only: z-scores of each outcome across them
  (sample sd, sign flipped for lower_is_better), composite = mean of the
  available z-scores (at least ceil(3/2) = 2); aberdeen: best first, ties by
  id, top round(0.2 n) leaders, bottom round(0.3 n) laggards (half away from
  zero); tier means = means over the tier's companies that have the figure;
* benchmark: a company under the threshold is listed as suppressed, without
  figures, and named in the warning "<k> compan(y has|ies have) fewer than
  <N> respondents and (is|are) hidden: left out of company-level statistics
  and pooled figures (<ids sorted, up to 5, then ", … (k in all)">)";
  percentile = scipy.stats.percentileofscore(norm scores, score,
  kind="mean") (= 100 (below + equal / 2) / n); gap = leader mean - company
  mean per item (without tiers: the norms' item mean - company mean);
  priorities = the five largest positive gaps, ties in item order. The
  benchmark's own --anonymity (3, and 6 for BENCHMARK_ANONYMITY_6, against
  the same norms built at 3) decides which of its companies and cells show.
"""

import json
import math
import os
import sys

import numpy as np
import pandas as pd
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data", "norms")
ANONYMITY = 3


def load_instrument():
    with open(os.path.join(DATA, "instrument.json"), encoding="utf-8") as f:
        return json.load(f)


INST = load_instrument()
LO, HI = INST["scale"]["min"], INST["scale"]["max"]
DIMS = [d["id"] for d in INST["dimensions"]]
ITEMS = INST["items"]
ITEM_IDS = [i["id"] for i in ITEMS]
COMPANY = INST["columns"]["company"]


def read_survey(name):
    df = pd.read_csv(os.path.join(DATA, name), dtype=str, keep_default_na=False)
    coded = pd.DataFrame(index=df.index)
    for it in ITEMS:
        raw = df[it["column"]].map(lambda s: np.nan if s.strip() in INST["missing"] else float(s))
        coded[it["id"]] = (LO + HI - raw) if it.get("reverse") else raw
    coded["company"] = df[COMPANY]
    return coded


def company_figures(coded, threshold=ANONYMITY):
    """{company: (n, {dim: score}, alignment, {item: mean})}, file order.
    Cell thresholds: a score is None when fewer than `threshold` of the
    company's respondents have a mean on the dimension, an item mean when
    fewer than `threshold` answered the item (never without one)."""
    need_n = max(threshold, 1)
    out = {}
    for comp, g in coded.groupby("company", sort=False):
        dims = {}
        for d in DIMS:
            cols = [i["id"] for i in ITEMS if i["dimension"] == d]
            need = math.ceil(len(cols) / 2)
            answered = g[cols].notna().sum(axis=1)
            resp = g[cols].mean(axis=1)[answered >= need]
            dims[d] = float(100 * (resp.mean() - LO) / (HI - LO)) if len(resp) >= need_n else None
        vals = list(dims.values())
        ai = float(np.mean(vals)) if all(v is not None for v in vals) else None
        items = {i: (float(g[i].mean()) if g[i].notna().sum() >= need_n else None)
                 for i in ITEM_IDS}
        out[comp] = (len(g), dims, ai, items)
    return out


def present_mean(values):
    v = [x for x in values if x is not None]
    return float(np.mean(v)) if v else None


def round_half_away(x):
    return int(math.floor(x + 0.5 + 1e-9))


def tiers(companies):
    oc = pd.read_csv(os.path.join(DATA, "reference_outcomes.csv"), dtype={COMPANY: str})
    oc = oc.set_index(COMPANY).loc[companies]
    z = pd.DataFrame(index=oc.index)
    for o in INST["outcomes"]:
        x = oc[o["column"]].astype(float)
        if o["direction"] == "lower_is_better":
            x = -x
        z[o["id"]] = (x - x.mean()) / x.std(ddof=1)
    need = math.ceil(len(INST["outcomes"]) / 2)
    comp = z.mean(axis=1)[z.notna().sum(axis=1) >= need]
    order = sorted(comp.index, key=lambda c: (-comp[c], c))
    n = len(order)
    n_lead = round_half_away(0.2 * n)
    n_lag = min(round_half_away(0.3 * n), n - n_lead)
    tier = {}
    for r, c in enumerate(order):
        tier[c] = "leader" if r < n_lead else ("laggard" if r >= n - n_lag else "average")
    return tier


def norms(with_tiers=True):
    figs = company_figures(read_survey("reference.csv"))
    inc = {c: f for c, f in figs.items() if f[0] >= ANONYMITY}
    out = {"companies": len(inc), "left_out": len(figs) - len(inc), "dimensions": {}, "items": {}}
    for key in DIMS + ["alignment_index"]:
        s = sorted(
            (f[1][key] if key != "alignment_index" else f[2])
            for f in inc.values()
            if (f[1].get(key) if key != "alignment_index" else f[2]) is not None
        )
        out["dimensions"][key] = {
            "scores": s,
            "mean": float(np.mean(s)),
            "sd": float(np.std(s, ddof=1)),
            "median": float(np.median(s)),
        }
    for i in ITEM_IDS:
        v = [f[3][i] for f in inc.values() if f[3][i] is not None]
        out["items"][i] = {"mean": float(np.mean(v)), "sd": float(np.std(v, ddof=1))}
    out["tiers"] = None
    if with_tiers:
        t = tiers(list(inc))
        out["tiers"] = {}
        for name in ["leader", "average", "laggard"]:
            members = [inc[c] for c in inc if t.get(c) == name]
            # over the tier's companies that have the figure
            dims = {d: present_mean(m[1][d] for m in members) for d in DIMS}
            dims["alignment_index"] = present_mean(m[2] for m in members)
            items = {i: present_mean(m[3][i] for m in members) for i in ITEM_IDS}
            out["tiers"][name] = {"n": len(members), "dimensions": dims, "items": items,
                                  "companies": sorted(c for c in inc if t.get(c) == name)}
    return out


def hidden_warning(threshold):
    """The benchmark's warning naming the companies of benchmark.csv hidden at
    `threshold`, or None."""
    figs = company_figures(read_survey("benchmark.csv"))
    hidden = sorted(c for c, f in figs.items() if f[0] < threshold)
    k = len(hidden)
    if not k:
        return None
    names = ", ".join(hidden) if k <= 5 else ", ".join(hidden[:5]) + f", \u2026 ({k} in all)"
    return (f"{k} {'company has' if k == 1 else 'companies have'} fewer than {threshold} "
            f"respondents and {'is' if k == 1 else 'are'} hidden: left out of "
            f"company-level statistics and pooled figures ({names})")


def benchmark(nm, threshold=ANONYMITY):
    """The benchmark of benchmark.csv at `--anonymity threshold` (the norms'
    own threshold does not matter here): hidden companies, and the cell
    thresholds on the shown ones' scores and item means."""
    figs = company_figures(read_survey("benchmark.csv"), threshold)
    out = {}
    for comp, (n, dims, ai, items) in sorted(figs.items()):
        if n < threshold:
            out[comp] = None
            continue
        rows = {}
        for key in DIMS + ["alignment_index"]:
            score = ai if key == "alignment_index" else dims[key]
            d = nm["dimensions"][key]
            rows[key] = {
                "score": score,
                "percentile": (None if score is None else
                               float(stats.percentileofscore(d["scores"], score, kind="mean"))),
                "norm_median": d["median"],
                "leader_mean": nm["tiers"]["leader"]["dimensions"][key] if nm["tiers"] else None,
            }
        gaps = []
        for k, i in enumerate(ITEM_IDS):
            ref = nm["tiers"]["leader"]["items"][i] if nm["tiers"] else nm["items"][i]["mean"]
            gap = None if items[i] is None or ref is None else float(ref - items[i])
            gaps.append((i, items[i], ref, gap))
        prio = sorted((g for g in gaps if g[3] is not None and g[3] > 1e-9),
                      key=lambda g: (-round(g[3] * 1e9), ITEM_IDS.index(g[0])))
        out[comp] = {"n": n, "dimensions": rows, "items": gaps, "priorities": [g[0] for g in prio[:5]]}
    return out


def rust(nm, bm, bm_avg, bm6):
    f = lambda x: "None" if x is None else f"Some({x!r})"
    print("//! Expected values for tests/cli/norms_benchmark.rs, generated by")
    print("//! `python3 tests/reference/norms_reference.py --rust` (do not edit by hand).")
    print("//! Benchmark rows: (key, score, percentile, norm median, leader mean);")
    print("//! items: (item, company mean, comparison mean, gap); None = null (a")
    print("//! figure fewer respondents than the threshold answered, and what rests on it).")
    print()
    print("/// (key, score, percentile, norm median, leader mean).")
    print("pub type DimRow = (&'static str, Option<f64>, Option<f64>, f64, Option<f64>);")
    print("/// (item, company mean, comparison mean, gap).")
    print("pub type ItemRow = (&'static str, Option<f64>, Option<f64>, Option<f64>);")
    print()
    print("pub struct Expected {")
    print("    pub company: &'static str,")
    print("    pub n: u64,")
    print("    pub dims: &'static [DimRow],")
    print("    pub items: &'static [ItemRow],")
    print("    pub priorities: &'static [&'static str],")
    print("}")
    print()
    print("pub const NORM_DISTRIBUTIONS: &[(&str, &[f64], f64, f64, f64)] = &[")
    for k, d in nm["dimensions"].items():
        print(f"    (\"{k}\", &{d['scores']!r}, {d['mean']!r}, {d['sd']!r}, {d['median']!r}),")
    print("];")
    # the fixtures give every norm item and tier figure a value
    assert all(d["mean"] is not None for d in nm["items"].values())
    assert all(v is not None for t in nm["tiers"].values()
               for part in ("dimensions", "items") for v in t[part].values())
    print("pub const NORM_ITEMS: &[(&str, f64, f64)] = &[")
    for k, d in nm["items"].items():
        print(f"    (\"{k}\", {d['mean']!r}, {d['sd']!r}),")
    print("];")
    print("/// (tier, companies, dimension means, item means).")
    print("pub type Tier = (&'static str, usize, &'static [(&'static str, f64)], &'static [(&'static str, f64)]);")
    print("pub const TIERS: &[Tier] = &[")
    for name, t in nm["tiers"].items():
        dims = ", ".join(f"(\"{k}\", {v!r})" for k, v in t["dimensions"].items())
        items = ", ".join(f"(\"{k}\", {v!r})" for k, v in t["items"].items())
        print(f"    (\"{name}\", {t['n']}, &[{dims}], &[{items}]),")
    print("];")
    print("/// (anonymity, the benchmark's warning on the companies of benchmark.csv it hides).")
    print("pub const BENCHMARK_HIDDEN: &[(u64, &str)] = &[")
    for t in (3, 6):
        print(f"    ({t}, {json.dumps(hidden_warning(t), ensure_ascii=False)}),")
    print("];")
    for const, b in [("BENCHMARK", bm), ("BENCHMARK_NO_TIERS", bm_avg),
                     ("BENCHMARK_ANONYMITY_6", bm6)]:
        print(f"pub const {const}: &[Expected] = &[")
        for comp, e in b.items():
            if e is None:
                continue
            dims = ", ".join(
                f"(\"{k}\", {f(v['score'])}, {f(v['percentile'])}, {v['norm_median']!r}, {f(v['leader_mean'])})"
                for k, v in e["dimensions"].items()
            )
            items = ", ".join(f"(\"{i}\", {f(m)}, {f(r)}, {f(g)})" for i, m, r, g in e["items"])
            prio = ", ".join(f"\"{p}\"" for p in e["priorities"])
            print(f"    Expected {{ company: \"{comp}\", n: {e['n']}, dims: &[{dims}],")
            print(f"        items: &[{items}],")
            print(f"        priorities: &[{prio}] }},")
        print("];")


def main():
    nm = norms(True)
    bm = benchmark(nm)
    bm_avg = benchmark(norms(False))
    bm6 = benchmark(nm, 6)
    if "--rust" in sys.argv:
        rust(nm, bm, bm_avg, bm6)
        return
    print(f"norms: {nm['companies']} companies, {nm['left_out']} left out")
    for k, d in nm["dimensions"].items():
        print(f"  {k}: median {d['median']:.4f}, mean {d['mean']:.4f}, sd {d['sd']:.4f}, n {len(d['scores'])}")
    for name, t in nm["tiers"].items():
        print(f"  {name}: {t['n']} {t['companies']}")
    for t in (3, 6):
        print(f"benchmark warning at --anonymity {t}: {hidden_warning(t)}")
    for comp, e in bm.items():
        if e is None:
            print(f"{comp}: hidden")
            continue
        print(f"{comp} ({e['n']} respondents)")
        for k, v in e["dimensions"].items():
            print(f"  {k}: score {v['score']:.3f}, percentile {v['percentile']:.2f}, median {v['norm_median']:.3f}, leaders {v['leader_mean']:.3f}")
        print(f"  priorities: {e['priorities']}")
        print(f"  without tiers: {bm_avg[comp]['priorities']}")
    print("benchmark at --anonymity 6 (norms at 3):")
    for comp, e in bm6.items():
        if e is None:
            print(f"{comp}: hidden")
            continue
        nulls = [i for i, m, r, g in e["items"] if m is None]
        print(f"{comp}: item means from fewer than 6 respondents (null): {nulls}; "
              f"priorities {e['priorities']}")


if __name__ == "__main__":
    main()
