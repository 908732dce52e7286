#!/usr/bin/env python3
"""Independent reference values for `align leaders` (docs/methods.md: outcome
composite, tiers, leaders vs laggards, and "Disclosure control").

Reads the fixture in tests/data/leaders/ with pandas (not with the crate),
recomputes every figure that `align leaders --format json` reports with
numpy / scipy / pingouin / statsmodels, and prints them.

    python3 tests/reference/leaders_reference.py           # readable listing
    python3 tests/reference/leaders_reference.py --rust    # the expectation tables
                                                           # pasted into tests/cli/leaders_reference.rs
    python3 tests/reference/leaders_reference.py --unit    # composites and tiers pasted into
                                                           # the unit tests of src/analysis/outcomes.rs
    python3 tests/reference/leaders_reference.py --write-fixtures
        # (re)writes tests/data/leaders/responses.csv and outcomes.csv from a
        # fixed seed (the instrument, instrument.json, is hand-written)

The fixture (tests/data/leaders/): a 7-point instrument with two dimensions
of three items (one reverse-worded item each), a perception item (not an item
of this analysis), custom column names and role aliases, and three outcomes in
two groups, `sales_cycle_days` lower-is-better. 18 companies answer; the
outcomes come from a separate file (columns in another order, an extra
column) that lacks company `mu` (its respondents report outcomes in the
responses: mean of their non-missing values), overrides the responses'
values for `kappa` (the file wins), has a company `ghost` without respondents
(left out), and gives `omicron` one outcome of three (unclassified: two are
needed). `xi` has 2 respondents: hidden at --anonymity 3, where it enters
nothing (at --anonymity 1 it is classified, as average under the default
scheme). Two companies have identical outcomes and tie at the boundary
between leaders and average under the default scheme; the tie is broken by
company id.

Definitions (docs/methods.md, and the decisions documented in
src/analysis/leaders.rs):

* reverse-coded r' = min + max - r; respondent dimension mean needs ceil(k/2)
  answered items; company dimension score (computed exactly with fractions, so
  that equal scores tie, as the crate treats scores within 1e-9 as tied) = index 100 (m - min)/(max - min) of
  the mean of its respondents' dimension means (--weighting role: of the mean
  of the role means over the roles present);
* company item value = mean of its respondents' reverse-coded answers (scale
  units);
* company outcome = the file's value when the company is in the file,
  otherwise the mean of its respondents' non-missing values; z-scores with the
  sample sd (scipy.stats.zscore ddof=1) over the shown companies with a value, sign
  flipped for lower_is_better; rank = scipy.stats.percentileofscore(kind='mean');
  composite = mean of the available scores when >= ceil(3/2) = 2;
* tiers: aberdeen / quantiles: sort by (-composite, company id), leaders =
  round_half_away(a n), laggards = round_half_away(c n); median: strictly
  above the median composite; all-above-median: above the median of every
  outcome group's mean score;
* per dimension and item, leaders vs laggards (company values): n, mean,
  sd (ddof=1), diff, Hedges' g (pingouin.compute_effsize(eftype='hedges'))
  with the CI g +- z_0.975 sqrt((n1+n2)/(n1 n2) + g^2/(2(n1+n2))) (pingouin's
  compute_esci uses a t quantile, so the CI is computed here),
  scipy.stats.ttest_ind(equal_var=False) (t, df, p),
  scipy.stats.mannwhitneyu(method='asymptotic', use_continuity=True) (the
  leaders' U and p), statsmodels multipletests(method='fdr_bh') over the
  items' Welch p (and separately over the dimensions');
* top-2-box: % of the tier's respondents who answered the item with one of
  the two highest points as worded (raw); lift = leaders / laggards;
* Spearman: scipy.stats.spearmanr of dimension score and composite over the
  classified companies with a score;
* privacy (docs/methods.md, "Disclosure control"): a company with fewer than
  --anonymity N respondents is hidden and enters nothing. Everything above
  (outcome z-scores or percentile ranks, which outcomes have >= 2 values,
  composites, the median composite, tiers, the group medians of
  all-above-median) is computed over the shown companies only, as if the
  hidden ones had not answered; a hidden company has no composite, no tier
  and no unclassified reason, is not counted in tiers.unclassified (which
  counts shown companies without a composite), and is listed as suppressed.
  Tier counts, means/sds, the comparisons, the top-2-box pools and the
  Spearman correlations therefore cover shown companies only. A tier with
  fewer respondents than N would show no mean, sd, top-2-box or diff; as a
  tier is a union of shown companies, that happens only to an empty tier;
* cell thresholds (on top of the above, same N): a shown company's dimension
  score is null when fewer than N of its respondents have a mean on the
  dimension (under both weightings), and its item value when fewer than N of
  its respondents answered the item; such a company is left out of that
  comparison (tier n, mean, sd, tests) and of that Spearman correlation, as
  a company without the figure is. A tier's top-2-box share is null when
  fewer than N of its respondents answered the item (answered_* < N, still
  printed); the lift is then null. Cases: at N = 3 lambda's cad_feedback (2
  answers) is null; the ANON6 case (--anonymity 6) nulls nu's cadence score
  (5 of 6 with a mean), the single leader pi's cad_weekly value and the
  leaders' top-2-box share of cad_weekly (4 answers), among others.
"""

