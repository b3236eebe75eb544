#!/usr/bin/env python3
"""Turn jobs/samples and its ground truth into a gold JSONL that score.py reads (standard library only).

    python3 bench/pii/samples_gold.py [--samples jobs/samples] > target/pii-bench/samples-gold.jsonl

One gold line per input/output field of each well-formed record, id "<file>:<document id>:<field>".
Planted PII keeps its type; hard negatives (ORDER_NUMBER, VERSION, ISBN, TRACKING_CODE, DATE) are
written with their own types, which score.py does not score as misses, so a detection of a
flagged type over one counts as a false positive of that type.
"""
import argparse
import csv
import json
import os
import sys
from collections import defaultdict

FIELDS = ("input", "output")


def records(path):
    if path.endswith(".csv"):
        with open(path, encoding="utf-8", errors="replace", newline="") as f:
            yield from csv.DictReader(f)
        return
    with open(path, "rb") as f:
        for raw in f:
            try:
                d = json.loads(raw.decode("utf-8"))
            except ValueError:
                continue
            if isinstance(d, dict):
                yield d


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", default="jobs/samples")
    args = parser.parse_args()
    truth = os.path.join(args.samples, "ground-truth")
    for name in sorted(os.listdir(truth)):
        if not name.endswith(".pii.jsonl"):
            continue
        source = name[: -len(".pii.jsonl")]
        spans = defaultdict(list)
        with open(os.path.join(truth, name), encoding="utf-8") as f:
            for line in f:
                t = json.loads(line)
                spans[(t["source_document_id"], t["field"])].append(
                    {"start": t["start"], "end": t["end"], "type": t["type"]})
        wanted = {doc for doc, _ in spans}
        for rec in records(os.path.join(args.samples, source)):
            doc = rec.get("source_document_id")
            if doc not in wanted:
                continue
            for field in FIELDS:
                text = rec.get(field)
                if not isinstance(text, str) or not text:
                    continue
                gold = spans.get((doc, field), [])
                if any(text[s["start"]:s["end"]] == "" for s in gold):
                    sys.exit(f"{source} {doc} {field}: ground truth offsets outside the text")
                print(json.dumps({"id": f"{source}:{doc}:{field}", "text": text, "spans": gold}, ensure_ascii=False))


if __name__ == "__main__":
    main()
