#!/usr/bin/env python3
"""Independent reference values for `align score` (docs/methods.md).

Reads the fixtures in tests/data/ with pandas (not with the crate), recomputes
every number that `align score --format json` reports, cross-checks the
reliability figures against pingouin, and prints them.

    python3 tests/reference/score_reference.py          # readable listing
    python3 tests/reference/score_reference.py --rust   # the expectation tables
                                                        # pasted into tests/cli/score_reference.rs
    python3 tests/reference/score_reference.py --write-fixtures
        # (re)writes the variants of tests/data/small5/responses.csv used by
        # tests/cli/score_formats.rs (semicolon, tab, BOM, CRLF, labels, Qualtrics
        # 3-row plain and BOM+CRLF, legacy 2-row, Finished in words) and the
        # instrument variants instrument_qualtrics.json / instrument_unreversed.json

Fixtures read: tests/data/small5 (hand-worked, 5-point, 2 dimensions),
tests/data/seven1 (7-point text labels, 1 dimension, no role column),
tests/data/edge (r_wg 0 / 1 / null, a dimension nobody answered, a
one-respondent company, k = 2), small5 with instrument_unreversed.json, and
tests/data/disclosure (small5's items; pooled role figures hidden as parts of
their item, rule 3 below) and tests/data/cells (small5's items; the cell
thresholds, rules 4 to 7 below).

Nothing here imports or runs the crate. The definitions:

* reverse-coded answer r' = min + max - r; index = 100 (m - min) / (max - min);
* respondent dimension mean = mean of the answered (reverse-coded) items of the
  dimension, missing when fewer than ceil(k/2) are answered; a row without any
  dimension mean is excluded (too few answers);
* company score = mean of its respondents' dimension means, as an index
  (`--weighting role`: mean of the role means over the roles that have at
  least one respondent with that dimension mean); alignment index = mean of
  the dimension scores, null unless every dimension has one;
* by_role.<role>.<dim> = index of the mean of that role's dimension means;
  role gap = marketing - sales in index points;
* Cronbach alpha on listwise-complete respondents (all companies pooled,
  hidden ones included), Feldt 95% CI, alpha if item dropped, corrected
  item-total r (rule 7 hides them);
* ICC(1), ICC(2) from the one-way ANOVA of respondent dimension means by
  company (shown companies with >= 2 such respondents), g = mean group size;
* r_wg(J) per company from the sample variances of the items answered by
  >= 2 of its scored respondents (every answer of a scored respondent counts,
  also when that respondent has too few answers for the dimension mean);
  sigma^2_EU = (A^2 - 1) / 12; 0 when s^2 > sigma^2; null below 2 respondents;
  rwg_j_median (and rwg_j_companies, their count) over the shown companies
  where it is shown (rule 4).

Disclosure control (docs/methods.md, "Disclosure control"), with N =
`--anonymity` (default 3), implemented here from the rules, not from the crate:

1. A company with fewer than N respondents is hidden ("suppressed": true, no
   figures) and enters nothing: not the pooled items (n, mean, index, by_role,
   role_gap), not ICC(1)/ICC(2), not the r_wg(J) median, not the count in the
   "r_wg(J) is undefined for k companies" warning. Cronbach's alpha,
   alpha-if-dropped and item-total r are the one exception: they stay over
   every scored respondent.
2. Role groups of a shown company (sales, marketing, both) are parts printed
   beside their company: a role group with 0 < n < N is hidden; then, while
   the company's hidden role groups hold more than 0 and fewer than N
   respondents together, its smallest shown role group is hidden too (ties in
   the order sales, marketing, both). A hidden role group is
   {"suppressed": true}; role_gap needs both sales and marketing shown.
3. Pooled items: the item total (n, mean, index) holds every respondent of the
   shown companies; the role pool of `by_role.<role>` only the respondents of
   shown role groups (of shown companies); "rest" = the respondents of hidden
   role groups of shown companies who answered the item. Per item the pools
   (sizes = answering n of the sales, marketing, both pools) are suppressed as
   parts of the item total by the rule of 2, with the rest counted among the
   hidden respondents. A hidden pool is null; role_gap = marketing - sales
   only when both are shown.

Cell thresholds, on top of 1-3 (a figure of a shown company, role group or
pool that fewer than N respondents answered is not shown):

4. A shown company's dimension score is null when fewer than N of its
   respondents have a mean on that dimension (under both weightings; never
   without one, also at N <= 1). Its alignment index and stage are then null,
   its r_wg(J) on that dimension is null (shown with the score only) and
   enters neither the r_wg(J) median nor rwg_j_companies. Warning per
   dimension: "k compan(y has|ies have) no score on <dim>: fewer than N
   respondents answered at least half of its items" ("no respondent ..." for
   N <= 1), counting every shown company without the score. Such a company
   also leaves the ICC(1)/ICC(2) ANOVA on that dimension.
5. Role cells: for a shown company and dimension d, sizes = respondents of
   each role with a d-mean; a role group hidden by 2 is hidden on d whatever
   its size (counted with its size on d); a role with 0 < size < N on d is
   hidden on d; then the suppression loop of 2 on these sizes (rest 0). When
   the company's d score is null (4) every role cell on d is null. A role
   group shown by 2 keeps {"suppressed": false} with null for its hidden
   dimensions; its alignment_index is null when any dimension is; role_gap on
   d needs both the sales and the marketing cell on d.
6. Pooled items pool only the item cells that are shown: a company whose
   respondents answered an item fewer than N times adds none of those
   answers to the item's total, role pools or rest. An item whose n (the
   answers so pooled) is between 1 and N-1 has mean, index, every by_role
   value and role_gap null (n is printed). Warning, for the items that
   respondents of shown companies answered but whose pooled n is below N:
   "k item(s) (has|have) no pooled figures, since fewer than N respondents
   answered (it|them) in companies where at least N did: <ids>".
7. Cronbach's alpha of a dimension whose n_complete is between 1 and N-1 is
   null, with its CI and every alpha_if_dropped / item_total_r; the one alpha
   warning on it: "Cronbach's alpha for <dim> is hidden: n respondent(s)
   answered all its items, fewer than the anonymity threshold N" (with the
   Greek letter).
"""