import json
import math
from fractions import Fraction
import os
import sys

import numpy as np
import pandas as pd
import pingouin as pg
from scipy import stats
from statsmodels.stats.multitest import multipletests

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data", "leaders")
ROLES = ["sales", "marketing", "both"]


def norm(s):
    return " ".join(str(s).split()).lower()


def round_half_away(x):
    return int(math.floor(x + 0.5 + 1e-9))


# --------------------------------------------------------------------------
# Fixture generation (deterministic)
# --------------------------------------------------------------------------

COMPANIES = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota",
             "kappa", "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma"]


def write_fixtures():
    inst = load_instrument()
    rng = np.random.default_rng(20240611)
    lo, hi = inst["scale"]["min"], inst["scale"]["max"]
    order = list(COMPANIES)
    rng.shuffle(order)
    quality = {c: rng.normal() for c in COMPANIES}
    sizes = {c: int(rng.integers(3, 7)) for c in COMPANIES}
    sizes["xi"] = 2
    # company outcomes: linear in the latent quality
    true = {}
    for c in COMPANIES:
        q = quality[c]
        true[c] = {
            "bookings_growth": round(6 + 5 * q + rng.normal() * 3, 1),
            "win_rate": round(22 + 4 * q + rng.normal() * 3, 1),
            "sales_cycle_days": round(90 - 12 * q + rng.normal() * 10, 0),
        }
    role_words = {"sales": ["sales", "AE", "Sales"], "marketing": ["marketing", "Mktg"],
                  "both": ["both"]}
    rows = []
    rid = 0
    # company blocks in shuffled order, then interleave a little
    for c in order:
        for k in range(sizes[c]):
            rid += 1
            role = rng.choice(["sales", "marketing", "both"], p=[0.45, 0.45, 0.10])
            u = rng.normal() * 0.4
            row = {"rid": f"r{rid:03d}", "org": c,
                   "function": str(rng.choice(role_words[role]))}
            for it in inst["items"]:
                z = quality[c] + u + rng.normal() * 0.9 + (0.3 if it["dimension"] == "fit" else 0.0)
                r = int(np.clip(round(4.4 + 1.3 * z), lo, hi))
                if it.get("reverse"):
                    r = lo + hi - r
                row[it["column"]] = "" if rng.random() < 0.05 else str(r)
            for p in inst["perception"]:
                row[p["column"]] = str(int(np.clip(round(5.5 + rng.normal()), lo, hi)))
            for o in inst["outcomes"]:
                row[o["column"]] = ""
            if c in ("mu", "kappa"):
                for o in inst["outcomes"]:
                    base = true[c][o["id"]] + (7.0 if c == "kappa" else 0.0)
                    v = round(base + rng.normal() * 1.5, 1)
                    row[o["column"]] = "" if (c == "mu" and k == 1 and o["id"] == "win_rate") else str(v)
            rows.append(row)
    # one respondent answers only one item of "cadence" (no cadence mean)
    for row in rows:
        if row["org"] == "delta":
            row["C2"] = ""
            row["C3"] = ""
            row["C1"] = row["C1"] or "5"
            break
    cols = ["rid", "org", "function"] + [it["column"] for it in inst["items"]] + \
        [p["column"] for p in inst["perception"]] + [o["column"] for o in inst["outcomes"]]
    pd.DataFrame(rows)[cols].to_csv(os.path.join(DATA, "responses.csv"), index=False)

    # the outcomes file: everyone but mu, plus ghost; omicron reports bookings only
    file_vals = {c: dict(true[c]) for c in COMPANIES if c != "mu"}
    file_vals["omicron"] = {"bookings_growth": true["omicron"]["bookings_growth"],
                            "win_rate": None, "sales_cycle_days": None}
    file_vals["ghost"] = {"bookings_growth": 50.0, "win_rate": 40.0, "sales_cycle_days": 10.0}
    # the boundary tie: copy the 3rd company's outcomes onto the 4th (default scheme)
    sv = None
    for _ in range(5):
        write_outcomes(file_vals)
        sv = Survey()
        out = sv.classify("z", "aberdeen")
        ranked = sorted([c for c in sv.companies if out["composite"][c] is not None],
                        key=lambda c: (-out["composite"][c], c))
        third, fourth = ranked[2], ranked[3]
        if out["composite"][third] == out["composite"][fourth]:
            break
        # a company from the file (not mu, which is not in it) takes the
        # third's outcomes and moves up beside it
        third = next(c for c in ranked[2:] if c in file_vals and c != "xi")
        other = next(c for c in ranked[ranked.index(third) + 1:] if c in file_vals and c != "xi")
        file_vals[other] = dict(file_vals[third])
    assert out["composite"][third] == out["composite"][fourth], "no tie at the boundary"
    print("tie at the leader boundary:", third, fourth, file=sys.stderr)


