#!/usr/bin/env python3
"""Write a responses file as another tool would have written it: the same
answers, spelled otherwise, for benchmarking files as users have them.

    scripts/dress.py STYLE IN.csv OUT.csv

STYLE is one of
  r        R's write.csv: text cells (ids, company, role) in quotes, blank
           cells NA;
  quoted   every cell in quotes (as some survey tools and spreadsheets
           write);
  labels   answers as agree-scale labels ("Strongly agree" … "Strongly
           disagree"), as Google Forms or SurveyMonkey export them;
  spaced   company ids with spaces around them, roles capitalized
           ("Sales"), CR LF line ends;
  names    company ids as names beginning and ending beyond ASCII
           ("Ørsted C00013 Å", "株式会社 C00014"), as an international
           survey names its participants;
  semicolon `;`-delimited with decimal commas in the outcome columns
           ("12,5"), as European spreadsheets save CSV;
  windows1252 the same, with companies named "Société C00013", saved in
           Windows-1252 (as older spreadsheets save CSV);
  pandas   answers written as decimals ("3.0"), as pandas writes a column
           of whole numbers with gaps;
  embedded the company column moved after the answers and outcomes, as a
           survey tool appends embedded data to its questions;
  comments a last column of open-ended comments, in quotes when they hold
           a comma, a quote or a line break (one row in 25 has one
           spanning two or three lines), as survey tools export a text
           question.

Answer columns are the header's columns 4 to 33 (the default instrument's
items, perception questions and statements, as `align generate` writes
them). Reads and writes one line at a time.
"""
import sys

LABELS = {
    "1": "Strongly disagree",
    "2": "Disagree",
    "3": "Neither agree nor disagree",
    "4": "Agree",
    "5": "Strongly agree",
}
ANSWERS = range(3, 33)


def number(cell: str) -> bool:
    try:
        float(cell)
        return True
    except ValueError:
        return False


def dress(style: str, cells: list, header: bool) -> str:
    if style == "r":
        out = []
        for c in cells:
            if c == "" and not header:
                out.append("NA")
            elif number(c) and not header:
                out.append(c)
            else:
                out.append('"' + c + '"')
        return ",".join(out) + "\n"
    if style == "quoted":
        return ",".join('"' + c + '"' for c in cells) + "\n"
    if style == "labels":
        if not header:
            for k in ANSWERS:
                cells[k] = LABELS.get(cells[k], cells[k])
        return ",".join(cells) + "\n"
    if style == "spaced":
        if not header:
            cells[1] = " " + cells[1] + " "
            cells[2] = cells[2].capitalize()
        return ",".join(cells) + "\r\n"
    if style == "names":
        if not header:
            c = cells[1]
            cells[1] = f"Ørsted {c} Å" if int(c[-1]) % 2 else f"株式会社 {c}"
        return ",".join(cells) + "\n"
    if style in ("semicolon", "windows1252"):
        if not header:
            cells = [c.replace(".", ",") if number(c) else c for c in cells]
            if style == "windows1252":
                cells[1] = "Société " + cells[1]
        return ";".join(cells) + "\n"
    if style == "pandas":
        if not header:
            for k in ANSWERS:
                if cells[k] != "":
                    cells[k] += ".0"
        return ",".join(cells) + "\n"
    if style == "embedded":
        return ",".join(cells[:1] + cells[2:] + cells[1:2]) + "\n"
    if style == "comments":
        return ",".join(cells + [comment(cells, header)]) + "\n"
    raise SystemExit(f"unknown style {style!r}")


def comment(cells: list, header: bool) -> str:
    """An open-ended answer, chosen by the respondent's id (no randomness:
    the same file every time)."""
    if header:
        return "comments"
    k = sum(map(ord, cells[0]))
    if k % 25 == 0:
        return '"We meet weekly, ""in theory"".\nIn practice: rarely.\n-- ' + cells[2] + '"'
    if k % 25 == 1:
        return '"Good, but slow hand-offs\r\nafter events"'
    if k % 5 == 2:
        return '"Leads are fine, follow-up is not"'
    if k % 5 == 3:
        return "More joint planning please"
    return ""


def main() -> None:
    style, src, dst = sys.argv[1], sys.argv[2], sys.argv[3]
    encoding = "cp1252" if style == "windows1252" else "utf-8"
    with open(src, encoding="utf-8") as f, open(dst, "w", encoding=encoding, newline="") as out:
        for k, line in enumerate(f):
            out.write(dress(style, line.rstrip("\r\n").split(","), k == 0))


if __name__ == "__main__":
    main()