import json
import math
import os
import sys

import numpy as np
import pandas as pd
import pingouin as pg
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data")
ROLES = ["sales", "marketing", "both"]


def norm(s):
    return " ".join(str(s).split()).lower()


# --------------------------------------------------------------------------
# Loading (independent of the crate)
# --------------------------------------------------------------------------

class Survey:
    def __init__(self, inst_path, csv_path):
        with open(inst_path, encoding="utf-8") as f:
            self.inst = json.load(f)
        inst = self.inst
        self.lo = inst["scale"]["min"]
        self.hi = inst["scale"]["max"]
        self.labels = {norm(k): v for k, v in inst["scale"].get("labels", {}).items()}
        self.missing = set(inst.get("missing", ["", "NA", "N/A", "-99"]))
        cols = inst["columns"]
        self.col_company = cols["company"]
        self.col_role = cols.get("role")
        self.col_resp = cols.get("respondent")
        self.col_finished = cols.get("finished")
        roles = inst.get("roles", {"sales": ["sales"], "marketing": ["marketing"],
                                   "both": ["both", "sales and marketing"]})
        self.role_alias = {}
        for r in ROLES:
            for a in roles.get(r, []):
                self.role_alias[norm(a)] = r
        self.dims = [d["id"] for d in inst["dimensions"]]
        self.items = inst["items"]
        self.items_of = {d: [it for it in self.items if it["dimension"] == d] for d in self.dims}

        raw = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
        self.rows_read = len(raw)
        self.excluded = []  # (line, reason)
        recs = []
        for i, row in raw.iterrows():
            line = i + 2  # header is line 1, no embedded newlines in fixtures
            if self.col_finished is not None:
                if norm(row[self.col_finished]) not in ("1", "true", "yes"):
                    self.excluded.append((line, "unfinished"))
                    continue
            rec = {"line": line, "company": row[self.col_company].strip()}
            rec["role"] = self.role_alias[norm(row[self.col_role])] if self.col_role else None
            for it in self.items:
                v = self.parse(row[it["column"]])
                if v is not None and it.get("reverse", False):
                    v = self.lo + self.hi - v
                rec[it["id"]] = np.nan if v is None else float(v)
            n_dim = 0
            for d in self.dims:
                vals = [rec[it["id"]] for it in self.items_of[d] if not math.isnan(rec[it["id"]])]
                k = len(self.items_of[d])
                if len(vals) >= math.ceil(k / 2):
                    rec["dim:" + d] = float(np.mean(vals))
                    n_dim += 1
                else:
                    rec["dim:" + d] = np.nan
            if n_dim == 0:
                self.excluded.append((line, "too few answers"))
                continue
            recs.append(rec)
        self.df = pd.DataFrame(recs)
        self.companies = sorted(self.df["company"].unique())

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
        return 100.0 * (m - self.lo) / (self.hi - self.lo)


# --------------------------------------------------------------------------
# Statistics
# --------------------------------------------------------------------------

def cronbach(mat):
    """alpha of an n x k matrix (no missing)."""
    k = mat.shape[1]
    item_var = mat.var(axis=0, ddof=1).sum()
    total_var = mat.sum(axis=1).var(ddof=1)
    if k < 2 or total_var == 0:
        return None
    return k / (k - 1) * (1 - item_var / total_var)


def reliability(sv, d, anonymity=3):
    """alpha and item statistics of dimension d over every scored respondent
    (hidden companies included); hidden (rule 7) when 0 < n_complete < N."""
    ids = [it["id"] for it in sv.items_of[d]]
    comp = sv.df[ids].dropna(axis=0, how="any")
    mat = comp.to_numpy()
    n, k = mat.shape
    a = cronbach(mat) if n >= 2 else None
    ci = None
    if a is not None:
        # pingouin cross-check (give it the complete rows: its CI uses n before dropping)
        pa, pci = pg.cronbach_alpha(data=comp, ci=0.95)
        assert abs(pa - a) < 1e-12, (pa, a)
        df1, df2 = n - 1, (n - 1) * (k - 1)
        lo = 1 - (1 - a) * stats.f.ppf(0.975, df1, df2)
        hi = 1 - (1 - a) * stats.f.ppf(0.025, df1, df2)
        assert abs(round(lo, 3) - pci[0]) < 1e-9 and abs(round(hi, 3) - pci[1]) < 1e-9, (lo, hi, pci)
        ci = [lo, hi]
    items = []
    for j, iid in enumerate(ids):
        others = np.delete(mat, j, axis=1)
        aid = cronbach(others) if others.shape[1] >= 2 and n >= 2 else None
        if aid is not None:
            pad, _ = pg.cronbach_alpha(data=pd.DataFrame(others))
            assert abs(pad - aid) < 1e-12
        rest = others.sum(axis=1)
        if n >= 2 and mat[:, j].std() > 0 and rest.std() > 0:
            r = float(np.corrcoef(mat[:, j], rest)[0, 1])
            assert abs(r - stats.pearsonr(mat[:, j], rest)[0]) < 1e-12
        else:
            r = None
        items.append({"item": iid, "alpha_if_dropped": aid, "item_total_r": r})
    hidden = 0 < n < anonymity
    if hidden:
        a, ci = None, None
        items = [{"item": it["item"], "alpha_if_dropped": None, "item_total_r": None}
                 for it in items]
    return {"alpha": a, "alpha_ci95": ci, "n_complete": n, "k": k, "items": items,
            "hidden": hidden}


