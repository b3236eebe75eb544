#!/usr/bin/env bash
# Times `tunebatch prepare` on 100k and 1M generated records, on H2 (the embedded default) and on
# PostgreSQL, beside the ceiling: a plain COPY of the same rows into the same PostgreSQL.
#
#   bench/prepare/run.sh                     # both sizes
#   SIZES="100000" bench/prepare/run.sh      # one size
#   DATABASES="postgresql" bench/prepare/run.sh   # prepare on one database only
#   SKIP_PREPARE=1 bench/prepare/run.sh      # generation and COPY only
#   JAR=/path/to/tunebatch.jar bench/prepare/run.sh   # another build, used as it is
#
# Measures (see BENCHMARKS.md, "## Prepare job"):
#   rate        examples written / wall seconds of the prepare process, minus the startup of an
#               equal process that does no work (JVM + Spring + Flyway on a fresh database)
#   peak heap   the largest heap occupancy after a GC in the -Xlog:gc log (the live-set peak),
#               and the largest before a GC; the JVM runs with a fixed -Xmx (HEAP, default 2g)
#   COPY        rows / wall seconds of one psql session that runs \copy for the three CSV files
#               of the same seed and count (client-side COPY FROM STDIN) in one transaction
# Needs: java 17, maven (only to build the jar), root or sudo for apt-get and for running
# PostgreSQL as the `postgres` user. Everything lands in WORK (default: a fresh /tmp dir, removed
# at the end unless KEEP=1; a WORK you name is kept).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR=${JAR:-$ROOT/target/tunebatch.jar}
SIZES=${SIZES:-"100000 1000000"}
DATABASES=${DATABASES:-"h2 postgresql"}
SEED=${SEED:-20260101}
HEAP=${HEAP:-2g}
if [[ -z "${WORK:-}" ]]; then
    WORK=$(mktemp -d /tmp/tunebatch-bench.XXXXXX)
    OWN_WORK=1   # only a folder made here is deleted at the end
else
    mkdir -p "$WORK"
    OWN_WORK=0
fi
RESULTS="$WORK/results.tsv"
PG_PID_DIR=""

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
json_number() { grep -o "\"$1\" *: *[0-9]*" "$2" | head -1 | grep -o '[0-9]*$'; }
json_string() { grep -o "\"$1\" *: *\"[^\"]*\"" "$2" | head -1 | sed 's/.*: *"\(.*\)"/\1/'; }

cleanup() {
    if [[ -n "$PG_PID_DIR" && -f "$PG_PID_DIR/data/postmaster.pid" ]]; then
        as_postgres "$PG_BIN/pg_ctl" -D "$PG_PID_DIR/data" -m fast stop >/dev/null 2>&1 || true
    fi
    if [[ "${KEEP:-0}" != 1 && $OWN_WORK == 1 ]]; then
        rm -rf "$WORK"
    else
        log "kept $WORK"
    fi
}
trap cleanup EXIT

build_jar() {
    if [[ "$JAR" != "$ROOT/target/tunebatch.jar" ]]; then
        return   # a jar built elsewhere (JAR=...) is used as it is
    fi
    if [[ ! -f "$JAR" ]] || [[ -n "$(find "$ROOT/src" "$ROOT/sql" "$ROOT/pom.xml" -newer "$JAR" -print -quit)" ]]; then
        log "building $JAR"
        (cd "$ROOT" && mvn -q -B package -DskipTests)
    fi
}

# tunebatch with its own database and data dir: run_tunebatch NAME DB_URL DB_USER ARGS...
run_tunebatch() {
    local name=$1 url=$2 user=$3
    shift 3
    mkdir -p "$WORK/$name"
    if ! java -Xmx"$HEAP" -Xlog:gc:file="$WORK/$name/gc.log" \
        -Dspring.datasource.url="$url" -Dspring.datasource.username="$user" \
        -Dspring.datasource.password="" -Dtunebatch.data-dir="$WORK/$name/data" \
        -jar "$JAR" "$@" >"$WORK/$name/stdout" 2>"$WORK/$name/stderr"; then
        log "tunebatch $* failed; last lines of $WORK/$name/stderr:"
        tail -5 "$WORK/$name/stderr" >&2
        return 1
    fi
}

