"""Expected company scores of the roles_other test survey (tests/cli/roles_other.rs):
acme, with sales, marketing and an extra role "revops" (aliases "RevOps", "Sales Ops").
Scale 1-5; understanding = mean(q1, q2), teamwork = mean(6 - q3, q4); index = 100 (m - 1) / 4.
Run: python3 tests/reference/roles_other_reference.py
"""
import numpy as np

rows = [  # role, q1, q2, q3, q4
    ("sales", 4, 4, 2, 4), ("marketing", 2, 2, 4, 2), ("revops", 5, 5, 1, 5),
    ("sales", 3, 3, 3, 3), ("marketing", 3, 2, 3, 3), ("revops", 4, 5, 2, 4),
    ("sales", 5, 4, 1, 4), ("marketing", 4, 3, 2, 3), ("revops", 1, 1, 4, 1),
    ("marketing", 1, 1, 5, 1),
]
role = np.array([r[0] for r in rows])
q = np.array([r[1:] for r in rows], dtype=float)
dims = {"understanding": q[:, [0, 1]].mean(axis=1),
        "teamwork": np.column_stack([6 - q[:, 2], q[:, 3]]).mean(axis=1)}
idx = lambda m: 100 * (m - 1) / 4
for d, v in dims.items():
    by = {r: idx(v[role == r].mean()) for r in ["sales", "marketing", "revops"]}
    print(d, "respondent", idx(v.mean()), "role", idx(np.mean([v[role == r].mean() for r in by])),
          "by_role", by, "gap", by["marketing"] - by["sales"])