def icc(sv, d, shown, anonymity):
    """One-way ANOVA of the respondent dimension means by company, over the
    shown companies (rule 1) with at least 2 such respondents."""
    col = "dim:" + d
    sub = sv.df[sv.df["company"].isin(shown)][["company", col]].dropna()
    sizes = sub.groupby("company").size()
    # a company whose score on d is hidden (fewer than N respondents with a
    # d mean, rule 4) leaves the ANOVA too
    keep = sizes[(sizes >= 2) & (sizes >= anonymity)].index
    sub = sub[sub["company"].isin(keep)]
    G = len(keep)
    N = len(sub)
    grand = sub[col].mean()
    groups = [g[col].to_numpy() for _, g in sub.groupby("company")]
    ssb = sum(len(g) * (g.mean() - grand) ** 2 for g in groups)
    ssw = sum(((g - g.mean()) ** 2).sum() for g in groups)
    if G < 2 or N - G < 1:
        return {"icc1": None, "icc2": None, "msb": None, "msw": None, "G": G, "N": N, "gbar": None}
    msb = ssb / (G - 1)
    msw = ssw / (N - G)
    gbar = N / G
    if msw > 0:
        # cross-check MSB/MSW with scipy's one-way ANOVA F
        F, _ = stats.f_oneway(*groups)
        assert abs(F - msb / msw) < 1e-9
    den1 = msb + (gbar - 1) * msw
    icc1 = (msb - msw) / den1 if den1 > 0 else None
    icc2 = (msb - msw) / msb if msb > 0 else None
    return {"icc1": icc1, "icc2": icc2, "msb": msb, "msw": msw, "G": G, "N": N, "gbar": gbar}


def rwg(sv, company, d):
    sub = sv.df[sv.df["company"] == company]
    if len(sub) < 2:
        return None
    A = sv.hi - sv.lo + 1
    sigma2 = (A * A - 1) / 12.0
    variances = []
    for it in sv.items_of[d]:
        vals = sub[it["id"]].dropna().to_numpy()
        if len(vals) >= 2:
            variances.append(vals.var(ddof=1))
    J = len(variances)
    if J == 0:
        return None
    s2 = float(np.mean(variances))
    if s2 > sigma2:
        return 0.0
    x = J * (1 - s2 / sigma2)
    return x / (x + s2 / sigma2)


def stage_for(sv, idx):
    best = None
    for st in sv.inst.get("stages", []):
        if st["min"] <= idx and (best is None or st["min"] >= best["min"]):
            best = st
    return None if best is None else best["name"]


# --------------------------------------------------------------------------
# Disclosure control (docs/methods.md, "Disclosure control")
# --------------------------------------------------------------------------

def hide_parts(sizes, rest, threshold, forced=None):
    """Which parts printed beside their total may be shown.

    sizes: respondents per part (sales, marketing, both); rest: respondents in
    the total but in no printed part. Returns one state per part: "absent"
    (nobody), "shown", "small" (0 < n < threshold) or "complementary" (hidden
    so that the hidden respondents, with the rest, are none or at least
    `threshold`: the smallest shown part goes first, ties in part order).
    forced: parts hidden already by another decision (a role group the
    company-level plan hides, seen on one dimension: rule 5); such a part
    with respondents counts among the hidden ones whatever its size."""
    forced = forced or [False] * len(sizes)
    state = []
    for n, f in zip(sizes, forced):
        state.append("absent" if n == 0 else "small" if n < threshold
                     else "complementary" if f else "shown")

    def hidden_total():
        return rest + sum(n for n, st in zip(sizes, state) if st in ("small", "complementary"))

    while 0 < hidden_total() < threshold:
        candidates = sorted((sizes[i], i) for i, st in enumerate(state) if st == "shown")
        if not candidates:
            break
        state[candidates[0][1]] = "complementary"
    return state


def disclosure(sv, anonymity):
    """{company: {"n", "shown", "roles": {role: state} or None}} (rules 1, 2)."""
    out = {}
    for c in sv.companies:
        sub = sv.df[sv.df["company"] == c]
        n = len(sub)
        shown = n >= anonymity
        roles = None
        if sv.col_role:
            sizes = [int((sub["role"] == r).sum()) for r in ROLES]
            if shown:
                states = hide_parts(sizes, 0, anonymity)
            else:
                states = ["absent" if k == 0 else "small" for k in sizes]
            roles = dict(zip(ROLES, states))
        out[c] = {"n": n, "shown": shown, "roles": roles}
    return out


