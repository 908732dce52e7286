"""Seeded generator of two survey waves under the default instrument, with
a planted change, for `align compare`.

    python3 tests/reference/compare_waves.py

writes
- tests/data/compare/before.csv, after.csv (+ outcomes_before.csv,
  outcomes_after.csv): 24 companies per wave, 22 in both; C05 and C25 have
  2 respondents in the after wave, C02 and C07 2 in the before wave
  (hidden at the default threshold 3); C10–C13 have their collaboration
  raised by 1.6 answer points in the after wave (the planted change);
- data/wave2025.csv, data/wave2026.csv: the bundled sample, 60 companies
  per wave (54 in both; C0001–C0006 left, C0061–C0066 joined), with the
  collaboration of C0011–C0018 raised the same way; C0003 and C0030 have 2
  respondents in 2025, C0020 and C0064 in 2026.

Structure: each company has a latent alignment a ~ N(0, 0.8) that moves by
N(0, 0.15) between waves; an answer is round(3 + a + dimension shift +
N(0, 0.9)), clipped to 1–5, reverse-worded items mirrored; 3% of answers
blank; rows shuffled.
"""
import json
import os

import numpy as np

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
INST = json.load(open(os.path.join(ROOT, "src/instrument/default.json")))
ITEMS = INST["items"]
EXTRA = [q["column"] for q in INST["perception"]] + [q["column"] for q in INST["statements"]]
ROLES = ["sales", "marketing", "both"]


def answers(rng, a, shift, n):
    rows = []
    for _ in range(n):
        row = {}
        for it in ITEMS:
            x = 3 + a + shift.get(it["dimension"], 0.0) + rng.normal(0, 0.9)
            v = int(min(5, max(1, round(x))))
            if it.get("reverse"):
                v = 6 - v
            row[it["column"]] = "" if rng.random() < 0.03 else str(v)
        for c in EXTRA:
            row[c] = str(int(min(5, max(1, round(3.5 + a + rng.normal(0, 0.9))))))
        rows.append(row)
    return rows


def write_wave(path, rng, companies, prefix):
    out = []
    for cid, (a, shift, n) in companies.items():
        for row in answers(rng, a, shift, n):
            row["company_id"] = cid
            row["role"] = ROLES[int(rng.integers(0, 3))] if rng.random() < 0.9 else ROLES[int(rng.integers(0, 2))]
            out.append(row)
    order = rng.permutation(len(out))
    cols = ["respondent_id", "company_id", "role"] + [i["column"] for i in ITEMS] + EXTRA
    with open(path, "w") as f:
        f.write(",".join(cols) + "\n")
        for k, i in enumerate(order):
            row = out[i]
            row["respondent_id"] = f"{prefix}{k + 1:05d}"
            f.write(",".join(row[c] for c in cols) + "\n")


def write_outcomes(path, rng, latent):
    cols = [o["column"] for o in INST["outcomes"]]
    with open(path, "w") as f:
        f.write("company_id," + ",".join(cols) + "\n")
        for cid, a in latent.items():
            vals = [f"{10 + 8 * a + rng.normal(0, 6):.2f}" for _ in cols]
            f.write(cid + "," + ",".join(vals) + "\n")


def pair(seed, ids_before, ids_after, small_before, small_after, planted, sizes, paths, prefixes):
    rng = np.random.default_rng(seed)
    latent = {c: rng.normal(0, 0.8) for c in sorted(set(ids_before) | set(ids_after))}
    later = {c: latent[c] + rng.normal(0, 0.15) for c in latent}
    lo, hi = sizes

    def size(c, small, boost):
        if c in small:
            return 2
        return int(rng.integers(hi, hi + 4)) if boost else int(rng.integers(lo, hi + 1))

    before = {c: (latent[c], {}, size(c, small_before, c in planted)) for c in ids_before}
    after = {
        c: (later[c], {"collaboration": 1.6} if c in planted else {}, size(c, small_after, c in planted))
        for c in ids_after
    }
    write_wave(paths[0], rng, before, prefixes[0])
    write_wave(paths[1], rng, after, prefixes[1])
    if len(paths) > 2:
        write_outcomes(paths[2], rng, {c: latent[c] for c in ids_before})
        write_outcomes(paths[3], rng, {c: later[c] + (0.8 if c in planted else 0) for c in ids_after})


def main():
    d = os.path.join(ROOT, "tests/data/compare")
    os.makedirs(d, exist_ok=True)
    ids = [f"C{i:02d}" for i in range(1, 27)]
    pair(
        2025,
        ids[:24],
        ids[2:],
        {"C02", "C07"},
        {"C05", "C25"},
        {"C10", "C11", "C12", "C13"},
        (5, 9),
        [os.path.join(d, f) for f in ["before.csv", "after.csv", "outcomes_before.csv", "outcomes_after.csv"]],
        ["B", "A"],
    )
    ids = [f"C{i:04d}" for i in range(1, 67)]
    pair(
        2026,
        ids[:60],
        ids[6:],
        {"C0003", "C0030"},
        {"C0020", "C0064"},
        {f"C{i:04d}" for i in range(11, 19)},
        (6, 12),
        [os.path.join(ROOT, "data", f) for f in ["wave2025.csv", "wave2026.csv"]],
        ["R25", "R26"],
    )


if __name__ == "__main__":
    main()
