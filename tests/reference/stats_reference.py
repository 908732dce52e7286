#!/usr/bin/env python3
"""Reference values for the unit tests in src/stats/ (align crate).

Run: python3 tests/reference/stats_reference.py
Every number asserted in src/stats/*.rs tests was printed by this script
(or is hand-worked and explained in the test comment). Tests never call
Python; values are pasted into the Rust tests with the call that made them.
Requires numpy, scipy, pandas, pingouin, statsmodels.
"""
import warnings

import numpy as np
import pandas as pd
import pingouin as pg
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportions_ztest


# scipy warns about the deliberately constant group in one Welch case below.
warnings.filterwarnings("ignore", category=RuntimeWarning)


def show(label, value):
    if isinstance(value, (list, tuple, np.ndarray)):
        print(f"{label} = [" + ", ".join(repr(float(v)) for v in value) + "]")
    else:
        print(f"{label} = {float(value)!r}")


def section(name):
    print(f"\n== {name} ==")


# ---------------------------------------------------------------- descriptive
section("descriptive")
xs = np.array([2, 4, 4, 4, 5, 5, 7, 9], dtype=float)
show("mean([2,4,4,4,5,5,7,9])", np.mean(xs))
show("var ddof=1", np.var(xs, ddof=1))
show("sd ddof=1", np.std(xs, ddof=1))
show("median", np.median(xs))
show("median([3,1,2])", np.median([3, 1, 2]))
ys = np.array([1.5, 2.25, -3.0, 10.125, 4.0])
show("var ddof=1 of [1.5,2.25,-3,10.125,4]", np.var(ys, ddof=1))

# ---------------------------------------------------------------- reliability
section("reliability: pingouin cronbach_alpha dataset")
df = pg.read_dataset("cronbach_alpha")
wide = df.pivot(index="Subj", columns="Items", values="Scores")
wide = wide[sorted(wide.columns, key=lambda c: int(c[1:]))]
print("matrix (15 x 10, Q1..Q10) =", wide.values.tolist())
a, ci = pg.cronbach_alpha(data=wide)
show("pg.cronbach_alpha(wide) alpha", a)
print("pg.cronbach_alpha(wide) ci (rounded by pingouin) =", ci.tolist())
n, k = wide.shape
f_hi = stats.f.ppf(0.975, n - 1, (n - 1) * (k - 1))
f_lo = stats.f.ppf(0.025, n - 1, (n - 1) * (k - 1))
show("Feldt lower 1-(1-a)*f.ppf(.975,14,126)", 1 - (1 - a) * f_hi)
show("Feldt upper 1-(1-a)*f.ppf(.025,14,126)", 1 - (1 - a) * f_lo)
drop = [pg.cronbach_alpha(data=wide.drop(columns=c))[0] for c in wide.columns]
show("alpha_if_dropped (pg.cronbach_alpha(wide.drop(columns=c)))", drop)
tot = wide.sum(axis=1)
itr = [np.corrcoef(wide[c], tot - wide[c])[0, 1] for c in wide.columns]
show("item_total_r (np.corrcoef(x_i, T - x_i))", itr)

section("reliability: small 3-item case, item 3 constant")
small = pd.DataFrame([[1, 2, 3], [2, 2, 3], [4, 5, 3], [3, 5, 3]])
show("pg.cronbach_alpha(small) alpha", pg.cronbach_alpha(data=small)[0])
tot = small.sum(axis=1)
show("item_total_r items 1,2", [np.corrcoef(small[c], tot - small[c])[0, 1] for c in [0, 1]])
show("alpha_if_dropped", [pg.cronbach_alpha(data=small.drop(columns=c))[0] for c in small.columns])

# ---------------------------------------------------------------- agreement
section("agreement: pingouin icc dataset")
icc = pg.read_dataset("icc")
print(icc.pivot(index="Wine", columns="Judge", values="Scores").values.tolist())
res = pg.intraclass_corr(data=icc, targets="Wine", raters="Judge", ratings="Scores").set_index("Type")
show("pingouin ICC(1,1) = ICC1", res.loc["ICC(1,1)", "ICC"])
show("pingouin ICC(1,k) = ICC1k", res.loc["ICC(1,k)", "ICC"])
aov = pg.anova(data=icc, dv="Scores", between="Wine", detailed=True)
show("pg.anova MSB (Wine)", aov["MS"][0])
show("pg.anova MSW (Within)", aov["MS"][1])