def company_block(sv, c, plan, weighting, anonymity=3):
    sub = sv.df[sv.df["company"] == c]
    n = len(sub)
    n_by_role = {r: int((sub["role"] == r).sum()) for r in ROLES} if sv.col_role else None
    out = {"company_id": c, "n": n, "n_by_role": n_by_role,
           "roles_plan": plan[c]["roles"]}
    # scores and r_wg computed regardless (for the readable listing); nulled
    # and left out of every statistic when the company is hidden
    scores = {}
    n_dim = {}
    for d in sv.dims:
        col = "dim:" + d
        vals = sub[col].dropna()
        n_dim[d] = len(vals)
        # rule 4: a score that fewer than N respondents have a mean on is
        # not shown, under either weighting (and never without one)
        if len(vals) == 0 or len(vals) < anonymity:
            scores[d] = None
            continue
        if weighting == "respondent":
            scores[d] = sv.index(vals.mean())
        else:
            role_means = [sub[sub["role"] == r][col].dropna().mean() for r in ROLES
                          if len(sub[sub["role"] == r][col].dropna()) > 0]
            scores[d] = sv.index(float(np.mean(role_means)))
    ai = None if any(scores[d] is None for d in sv.dims) else float(np.mean([scores[d] for d in sv.dims]))
    scores["alignment_index"] = ai
    out["n_dim"] = n_dim
    rw = {d: rwg(sv, c, d) for d in sv.dims}
    out["rwg_all"] = rw
    if not plan[c]["shown"]:
        out.update({"suppressed": True, "scores": None, "stage": None, "by_role": None,
                    "role_gap": None, "rwg_j": None})
        return out
    out["suppressed"] = False
    out["scores"] = scores
    out["stage"] = None if ai is None else stage_for(sv, ai)
    # r_wg(J) is shown with the dimension's score only
    out["rwg_j"] = {d: (rw[d] if scores[d] is not None else None) for d in sv.dims}
    if not sv.col_role:
        return out
    # rule 5: which role groups' scores are shown on each dimension
    cells = {}
    for d in sv.dims:
        col = "dim:" + d
        if scores[d] is None:
            cells[d] = {r: False for r in ROLES}
            continue
        sizes = [int(sub[sub["role"] == r][col].notna().sum()) for r in ROLES]
        forced = [plan[c]["roles"][r] != "shown" for r in ROLES]
        states = hide_parts(sizes, 0, anonymity, forced)
        cells[d] = {r: st == "shown" for r, st in zip(ROLES, states)}
    out["cells"] = cells
    by_role = {}
    for r in ROLES:
        rs = sub[sub["role"] == r]
        state = plan[c]["roles"][r]
        if state == "absent":
            continue
        if state != "shown":
            by_role[r] = {"suppressed": True}
            continue
        b = {"suppressed": False}
        for d in sv.dims:
            v = rs["dim:" + d].dropna()
            b[d] = sv.index(v.mean()) if len(v) and cells[d][r] else None
        b["alignment_index"] = (None if any(b[d] is None for d in sv.dims)
                                else float(np.mean([b[d] for d in sv.dims])))
        by_role[r] = b
    out["by_role"] = by_role
    gap = {}
    shown = lambda r: r in by_role and not by_role[r]["suppressed"]
    for d in sv.dims:
        if shown("sales") and shown("marketing") and by_role["sales"][d] is not None \
                and by_role["marketing"][d] is not None:
            gap[d] = by_role["marketing"][d] - by_role["sales"][d]
        else:
            gap[d] = None
    out["role_gap"] = gap
    return out


def items_block(sv, plan, anonymity):
    """Pooled item figures over the shown companies (rule 1). A role's pool
    holds the respondents of its shown role groups; those of hidden role
    groups are in the item's total only (the rest), and the pools are
    suppressed as parts of that total (rule 3)."""
    shown = [c for c in sv.companies if plan[c]["shown"]]
    df = sv.df[sv.df["company"].isin(shown)]
    if sv.col_role:
        pool = [r if plan[c]["roles"][r] == "shown" else "rest"
                for c, r in zip(df["company"], df["role"])]
        df = df.assign(pool=pool)
    out = []
    for it in sv.items:
        # a company's answers to an item that fewer than N of its respondents
        # answered (its item cell is hidden) are pooled nowhere
        answering = df[df[it["id"]].notna()].groupby("company").size()
        cells = answering[answering >= anonymity].index
        v = df[df["company"].isin(cells)][it["id"]].dropna()
        # rule 6: answered in the shown companies, but too few answers pooled
        few = df[it["id"]].notna().any() and len(v) < anonymity
        m = float(v.mean()) if len(v) and not few else None
        rec = {"item": it["id"], "dimension": it["dimension"], "n": len(v), "few": few,
               "mean": m, "index": None if m is None else sv.index(m)}
        if sv.col_role:
            answered = df[df[it["id"]].notna() & df["company"].isin(cells)]
            sizes = [int((answered["pool"] == r).sum()) for r in ROLES]
            rest = int((answered["pool"] == "rest").sum())
            states = dict(zip(ROLES, hide_parts(sizes, rest, anonymity)))
            br = {}
            for r in ROLES:
                rv = answered[answered["pool"] == r][it["id"]]
                br[r] = (sv.index(float(rv.mean())) if states[r] == "shown" and not few
                         else None)
            rec["by_role"] = br
            rec["pools"] = {"sizes": dict(zip(ROLES, sizes)), "rest": rest, "states": states}
            rec["role_gap"] = (None if br["sales"] is None or br["marketing"] is None
                               else br["marketing"] - br["sales"])
        out.append(rec)
    return out


def warnings_expected(plan, anonymity):
    """The warnings whose wording docs/methods.md fixes: hidden companies
    (rule 1) and r_wg(J) undefined for shown companies below 2 respondents
    (those of the cell thresholds: cell_warnings).
    (stem, full sentence or None when no such warning is expected)."""
    hidden = sorted(c for c in plan if not plan[c]["shown"])
    k = len(hidden)
    companies = None
    if k:
        names = ", ".join(hidden) if k <= 5 else ", ".join(hidden[:5]) + f", \u2026 ({k} in all)"
        companies = (f"{k} {'company has' if k == 1 else 'companies have'} fewer than {anonymity} "
                     f"respondents and {'is' if k == 1 else 'are'} hidden: left out of "
                     f"company-level statistics and pooled figures ({names})")
    single = sum(1 for c in plan if plan[c]["shown"] and plan[c]["n"] < 2)
    rwg_w = None
    if single:
        rwg_w = (f"r_wg(J) is undefined for {single} compan{'y' if single == 1 else 'ies'} "
                 "with fewer than 2 respondents")
    out = [("hidden: left out of company-level statistics", companies),
           ("r_wg(J) is undefined for", rwg_w)]
    return out


