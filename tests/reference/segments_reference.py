#!/usr/bin/env python3
"""Independent reference values for `--segment` (docs/methods.md, "Peer
groups"): writes tests/data/segments/{responses,companies}.csv and prints
the figures that tests/cli/segments.rs checks.

Company scores: the mean answer per company and item (one item per
dimension), as a 0-100 index (mean - 1) / 4 * 100; the alignment index is
the mean of the two (ties within 1e-9 are ties). Quantiles with numpy.percentile (linear, numpy's
default); sd with ddof=1; Kruskal-Wallis with scipy.stats.kruskal over the
segments finally shown; epsilon2 = H / (n - 1).

Segments (threshold 3 respondents, --min-companies 5): A has 6 shown
companies and one of 2 respondents (hidden, in no figure); B 5; C 5; E 7;
D 2 (hidden, too small); one company without a value, "(none)" (hidden,
too small). D + (none) hold 3 < 5 companies, so the smallest shown
segment is hidden too: B and C have 5, B comes first by name.
"""
import os
import numpy as np
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data", "segments")
rng = np.random.default_rng(18)

plan = [("A", 6, 0), ("B", 5, 1), ("C", 5, 0), ("E", 7, -1), ("D", 2, 0), (None, 1, 0)]
companies = []  # (id, segment, respondents, answers[(F1, C1, P1)])
k = 0
for seg, n, shift in plan:
    for _ in range(n):
        k += 1
        rows = []
        for _ in range(3):
            f = int(np.clip(rng.integers(1, 6) + shift, 1, 5))
            c = int(np.clip(rng.integers(1, 6), 1, 5))
            p = int(rng.integers(2, 6))
            rows.append((f, c, p))
        companies.append((f"K{k:02d}", seg, rows))
# A company of two respondents in A: hidden, in no segment figure.
companies.append(("K99", "A", [(5, 5, 5), (5, 5, 5)]))

with open(os.path.join(DATA, "responses.csv"), "w") as out:
    out.write("rid,company_id,F1,C1,P1\n")
    r = 0
    for cid, _, rows in companies:
        for f, c, p in rows:
            r += 1
            out.write(f"r{r:03d},{cid},{f},{c},{p}\n")
with open(os.path.join(DATA, "companies.csv"), "w") as out:
    out.write("company_id,Industry,region\n")
    for cid, seg, _ in companies:
        out.write(f"{cid},{seg or ''},north\n")
    out.write("K77,A,south\n")  # not in the survey: a warning


def index(xs):
    return (np.mean(xs) - 1) / 4 * 100


scores = {}
for cid, seg, rows in companies:
    if len(rows) < 3:
        continue
    fit = index([r[0] for r in rows])
    cad = index([r[1] for r in rows])
    per = index([r[2] for r in rows])
    scores.setdefault(seg, []).append((fit, cad, (fit + cad) / 2, per))

shown = ["A", "C", "E"]
for seg in shown:
    xs = np.array(scores[seg])
    print(f"segment {seg}: n_companies {len(xs)}")
    for j, key in enumerate(["fit", "cadence", "alignment_index"]):
        v = xs[:, j]
        print(
            f"  {key}: mean {np.mean(v)!r} sd {np.std(v, ddof=1)!r} "
            f"median {np.percentile(v, 50)!r} p25 {np.percentile(v, 25)!r} p75 {np.percentile(v, 75)!r}"
        )
    a = xs[:, 2]
    print(f"  stages: Low {np.mean(a < 40)!r} Mid {np.mean((a >= 40) & (a < 70))!r} High {np.mean(a >= 70)!r}")
    print(f"  perceived aligned (>= 75): {np.mean(xs[:, 3] >= 75 - 1e-9)!r}")
for j, key in enumerate(["fit", "cadence", "alignment_index"]):
    # Scores equal in exact arithmetic (e.g. 58.33... reached as a mean of
    # thirds or of halves) are tied, as align snaps them: round first.
    groups = [np.round(np.array(scores[s])[:, j], 9) for s in shown]
    h, p = stats.kruskal(*groups)
    n = sum(len(g) for g in groups)
    print(f"kruskal {key}: h {h!r} p {p!r} epsilon2 {h / (n - 1)!r}")