section("agreement: unbalanced groups (singleton group [10] ignored)")
groups = [[1, 2, 3], [4, 5], [2, 2, 6, 8]]
long = pd.DataFrame({"g": [i for i, g in enumerate(groups) for _ in g],
                     "v": [v for g in groups for v in g]})
aov = pg.anova(data=long, dv="v", between="g", detailed=True)
msb, msw = aov["MS"][0], aov["MS"][1]
gbar = np.mean([len(g) for g in groups])
show("pg.anova MSB", msb)
show("pg.anova MSW", msw)
show("ICC1 = (msb-msw)/(msb+(gbar-1)*msw), gbar=3", (msb - msw) / (msb + (gbar - 1) * msw))
show("ICC2 = (msb-msw)/msb", (msb - msw) / msb)

section("reliability: two items")
show("np.corrcoef([1,3,4],[2,3,6])[0,1]", np.corrcoef([1, 3, 4], [2, 3, 6])[0, 1])

section("agreement: hand-worked two-group case [1,5],[2,5]")
long = pd.DataFrame({"g": [0, 0, 1, 1], "v": [1.0, 5.0, 2.0, 5.0]})
aov = pg.anova(data=long, dv="v", between="g", detailed=True)
msb, msw = aov["MS"][0], aov["MS"][1]
show("MSB, MSW", [msb, msw])
show("ICC1 (gbar=2), ICC2", [(msb - msw) / (msb + msw), (msb - msw) / msb])

section("agreement: r_wg(J) hand-worked")
def rwg(v, a):
    s2, sig = np.mean(v), (a * a - 1) / 12
    if s2 > sig:
        return 0.0
    j = len(v)
    return j * (1 - s2 / sig) / (j * (1 - s2 / sig) + s2 / sig)
show("rwg([0.5,1,1.5],5), rwg([1,2],7), rwg([3,3],5), rwg([0,0,0],5)",
     [rwg([0.5, 1, 1.5], 5), rwg([1, 2], 7), rwg([3, 3], 5), rwg([0, 0, 0], 5)])

# ---------------------------------------------------------------- inference
section("inference: Welch t")
wa = [3.1, 4.2, 5.0, 5.5, 6.1, 2.9]
wb = [4.8, 5.9, 6.2, 7.1, 6.6, 5.5, 7.4, 6.0]
r = stats.ttest_ind(wa, wb, equal_var=False)
show("scipy.stats.ttest_ind(wa, wb, equal_var=False) t, p", [r.statistic, r.pvalue])
show("  df", r.df)
r = stats.ttest_ind([1, 2, 3, 4], [2.5, 2.5, 2.5], equal_var=False)
show("scipy.stats.ttest_ind([1,2,3,4],[2.5,2.5,2.5],equal_var=False) t, p, df", [r.statistic, r.pvalue, r.df])
big_a = [80 + 0.5 * i for i in range(40)]
big_b = [60 + 0.5 * i for i in range(40)]
r = stats.ttest_ind(big_a, big_b, equal_var=False)
show("ttest_ind(80+0.5i, 60+0.5i, i<40) t, p, df", [r.statistic, r.pvalue, r.df])

section("inference: Mann-Whitney (ties)")
ma = [1, 2, 2, 3, 3, 3, 4, 5]
mb = [2, 3, 4, 4, 5, 5, 5, 6, 7]
r = stats.mannwhitneyu(ma, mb, alternative="two-sided", method="asymptotic", use_continuity=True)
show("scipy.stats.mannwhitneyu(ma, mb, two-sided, asymptotic, continuity) U, p", [r.statistic, r.pvalue])
r = stats.mannwhitneyu(mb, ma, alternative="two-sided", method="asymptotic", use_continuity=True)
show("  swapped (mb, ma) U, p", [r.statistic, r.pvalue])
r = stats.mannwhitneyu([1.5, 3.5, 9.0], [2.0, 4.0, 5.0, 6.0], alternative="two-sided",
                       method="asymptotic", use_continuity=True)