def cell_warnings(sv, res, anonymity):
    """The warnings of the cell thresholds (rules 4, 6, 7): shown companies
    without a score on a dimension, items with no pooled figures, hidden
    alphas. (stem, full sentence or None.)"""
    out = []
    why = ("no respondent" if anonymity <= 1 else f"fewer than {anonymity} respondents")
    for d in sv.dims:
        k = sum(1 for c in res["companies"] if not c["suppressed"] and c["scores"][d] is None)
        out.append((f"no score on {d}:",
                    None if not k else
                    f"{k} compan{'y has' if k == 1 else 'ies have'} no score on {d}: {why} "
                    "answered at least half of its items"))
    few = [it["item"] for it in res["items"] if it["few"]]
    k = len(few)
    out.append(("in companies where at least",
                None if not k else
                f"{k} {'item has' if k == 1 else 'items have'} no pooled figures, since fewer "
                f"than {anonymity} respondents answered {'it' if k == 1 else 'them'} in "
                f"companies where at least {anonymity} did: {', '.join(few)}"))
    for d, r in res["reliability"].items():
        n = r["n_complete"]
        # hidden: the one alpha warning on d; otherwise: no "is hidden" one
        out.append((f"Cronbach's \u03b1 for {d} is" + ("" if r["hidden"] else " hidden"),
                    None if not r["hidden"] else
                    f"Cronbach's \u03b1 for {d} is hidden: {n} respondent{'' if n == 1 else 's'} "
                    f"answered all its items, fewer than the anonymity threshold {anonymity}"))
    return out


def score(sv, anonymity=3, weighting="respondent"):
    plan = disclosure(sv, anonymity)
    shown = [c for c in sv.companies if plan[c]["shown"]]
    res = {
        "instrument": {"name": sv.inst["name"], "version": sv.inst["version"]},
        "input": {"rows_read": sv.rows_read, "rows_scored": len(sv.df),
                  "rows_excluded": len(sv.excluded), "exclusions": sv.excluded,
                  "companies": len(sv.companies)},
        "dimensions": [{"id": d["id"], "label": d["label"],
                        "items": [it["id"] for it in sv.items_of[d["id"]]]}
                       for d in sv.inst["dimensions"]],
        # the one exception to rule 1: alpha over every scored respondent
        "reliability": {d: reliability(sv, d, anonymity) for d in sv.dims},
        "companies": [company_block(sv, c, plan, weighting, anonymity) for c in sv.companies],
        "items": items_block(sv, plan, anonymity),
        "warnings": warnings_expected(plan, anonymity),
    }
    agg = {}
    for d in sv.dims:
        ic = icc(sv, d, shown, anonymity)
        # over the shown companies whose r_wg(J) is shown (with their score)
        defined = [c["rwg_j"][d] for c in res["companies"]
                   if not c["suppressed"] and c["rwg_j"][d] is not None]
        agg[d] = {"icc1": ic["icc1"], "icc2": ic["icc2"],
                  "rwg_j_median": float(np.median(defined)) if defined else None,
                  "rwg_j_companies": len(defined), "_anova": ic}
    res["aggregation"] = agg
    res["warnings"] += cell_warnings(sv, res, anonymity)
    return res


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------

def fmt(v):
    return "null" if v is None else repr(float(v)) if isinstance(v, float) else repr(v)


def expectations(res, sv, dims_scores_only=False):
    """Flatten into (path, kind, value) triples; path syntax understood by the Rust helper:
    segments split by '/', `name[key]` selects the element of array `name` whose
    company_id / item equals key."""
    e = []

    def num(path, v):
        e.append((path, "null" if v is None else "num", v))

    if not dims_scores_only:
        e.append(("instrument/name", "str", res["instrument"]["name"]))
        e.append(("instrument/version", "str", res["instrument"]["version"]))
        for k in ("rows_read", "rows_scored", "rows_excluded", "companies"):
            e.append(("input/" + k, "int", res["input"][k]))
        for d, r in res["reliability"].items():
            p = "reliability/" + d
            num(p + "/alpha", r["alpha"])
            if r["alpha_ci95"] is None:
                e.append((p + "/alpha_ci95", "null", None))
            else:
                num(p + "/alpha_ci95/0", r["alpha_ci95"][0])
                num(p + "/alpha_ci95/1", r["alpha_ci95"][1])
            e.append((p + "/n_complete", "int", r["n_complete"]))
            e.append((p + "/k", "int", r["k"]))
            for it in r["items"]:
                num(f"{p}/items[{it['item']}]/alpha_if_dropped", it["alpha_if_dropped"])
                num(f"{p}/items[{it['item']}]/item_total_r", it["item_total_r"])
        for d, a in res["aggregation"].items():
            p = "aggregation/" + d
            num(p + "/icc1", a["icc1"])
            num(p + "/icc2", a["icc2"])
            num(p + "/rwg_j_median", a["rwg_j_median"])
            e.append((p + "/rwg_j_companies", "int", a["rwg_j_companies"]))
        for it in res["items"]:
            p = f"items[{it['item']}]"
            e.append((p + "/dimension", "str", it["dimension"]))
            e.append((p + "/n", "int", it["n"]))
            num(p + "/mean", it["mean"])
            num(p + "/index", it["index"])
            if "by_role" in it:
                for r in ROLES:
                    num(f"{p}/by_role/{r}", it["by_role"][r])
                num(p + "/role_gap", it["role_gap"])
    for c in res["companies"]:
        p = f"companies[{c['company_id']}]"
        e.append((p + "/n", "int", c["n"]))
        if c["n_by_role"] is not None and not dims_scores_only:
            for r in ROLES:
                e.append((f"{p}/n_by_role/{r}", "int_or_absent_if_zero", c["n_by_role"][r]))
        e.append((p + "/suppressed", "bool", c["suppressed"]))
        if c["suppressed"]:
            for k in ("scores", "stage", "by_role", "role_gap", "rwg_j"):
                e.append((p + "/" + k, "null", None))
            continue
        for d in sv.dims + ["alignment_index"]:
            num(f"{p}/scores/{d}", c["scores"][d])
        if "stages" in sv.inst:
            e.append((p + "/stage", "null" if c["stage"] is None else "str", c["stage"]))
        if dims_scores_only:
            continue
        for d in sv.dims:
            num(f"{p}/rwg_j/{d}", c["rwg_j"][d])
        if not sv.col_role:
            continue
        for r in ROLES:
            if c["n_by_role"][r] == 0:
                e.append((f"{p}/by_role/{r}", "absent", None))
                continue
            b = c["by_role"][r]
            e.append((f"{p}/by_role/{r}/suppressed", "bool", b["suppressed"]))
            if b["suppressed"]:
                for d in sv.dims + ["alignment_index"]:
                    e.append((f"{p}/by_role/{r}/{d}", "absent", None))
            else:
                for d in sv.dims + ["alignment_index"]:
                    num(f"{p}/by_role/{r}/{d}", b[d])
        for d in sv.dims:
            num(f"{p}/role_gap/{d}", c["role_gap"][d])
    return e


