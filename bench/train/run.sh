#!/usr/bin/env bash
# LoRA training step and KV-cache generation, DJL (TrainingBenchmark.java) vs PyTorch + PEFT (bench_peft.py),
# same model folder, batch and sequence length, one after the other in one run.
#   bench/train/run.sh [demo|base100m] [batch] [length] [steps] [threads]
# Needs: mvn package done (target/classes), a venv at .venv with torch transformers peft (see src/test/python).
# JAVA_BENCH_OPTS passes extra JVM options (e.g. -Dbench.dropout=0).
set -euo pipefail
cd "$(dirname "$0")/../.."
size=${1:-demo}; batch=${2:-4}; length=${3:-64}; steps=${4:-20}; threads=${5:-1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mvn -q -o -B dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" > /dev/null
cp="target/classes:$(cat "$work/cp.txt")"
javac -cp "$cp" -d "$work/classes" bench/train/TrainingBenchmark.java bench/train/WriteBenchModel.java
export OPT_OUT_TRACKING=true DJL_OFFLINE=true
java -Dai.djl.offline=true -cp "$work/classes:$cp" io.tunebatch.model.WriteBenchModel "$size" "$work/model" > /dev/null 2>&1
echo "model: $size, batch $batch x $length tokens, $steps measured steps, $threads thread(s), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
java -Xmx8g ${JAVA_BENCH_OPTS:-} -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="$threads" \
    -Dai.djl.pytorch.num_interop_threads=1 -cp "$work/classes:$cp" \
    io.tunebatch.model.TrainingBenchmark "$work/model" "$batch" "$length" "$steps" 2>/dev/null | grep -E "^java "
.venv/bin/python bench/train/bench_peft.py "$work/model" "$batch" "$length" "$steps" "$threads" 2>/dev/null | grep -E "^torch "