def write_outcomes(file_vals):
    lines = ["org,region,sales_cycle_days,bookings_growth,win_rate"]
    names = sorted(file_vals)
    for c in names:
        v = file_vals[c]

        def f(x):
            return "" if x is None else repr(float(x))
        lines.append(f"{c},EMEA,{f(v['sales_cycle_days'])},{f(v['bookings_growth'])},{f(v['win_rate'])}")
    with open(os.path.join(DATA, "outcomes.csv"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")


# --------------------------------------------------------------------------
# Loading (independent of the crate)
# --------------------------------------------------------------------------

def load_instrument():
    with open(os.path.join(DATA, "instrument.json"), encoding="utf-8") as f:
        return json.load(f)


class Survey:
    def __init__(self):
        inst = self.inst = load_instrument()
        self.lo, self.hi = inst["scale"]["min"], inst["scale"]["max"]
        self.missing = set(inst.get("missing", ["", "NA", "N/A", "-99"]))
        self.labels = {norm(k): v for k, v in inst["scale"].get("labels", {}).items()}
        self.alias = {}
        for r in ROLES:
            for a in inst["roles"].get(r, []):
                self.alias[norm(a)] = r
        self.dims = [d["id"] for d in inst["dimensions"]]
        self.items = inst["items"]
        self.items_of = {d: [it for it in self.items if it["dimension"] == d] for d in self.dims}
        self.outcomes = inst["outcomes"]
        cols = inst["columns"]
        raw = pd.read_csv(os.path.join(DATA, "responses.csv"), dtype=str, keep_default_na=False)
        recs = []
        for _, row in raw.iterrows():
            rec = {"company": row[cols["company"]].strip(),
                   "role": self.alias[norm(row[cols["role"]])]}
            for it in self.items:
                v = self.parse(row[it["column"]])
                rec["raw:" + it["id"]] = np.nan if v is None else float(v)
                if v is not None and it.get("reverse", False):
                    v = self.lo + self.hi - v
                rec[it["id"]] = np.nan if v is None else float(v)
            for d in self.dims:
                vals = [rec[it["id"]] for it in self.items_of[d] if not math.isnan(rec[it["id"]])]
                k = len(self.items_of[d])
                ok = len(vals) >= math.ceil(k / 2)
                rec["dim:" + d] = float(np.mean(vals)) if ok else np.nan
                rec["frac:" + d] = Fraction(int(sum(vals)), len(vals)) if ok else None
            for o in self.outcomes:
                cell = row[o["column"]]
                rec["out:" + o["id"]] = np.nan if cell in self.missing else float(cell)
            recs.append(rec)
        self.df = pd.DataFrame(recs)
        # companies in order of first appearance
        self.companies = list(dict.fromkeys(self.df["company"]))
        self.n = {c: int((self.df["company"] == c).sum()) for c in self.companies}
        ofile = pd.read_csv(os.path.join(DATA, "outcomes.csv"), dtype=str, keep_default_na=False)
        self.file = {}
        for _, row in ofile.iterrows():
            self.file[row[cols["company"]].strip()] = {
                o["id"]: (np.nan if row[o["column"]] in self.missing else float(row[o["column"]]))
                for o in self.outcomes}

    def parse(self, cell):
        if cell in self.missing:
            return None
        key = norm(cell)
        if key in self.labels:
            return self.labels[key]
        v = float(cell)
        assert v == int(v) and self.lo <= v <= self.hi, cell
        return int(v)

    def index(self, m):
        return 100 * (m - self.lo) / (self.hi - self.lo)

    # ---- company values ----
    def dim_score(self, c, d, weighting, anonymity=1):
        # exact rational arithmetic, so that equal scores are exactly equal
        # (tied) whatever the order of the respondents
        sub = self.df[self.df["company"] == c]
        col = "frac:" + d
        exact = lambda vs: sum(vs, Fraction(0)) / len(vs)  # noqa: E731
        # cell threshold: a score that fewer than `anonymity` respondents
        # (with a mean on the dimension) make up is not shown, whatever the
        # weighting, and enters no comparison or correlation
        if sum(1 for x in sub[col] if x is not None) < anonymity:
            return None
        if weighting == "respondent":
            v = [x for x in sub[col] if x is not None]
            return None if not v else float(self.index(exact(v)))
        means = []
        for r in ROLES:
            v = [x for x in sub[sub["role"] == r][col] if x is not None]
            if v:
                means.append(exact(v))
        return None if not means else float(self.index(exact(means)))

    def item_value(self, c, iid, anonymity=1):
        # cell threshold: null when fewer than `anonymity` respondents (and
        # when nobody) of the company answered the item
        v = self.df[self.df["company"] == c][iid].dropna()
        return None if len(v) == 0 or len(v) < anonymity else float(v.mean())

    def outcome_values(self, c):
        if c in self.file:
            return [self.file[c][o["id"]] for o in self.outcomes]
        sub = self.df[self.df["company"] == c]
        out = []
        for o in self.outcomes:
            v = sub["out:" + o["id"]].dropna()
            out.append(np.nan if len(v) == 0 else float(v.mean()))
        return out

    # ---- composite and tiers ----
    def shown(self, c, anonymity):
        """A company is shown when it has at least `anonymity` respondents."""
        return self.n[c] >= anonymity

    def classify(self, method, scheme, anonymity=3):
        """Composites and tiers over the shown companies only: a hidden
        company is not part of the survey here (no value, composite, tier or
        reason; it moves no other company's z-score, rank or tier)."""
        cs = [c for c in self.companies if self.shown(c, anonymity)]
        vals = np.array([self.outcome_values(c) for c in cs], dtype=float)
        std = np.full(vals.shape, np.nan)
        for j, o in enumerate(self.outcomes):
            sign = -1.0 if o["direction"] == "lower_is_better" else 1.0
            x = sign * vals[:, j]
            m = ~np.isnan(x)
            xs = x[m]
            if len(xs) < 2 or np.var(xs) == 0:
                continue
            if method == "z":
                std[m, j] = stats.zscore(xs, ddof=1)
            else:
                std[m, j] = [stats.percentileofscore(xs, v, kind="mean") for v in xs]
        need = math.ceil(len(self.outcomes) / 2)
        composite, reason = {}, {}
        for i, c in enumerate(cs):
            k = int(np.sum(~np.isnan(std[i])))
            if k >= need:
                composite[c] = float(np.nanmean(std[i]))
            else:
                composite[c] = None
                reason[c] = ("no outcomes reported" if np.all(np.isnan(vals[i])) else
                             f"{k} of {len(self.outcomes)} outcomes usable; at least {need} are needed")
        groups = list(dict.fromkeys(o["group"] for o in self.outcomes))
        gscore = {}
        for i, c in enumerate(cs):
            gscore[c] = []
            for g in groups:
                js = [j for j, o in enumerate(self.outcomes) if o["group"] == g]
                v = std[i, js]
                v = v[~np.isnan(v)]
                gscore[c].append(float(v.mean()) if len(v) else None)
        classified = [c for c in cs if composite[c] is not None]
        n = len(classified)
        tier = {c: None for c in self.companies}
        for c in self.companies:
            if c not in composite:  # hidden
                composite[c] = None
                gscore[c] = None
        median = float(np.median([composite[c] for c in classified]))
        if scheme in ("aberdeen",) or scheme.startswith("quantiles:"):
            a, _, cc = (0.2, 0.5, 0.3) if scheme == "aberdeen" else \
                [float(x) for x in scheme.split(":")[1].split(",")]
            n_lead = min(round_half_away(a * n), n)
            n_lag = min(round_half_away(cc * n), n - n_lead)
            ranked = sorted(classified, key=lambda c: (-composite[c], c))
            for r, c in enumerate(ranked):
                tier[c] = "leader" if r < n_lead else ("laggard" if r >= n - n_lag else "average")
        elif scheme == "median":
            for c in classified:
                tier[c] = "leader" if composite[c] > median else "laggard"
        elif scheme == "all-above-median":
            meds = []
            for g in range(len(groups)):
                v = [gscore[c][g] for c in classified if gscore[c][g] is not None]
                meds.append(float(np.median(v)))
            for c in classified:
                ok = all(gscore[c][g] is not None and gscore[c][g] > meds[g] for g in range(len(groups)))
                tier[c] = "leader" if ok else "laggard"
        return {"composite": composite, "tier": tier, "reason": reason, "median": median,
                "std": std, "shown": cs}


# --------------------------------------------------------------------------
# The leaders report
# --------------------------------------------------------------------------

def group(xs, shown):
    n = len(xs)
    mean = float(np.mean(xs)) if n and shown else None
    sd = float(np.std(xs, ddof=1)) if n >= 2 and shown else None
    return {"n": n, "mean": mean, "sd": sd}


def compare(lead, lag, avg, shown):
    out = {"leaders": group(lead, shown["leader"]), "laggards": group(lag, shown["laggard"]),
           "average": group(avg, shown["average"])}
    out["diff"] = (float(np.mean(lead) - np.mean(lag))
                   if shown["leader"] and shown["laggard"] and lead and lag else None)
    n1, n2 = len(lead), len(lag)
    if n1 >= 2 and n2 >= 2:
        g = float(pg.compute_effsize(lead, lag, paired=False, eftype="hedges"))
        # cross-check against the textbook formula
        sp = math.sqrt(((n1 - 1) * np.var(lead, ddof=1) + (n2 - 1) * np.var(lag, ddof=1)) / (n1 + n2 - 2))
        g2 = (np.mean(lead) - np.mean(lag)) / sp * (1 - 3 / (4 * (n1 + n2) - 9))
        assert abs(g - g2) < 1e-12, (g, g2)
        se = math.sqrt((n1 + n2) / (n1 * n2) + g * g / (2 * (n1 + n2)))
        z = stats.norm.ppf(0.975)
        out["hedges_g"] = g
        out["hedges_g_ci95"] = [g - z * se, g + z * se]
        t = stats.ttest_ind(lead, lag, equal_var=False)
        out["welch"] = {"t": float(t.statistic), "df": float(t.df), "p": float(t.pvalue)}
    else:
        out["hedges_g"] = None
        out["hedges_g_ci95"] = None
        out["welch"] = {"t": None, "df": None, "p": None}
    if n1 >= 1 and n2 >= 1:
        mw = stats.mannwhitneyu(lead, lag, alternative="two-sided", method="asymptotic",
                                use_continuity=True)
        out["mann_whitney"] = {"u": float(mw.statistic), "p": float(mw.pvalue)}
    else:
        out["mann_whitney"] = {"u": None, "p": None}
    return out


def bh(ps):
    idx = [i for i, p in enumerate(ps) if p is not None]
    q = [None] * len(ps)
    if idx:
        adj = multipletests([ps[i] for i in idx], method="fdr_bh")[1]
        for i, v in zip(idx, adj):
            q[i] = float(v)
    return q


def leaders(sv, method="z", scheme="aberdeen", weighting="respondent", anonymity=3):
    cl = sv.classify(method, scheme, anonymity)
    tier = cl["tier"]
    members = {t: [c for c in sv.companies if tier[c] == t] for t in ("leader", "average", "laggard")}
    resp = {t: sum(sv.n[c] for c in members[t]) for t in members}
    shown = {t: resp[t] >= anonymity for t in members}
    rep = {"tiers": {t: {"companies": len(members[t]), "respondents": resp[t]} for t in members}}
    # shown companies without a composite (a hidden company is not counted)
    rep["tiers"]["unclassified"] = sum(1 for c in cl["shown"] if cl["composite"][c] is None)
    rep["median_composite"] = cl["median"]
    dims = []
    for d in sv.dims:
        v = {c: sv.dim_score(c, d, weighting, anonymity) for c in sv.companies}
        get = lambda t: [v[c] for c in members[t] if v[c] is not None]  # noqa: E731
        r = compare(get("leader"), get("laggard"), get("average"), shown)
        r["dimension"] = d
        dims.append(r)
    for r, q in zip(dims, bh([r["welch"]["p"] for r in dims])):
        r["q"] = q
    items = []
    top = sv.hi - 1  # two highest points, raw
    for d in sv.dims:
        for it in sv.items_of[d]:
            iid = it["id"]
            v = {c: sv.item_value(c, iid, anonymity) for c in sv.companies}
            get = lambda t: [v[c] for c in members[t] if v[c] is not None]  # noqa: E731
            r = compare(get("leader"), get("laggard"), get("average"), shown)
            r["item"] = iid
            r["text"] = it["text"]
            for t, key in (("leader", "top2_leaders"), ("laggard", "top2_laggards")):
                raw = sv.df[sv.df["company"].isin(members[t])]["raw:" + iid].dropna()
                # cell threshold: a share of fewer than `anonymity` answers
                # is not shown (answered_* still is)
                ok = len(raw) and len(raw) >= anonymity and shown[t]
                r[key] = float(100.0 * (raw >= top).sum() / len(raw)) if ok else None
                r["answered_" + ("leaders" if t == "leader" else "laggards")] = int(len(raw))
            r["lift"] = (r["top2_leaders"] / r["top2_laggards"]
                         if r["top2_leaders"] is not None and r["top2_laggards"] else None)
            items.append(r)
    for r, q in zip(items, bh([r["welch"]["p"] for r in items])):
        r["q"] = q
    corr = []
    for d in sv.dims:
        score = {c: sv.dim_score(c, d, weighting, anonymity) for c in sv.companies}
        pairs = [(score[c], cl["composite"][c]) for c in sv.companies
                 if tier[c] is not None and score[c] is not None]
        x, y = zip(*pairs)
        rho, p = stats.spearmanr(x, y)
        corr.append({"dimension": d, "n": len(pairs), "spearman_rho": float(rho), "p": float(p)})
    comps = []
    for c in sv.companies:
        hidden = not sv.shown(c, anonymity)
        assert not hidden or (cl["composite"][c] is None and tier[c] is None)
        comps.append({"company_id": c, "n": sv.n[c], "suppressed": hidden,
                      "composite": cl["composite"][c], "tier": tier[c]})
    rep.update({"dimensions": dims, "items": items, "correlations": corr, "companies": comps,
                "unclassified": [{"company_id": c, "reason": cl["reason"][c]}
                                 for c in sorted(cl["reason"])]})
    return rep


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------

CASES = [
    # (name, command-line arguments after the fixture, leaders() keywords)
    ("DEFAULT", [], {}),
    ("QUANTILES_RANK_ROLE", ["--scheme", "quantiles:0.25,0.5,0.25", "--composite", "rank",
                             "--weighting", "role"],
     {"scheme": "quantiles:0.25,0.5,0.25", "method": "rank", "weighting": "role"}),
    ("MEDIAN_ANON1", ["--scheme", "median", "--anonymity", "1"],
     {"scheme": "median", "anonymity": 1}),
    ("ALL_ABOVE_MEDIAN", ["--scheme", "all-above-median"], {"scheme": "all-above-median"}),
    # cell thresholds: nu's cadence score (5 of 6 respondents with a mean),
    # company item values of fewer than 6 answers, and the single leader's
    # top-2-box share of cad_weekly (4 answers) are null
    ("ANON6", ["--anonymity", "6"], {"anonymity": 6}),
]

STAT_KEYS = ["diff", "hedges_g"]


def flatten(rep):
    """(path, value) pairs for every figure of the report."""
    out = []

    def add(path, v):
        out.append((path, v))

    for t in ("leader", "average", "laggard"):
        add(f"tiers/{t}/companies", ("int", rep["tiers"][t]["companies"]))
        add(f"tiers/{t}/respondents", ("int", rep["tiers"][t]["respondents"]))
    add("tiers/unclassified", ("int", rep["tiers"]["unclassified"]))
    add("median_composite", rep["median_composite"])

    def block(prefix, r, is_item):
        for g in ("leaders", "laggards", "average"):
            add(f"{prefix}/{g}/n", ("int", r[g]["n"]))
            add(f"{prefix}/{g}/mean", r[g]["mean"])
            add(f"{prefix}/{g}/sd", r[g]["sd"])
        add(f"{prefix}/diff", r["diff"])
        add(f"{prefix}/hedges_g", r["hedges_g"])
        ci = r["hedges_g_ci95"]
        if ci is None:
            add(f"{prefix}/hedges_g_ci95", None)
        else:
            add(f"{prefix}/hedges_g_ci95/0", ci[0])
            add(f"{prefix}/hedges_g_ci95/1", ci[1])
        for k in ("t", "df", "p"):
            add(f"{prefix}/welch/{k}", r["welch"][k])
        for k in ("u", "p"):
            add(f"{prefix}/mann_whitney/{k}", r["mann_whitney"][k])
        add(f"{prefix}/q", r["q"])
        if is_item:
            add(f"{prefix}/text", ("str", r["text"]))
            for k in ("top2_leaders", "top2_laggards", "lift"):
                add(f"{prefix}/{k}", r[k])
            for k in ("answered_leaders", "answered_laggards"):
                add(f"{prefix}/{k}", ("int", r[k]))

    for r in rep["dimensions"]:
        block(f"dimensions[{r['dimension']}]", r, False)
    for r in rep["items"]:
        block(f"items[{r['item']}]", r, True)
    for r in rep["correlations"]:
        add(f"correlations[{r['dimension']}]/n", ("int", r["n"]))
        add(f"correlations[{r['dimension']}]/spearman_rho", r["spearman_rho"])
        add(f"correlations[{r['dimension']}]/p", r["p"])
    for c in rep["companies"]:
        p = f"companies[{c['company_id']}]"
        add(f"{p}/n", ("int", c["n"]))
        add(f"{p}/suppressed", ("bool", c["suppressed"]))
        add(f"{p}/composite", c["composite"])
        add(f"{p}/tier", None if c["tier"] is None else ("str", c["tier"]))
    for u in rep["unclassified"]:
        add(f"unclassified[{u['company_id']}]/reason", ("str", u["reason"]))
    return out


def rust_value(v):
    if v is None:
        return "Null"
    if isinstance(v, tuple):
        kind, x = v
        if kind == "int":
            return f"Int({x})"
        if kind == "bool":
            return f"Bool({'true' if x else 'false'})"
        return "Str(" + json.dumps(x, ensure_ascii=False) + ")"
    return f"Num({float(v)!r})"


def print_rust(sv):
    for name, args, kw in CASES:
        rep = leaders(sv, **kw)
        extra = (" " + " ".join(args)) if args else ""
        print("/// `align leaders responses.csv --instrument instrument.json --outcomes outcomes.csv"
              f"{extra} --format json`")
        print(f"pub const {name}_ARGS: &[&str] = &{json.dumps(args)};")
        print(f"pub const {name}: &[(&str, Exp)] = &[")
        for path, v in flatten(rep):
            print(f"    ({json.dumps(path)}, {rust_value(v)}),")
        print("];\n")


def print_listing(sv):
    for name, args, kw in CASES:
        rep = leaders(sv, **kw)
        print(f"== {name}: {' '.join(args) or '(defaults)'}")
        cl = sv.classify(kw.get("method", "z"), kw.get("scheme", "aberdeen"),
                         kw.get("anonymity", 3))
        for c in sorted(sv.companies, key=lambda c: (cl["composite"][c] is None,
                                                      -(cl["composite"][c] or 0), c)):
            print(f"  {c:8s} n={sv.n[c]} composite={cl['composite'][c]} tier={cl['tier'][c]}"
                  f" outcomes={sv.outcome_values(c)}")
        for r in rep["dimensions"] + rep["items"]:
            key = r.get("dimension") if "item" not in r else r["item"]
            print(f"  {key:10s} L={r['leaders']} G={r['laggards']} diff={r['diff']} g={r['hedges_g']}"
                  f" welch={r['welch']} mw={r['mann_whitney']} q={r['q']}"
                  + (f" top2={r['top2_leaders']}/{r['top2_laggards']} lift={r['lift']}" if "item" in r else ""))
        for r in rep["correlations"]:
            print(f"  rho {r}")
        print()


def unit():
    """Composites for the unit tests in src/analysis/outcomes.rs."""
    rev = [10.0, 4.0, np.nan, 7.5, -2.0, 12.0, 5.0]
    wins = [3.0, 5.0, 1.0, np.nan, 2.0, 6.0, np.nan]
    cycle = [40.0, 55.0, 60.0, 35.0, np.nan, 50.0, np.nan]
    ids = ["a", "b", "c", "d", "e", "f", "g"]
    for method in ("z", "rank"):
        M = []
        for col, sign in ((rev, 1), (wins, 1), (cycle, -1)):
            x = np.array(col) * sign
            m = ~np.isnan(x)
            out = np.full(len(x), np.nan)
            if method == "z":
                out[m] = stats.zscore(x[m], ddof=1)
            else:
                out[m] = [stats.percentileofscore(x[m], v, kind="mean") for v in x[m]]
            M.append(out)
        M = np.vstack(M).T
        print(method)
        comps = {}
        for i, row in enumerate(M):
            k = int(np.sum(~np.isnan(row)))
            comps[ids[i]] = float(np.nanmean(row)) if k >= 2 else None
            print(" ", ids[i], [None if np.isnan(v) else float(v) for v in row], comps[ids[i]])
        cl = [c for c in ids if comps[c] is not None]
        print("  order:", sorted(cl, key=lambda c: (-comps[c], c)),
              "median:", float(np.median([comps[c] for c in cl])))
        if method == "z":
            g1 = {c: np.nanmean(M[i, :2]) for i, c in enumerate(ids) if c in cl}
            g2 = {c: M[i, 2] for i, c in enumerate(ids) if c in cl and not np.isnan(M[i, 2])}
            m1, m2 = np.median(list(g1.values())), np.median(list(g2.values()))
            print("  group medians:", float(m1), float(m2), "all above:",
                  sorted(c for c in cl if g1[c] > m1 and c in g2 and g2[c] > m2))


def main():
    if "--write-fixtures" in sys.argv:
        write_fixtures()
        return
    if "--unit" in sys.argv:
        unit()
        return
    sv = Survey()
    if "--rust" in sys.argv:
        print_rust(sv)
    else:
        print_listing(sv)


if __name__ == "__main__":
    main()