def rust_table(name, exps):
    lines = ["#[rustfmt::skip]", f"pub const {name}: &[(&str, Exp)] = &["]
    for path, kind, v in exps:
        if kind == "num":
            val = f"Exp::Num({float(v)!r})"
        elif kind == "null":
            val = "Exp::Null"
        elif kind == "absent":
            val = "Exp::Absent"
        elif kind == "bool":
            val = f"Exp::Bool({'true' if v else 'false'})"
        elif kind == "int":
            val = f"Exp::Int({v})"
        elif kind == "int_or_absent_if_zero":
            val = f"Exp::Count({v})"
        elif kind == "str":
            val = f"Exp::Str({json.dumps(v)})"
        lines.append(f"    ({json.dumps(path)}, {val}),")
    lines.append("];")
    return "\n".join(lines)


def rust_warnings(name, warnings):
    """(stem, the one warning containing it, or None: no warning contains it)."""
    lines = ["#[rustfmt::skip]", f"pub const {name}: &[(&str, Option<&str>)] = &["]
    for stem, w in warnings:
        val = "None" if w is None else f"Some({json.dumps(w, ensure_ascii=False)})"
        lines.append(f"    ({json.dumps(stem, ensure_ascii=False)}, {val}),")
    lines.append("];")
    return "\n".join(lines)


def readable(title, res, sv):
    print(f"==== {title} ====")
    print("input:", {k: v for k, v in res["input"].items()})
    for d, r in res["reliability"].items():
        ci = r["alpha_ci95"] or [None, None]
        print(f"reliability {d}: alpha={fmt(r['alpha'])} ci95=[{fmt(ci[0])}, "
              f"{fmt(ci[1])}] n_complete={r['n_complete']} k={r['k']}")
        for it in r["items"]:
            print(f"    {it['item']}: alpha_if_dropped={fmt(it['alpha_if_dropped'])} "
                  f"item_total_r={fmt(it['item_total_r'])}")
    for d, a in res["aggregation"].items():
        an = a["_anova"]
        print(f"aggregation {d}: icc1={fmt(a['icc1'])} icc2={fmt(a['icc2'])} "
              f"rwg_j_median={fmt(a['rwg_j_median'])}  (MSB={fmt(an['msb'])} MSW={fmt(an['msw'])} "
              f"G={an['G']} N={an['N']} g={fmt(an['gbar'])})")
    for c in res["companies"]:
        print(f"company {c['company_id']}: n={c['n']} n_by_role={c['n_by_role']} "
              f"suppressed={c['suppressed']} roles={c['roles_plan']}")
        print(f"    rwg_j (computed even when hidden) = { {d: fmt(v) for d, v in c['rwg_all'].items()} }")
        if not c["suppressed"]:
            print(f"    scores = { {d: fmt(v) for d, v in c['scores'].items()} } stage={c['stage']}")
            if c.get("by_role") is not None:
                for r, b in c["by_role"].items():
                    print(f"    by_role {r} = { {k: (v if isinstance(v, bool) else fmt(v)) for k, v in b.items()} }")
                print(f"    role_gap = { {d: fmt(v) for d, v in c['role_gap'].items()} }")
    for it in res["items"]:
        extra = ""
        if "by_role" in it:
            extra = (f" by_role={ {r: fmt(v) for r, v in it['by_role'].items()} } "
                     f"role_gap={fmt(it['role_gap'])} pools={it['pools']}")
        print(f"item {it['item']} ({it['dimension']}): n={it['n']} mean={fmt(it['mean'])} "
              f"index={fmt(it['index'])}{extra}")
    for stem, w in res["warnings"]:
        print(f"warning [{stem}]: {w}")
    print()


# --------------------------------------------------------------------------
# Layout variants of small5 for tests/cli/score_formats.rs (--write-fixtures)
# --------------------------------------------------------------------------

LABEL_TEXT = {"1": "Strongly disagree", "2": "disagree", "3": " Neutral", "4": "AGREE",
              "5": "strongly  agree"}