show("mannwhitneyu([1.5,3.5,9],[2,4,5,6]) U, p", [r.statistic, r.pvalue])
r = stats.mannwhitneyu([1, 2], [1, 2], alternative="two-sided", method="asymptotic", use_continuity=True)
show("mannwhitneyu([1,2],[1,2]) U, p (U = mu, p clipped at 1)", [r.statistic, r.pvalue])
r = stats.mannwhitneyu([3, 3], [3, 3, 3], alternative="two-sided", method="asymptotic", use_continuity=True)
show("mannwhitneyu([3,3],[3,3,3]) U, p (all tied -> nan)", [r.statistic, r.pvalue])

section("inference: Hedges g")
g = pg.compute_effsize(wa, wb, eftype="hedges")
show("pingouin.compute_effsize(wa, wb, eftype='hedges')", g)
n1, n2 = len(wa), len(wb)
se = np.sqrt((n1 + n2) / (n1 * n2) + g ** 2 / (2 * (n1 + n2)))
z = stats.norm.ppf(0.975)
show("  CI g -/+ norm.ppf(0.975)*sqrt((n1+n2)/(n1n2)+g^2/(2(n1+n2)))", [g - z * se, g + z * se])
show("scipy.stats.norm.ppf(0.975)", z)

section("inference: Benjamini-Hochberg")
bh_in = [0.04, None, 0.01, 0.5, 0.03, None, 0.005, 0.04, 0.9]
vals = [p for p in bh_in if p is not None]
q = multipletests(vals, method="fdr_bh")[1]
print("input =", bh_in)
show("multipletests(non-None, method='fdr_bh')[1] (input order)", q)
show("multipletests([0.2, 0.9, 0.95], 'fdr_bh')[1]", multipletests([0.2, 0.9, 0.95], method="fdr_bh")[1])

section("inference: correlations")
sx = [1, 1, 2, 2, 2, 3, 3, 4, 4, 5]
sy = [2, 1, 2, 3, 3, 3, 4, 4, 5, 5]
r = stats.spearmanr(sx, sy)
show("scipy.stats.spearmanr(sx, sy) rho, p", [r.statistic, r.pvalue])
show("scipy.stats.rankdata(sx)", stats.rankdata(sx))
show("scipy.stats.rankdata(sy)", stats.rankdata(sy))
px = [1.2, 2.4, 3.1, 4.8, 5.0, 6.7]
py = [2.0, 1.9, 3.5, 3.9, 6.1, 5.5]
show("scipy.stats.pearsonr(px, py)[0]", stats.pearsonr(px, py)[0])
r = stats.spearmanr(px, py)
show("scipy.stats.spearmanr(px, py) rho, p", [r.statistic, r.pvalue])
r = stats.spearmanr([1, 2, 3], [1, 3, 2])
show("scipy.stats.spearmanr([1,2,3],[1,3,2]) rho, p", [r.statistic, r.pvalue])
show("rankdata([3.5, -1, 3.5, 2, 3.5, 10])", stats.rankdata([3.5, -1, 3.5, 2, 3.5, 10]))
for rr, nn in [(0.45, 30), (-0.8, 10)]:
    zc = np.arctanh(rr)
    h = z / np.sqrt(nn - 3)
    show(f"fisher z CI r={rr} n={nn}: tanh(arctanh(r) -/+ norm.ppf(.975)/sqrt(n-3))",
         [np.tanh(zc - h), np.tanh(zc + h)])
show("pingouin.compute_esci(0.45, nx=30, eftype='r', decimals=15)",
     pg.compute_esci(0.45, nx=30, eftype="r", decimals=15))

section("inference: two-proportion z")
for counts in [((33, 50), (58, 70)), ((5, 40), (5, 40)), ((120, 400), (150, 380))]:
    (x1, m1), (x2, m2) = counts
    zs, p = proportions_ztest([x1, x2], [m1, m2])
    show(f"statsmodels proportions_ztest([{x1},{x2}],[{m1},{m2}]) z, p", [zs, p])

section("inference: z-scores and percentile ranks")
zx = [3.0, 7.0, 7.0, 1.0, 12.5]
show("scipy.stats.zscore(zx, ddof=1)", stats.zscore(zx, ddof=1))
show("[scipy.stats.percentileofscore(zx, v, kind='mean') for v in zx]",
     [stats.percentileofscore(zx, v, kind="mean") for v in zx])
