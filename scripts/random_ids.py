#!/usr/bin/env python3
"""Give every data row of a responses file a random respondent id of 15
letters and digits after `R_`, as Qualtrics' response ids look (the first
column; the header row is kept). Ids made by `align generate` are numbered
(`R0000001`), which the duplicate check files by number; random ids take
its hashed path.

    scripts/random_ids.py IN.csv OUT.csv [SEED]

Streams the file; the first column must not be quoted.
"""
import random
import string
import sys


def main() -> None:
    src, dst = sys.argv[1], sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    alphabet = string.ascii_letters + string.digits
    with open(src, "r", encoding="utf-8", newline="") as f, open(
        dst, "w", encoding="utf-8", newline=""
    ) as out:
        out.write(f.readline())
        for line in f:
            rest = line[line.index(","):]
            out.write("R_" + "".join(rng.choices(alphabet, k=15)) + rest)


if __name__ == "__main__":
    main()