QUESTION_TEXT_FR = {
    "resp": "Identifiant du répondant", "firm": "Entreprise", "dept": "Votre service",
    "q_u1": "Nous sommes d'accord sur le profil client idéal.",
    "q_u2": "Nous partageons une définition du « lead » prêt pour la vente.",
    "q_u3": "Ventes et marketing décrivent notre valeur différemment.",
    "q_t1": "Nous nous réunissons régulièrement, en forums communs.",
    "q_t2": "Chaque équipe garde l'information pour elle.",
    "q_t3": "Les ventes relancent vite les leads du marketing.",
    "notes": "Remarques",
    "ResponseID": "ResponseID", "ResponseSet": "ResponseSet", "StartDate": "StartDate",
    "EndDate": "EndDate", "Finished": "Finished",
}

QUESTION_TEXT_EN = {
    "resp": "Respondent id", "firm": "Company", "dept": "Which team are you in? - Selected Choice",
    "q_u1": "How much do you agree? - We agree on the ideal customer profile.",
    "q_u2": "How much do you agree? - We share one definition of a sales-ready lead.",
    "q_u3": "How much do you agree? - Sales and marketing describe our value differently.",
    "q_t1": "How much do you agree? - We meet regularly, in joint forums.",
    "q_t2": "How much do you agree? - Information is hoarded by each team.",
    "q_t3": "How much do you agree? - Sales follows up marketing leads promptly.",
    "notes": "Anything else you want to tell us?",
}

QUALTRICS_META = [
    ("StartDate", "Start Date", '{"ImportId":"startDate","timeZone":"America/Denver"}'),
    ("EndDate", "End Date", '{"ImportId":"endDate","timeZone":"America/Denver"}'),
    ("Status", "Response Type", '{"ImportId":"status"}'),
    ("IPAddress", "IP Address", '{"ImportId":"ipAddress"}'),
    ("Progress", "Progress", '{"ImportId":"progress"}'),
    ("Duration (in seconds)", "Duration (in seconds)", '{"ImportId":"duration"}'),
    ("Finished", "Finished", '{"ImportId":"finished"}'),
    ("RecordedDate", "Recorded Date", '{"ImportId":"recordedDate","timeZone":"America/Denver"}'),
    ("ResponseId", "Response ID", '{"ImportId":"_recordId"}'),
    ("UserLanguage", "User Language", '{"ImportId":"userLanguage"}'),
]
QUALTRICS_QID = {"resp": '{"ImportId":"resp"}', "firm": '{"ImportId":"firm"}',
                 "dept": '{"ImportId":"QID1"}', "q_u1": '{"ImportId":"QID2_1"}',
                 "q_u2": '{"ImportId":"QID2_2"}', "q_u3": '{"ImportId":"QID2_3"}',
                 "q_t1": '{"ImportId":"QID3_1"}', "q_t2": '{"ImportId":"QID3_2"}',
                 "q_t3": '{"ImportId":"QID3_3"}', "notes": '{"ImportId":"QID4_TEXT"}'}


