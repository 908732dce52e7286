#!/usr/bin/env python3
"""Shuffle the data rows of a responses file (header row kept first), so
that every company's rows are spread over the whole file, as in an export
ordered by response time.

    scripts/interleave.py IN.csv OUT.csv [SEED]

Reads the whole file into memory (about 100 MB for a million rows).
"""
import random
import sys


def main() -> None:
    src, dst = sys.argv[1], sys.argv[2]
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    with open(src, "rb") as f:
        header = f.readline()
        rows = f.readlines()
    if rows and not rows[-1].endswith(b"\n"):
        rows[-1] += b"\n"
    random.Random(seed).shuffle(rows)
    with open(dst, "wb") as f:
        f.write(header)
        f.writelines(rows)


if __name__ == "__main__":
    main()
