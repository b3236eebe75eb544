#!/usr/bin/env bash
# Rollback latency with a long production history, on H2 and embedded PostgreSQL.
# Usage: bench/governance/rollback.sh [VERSIONS]   (default 100)
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -B test -Dtest=RollbackBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dversions="${1:-100}"
grep '^ROLLBACK' target/surefire-reports/io.tunebatch.registry.RollbackBenchmark-output.txt