def write_format_fixtures():
    import csv
    d = os.path.join(DATA, "small5")
    with open(os.path.join(d, "responses.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]

    def write(name, rows_, delimiter=",", bom=False, crlf=False):
        with open(os.path.join(d, name), "w", newline="", encoding="utf-8") as f:
            if bom:
                f.write("\ufeff")
            w = csv.writer(f, delimiter=delimiter, lineterminator="\r\n" if crlf else "\n")
            w.writerows(rows_)

    write("responses_semicolon.csv", rows, delimiter=";")
    write("responses_tab.tsv", rows, delimiter="\t")
    write("responses_bom.csv", rows, bom=True)
    write("responses_crlf.csv", rows, crlf=True)
    item_cols = [it["column"] for it in json.load(open(os.path.join(d, "instrument.json")))["items"]]
    lab = [header] + [[LABEL_TEXT.get(v, v) if header[j] in item_cols else v
                       for j, v in enumerate(r)] for r in body]
    write("responses_labels.csv", lab)

    # Qualtrics 3-row export: header, question text, ImportId; one unfinished
    # response (Finished = 0) inserted after r05.
    q_header = [m[0] for m in QUALTRICS_META] + header
    q_text = [m[1] for m in QUALTRICS_META] + [QUESTION_TEXT_EN[h] for h in header]
    q_ids = [m[2] for m in QUALTRICS_META] + [QUALTRICS_QID[h] for h in header]
    out = [q_header, q_text, q_ids]
    for i, r in enumerate(body):
        meta = ["2024-03-%02d 09:%02d:00" % (i + 1, i), "2024-03-%02d 09:%02d:41" % (i + 1, i + 5),
                "IP Address", "10.0.0.%d" % (i + 1), "100", str(300 + 7 * i), "1",
                "2024-03-%02d 09:%02d:42" % (i + 1, i + 5), "R_%04dAbCdEf" % (i + 1), "EN"]
        out.append(meta + r)
        if r[0] == "r05":
            meta = ["2024-03-30 10:00:00", "2024-03-30 10:02:00", "IP Address", "10.0.0.99", "40",
                    "120", "0", "2024-04-06 10:02:00", "R_9999Unfin", "EN"]
            out.append(meta + ["r99", "acme", "Sales", "1", "1", "5", "", "", "", ""])
    write("qualtrics_3row.csv", out)
    # as Qualtrics actually saves it: UTF-8 with BOM, CRLF line endings
    write("qualtrics_3row_bom_crlf.csv", out, bom=True, crlf=True)

    # Legacy 2-row export: header, then question text (French), no ImportId row.
    l_header = ["ResponseID", "ResponseSet", "StartDate", "EndDate", "Finished"] + header
    l_text = [QUESTION_TEXT_FR[h] for h in l_header]
    out = [l_header, l_text]
    for i, r in enumerate(body):
        out.append(["R_%04dLegacy" % (i + 1), "Default Response Set", "2019-05-%02d 08:00:00" % (i + 1),
                    "2019-05-%02d 08:07:00" % (i + 1), "1"] + r)
    write("qualtrics_legacy_2row.csv", out)

    # Plain CSV with a Finished column in words: finished rows say 1/TRUE/Yes/true,
    # three inserted unfinished rows say 0 / false / No.
    fin_words = ["1", "TRUE", "Yes", "true"]
    unfinished = {"r04": ["r90", "acme", "Marketing", "5", "5", "1", "5", "1", "5", "", "0"],
                  "r11": ["r91", "globex", "sales", "1", "1", "5", "1", "5", "1", "", "false"],
                  "r17": ["r92", "umbrella", "Both", "2", "2", "2", "2", "2", "2", "", "No"]}
    out = [header + ["Finished"]]
    for i, r in enumerate(body):
        if r[0] in unfinished:
            out.append(unfinished[r[0]])
        out.append(r + [fin_words[i % len(fin_words)]])
    write("responses_finished_words.csv", out)

    inst = json.load(open(os.path.join(d, "instrument.json")))
    for it in inst["items"]:
        it["reverse"] = False
    inst["name"] = "Small5 hand-worked survey, reverse flags forgotten"
    with open(os.path.join(d, "instrument_unreversed.json"), "w", encoding="utf-8") as f:
        json.dump(inst, f, indent=2, ensure_ascii=False)
        f.write("\n")

    inst = json.load(open(os.path.join(d, "instrument.json")))
    inst["columns"]["finished"] = "Finished"
    with open(os.path.join(d, "instrument_qualtrics.json"), "w", encoding="utf-8") as f:
        json.dump(inst, f, indent=2, ensure_ascii=False)
        f.write("\n")


def main():
    rust = "--rust" in sys.argv
    if "--write-fixtures" in sys.argv:
        write_format_fixtures()
        print("wrote the small5 layout variants in tests/data/small5/")
        return
    small5 = Survey(os.path.join(DATA, "small5", "instrument.json"),
                    os.path.join(DATA, "small5", "responses.csv"))
    seven1 = Survey(os.path.join(DATA, "seven1", "instrument.json"),
                    os.path.join(DATA, "seven1", "responses.csv"))
    unrev = Survey(os.path.join(DATA, "small5", "instrument_unreversed.json"),
                   os.path.join(DATA, "small5", "responses.csv"))
    edge = Survey(os.path.join(DATA, "edge", "instrument.json"),
                  os.path.join(DATA, "edge", "responses.csv"))
    disc = Survey(os.path.join(DATA, "disclosure", "instrument.json"),
                  os.path.join(DATA, "disclosure", "responses.csv"))
    cells = Survey(os.path.join(DATA, "cells", "instrument.json"),
                   os.path.join(DATA, "cells", "responses.csv"))
    runs = [
        ("SMALL5_DEFAULT", "small5, --anonymity 3 (default), --weighting respondent",
         small5, score(small5), False),
        ("SMALL5_ROLE_WEIGHTING", "small5, --weighting role (company scores, alignment index, stage only)",
         small5, score(small5, weighting="role"), True),
        ("SMALL5_ANONYMITY_1", "small5, --anonymity 1 (every group shown)",
         small5, score(small5, anonymity=1), False),
        ("SMALL5_ANONYMITY_4", "small5, --anonymity 4 (n = 4 is shown; every role group is hidden)",
         small5, score(small5, anonymity=4), False),
        ("SMALL5_UNREVERSED", "small5 with instrument_unreversed.json (u3r and t2r not reversed)",
         unrev, score(unrev), False),
        ("SEVEN1_DEFAULT", "seven1, defaults", seven1, score(seven1), False),
        ("EDGE_DEFAULT", "edge, defaults", edge, score(edge), False),
        ("EDGE_ANONYMITY_1", "edge, --anonymity 1", edge, score(edge, anonymity=1), False),
        ("DISCLOSURE_DEFAULT", "disclosure, defaults (tiny hidden; gamma's sales hidden beside "
         "its 1 both; pooled roles hidden as parts of their item: u2 sales (tie), u3r "
         "marketing, t1 both (beside 1 hidden answer))", disc, score(disc), False),
        ("DISCLOSURE_ANONYMITY_1", "disclosure, --anonymity 1 (every group shown)",
         disc, score(disc, anonymity=1), False),
        ("CELLS_DEFAULT", "cells, defaults (echo: teamwork from 2 respondents, no score; "
         "delta: both 2 on teamwork hides sales there too (tie with marketing); t1 answered "
         "by 2: no pooled figures; teamwork alpha from 2 complete respondents: hidden)",
         cells, score(cells), False),
        ("CELLS_ROLE_WEIGHTING", "cells, --weighting role (company scores, alignment index, "
         "stage only)", cells, score(cells, weighting="role"), True),
        ("CELLS_ANONYMITY_1", "cells, --anonymity 1 (every group and cell shown)",
         cells, score(cells, anonymity=1), False),
    ]
    if rust:
        print("// Generated by `python3 tests/reference/score_reference.py --rust`.")
        for name, title, sv, res, only in runs:
            print(f"// {title}")
            print(f"// exclusions (line, reason): {res['input']['exclusions']}")
            print(rust_table(name, expectations(res, sv, only)))
            print(rust_warnings(name + "_WARNINGS", res["warnings"]))
            print()
    else:
        for name, title, sv, res, only in runs:
            readable(title, res, sv)


if __name__ == "__main__":
    main()
