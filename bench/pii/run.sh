#!/usr/bin/env bash
# PII benchmark: quality of `tunebatch pii scan` against a labelled JSONL, then engine throughput.
#   bench/pii/run.sh [GOLD.jsonl]      (default: ../shared/bench/pii/pii-bench.jsonl)
# Writes target/pii-bench/{pred.jsonl,scan.json,score.txt,score.json,throughput.txt}.
set -euo pipefail
cd "$(dirname "$0")/../.."
GOLD=$(realpath "${1:-../shared/bench/pii/pii-bench.jsonl}")
OUT=target/pii-bench
mkdir -p "$OUT"
mvn -q -B -DskipTests package
mvn -q -B dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt"

# the jar keeps its H2 database and PII key under ./data: run it inside the output folder
(cd "$OUT" && java -jar ../tunebatch.jar pii scan --in "$GOLD" --out pred.jsonl --json > scan.json)
python3 bench/pii/score.py --gold "$GOLD" --pred "$OUT/pred.jsonl" | tee "$OUT/score.txt"
python3 bench/pii/score.py --gold "$GOLD" --pred "$OUT/pred.jsonl" --json > "$OUT/score.json"

java -cp "target/classes:$(cat "$OUT/cp.txt")" bench/pii/Throughput.java "$GOLD" 10 | tee "$OUT/throughput.txt"
