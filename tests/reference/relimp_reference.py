"""Reference values for the relative-importance statistics on published data
sets (tests/cli/relimp_published.rs), computed with numpy only.

- mtcars (R datasets; Henderson & Velleman 1981), mpg ~ cyl + disp + hp + gear:
  Johnson's relative weights as the rwa package README prints them
  (R² 0.7791896; raw weights 0.2284797, 0.2221469, 0.2321744, 0.0963886).
  This script recomputes them to show the algorithm below reproduces them.
- swiss (R datasets; Mosteller & Tukey 1977), Fertility on the five
  indicators, the example of Grömping (2006, J. Stat. Software 17(1)):
  LMG by brute force over all 5! orders of entry (not over subsets, so the
  check is independent of the subset formula used in align), OLS R²,
  adjusted R², standardized betas and p-values.

Run: python3 tests/reference/relimp_reference.py
"""
import itertools
import math

import numpy as np
import pandas as pd
from scipy import stats


def r2(X, y):
    if X.shape[1] == 0:
        return 0.0
    A = np.column_stack([np.ones(len(y)), X])
    coef, *_ = np.linalg.lstsq(A, y, rcond=None)
    res = y - A @ coef
    return 1 - res @ res / ((y - y.mean()) @ (y - y.mean()))


def lmg_orders(X, y):
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


def relative_weights(X, y):
    R = np.corrcoef(np.column_stack([X, y]), rowvar=False)
    rxx, rxy = R[:-1, :-1], R[:-1, -1]
    ev, Q = np.linalg.eigh(rxx)
    lam = Q @ np.diag(np.sqrt(ev)) @ Q.T
    beta = np.linalg.solve(lam, rxy)
    raw = (lam ** 2) @ beta ** 2
    return raw, beta @ beta


def ols(X, y):
    n, p = X.shape
    Z = (X - X.mean(0)) / X.std(0, ddof=1)
    zy = (y - y.mean()) / y.std(ddof=1)
    A = np.column_stack([np.ones(n), Z])
    coef, *_ = np.linalg.lstsq(A, zy, rcond=None)
    res = zy - A @ coef
    df = n - p - 1
    s2 = res @ res / df
    cov = s2 * np.linalg.inv(A.T @ A)
    t = coef / np.sqrt(np.diag(cov))
    pv = 2 * stats.t.sf(np.abs(t), df)
    rr = 1 - res @ res / (zy @ zy)
    return rr, 1 - (1 - rr) * (n - 1) / df, coef[1:], pv[1:]


np.set_printoptions(precision=12)
mt = pd.read_csv("tests/data/published/mtcars.csv")
raw, rsq = relative_weights(mt[["cyl", "disp", "hp", "gear"]].to_numpy(float), mt["mpg"].to_numpy(float))
print("mtcars rwa R2", repr(rsq))
print("mtcars rwa raw", [repr(v) for v in raw])
print("mtcars rwa rescaled %", [repr(v) for v in 100 * raw / rsq])

sw = pd.read_csv("tests/data/published/swiss.csv")
cols = ["Agriculture", "Examination", "Education", "Catholic", "Infant.Mortality"]
X, y = sw[cols].to_numpy(float), sw["Fertility"].to_numpy(float)
parts = lmg_orders(X, y)
print("swiss lmg", [repr(v) for v in parts], "sum", repr(parts.sum()))
rr, adj, b, pv = ols(X, y)
print("swiss ols r2", repr(rr), "adj", repr(adj))
print("swiss beta", [repr(v) for v in b])
print("swiss p", [repr(v) for v in pv])
raw, rsq = relative_weights(X, y)
print("swiss rw raw", [repr(v) for v in raw], "r2", repr(rsq))