# "live-peak before-peak" in MiB from a -Xlog:gc log ("123M->45M(512M)")
gc_peaks() {
    awk '
        function mib(v) { u = substr(v, length(v)); n = substr(v, 1, length(v) - 1) + 0;
                          return u == "G" ? n * 1024 : u == "K" ? n / 1024 : n }
        match($0, /[0-9]+[KMG]->[0-9]+[KMG]\(/) {
            split(substr($0, RSTART, RLENGTH - 1), p, "->")
            if (mib(p[2]) > after) after = mib(p[2]); if (mib(p[1]) > before) before = mib(p[1])
        }
        END { printf "%d %d", after, before }' "$1"
}

generate() {
    local records=$1 format=$2 out=$3
    [[ -d "$out" ]] && return
    log "generating $records records as $format"
    run_tunebatch "gen-$format-$records" "jdbc:h2:mem:gen" sa samples generate --out "$out" \
        --records "$records" --seed "$SEED" --format "$format" --no-ground-truth
}

# --- PostgreSQL: Debian's package, a throwaway cluster on a free port, run as `postgres` ---
as_postgres() { if [[ $(id -u) == 0 ]]; then su postgres -s /bin/bash -c "$(printf '%q ' "$@")"; else sudo -u postgres "$@"; fi; }

start_postgres() {
    if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
        log "installing Debian's postgresql package"
        local sudo=""; [[ $(id -u) == 0 ]] || sudo=sudo
        $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
    fi
    PG_BIN=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
    PG_PORT=55432
    while (echo >"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null; do PG_PORT=$((PG_PORT + 1)); done
    PG_PID_DIR="$WORK/pg"
    mkdir -p "$PG_PID_DIR" && chmod 755 "$WORK" && chown postgres "$PG_PID_DIR"
    as_postgres "$PG_BIN/initdb" -D "$PG_PID_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_PID_DIR/data" -l "$PG_PID_DIR/log" -w \
        -o "-p $PG_PORT -k $PG_PID_DIR -c listen_addresses=127.0.0.1" start >/dev/null
    log "PostgreSQL $("$PG_BIN/postgres" --version | grep -o '[0-9][0-9.]*' | head -1) on port $PG_PORT"
}

psql_run() { PGOPTIONS="-c client_min_messages=warning" "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"; }

fresh_pg_database() {
    psql_run -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1"
}

# The ceiling: the same rows (CSV of the same seed and count) loaded with COPY into a table shaped
# like the source records plus an identity key and a timestamp, as training_example has.
copy_ceiling() {
    local records=$1 csv_dir=$2 db="copy_$1"
    fresh_pg_database "$db"
    psql_run -d "$db" -c "CREATE TABLE copy_ceiling (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, source_system VARCHAR(200) NOT NULL,
        source_document_id VARCHAR(500) NOT NULL, instruction VARCHAR NOT NULL, input VARCHAR NOT NULL,
        output VARCHAR NOT NULL, annotator_id VARCHAR(200), review_status VARCHAR(16),
        created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now())"
    local script="$WORK/copy-$records.sql" columns="source_system, source_document_id, instruction, input, output, annotator_id, review_status"
    {
        echo "BEGIN;"
        for f in "$csv_dir"/*.csv; do echo "\\copy copy_ceiling ($columns) FROM '$f' WITH (FORMAT csv, HEADER true)"; done
        echo "COMMIT;"
    } >"$script"
    local start end rows
    start=$(now); psql_run -d "$db" -f "$script"; end=$(now)
    rows=$(psql_run -d "$db" -At -c "SELECT count(*) FROM copy_ceiling")
    [[ "$rows" == "$records" ]] || { log "COPY loaded $rows rows, expected $records"; exit 1; }
    record "$records" postgresql-copy "$rows" "$(seconds "$start" "$end")" - - - COMPLETED
}

# --- prepare ---
has_prepare() {   # an unknown subcommand with --help prints the root usage, so look for prepare's own
    run_tunebatch probe "jdbc:h2:mem:probe" sa prepare --help && grep -q "Usage: tunebatch prepare" "$WORK/probe/stdout"
}

# time_prepare RECORDS h2|postgresql SOURCE_DIR: startup on one fresh database, prepare on another
time_prepare() {
    local records=$1 database=$2 source=$3 user startup_url url
    if [[ $database == h2 ]]; then
        user=sa
        startup_url="jdbc:h2:file:$WORK/h2-startup-$records/db"
        url="jdbc:h2:file:$WORK/h2-$records/db"
    else
        user=postgres
        fresh_pg_database "startup_$records" && fresh_pg_database "prepare_$records"
        startup_url="jdbc:postgresql://127.0.0.1:$PG_PORT/startup_$records"
        url="jdbc:postgresql://127.0.0.1:$PG_PORT/prepare_$records"
    fi
    local start end startup name="prepare-$database-$records"
    start=$(now)
    run_tunebatch "startup-$database-$records" "$startup_url" "$user" samples generate \
        --out "$WORK/startup-$database-$records/none" --records 0 --no-ground-truth
    end=$(now)
    startup=$(seconds "$start" "$end")
    log "prepare $records records on $database"
    start=$(now)
    run_tunebatch "$name" "$url" "$user" prepare --source "$source" --json || true
    end=$(now)
    local summary="$WORK/$name/stdout" peaks
    peaks=$(gc_peaks "$WORK/$name/gc.log")
    record "$records" "$database" "$(json_number written "$summary")" "$(seconds "$start" "$end")" "$startup" \
        "${peaks% *}" "${peaks#* }" "$(json_string status "$summary")"
    log "  read $(json_number read "$summary"), rejected $(json_number rejected "$summary"), deduplicated $(json_number deduplicated "$summary")"
    grep -o '[a-z-]*: [A-Z]* after [0-9]* items read in [0-9]* ms' "$WORK/$name/stderr" | sed 's/^/    /' >&2 || true
}

record() {   # records target written wall_s startup_s live_peak_mib before_gc_peak_mib status
    local rate
    rate=$(awk -v n="$3" -v w="$4" -v s="$5" 'BEGIN { t = w - s; printf (n > 0 && t > 0) ? "%.0f" : "-", n / t }')
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "${3:--}" "$4" "$5" "$rate" "$6" "$7" "${8:--}" >>"$RESULTS"
    log "  $2 $1: $3 rows in $4 s (startup $5 s) = $rate/s, heap live/before-GC peak $6/$7 MiB, ${8:-}"
}

main() {
    printf 'records\ttarget\twritten\twall_s\tstartup_s\trows_per_s\tlive_heap_peak_mib\theap_before_gc_peak_mib\tstatus\n' >"$RESULTS"
    build_jar
    start_postgres
    local prepare=1
    if [[ "${SKIP_PREPARE:-0}" == 1 ]]; then
        prepare=0
    elif ! has_prepare; then
        log "this jar has no 'prepare' command yet: timing generation and COPY only"
        prepare=0
    fi
    for records in $SIZES; do
        generate "$records" jsonl "$WORK/jsonl-$records"
        generate "$records" csv "$WORK/csv-$records"
        copy_ceiling "$records" "$WORK/csv-$records"
        if [[ $prepare == 1 ]]; then
            for database in $DATABASES; do
                time_prepare "$records" "$database" "$WORK/jsonl-$records"
            done
        fi
    done
    log "results ($RESULTS):"
    column -t -s $'\t' "$RESULTS"
}

main "$@"
