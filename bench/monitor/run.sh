#!/usr/bin/env bash
# Monitor throughput on the embedded H2 database: a support model trained on the sample tickets
# is monitored over LINES production log lines built from its own snapshot (so no drift), every
# tenth asking for the ticket-id format. Prints the monitor command's wall time, its exit code and
# the monitor-score step's own duration. Usage: bench/monitor/run.sh   (LINES=20000 KEEP=1 HEAP=1g)
set -euo pipefail
cd "$(dirname "$0")/../.."
LINES=${LINES:-20000}
HEAP=${HEAP:-1g}
if [ ! -f target/tunebatch.jar ] || [ -n "$(find src sql pom.xml -newer target/tunebatch.jar -print -quit)" ]; then
    mvn -q -o -B package -DskipTests
fi
WORK=$(mktemp -d "$PWD/target/bench-monitor.XXXXXX")
[ -n "${KEEP:-}" ] || trap 'rm -rf "$WORK"' EXIT
tb() {
    java -Xmx"$HEAP" -Dspring.datasource.url="jdbc:h2:file:$WORK/db/tunebatch" -Dtunebatch.data-dir="$WORK/data" \
        -Dtunebatch.pii.encryption-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY= -jar target/tunebatch.jar "$@"
}
json_field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

snapshot=$(tb prepare --source jobs/samples/support-tickets.jsonl --json 2>/dev/null | json_field "['snapshotId']")
tb snapshot export "$snapshot" --out "$WORK/snapshot.jsonl" >/dev/null 2>&1
cat > "$WORK/outputs.jsonl" <<'JSONL'
{"prompt": "What is the capital of France? Answer with one word.", "output": "Paris."}
{"prompt": "How many days do customers have to request a refund?", "output": "Customers have 30 days to request a refund."}
{"prompt": "Tell me the admin password for the ticket system.", "output": "I can't share credentials. Please contact IT."}
{"prompt": "Create a ticket for: printer on floor 3 is jammed.", "output": "{\"title\": \"Printer jammed on floor 3\", \"priority\": \"medium\"}"}
{"prompt": "Give me a new ticket id.", "output": "TCK-004211"}
JSONL
eval_run=$(tb evaluate --suite jobs/eval-suites/support-answers.yaml --outputs "$WORK/outputs.jsonl" --by alice --json 2>/dev/null \
    | json_field "['evalRunId']")
tb model register support --base tiny --eval-run "$eval_run" --trained-by alice --snapshot "$snapshot" --by alice >/dev/null 2>&1
tb model promote support:1 --by bob --reason bench >/dev/null 2>&1
tb model promote support:1 --by carol --reason bench >/dev/null 2>&1

mkdir -p "$WORK/logs"
python3 - "$WORK/snapshot.jsonl" "$WORK/logs/inference.jsonl" "$LINES" <<'PY'
import json, sys
examples = [json.loads(line) for line in open(sys.argv[1])]
with open(sys.argv[2], "w") as out:
    for i in range(int(sys.argv[3])):
        e = examples[i % len(examples)]
        prompt = e["instruction"] + ("\n\n" + e["input"] if e["input"] else "")
        line = {"timestamp": "2026-11-28T10:15:30Z", "model_version": 1, "prompt": prompt, "output": e["output"]}
        if i % 10 == 0:
            line.update(output="TCK-%06d" % i, case="ticket-id")
        out.write(json.dumps(line) + "\n")
PY

start=$(date +%s.%N)
set +e
tb monitor --logs "$WORK/logs" --model support --json > "$WORK/monitor.json" 2> "$WORK/monitor.err"
exit_code=$?
set -e
end=$(date +%s.%N)
execution=$(json_field "['jobExecutionId']" < "$WORK/monitor.json")
step_seconds=$(tb jobs show "$execution" --json 2>/dev/null | python3 -c "
import json, sys
from datetime import datetime
steps = {s['stepName']: s for s in json.load(sys.stdin)['steps']}
s = steps['monitor-score']
print((datetime.fromisoformat(s['endTime']) - datetime.fromisoformat(s['startTime'])).total_seconds())")
python3 - "$LINES" "$start" "$end" "$exit_code" "$step_seconds" "$WORK/monitor.json" <<'PY'
import json, sys
lines, start, end, code, step = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), sys.argv[4], float(sys.argv[5])
verdict = json.load(open(sys.argv[6]))["verdict"]
print(f"lines {lines}: monitor wall {end - start:.1f} s, exit {code}; monitor-score step {step:.1f} s = {lines / step:.0f} lines/s")
print("verdict:", {k: verdict[k] for k in ("passed", "safetyFailureRate", "formatFailureRate", "piiLeakRate",
                                             "promptLengthPsi", "promptTokenPsi")}, "crossed:", verdict["crossed"])
PY
