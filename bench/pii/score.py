#!/usr/bin/env python3
"""Score a `tunebatch pii scan` output against a labelled JSONL (standard library only).

    python3 bench/pii/score.py --gold ../shared/bench/pii/pii-bench.jsonl --pred out.jsonl [--json]

Gold lines: {"id","text","spans":[{"start","end","type"}]}; prediction lines:
{"id","spans":[{"start","end","type","score"}]}. Span-level scoring, per entity type, in two modes:

- overlap: a prediction is correct if it overlaps a gold span of its type; a gold span is found
  if a prediction of its type overlaps it.
- exact: same type, same start and end.

Label mapping (see README.md): only the types the engine flags are scored. Gold types the
engine does not flag (DATE_TIME, ORGANIZATION, TITLE, NRP, AGE, ZIP_CODE, DOMAIN_NAME) are not
scored as misses. A prediction that overlaps no gold span of its own type counts as a false
positive, except where NEUTRAL says the benchmark labels the same text under another name
(a date of birth is labelled DATE_TIME; a ZIP code inside an address block is its own span).
An "any PII" line also scores type-agnostic masking: was each scored gold span covered by some
prediction, and does each prediction touch some labelled span.
"""
import argparse
import json
import sys
from collections import defaultdict

# what the engine reports by default (tunebatch.pii.entities); add LOCATION with --types when it is enabled
FLAGGED = ["PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "US_SSN", "CREDIT_CARD", "IBAN_CODE", "IP_ADDRESS",
           "US_PASSPORT", "US_DRIVER_LICENSE", "DATE_OF_BIRTH", "MEDICAL_RECORD_NUMBER", "ADDRESS"]
# prediction type -> gold types that, when overlapped, make the prediction neither right nor wrong
NEUTRAL = {
    "DATE_OF_BIRTH": {"DATE_TIME"},
    "ADDRESS": {"ZIP_CODE"},
    "LOCATION": {"ZIP_CODE"},
}


def load(path, what):
    docs = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
                docs[str(d["id"])] = d
            except (ValueError, KeyError) as e:
                sys.exit(f"{path} line {n}: bad {what} line ({type(e).__name__})")
    return docs


def overlaps(a, b):
    return a["start"] < b["end"] and b["start"] < a["end"]


def fbeta(p, r, beta):
    return 0.0 if p + r == 0 else (1 + beta * beta) * p * r / (beta * beta * p + r)


def prf(tp_p, n_p, tp_r, n_g):
    p = tp_p / n_p if n_p else (1.0 if n_g == 0 else 0.0)
    r = tp_r / n_g if n_g else 1.0
    return p, r, fbeta(p, r, 1), fbeta(p, r, 2)


def score(gold, pred, types):
    scored = set(types)
    c = {m: defaultdict(lambda: [0, 0, 0, 0]) for m in ("overlap", "exact")}  # tp_pred, n_pred, tp_gold, n_gold
    any_c = [0, 0, 0, 0]
    missing = 0
    for doc_id, g in gold.items():
        gs = g["spans"]
        ps = pred.get(doc_id, {}).get("spans")
        if ps is None:
            missing += 1
            ps = []
        for p in ps:
            t = p["type"]
            if t not in scored:
                continue
            same = [x for x in gs if x["type"] == t]
            hit_o = any(overlaps(p, x) for x in same)
            hit_e = any(p["start"] == x["start"] and p["end"] == x["end"] for x in same)
            neutral = not hit_o and any(overlaps(p, x) and x["type"] in NEUTRAL.get(t, ()) for x in gs)
            if not neutral:
                c["overlap"][t][0] += hit_o
                c["overlap"][t][1] += 1
                c["exact"][t][0] += hit_e
                c["exact"][t][1] += 1
            any_c[1] += 1
            any_c[0] += any(overlaps(p, x) for x in gs)
        for x in gs:
            t = x["type"]
            if t not in scored:
                continue
            same = [p for p in ps if p["type"] == t]
            c["overlap"][t][2] += any(overlaps(p, x) for p in same)
            c["overlap"][t][3] += 1
            c["exact"][t][2] += any(p["start"] == x["start"] and p["end"] == x["end"] for p in same)
            c["exact"][t][3] += 1
            any_c[3] += 1
            any_c[2] += any(overlaps(p, x) for p in ps if p["type"] in scored)
    result = {"documents": len(gold), "documents_without_prediction": missing, "modes": {}}
    for mode, counts in c.items():
        rows = {}
        total = [0, 0, 0, 0]
        for t in types:
            k = counts[t]
            if k[1] == 0 and k[3] == 0:
                continue
            p, r, f1, f2 = prf(*k)
            rows[t] = {"gold": k[3], "predicted": k[1], "precision": p, "recall": r, "f1": f1, "f2": f2}
            total = [a + b for a, b in zip(total, k)]
        p, r, f1, f2 = prf(*total)
        rows["ALL"] = {"gold": total[3], "predicted": total[1], "precision": p, "recall": r, "f1": f1, "f2": f2}
        result["modes"][mode] = rows
    p, r, f1, f2 = prf(*any_c)
    result["any_pii"] = {"gold": any_c[3], "predicted": any_c[1], "precision": p, "recall": r, "f1": f1, "f2": f2}
    return result


def table(result):
    lines = []
    for mode, rows in result["modes"].items():
        lines.append(f"\n{mode} match")
        lines.append(f"| {'type':<22} | {'gold':>5} | {'pred':>5} | {'P':>5} | {'R':>5} | {'F1':>5} | {'F2':>5} |")
        lines.append(f"|{'-' * 24}|{'-' * 7}|{'-' * 7}|{'-' * 7}|{'-' * 7}|{'-' * 7}|{'-' * 7}|")
        for t, r in rows.items():
            lines.append(f"| {t:<22} | {r['gold']:>5} | {r['predicted']:>5} | {r['precision']:.3f} | {r['recall']:.3f}"
                         f" | {r['f1']:.3f} | {r['f2']:.3f} |")
    a = result["any_pii"]
    lines.append(f"\nany PII (type-agnostic overlap): P {a['precision']:.3f} R {a['recall']:.3f} "
                 f"F1 {a['f1']:.3f} F2 {a['f2']:.3f}")
    if result["documents_without_prediction"]:
        lines.append(f"warning: {result['documents_without_prediction']} gold documents have no prediction line")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", required=True)
    ap.add_argument("--pred", required=True)
    ap.add_argument("--types", default=",".join(FLAGGED),
                    help="comma-separated types to score (default: the types the engine reports by default)")
    ap.add_argument("--id-prefix", default="", help="score only gold documents whose id starts with this")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    types = [t for t in args.types.split(",") if t]
    gold = {k: v for k, v in load(args.gold, "gold").items() if k.startswith(args.id_prefix)}
    result = score(gold, load(args.pred, "prediction"), types)
    print(json.dumps(result, indent=2) if args.json else table(result))


if __name__ == "__main__":
    main()
