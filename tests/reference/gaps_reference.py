#!/usr/bin/env python3
"""Independent reference values for `align gaps` (docs/methods.md, including
"Disclosure control").

Reads the fixture in tests/data/gaps/ with pandas (not with the crate),
recomputes every figure that `align gaps --format json` reports and prints
them.

    python3 tests/reference/gaps_reference.py                  # readable listing
    python3 tests/reference/gaps_reference.py --rust           # the expectation tables
                                                               # pasted into tests/cli/gaps_reference.rs
    python3 tests/reference/gaps_reference.py --write-fixtures # (re)writes tests/data/gaps/

Fixtures: tests/data/gaps/ (written by --write-fixtures: a 7-point
instrument with planted edge cases, see tests/cli/gaps_reference.rs),
tests/data/gaps/cells/ (written by --write-fixtures from the hand-written
CELLS rows below: cell thresholds and near-equal ties) and
tests/data/gaps/binary/ (a yes/no 0-1 scale with one dimension; its CSVs were
made once with `align generate --instrument tests/data/gaps/binary/instrument.json
--companies 16 --seed 5 --min-respondents 2 --max-respondents 7 -o
tests/data/gaps/binary/responses.csv --outcomes tests/data/gaps/binary/outcomes.csv`;
only the data come from the crate, every figure below is computed here).

Nothing here imports or runs the crate. Statistics come from scipy
(spearmanr, norm), statsmodels (proportions_ztest, multipletests fdr_bh).
The definitions follow docs/methods.md and the decisions recorded in
src/analysis/gaps.rs:

* disclosure control (docs/methods.md, "Disclosure control"): a company with
  fewer than --anonymity N scored respondents is hidden and enters nothing:
  not the outcome z-scores / ranks, composites and median, the perception
  and alignment figures, quadrants, shares, correlations, nor the
  disconnect's pools or n_by_role; everything below is over the shown
  companies as if the hidden ones had not answered;

* answers: labels matched case- and space-insensitively, missing tokens,
  reverse-coded r' = min + max - r for scoring; top-2-box on the raw answer
  (as worded): raw >= max - 1;
* a row is scored when it has at least one dimension mean (ceil(k/2) answered
  items); excluded rows count nowhere else;
* respondent group mean (dimension or the perception items as one group),
  company mean of those (`--weighting role`: mean of the role means over the
  roles with at least one such respondent), index 100 (m - min) / (max - min);
  alignment index = mean of the dimension indexes, all needed;
* outcomes: the outcomes file wins for the companies it lists (blank = missing),
  otherwise the mean of the scored respondents' values; z-scores across the
  shown companies of the responses (sample sd, sign flipped for lower_is_better),
  an outcome with < 2 values or no variance is left out; `rank`: mean
  percentile rank (percentileofscore kind='mean'); composite = mean of the
  available standardized values when at least ceil(m/2) are available;
  median over the classified companies; above = composite > median strictly;
* perceived aligned = perception index >= threshold (1e-9 tolerance, which the
  fixture does not need: its boundary values are exact);
* quadrants and shares over companies with a perception index and a
  composite (without outcomes: every company with a perception index);
  share_perceived_below_median over the perceived-aligned companies among them;
* Spearman rho pairwise-complete per pair of figures, Fisher-z 95% CI
  tanh(atanh(r) +- z_.975 / sqrt(n - 3));
* disconnect: respondents of the shown companies pooled per role (sales,
  marketing, both) for each item, perception item and statement; n_sales /
  n_marketing / n_both count those who answered. The three pools are parts of
  one total, so: a pool with 0 < n < N is hidden; then, while the hidden
  pools hold more than 0 and fewer than N respondents together, the smallest
  pool still shown is hidden too (ties: sales, marketing, both) -- see
  suppress_parts. A hidden (or empty) pool's % is null; gap_pp and p exist
  only when sales and marketing are both shown; p from the pooled
  two-proportion z test (null when the pooled proportion is 0 or 1, i.e. both
  roles at 0% or both at 100%); BH over the rows with p; sorted by |gap|
  descending, ties in instrument order, rows without a gap last;
* cell thresholds (same N, both weightings): a shown company's dimension
  index is null when fewer than N of its respondents have a mean on that
  dimension (so its alignment index is null), and its perception index when
  fewer than N have a perception mean; the company is then left out of
  every figure that needs the missing index (quadrants, shares, measured
  comparison, correlations), as a company without it already is;
* ties (rule 4): before the perception part, within each of the perception
  index, the alignment index and the composite over the shown companies,
  near-equal values are made equal (snap(): walking the sorted values, a
  value within 1e-9 * max(|previous|, 1) of the previous one joins its run,
  and the run takes its smallest value). The snapped values give the
  Spearman ranks, the median composite and the median split (quadrants and
  companies[].above_median), the threshold comparisons and the
  overconfidence summaries; companies[] prints the figures unsnapped. A
  constant figure (after snapping) has no Spearman rho, p or CI. In the
  gaps/ and binary/ fixtures no two values are near-equal without being
  equal (nothing is snapped); gaps/cells/ is built to have two such pairs;
* n_by_role: scored respondents of the shown companies per role;
* companies: hidden ones (figures null, listed last by id); the others by
  overconfidence descending, null last, ties by id.
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

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data", "gaps")
ROLES = ["sales", "marketing", "both"]


def norm(s):
    return " ".join(str(s).split()).lower()


# --------------------------------------------------------------------------
# Fixture
# --------------------------------------------------------------------------

LABELS = {
    "Strongly disagree": 1, "Disagree": 2, "Somewhat disagree": 3,
    "Neither agree nor disagree": 4, "Somewhat agree": 5, "Agree": 6,
    "Strongly agree": 7,
}

INSTRUMENT = {
    "name": "Revenue team pulse",
    "version": "2.3",
    "scale": {"min": 1, "max": 7, "labels": LABELS},
    "missing": ["", "NA", "Prefer not to say"],
    "columns": {"respondent": "rid", "company": "org", "role": "function", "finished": None},
    "roles": {"sales": ["Sales", "AE", "SDR"], "marketing": ["Marketing", "Demand gen"],
              "both": ["RevOps"]},
    "dimensions": [
        {"id": "fit", "label": "Market fit"},
        {"id": "teamwork", "label": "Teamwork"},
    ],
    "items": [
        {"id": "f_icp", "column": "Q_f1", "dimension": "fit",
         "text": "We agree on who our ideal customer is."},
        {"id": "f_value", "column": "Q_f2", "dimension": "fit",
         "text": "We tell customers the same value story."},
        {"id": "f_guess", "column": "Q_f3", "dimension": "fit",
         "text": "Each team guesses what the other thinks a good lead is.", "reverse": True},
        {"id": "t_forum", "column": "Q_t1", "dimension": "teamwork",
         "text": "We meet as one revenue team every week."},
        {"id": "t_silo", "column": "Q_t2", "dimension": "teamwork",
         "text": "We only talk when something has gone wrong.", "reverse": True},
    ],
    "perception": [
        {"id": "p_aligned", "column": "P1", "text": "Our sales and marketing teams are aligned."},
        {"id": "p_together", "column": "P2", "text": "Sales and marketing work well together."},
    ],
    "statements": [
        {"id": "s_mkt_buyers", "column": "S1", "text": "Marketing understands our buyers."},
        {"id": "s_sales_qualifies", "column": "S2",
         "text": "Sales qualifies opportunities well."},
        {"id": "s_pipeline_call", "column": "S3",
         "text": "Both teams attend the weekly pipeline call."},
    ],
    "outcomes": [
        {"id": "growth", "column": "growth_pct", "label": "Revenue growth", "unit": "%",
         "direction": "higher_is_better", "group": "growth"},
        {"id": "churn", "column": "churn_pct", "label": "Customer churn", "unit": "%",
         "direction": "lower_is_better", "group": "health"},
    ],
}

# (company, size); k02 gets one more row that is excluded (no item answered).
SIZES = [("k01", 5), ("k02", 5), ("k03", 3), ("k04", 4), ("k05", 4), ("k06", 3),
         ("k07", 5), ("k08", 4), ("k09", 3), ("k10", 6), ("k11", 3), ("k12", 4),
         ("k13", 2), ("k14", 3)]
# Companies with a RevOps ("both") respondent: 4 in all.
BOTH_IN = {"k01", "k07", "k10", "k12"}

OUTCOMES_FILE = [  # org, growth_pct, churn_pct ("" = missing)
    ("k01", "12.5", "4.0"), ("k02", "3.0", "9.5"), ("k03", "8.0", "6.0"),
    ("k04", "15.0", "3.5"), ("k05", "7.0", "6.0"), ("k06", "7.0", "6.0"),
    ("k07", "-2.0", "11.0"), ("k08", "10.0", "5.0"), ("k09", "", ""),
    ("k10", "9.0", ""), ("k11", "5.5", "7.5"), ("k12", "11.0", "4.5"),
    ("k13", "6.0", "8.0"), ("k99", "20.0", "1.0"),
]
# k14 is not in the outcomes file: its respondents report growth (7.0 on average).
K14_GROWTH = ["6.5", "7.5", ""]


def write_fixtures():
    rng = np.random.default_rng(20240611)
    os.makedirs(DATA, exist_ok=True)
    inst = INSTRUMENT
    with open(os.path.join(DATA, "instrument.json"), "w", encoding="utf-8") as f:
        json.dump(inst, f, indent=2, ensure_ascii=False)
        f.write("\n")
    no_perc = dict(inst, name="Revenue team pulse, no perception items", perception=[])
    with open(os.path.join(DATA, "instrument_no_perception.json"), "w", encoding="utf-8") as f:
        json.dump(no_perc, f, indent=2, ensure_ascii=False)
        f.write("\n")
    no_out = dict(inst, name="Revenue team pulse, no outcomes", outcomes=[])
    with open(os.path.join(DATA, "instrument_no_outcomes.json"), "w", encoding="utf-8") as f:
        json.dump(no_out, f, indent=2, ensure_ascii=False)
        f.write("\n")
    no_roles = dict(inst, name="Revenue team pulse, no roles",
                    columns=dict(inst["columns"], role=None))
    with open(os.path.join(DATA, "instrument_no_roles.json"), "w", encoding="utf-8") as f:
        json.dump(no_roles, f, indent=2, ensure_ascii=False)
        f.write("\n")
    neither = dict(inst, name="Revenue team pulse, neither", perception=[],
                   columns=dict(inst["columns"], role=None))
    with open(os.path.join(DATA, "instrument_neither.json"), "w", encoding="utf-8") as f:
        json.dump(neither, f, indent=2, ensure_ascii=False)
        f.write("\n")

    label_of = {v: k for k, v in LABELS.items()}

    def cell(v):
        """An answer as a number or a label in some case/spacing."""
        if v is None:
            return ["", "NA", "Prefer not to say"][int(rng.integers(3))]
        style = int(rng.integers(4))
        if style == 0:
            return str(v)
        lab = label_of[v]
        if style == 1:
            return lab.lower()
        if style == 2:
            return lab.upper()
        return "  " + lab.replace(" ", "  ") + " "

    def clip(x):
        return int(min(7, max(1, round(x))))

    sales_alias = ["Sales", "ae", "SDR"]
    mkt_alias = ["Marketing", "demand gen", "DEMAND GEN"]
    header = ["rid", "org", "function", "Q_f1", "Q_f2", "Q_f3", "Q_t1", "Q_t2",
              "P1", "P2", "S1", "S2", "S3", "growth_pct"]
    rows = []
    rid = 0
    for company, size in SIZES:
        a = float(rng.normal())
        roles = []
        for i in range(size):
            if company in BOTH_IN and i == size - 1:
                roles.append("both")
            else:
                roles.append("sales" if (i + len(company)) % 2 == 0 else "marketing")
        for i, role in enumerate(roles):
            rid += 1
            u = float(rng.normal(0, 0.4))
            shift = {"sales": 0.0, "marketing": 0.5, "both": 0.25}[role]
            ans = {}
            for col in ["Q_f1", "Q_f2", "Q_t1"]:
                ans[col] = clip(4.4 + 1.1 * (a + u + (shift if col == "Q_t1" else 0)
                                              + rng.normal(0, 0.8)))
            for col in ["Q_f3", "Q_t2"]:  # reverse-worded: written mirrored
                ans[col] = 8 - clip(4.4 + 1.1 * (a + u + (shift if col == "Q_t2" else 0)
                                                  + rng.normal(0, 0.8)))
            for col in ["P1", "P2"]:
                ans[col] = clip(5.7 + 0.35 * a + u + 0.2 * shift + rng.normal(0, 0.7))
            own = {"sales": (-0.6, 0.6), "marketing": (0.6, -0.6), "both": (0.0, 0.0)}[role]
            ans["S1"] = clip(4.6 + 0.5 * a + own[0] * 1.5 + rng.normal(0, 0.9))
            ans["S2"] = clip(4.6 + 0.5 * a + own[1] * 1.5 + rng.normal(0, 0.9))
            ans["S3"] = clip(6.0 + 0.5 * a + rng.normal(0, 0.6))
            # Planted cells.
            if role == "sales":
                ans["S1"] = min(ans["S1"], 5)  # no sales respondent agrees: 0%
            if role in ("sales", "marketing"):
                ans["S3"] = max(ans["S3"], 6)  # everyone agrees: 100%, p undefined
            if company == "k03":  # perception index exactly 75
                ans["P1"], ans["P2"] = 6, 5
            if company == "k04":  # fit and teamwork exactly 75: alignment index 75
                ans["Q_f1"], ans["Q_f2"], ans["Q_f3"] = 6, 5, None
                ans["Q_t1"], ans["Q_t2"] = 6, 3
            if company == "k11":  # no teamwork answers: no alignment index
                ans["Q_t1"] = ans["Q_t2"] = None
            if company == "k12":  # no perception answers: no perception index
                ans["P1"] = ans["P2"] = None
            if company == "k05" and i == 0:  # one of two perception items
                ans["P2"] = None
            if company == "k07" and i == 1:  # one of three fit items: no fit mean
                ans["Q_f1"] = ans["Q_f2"] = None
            # Sporadic missing answers elsewhere.
            for col in ["Q_f1", "Q_f2", "Q_t1", "S2"]:
                if company not in ("k04",) and rng.random() < 0.06:
                    ans[col] = None
            alias = {"sales": sales_alias, "marketing": mkt_alias, "both": ["RevOps"]}[role]
            rows.append([f"r{rid:03d}", company, alias[i % len(alias)]]
                        + [cell(ans[c]) for c in header[3:13]]
                        + [K14_GROWTH[i] if company == "k14" else ""])
        if company == "k02":
            rid += 1
            # Answers perception and statements only: excluded, counts nowhere.
            rows.append([f"r{rid:03d}", company, "Sales", "", "NA", "", "", "",
                         "7", "7", "7", "7", "7", ""])
    # Interleave companies a little, as an export by submission time would.
    order = rng.permutation(len(rows))
    with open(os.path.join(DATA, "responses.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(",".join(header) + "\n")
        for i in order:
            f.write(",".join(rows[i]) + "\n")
    with open(os.path.join(DATA, "outcomes.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("org,growth_pct,churn_pct\n")
        for r in OUTCOMES_FILE:
            f.write(",".join(r) + "\n")
    write_cells_fixture()


# The cell-threshold fixture, tests/data/gaps/cells/ (hand-written, no
# randomness; the instrument is tests/data/gaps/instrument.json). Each
# respondent: (role, fit answers Q_f1..Q_f3, teamwork Q_t1..Q_t2, perception
# P1..P2, statements S1..S3), raw answers as written (Q_f3 and Q_t2 are
# reverse-worded), None = blank.
CELLS = {
    # a1 and a2: the same alignment index in exact arithmetic (62 + 17/18,
    # from fit and teamwork means, 0-based, of 40/9 + 25/6 and 37/9 + 9/2),
    # reached through different sums, so that floating point can leave them
    # a rounding error apart (in numpy here, 71.75925925925925 and
    # 71.75925925925927): rule 4 ties them.
    "a1": [("Sales", (6, 5, 3), (5, 3), (6, 6), (4, 5, 6)),
           ("Marketing", (5, 5, 2), (5, 3), (5, 6), (6, 4, 7)),
           ("Marketing", (5, 6, 2), (6, 3), (6, 5), (5, 5, 6))],
    "a2": [("Sales", (5, 5, 3), (5, 3), (5, 5), (3, 6, 6)),
           ("Marketing", (5, 5, 3), (5, 2), (6, 5), (6, 5, 7)),
           ("Marketing", (5, 5, 2), (6, 2), (5, 6), (5, 4, 6))],
    # p24: 4 respondents, only 2 answered the perception items: no
    # perception index at --anonymity 3 (rule 1), but an alignment index.
    "p24": [("Sales", (4, 4, 4), (4, 4), (7, 6), (3, 5, 6)),
            ("Marketing", (4, 5, 3), (5, 4), (6, 6), (5, 3, 6)),
            ("Sales", (3, 4, 4), (4, 5), (None, None), (4, 6, 7)),
            ("Marketing", (4, 3, 4), (4, 4), (None, "NA"), (6, 4, 6))],
    # t24: 4 respondents, only 2 answered teamwork: no teamwork index, so no
    # alignment index at --anonymity 3 (rule 1), but a perception index.
    "t24": [("Sales", (6, 6, 2), (6, 2), (6, 7), (4, 6, 7)),
            ("Marketing", (6, 5, 2), (None, None), (6, 6), (6, 5, 7)),
            ("Sales", (5, 6, 3), (None, None), (7, 6), (5, 6, 6)),
            ("RevOps", (6, 6, 2), (6, 3), (6, 6), (5, 5, 6))],
    "b1": [("Sales", (3, 3, 5), (3, 5), (5, 5), (3, 5, 6)),
           ("Marketing", (2, 3, 5), (3, 6), (4, 5), (5, 3, 6)),
           ("Marketing", (3, 2, 6), (2, 5), (5, 4), (6, 4, 6))],
    "b2": [("Sales", (6, 7, 1), (7, 1), (7, 7), (4, 6, 7)),
           ("Marketing", (7, 6, 2), (6, 2), (7, 6), (7, 5, 7)),
           ("RevOps", (6, 6, 1), (7, 1), (6, 7), (6, 6, 7))],
    "b3": [("Sales", (4, 5, 4), (4, 4), (6, 5), (4, 5, 6)),
           ("Marketing", (5, 4, 3), (4, 3), (5, 5), (6, 4, 6)),
           ("Sales", (4, 4, 3), (5, 4), (6, 6), (3, 5, 7))],
    # hidden at --anonymity 3 (2 respondents)
    "h1": [("Sales", (7, 7, 1), (7, 1), (7, 7), (6, 7, 7)),
           ("Marketing", (7, 7, 1), (7, 1), (1, 1), (7, 7, 7))],
}
# growth and churn (lower is better) take the same 7 values in another order
# over the shown companies, so both have the same mean and sd s, and each
# composite is (growth - churn) / (2 s): a1 = (3, 2) and b2 = (9, 8) have the
# same composite in exact arithmetic, 1 / (2 s), the 4th and 5th of the 7
# classified companies, but z-scores leave them a rounding error apart
# (0.1537811713073115 and 0.15378117130731134 in numpy): rule 4 ties them at
# the median, so neither is above it. h1 (hidden) enters no z-score.
CELLS_OUTCOMES = [("a1", "3", "2"), ("a2", "8", "11"), ("p24", "5", "6"),
                  ("t24", "2", "9"), ("b1", "11", "5"), ("b2", "9", "8"),
                  ("b3", "6", "3"), ("h1", "20", "1")]


def write_cells_fixture():
    d = os.path.join(DATA, "cells")
    os.makedirs(d, exist_ok=True)
    header = ["rid", "org", "function", "Q_f1", "Q_f2", "Q_f3", "Q_t1", "Q_t2",
              "P1", "P2", "S1", "S2", "S3"]
    rid = 0
    with open(os.path.join(d, "responses.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(",".join(header) + "\n")
        for company, rows in CELLS.items():
            for role, fit, team, perc, stmts in rows:
                rid += 1
                cells = [*fit, *team, *perc, *stmts]
                f.write(",".join([f"c{rid:03d}", company, role]
                                 + ["" if v is None else str(v) for v in cells]) + "\n")
    with open(os.path.join(d, "outcomes.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("org,growth_pct,churn_pct\n")
        for r in CELLS_OUTCOMES:
            f.write(",".join(r) + "\n")


# --------------------------------------------------------------------------
# Loading (independent of the crate)
# --------------------------------------------------------------------------

class Survey:
    def __init__(self, inst_path, csv_path, outcomes_path=None):
        with open(inst_path, encoding="utf-8") as f:
            inst = json.load(f)
        self.inst = inst
        self.lo, self.hi = inst["scale"]["min"], inst["scale"]["max"]
        self.labels = {norm(k): v for k, v in inst["scale"].get("labels", {}).items()}
        self.missing = set(inst.get("missing", ["", "NA", "N/A", "-99"]))
        cols = inst["columns"]
        self.role_alias = {}
        for r in ROLES:
            for a in inst.get("roles", {"sales": ["sales"], "marketing": ["marketing"],
                                        "both": ["both", "sales and marketing"]}).get(r, []):
                self.role_alias[norm(a)] = r
        self.has_roles = cols.get("role") is not None
        self.dims = [d["id"] for d in inst["dimensions"]]
        self.items = inst["items"]
        self.perc = inst.get("perception", [])
        self.stmts = inst.get("statements", [])
        self.outcomes = inst.get("outcomes", [])
        # scale columns in the crate's order: items, perception, statements
        self.scale_cols = ([(it, "item") for it in self.items]
                           + [(q, "perception") for q in self.perc]
                           + [(q, "statement") for q in self.stmts])
        groups = {d: [it for it in self.items if it["dimension"] == d] for d in self.dims}
        if self.perc:
            groups["@perception"] = self.perc
        self.groups = groups

        raw = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
        self.rows_read = len(raw)
        recs = []
        for _, row in raw.iterrows():
            rec = {"company": row[cols["company"]].strip(),
                   "role": self.role_alias[norm(row[cols["role"]])] if self.has_roles else None}
            for q, _ in self.scale_cols:
                rec["raw:" + q["id"]] = self.parse(row[q["column"]])
            for g, qs in groups.items():
                vals = []
                for q in qs:
                    v = rec["raw:" + q["id"]]
                    if v is None:
                        continue
                    if q.get("reverse", False):
                        v = self.lo + self.hi - v
                    vals.append(v - self.lo)
                rec["g:" + g] = (float(np.mean(vals))
                                 if vals and len(vals) >= math.ceil(len(qs) / 2) else None)
            if all(rec["g:" + d] is None for d in self.dims):
                continue  # excluded: too few answers
            for o in self.outcomes:
                v = row[o["column"]].strip() if o["column"] in raw.columns else ""
                rec["o:" + o["id"]] = None if v in self.missing else float(v)
            recs.append(rec)
        self.recs = recs
        self.rows_scored = len(recs)
        ids = []
        for r in recs:
            if r["company"] not in ids:
                ids.append(r["company"])
        self.ids = ids
        self.file = None
        if outcomes_path:
            of = pd.read_csv(outcomes_path, dtype=str, keep_default_na=False)
            self.file = {}
            for _, row in of.iterrows():
                self.file[row[cols["company"]].strip()] = [
                    None if (row[o["column"]].strip() in self.missing) else float(row[o["column"]])
                    if o["column"] in of.columns else None for o in self.outcomes]

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
        return 100.0 * m / (self.hi - self.lo)

    def of(self, company):
        return [r for r in self.recs if r["company"] == company]


# --------------------------------------------------------------------------
# The figures
# --------------------------------------------------------------------------

def group_index(sv, rows, g, weighting, anonymity=1):
    vals = [(r["role"], r["g:" + g]) for r in rows if r["g:" + g] is not None]
    # cell threshold (both weightings): an index that fewer than `anonymity`
    # of the company's respondents (with a mean on the group) make up is null
    if not vals or len(vals) < anonymity:
        return None
    if weighting == "respondent":
        m = float(np.mean([v for _, v in vals]))
    else:
        means = [float(np.mean([v for ro, v in vals if ro == role]))
                 for role in ROLES + [None] if any(ro == role for ro, _ in vals)]
        m = float(np.mean(means))
    return sv.index(m)


def composites(sv, method, shown):
    """Company composite (None when unclassified or hidden), in sv.ids order.

    Only the companies in `shown` take part: a hidden company is not in the
    survey here (it moves no z-score or rank of another company)."""
    ids = [c for c in sv.ids if c in shown]
    values = []
    for c in ids:
        if sv.file is not None and c in sv.file:
            values.append(sv.file[c])
        else:
            vs = []
            for o in sv.outcomes:
                xs = [r["o:" + o["id"]] for r in sv.of(c) if r["o:" + o["id"]] is not None]
                vs.append(float(np.mean(xs)) if xs else None)
            values.append(vs)
    m = len(sv.outcomes)
    std = [[None] * m for _ in ids]
    for j, o in enumerate(sv.outcomes):
        sign = -1.0 if o["direction"] == "lower_is_better" else 1.0
        idx = [i for i in range(len(ids)) if values[i][j] is not None]
        xs = np.array([sign * values[i][j] for i in idx])
        if len(xs) < 2 or xs.var(ddof=1) == 0:
            continue
        if method == "z":
            z = (xs - xs.mean()) / xs.std(ddof=1)
        else:
            z = np.array([stats.percentileofscore(xs, x, kind="mean") for x in xs])
        for i, v in zip(idx, z):
            std[i][j] = float(v)
    comp = {}
    for i, c in enumerate(ids):
        av = [v for v in std[i] if v is not None]
        comp[c] = float(np.mean(av)) if len(av) >= math.ceil(m / 2) and av else None
    return [comp.get(c) for c in sv.ids]


def suppress_parts(sizes, threshold):
    """Which of the parts `sizes` (respondents per part, printed beside their
    total) are hidden: every part with 0 < n < threshold; then, while the
    hidden parts together hold more than 0 and fewer than `threshold`
    respondents, also the smallest part still shown (the earliest in `sizes`
    on ties). A part with no respondents is not hidden (it has nothing to
    show)."""
    hidden = [0 < n < threshold for n in sizes]
    while 0 < sum(n for n, h in zip(sizes, hidden) if h) < threshold:
        shown = [i for i, n in enumerate(sizes) if n > 0 and not hidden[i]]
        if not shown:
            break
        hidden[min(shown, key=lambda i: (sizes[i], i))] = True
    return hidden


def snap(values, rel=1e-9):
    """Near-equal values tied: walking the values in ascending order, a value
    within rel * max(|previous|, 1) of the previous one joins its run; every
    value of a run becomes the run's first (smallest) value. Returns a dict
    value -> snapped value."""
    out = {}
    xs = sorted(set(values))
    run = None
    prev = None
    for x in xs:
        if prev is None or abs(x - prev) > rel * max(abs(prev), 1.0):
            run = x
        out[x] = run
        prev = x
    return out


def spearman(pairs):
    n = len(pairs)
    if n < 2:
        return None, None, None, n
    x = [p[0] for p in pairs]
    y = [p[1] for p in pairs]
    if len(set(x)) < 2 or len(set(y)) < 2:
        # a constant figure (e.g. tied by snapping) has no ranks to correlate
        return None, None, None, n
    res = stats.spearmanr(x, y)
    rho, p = float(res.statistic), float(res.pvalue)
    if n < 3 or abs(rho) >= 1:
        p = None
    ci = None
    if n > 3 and abs(rho) < 1:
        h = stats.norm.ppf(0.975) / math.sqrt(n - 3)
        ci = [math.tanh(math.atanh(rho) - h), math.tanh(math.atanh(rho) + h)]
    return rho, ci, p, n


def gaps(sv, weighting="respondent", threshold=75.0, anonymity=3, method="z",
         with_outcomes=True):
    TOL = 1e-9
    res = {"input": {"rows_read": sv.rows_read, "rows_scored": sv.rows_scored,
                     "rows_excluded": sv.rows_read - sv.rows_scored,
                     "companies": len(sv.ids)}}
    # Disclosure control: a company with fewer than `anonymity` respondents
    # is hidden and enters no figure below.
    shown = {c for c in sv.ids if len(sv.of(c)) >= anonymity}
    comp = (composites(sv, method, shown) if (with_outcomes and sv.outcomes)
            else [None] * len(sv.ids))
    have_outcomes = any(c is not None for c in comp)
    # rule 4: near-equal composites are tied before the median split
    snap_c = snap([c for c in comp if c is not None])
    classified = [snap_c[c] for c in comp if c is not None]
    median = float(np.median(classified)) if classified else None

    figs = []
    all_figs = []
    for i, c in enumerate(sv.ids):
        rows = sv.of(c)
        if c not in shown:
            all_figs.append({"id": c, "n": len(rows), "hidden": True})
            continue
        dims = [group_index(sv, rows, d, weighting, anonymity) for d in sv.dims]
        align = float(np.mean(dims)) if all(d is not None for d in dims) else None
        perc = (group_index(sv, rows, "@perception", weighting, anonymity)
                if sv.perc else None)
        figs.append({"id": c, "n": len(rows), "perception": perc, "alignment": align,
                     "composite": comp[i], "hidden": False})
        all_figs.append(figs[-1])
    # Rule 4: within each figure, near-equal values over the shown companies
    # are tied (snapped) before the perception part uses them; companies[]
    # prints the unsnapped figures.
    raw_figs = {f["id"]: dict(f) for f in figs}
    res["ties"] = {}
    for key in ("perception", "alignment", "composite"):
        m = snap([f[key] for f in figs if f[key] is not None])
        for f in figs:
            if f[key] is not None:
                f[key] = m[f[key]]
        res["ties"][key] = sorted((f["id"], raw_figs[f["id"]][key], f[key]) for f in figs
                                  if f[key] is not None and f[key] != raw_figs[f["id"]][key])

    # Perception part.
    if sv.perc:
        P = {"perceived_threshold": threshold, "outcomes_available": have_outcomes}
        both = [(f["perception"], f["alignment"]) for f in figs
                if f["perception"] is not None and f["alignment"] is not None]
        cells = {"perceived_and_measured_aligned": 0, "perceived_not_measured_aligned": 0,
                 "measured_not_perceived_aligned": 0, "neither": 0}
        for p, a in both:
            pa, ma = p >= threshold - TOL, a >= threshold - TOL
            key = ("perceived_and_measured_aligned" if pa and ma else
                   "perceived_not_measured_aligned" if pa else
                   "measured_not_perceived_aligned" if ma else "neither")
            cells[key] += 1
        M = {"n": len(both)}
        for k, v in cells.items():
            M[k] = {"n": v, "share": v / len(both) if both else None}
        perceived = cells["perceived_and_measured_aligned"] + cells["perceived_not_measured_aligned"]
        M["share_perceived_not_measured"] = (cells["perceived_not_measured_aligned"] / perceived
                                             if perceived else None)
        rho, ci, p, _ = spearman(both)
        M["rho_perception_alignment"], M["rho_perception_alignment_ci95"] = rho, ci
        M["rho_perception_alignment_p"] = p
        over = [p - a for p, a in both]
        M["mean_overconfidence"] = float(np.mean(over)) if over else None
        M["median_overconfidence"] = float(np.median(over)) if over else None
        P["measured"] = M
        if have_outcomes:
            pc = [(f["perception"], f["composite"]) for f in figs
                  if f["perception"] is not None and f["composite"] is not None]
            q = {"pa_above": 0, "pa_below": 0, "npa_above": 0, "npa_below": 0}
            for p, c in pc:
                pa = p >= threshold - TOL
                above = c > median
                q[("pa" if pa else "npa") + ("_above" if above else "_below")] += 1
            n = len(pc)
            na = q["pa_above"] + q["pa_below"]
            P["n_companies"] = n
            P["n_perceived_aligned"] = na
            P["share_perceived_aligned"] = na / n if n else None
            P["n_perceived_below_median"] = q["pa_below"]
            P["share_perceived_below_median"] = q["pa_below"] / na if na else None
            Q = {"n": n, "median_composite": median}
            for k, name in [("pa_above", "perceived_aligned_above_median"),
                            ("pa_below", "perceived_aligned_below_median"),
                            ("npa_above", "not_perceived_aligned_above_median"),
                            ("npa_below", "not_perceived_aligned_below_median")]:
                Q[name] = {"n": q[k], "share": q[k] / n if n else None}
            P["quadrants"] = Q
            ac = [(f["alignment"], f["composite"]) for f in figs
                  if f["alignment"] is not None and f["composite"] is not None]
            for key, pairs in [("perception_outcome", pc), ("alignment_outcome", ac)]:
                rho, ci, p, n = spearman(pairs)
                P["rho_" + key], P["rho_" + key + "_ci95"] = rho, ci
                P["rho_" + key + "_p"], P["n_" + key] = p, n
        else:
            ps = [f["perception"] for f in figs if f["perception"] is not None]
            na = sum(1 for p in ps if p >= threshold - TOL)
            P["n_companies"] = len(ps)
            P["n_perceived_aligned"] = na
            P["share_perceived_aligned"] = na / len(ps) if ps else None
            P["n_perceived_below_median"] = None
            P["share_perceived_below_median"] = None
            P["quadrants"] = None
            for key in ["perception_outcome", "alignment_outcome"]:
                P["rho_" + key] = P["rho_" + key + "_ci95"] = P["rho_" + key + "_p"] = None
                P["n_" + key] = 0
        res["perception"] = P
    else:
        res["perception"] = None

    # Disconnect.
    rows = []
    res["n_by_role"] = ({role: sum(1 for x in sv.recs
                                   if x["company"] in shown and x["role"] == role)
                         for role in ROLES} if sv.has_roles else {})
    if sv.has_roles:
        # the two highest points; the top point alone on a two-point scale
        top = max(sv.hi - 1, sv.lo + 1)
        pool = [x for x in sv.recs if x["company"] in shown]
        for q, kind in sv.scale_cols:
            r = {"item": q["id"], "kind": kind}
            for role in ROLES:
                answers = [x["raw:" + q["id"]] for x in pool
                           if x["role"] == role and x["raw:" + q["id"]] is not None]
                r["n_" + role] = len(answers)
                r["k_" + role] = sum(1 for a in answers if a >= top)
            # the three role pools are parts of one total (everyone who
            # answered): complementary suppression
            hidden = suppress_parts([r["n_" + role] for role in ROLES], anonymity)
            r["hidden"] = [role for role, h in zip(ROLES, hidden) if h]
            for role, h in zip(ROLES, hidden):
                n, k = r["n_" + role], r["k_" + role]
                r["pct_" + role] = 100.0 * k / n if n and not h else None
            if r["pct_sales"] is not None and r["pct_marketing"] is not None:
                r["gap_pp"] = r["pct_marketing"] - r["pct_sales"]
                pooled = (r["k_sales"] + r["k_marketing"]) / (r["n_sales"] + r["n_marketing"])
                if 0 < pooled < 1:
                    _, p = proportions_ztest([r["k_sales"], r["k_marketing"]],
                                             [r["n_sales"], r["n_marketing"]])
                    r["p"] = float(p)
                else:
                    r["p"] = None
            else:
                r["gap_pp"] = r["p"] = None
            rows.append(r)
        idx = [i for i, r in enumerate(rows) if r["p"] is not None]
        for r in rows:
            r["q"] = None
        if idx:
            qs = multipletests([rows[i]["p"] for i in idx], method="fdr_bh")[1]
            for i, qv in zip(idx, qs):
                rows[i]["q"] = float(qv)
        rows = sorted(rows, key=lambda r: (r["gap_pp"] is None,
                                           -abs(r["gap_pp"]) if r["gap_pp"] is not None else 0))
    res["disconnect"] = rows

    # Companies.
    comps = []
    if sv.perc:
        for f in all_figs:
            c = {"company_id": f["id"], "n": f["n"], "suppressed": f["hidden"]}
            if c["suppressed"]:
                for k in ["perception_index", "alignment_index", "overconfidence",
                          "perceived_aligned", "measured_aligned", "composite", "above_median"]:
                    c[k] = None
            else:
                # the flags follow the (snapped) figures the summaries use;
                # the figures are printed unsnapped
                p, a, cm = f["perception"], f["alignment"], f["composite"]
                raw = raw_figs[f["id"]]
                c["perception_index"] = raw["perception"]
                c["alignment_index"] = raw["alignment"]
                c["composite"] = raw["composite"]
                c["overconfidence"] = (raw["perception"] - raw["alignment"]
                                       if p is not None and a is not None else None)
                c["perceived_aligned"] = None if p is None else p >= threshold - TOL
                c["measured_aligned"] = None if a is None else a >= threshold - TOL
                c["above_median"] = None if cm is None or median is None else cm > median
            comps.append(c)
        comps.sort(key=lambda c: (c["company_id"]))
        comps.sort(key=lambda c: (c["suppressed"], c["overconfidence"] is None,
                                  -(c["overconfidence"] or 0.0)))
    res["companies"] = comps
    res["hidden_companies"] = sum(1 for c in comps if c["suppressed"])
    return res


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------

def expectations(res):
    """(path, kind, value) rows for tests/cli/gaps_reference.rs."""
    out = []

    def num(path, v):
        out.append((path, "null", None) if v is None else (path, "num", v))

    def val(path, v):
        if v is None:
            out.append((path, "null", None))
        elif isinstance(v, bool):
            out.append((path, "bool", v))
        elif isinstance(v, int):
            out.append((path, "int", v))
        elif isinstance(v, str):
            out.append((path, "str", v))
        else:
            out.append((path, "num", v))

    for k, v in res["input"].items():
        val("input/" + k, v)
    for k, v in res["n_by_role"].items():
        val("n_by_role/" + k, v)
    P = res["perception"]
    if P is None:
        val("perception", None)
    else:
        for k in ["perceived_threshold", "outcomes_available", "n_companies", "n_perceived_aligned",
                  "share_perceived_aligned", "n_perceived_below_median",
                  "share_perceived_below_median", "n_perception_outcome", "n_alignment_outcome",
                  "rho_perception_outcome", "rho_perception_outcome_p",
                  "rho_alignment_outcome", "rho_alignment_outcome_p"]:
            val("perception/" + k, float(P[k]) if k == "perceived_threshold" else P[k])
        for k in ["rho_perception_outcome_ci95", "rho_alignment_outcome_ci95"]:
            if P[k] is None:
                val("perception/" + k, None)
            else:
                num(f"perception/{k}/0", P[k][0])
                num(f"perception/{k}/1", P[k][1])
        Q = P["quadrants"]
        if Q is None:
            val("perception/quadrants", None)
        else:
            val("perception/quadrants/n", Q["n"])
            num("perception/quadrants/median_composite", Q["median_composite"])
            for k in ["perceived_aligned_above_median", "perceived_aligned_below_median",
                      "not_perceived_aligned_above_median", "not_perceived_aligned_below_median"]:
                val(f"perception/quadrants/{k}/n", Q[k]["n"])
                num(f"perception/quadrants/{k}/share", Q[k]["share"])
        M = P["measured"]
        val("perception/measured/n", M["n"])
        for k in ["perceived_and_measured_aligned", "perceived_not_measured_aligned",
                  "measured_not_perceived_aligned", "neither"]:
            val(f"perception/measured/{k}/n", M[k]["n"])
            num(f"perception/measured/{k}/share", M[k]["share"])
        for k in ["share_perceived_not_measured", "rho_perception_alignment",
                  "rho_perception_alignment_p", "mean_overconfidence", "median_overconfidence"]:
            num("perception/measured/" + k, M[k])
        ci = M["rho_perception_alignment_ci95"]
        if ci is None:
            val("perception/measured/rho_perception_alignment_ci95", None)
        else:
            num("perception/measured/rho_perception_alignment_ci95/0", ci[0])
            num("perception/measured/rho_perception_alignment_ci95/1", ci[1])
    for i, r in enumerate(res["disconnect"]):
        val(f"disconnect/{i}/item", r["item"])
        base = f"disconnect[{r['item']}]"
        val(base + "/kind", r["kind"])
        for k in ["n_sales", "n_marketing", "n_both"]:
            val(f"{base}/{k}", r[k])
        for k in ["pct_sales", "pct_marketing", "pct_both", "gap_pp", "p", "q"]:
            num(f"{base}/{k}", r[k])
    for i, c in enumerate(res["companies"]):
        val(f"companies/{i}/company_id", c["company_id"])
        base = f"companies[{c['company_id']}]"
        val(base + "/n", c["n"])
        val(base + "/suppressed", c["suppressed"])
        for k in ["perception_index", "alignment_index", "overconfidence", "composite"]:
            num(f"{base}/{k}", c[k])
        for k in ["perceived_aligned", "measured_aligned", "above_median"]:
            val(f"{base}/{k}", c[k])
    val("hidden/companies", res["hidden_companies"])
    return out


def rust_table(name, exps):
    lines = ["#[rustfmt::skip]", f"pub const {name}: &[(&str, Exp)] = &["]
    for path, kind, v in exps:
        if kind == "num":
            val = f"Exp::Num({float(v)!r})"
        elif kind == "null":
            val = "Exp::Null"
        elif kind == "bool":
            val = f"Exp::Bool({'true' if v else 'false'})"
        elif kind == "int":
            val = f"Exp::Int({v})"
        elif kind == "str":
            val = f"Exp::Str({json.dumps(v)})"
        lines.append(f"    ({json.dumps(path)}, {val}),")
    lines.append("];")
    return "\n".join(lines)


def main():
    if "--write-fixtures" in sys.argv:
        write_fixtures()
        print(f"wrote {DATA}")
        return
    resp = os.path.join(DATA, "responses.csv")
    outc = os.path.join(DATA, "outcomes.csv")
    full = Survey(os.path.join(DATA, "instrument.json"), resp, outc)
    no_out = Survey(os.path.join(DATA, "instrument_no_outcomes.json"), resp)
    b = os.path.join(DATA, "binary")
    binary = Survey(os.path.join(b, "instrument.json"), os.path.join(b, "responses.csv"),
                    os.path.join(b, "outcomes.csv"))
    cd = os.path.join(DATA, "cells")
    cells = Survey(os.path.join(DATA, "instrument.json"), os.path.join(cd, "responses.csv"),
                   os.path.join(cd, "outcomes.csv"))
    runs = [
        ("GAPS_DEFAULT", "--outcomes outcomes.csv (z composite, threshold 75, anonymity 3, "
         "respondent weighting)", gaps(full)),
        ("GAPS_RANK_ROLE", "--outcomes outcomes.csv --composite rank --weighting role "
         "--perceived-threshold 70 --anonymity 5",
         gaps(full, weighting="role", threshold=70.0, anonymity=5, method="rank")),
        ("GAPS_ANON2", "--outcomes outcomes.csv --anonymity 2 (no company hidden: k13 "
         "shows and counts; k05 and k06 sit exactly at the median composite)",
         gaps(full, anonymity=2)),
        ("GAPS_ANON4", "--outcomes outcomes.csv --anonymity 4 (6 companies hidden; "
         "complementary suppression in the disconnect: 3 `both` respondents answered "
         "the perception items, so `both` and the smaller sales pool are hidden there)",
         gaps(full, anonymity=4)),
        ("GAPS_NO_OUTCOMES", "instrument_no_outcomes.json, no --outcomes",
         gaps(no_out)),
        ("GAPS_BINARY", "binary/: yes/no (0-1) scale, one dimension, --outcomes "
         "binary/outcomes.csv", gaps(binary)),
        ("GAPS_CELLS", "cells/ with ../instrument.json, --outcomes cells/outcomes.csv (cell "
         "thresholds: p24 has no perception index, t24 no alignment index; a1 and a2 tie on "
         "the alignment index, a1 and b2 on the composite at the median)", gaps(cells)),
        ("GAPS_CELLS_ROLE", "cells/ as GAPS_CELLS with --weighting role (the same cells are "
         "null; a1 and b2 still tie on the composite)", gaps(cells, weighting="role")),
    ]
    if "--rust" in sys.argv:
        print("// Generated by tests/reference/gaps_reference.py --rust; do not edit by hand.")
        for name, desc, res in runs:
            print(f"\n/// {desc}")
            merged = [f"{k} of {i}" for k, v in res["ties"].items() for i, _, _ in v]
            if merged:
                print("/// (rule 4 snaps the " + ", ".join(merged) + ")")
            print(rust_table(name, expectations(res)))
        return
    for name, desc, res in runs:
        print(f"==== {name}: {desc} ====")
        print("input:", res["input"], "n_by_role:", res["n_by_role"])
        print(json.dumps(res["perception"], indent=1))
        print("disconnect:")
        for r in res["disconnect"]:
            print("  ", {k: r[k] for k in ["item", "kind", "n_sales", "n_marketing", "n_both",
                                           "pct_sales", "pct_marketing", "pct_both", "gap_pp",
                                           "p", "q", "hidden"]})
        print("companies:")
        for c in res["companies"]:
            print("  ", c)


if __name__ == "__main__":
    main()
