#!/usr/bin/env python3
"""The comparison for scripts/bench.sh: a simpler group-by than
`align score` on the same responses file: per company and scale column,
the mean and the variance of the answers (blank cells skipped), with
pandas or polars.

    scripts/groupby.py pandas|polars FILE.csv

Prints the number of companies and a checksum; times are taken by the
caller (the whole process, as for `align`).
"""
import sys


def with_pandas(path: str) -> tuple:
    import pandas as pd

    df = pd.read_csv(path, dtype={"respondent_id": str, "company_id": str, "role": str})
    items = [c for c in df.columns if c not in ("respondent_id", "company_id", "role")]
    g = df.groupby("company_id", sort=False)[items].agg(["mean", "var"])
    return len(g), float(g.sum(numeric_only=True).sum())


def with_polars(path: str) -> tuple:
    import polars as pl

    df = pl.read_csv(path, infer_schema_length=10000)
    items = [c for c in df.columns if c not in ("respondent_id", "company_id", "role")]
    aggs = [pl.col(c).mean().alias(c + "_mean") for c in items]
    aggs += [pl.col(c).var().alias(c + "_var") for c in items]
    g = df.group_by("company_id").agg(aggs)
    total = g.select(pl.exclude("company_id")).sum().sum_horizontal().item()
    return g.height, float(total)


def main() -> None:
    which, path = sys.argv[1], sys.argv[2]
    n, check = (with_pandas if which == "pandas" else with_polars)(path)
    print(f"{n} companies, check {check:.6f}")


if __name__ == "__main__":
    main()
