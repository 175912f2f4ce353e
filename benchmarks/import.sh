#!/usr/bin/env bash
# Benchmark `yswd contribution import` against the sqlite3 shell reaching the same end state.
#
#   bash benchmarks/import.sh [ROWS] [RUNS]     (default 1000000 3)
#
# Writes a survey export of ROWS responses (id, date, method, text), then, in the same run and
# RUNS times each, interleaved (these machines are shared: the medians are what count):
#   1. yswd: `contribution import` into a fresh store (peak memory from /usr/bin/time);
#   2. sqlite3: `.import` into a staging table, then INSERT … SELECT into a table created with the
#      DDL of yswd's own contribution table and indexes (the same end state, without yswd's checks);
#   3. sqlite3: plain `.import` into an unindexed table, for context.
# Prints rows per second for each and the ratio. Targets: yswd at least 0.6 of the rate of (2),
# peak memory under 100 MB.
#
#   ENGINE=postgres bash benchmarks/import.sh [ROWS] [RUNS]
#
# The same on PostgreSQL (the cluster YSWD_PG_URL names, or a throwaway one started here), each run
# into a new database made by `yswd init`: yswd's import against psql `\copy` into a staging table
# then INSERT … SELECT into yswd's own contribution table, with its indexes and triggers (the same
# end state). Target: yswd at least 0.8 of psql's rate.
set -euo pipefail
cd "$(dirname "$0")/.."

rows=${1:-1000000}
runs=${2:-3}
for tool in sqlite3 python3 /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "needs $tool: apt-get install -y sqlite3 python3 time" >&2; exit 2; }
done

swift build -c release --product yswd >/dev/null
yswd=$PWD/.build/release/yswd
work=$(mktemp -d)
engine=${ENGINE:-sqlite}
trap 'rm -rf "$work"; [ "$engine" = postgres ] && postgres_stop' EXIT
source benchmarks/common.sh

python3 - "$work/responses.csv" "$rows" <<'PY'
import csv, random, sys
random.seed(7)
openers = ["I think", "In my experience", "As a carer I find", "Honestly,", "Every time I try,"]
topics = ["booking appointments", "the phone line", "parking", "online services", "waiting times", "test results"]
feelings = ["is hard to use", "takes far too long", "works well for me", "is confusing", "could be simpler"]
methods = ["survey", "online", "drop-in", "interview"]
with open(sys.argv[1], "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["Response ID", "Submitted", "How", "Comment"])
    for i in range(int(sys.argv[2])):
        text = f"{random.choice(openers)} {random.choice(topics)} {random.choice(feelings)}, \"really\", #{i}."
        w.writerow([f"R{i:07d}", f"2026-{random.randint(1, 12):02d}-{random.randint(1, 28):02d}", random.choice(methods), text])
PY
echo "file: $(du -h "$work/responses.csv" | cut -f1), $rows responses"

seconds() { python3 -c 'import sys; print(f"{(int(sys.argv[2]) - int(sys.argv[1])) / 1e9:.2f}")' "$1" "$2"; }
median() { printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"; }

if [ "$engine" = postgres ]; then
    postgres_start
    cat >"$work/reference.sql" <<SQL
CREATE TEMP TABLE staging ("Response ID" text, "Submitted" text, "How" text, "Comment" text);
\\copy staging FROM '$work/responses.csv' WITH (FORMAT csv, HEADER true)
BEGIN;
INSERT INTO batch (kind, description, actor, at) VALUES ('import', 'benchmark', 'psql', '2026-11-27T00:00:00.000Z');
INSERT INTO contribution (activityId, text, method, received, sourceId, sourceColumn, batchId, number)
    SELECT (SELECT id FROM activity WHERE ref = 'BENCH'), "Comment", "How", "Submitted", "Response ID", 'Comment',
        currval(pg_get_serial_sequence('batch', 'id')), row_number() OVER ()
    FROM staging;
COMMIT;
SQL
    fresh() {
        local url
        url=$(postgres_database "$1")
        "$yswd" init --database "$url" >/dev/null
        "$yswd" activity add BENCH --title "Benchmark" --purpose "Import speed" --can-influence "Nothing" \
            --level consult --database "$url" >/dev/null
        echo "$url"
    }
    yswd_times=() psql_times=()
    for run in $(seq "$runs"); do
        db=$(fresh yswd_bench_import)
        start=$(date +%s%N)
        /usr/bin/time -f %M -o "$work/yswd.kb" "$yswd" contribution import BENCH "$work/responses.csv" \
            --text-column Comment --id-column "Response ID" --date-column Submitted --method-column How \
            --database "$db" >/dev/null
        yswd_times+=("$(seconds "$start" "$(date +%s%N)")")
        added=$(psql "$db" -Atc "SELECT count(*) FROM contribution")

        ref=$(fresh yswd_bench_reference)
        start=$(date +%s%N)
        psql "$ref" -q -v ON_ERROR_STOP=1 -f "$work/reference.sql" >/dev/null
        psql_times+=("$(seconds "$start" "$(date +%s%N)")")
        check=$(psql "$ref" -Atc "SELECT count(*) FROM contribution")
    done
    echo "runs (s): yswd ${yswd_times[*]}; psql \\copy + INSERT … SELECT ${psql_times[*]}"
    [ "$check" = "$rows" ] && [ "$added" = "$rows" ] || { echo "row counts differ: yswd $added, psql $check" >&2; exit 1; }
    python3 - "$rows" "$(median "${yswd_times[@]}")" "$(median "${psql_times[@]}")" "$(cat "$work/yswd.kb")" "$runs" <<'PY'
import sys
rows, yswd, ref, kb = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
print(f"medians of {sys.argv[5]} runs, PostgreSQL")
print(f"yswd contribution import:             {yswd:6.2f} s  {rows / yswd:10,.0f} rows/s  peak memory {kb / 1024:.0f} MB")
print(f"psql \\copy + INSERT … SELECT:          {ref:6.2f} s  {rows / ref:10,.0f} rows/s  (same end state)")
print(f"ratio yswd / same-end-state rate:     {ref / yswd:.2f} (target >= 0.8)")
PY
    exit 0
fi


# The statements the sqlite3 shell runs to reach the same end state: the DDL of yswd's own
# contribution table and indexes, .import into a staging table, then INSERT … SELECT.
db=$work/yswd.sqlite
"$yswd" init --database "$db" >/dev/null
{
    sqlite3 "$db" "SELECT sql || ';' FROM sqlite_master WHERE tbl_name = 'contribution' AND type IN ('table', 'index') AND sql IS NOT NULL"
    echo ".mode csv"
    echo ".import $work/responses.csv staging"
    echo "INSERT INTO contribution (activityId, text, method, received, sourceId, sourceColumn, batchId)"
    echo "  SELECT 1, Comment, How, Submitted, \"Response ID\", 'Comment', 1 FROM staging;"
} >"$work/reference.sql"

yswd_times=() same_times=() plain_times=()
for run in $(seq "$runs"); do
    # 1. yswd, into a fresh store.
    db=$work/yswd-$run.sqlite
    "$yswd" init --database "$db" >/dev/null
    "$yswd" activity add BENCH --title "Benchmark" --purpose "Import speed" --can-influence "Nothing" --level consult \
        --database "$db" >/dev/null
    start=$(date +%s%N)
    /usr/bin/time -f %M -o "$work/yswd.kb" "$yswd" contribution import BENCH "$work/responses.csv" --text-column Comment \
        --id-column "Response ID" --date-column Submitted --method-column How --database "$db" >/dev/null
    yswd_times+=("$(seconds "$start" "$(date +%s%N)")")
    added=$(sqlite3 "$db" "SELECT count(*) FROM contribution")
    rm -f "$db"*

    # 2. sqlite3, same end state.
    ref=$work/reference-$run.sqlite
    start=$(date +%s%N)
    sqlite3 "$ref" <"$work/reference.sql"
    same_times+=("$(seconds "$start" "$(date +%s%N)")")
    check=$(sqlite3 "$ref" "SELECT count(*) FROM contribution")
    rm -f "$ref"*

    # 3. sqlite3, plain .import into an unindexed table.
    start=$(date +%s%N)
    sqlite3 "$work/plain-$run.sqlite" ".mode csv" ".import $work/responses.csv plain"
    plain_times+=("$(seconds "$start" "$(date +%s%N)")")
    rm -f "$work/plain-$run.sqlite"
done
yswd_s=$(median "${yswd_times[@]}")
same_s=$(median "${same_times[@]}")
plain_s=$(median "${plain_times[@]}")
echo "runs (s): yswd ${yswd_times[*]}; sqlite3 same end state ${same_times[*]}; plain ${plain_times[*]}"

[ "$check" = "$rows" ] && [ "$added" = "$rows" ] || { echo "row counts differ: yswd $added, sqlite3 $check" >&2; exit 1; }

python3 - "$rows" "$yswd_s" "$same_s" "$plain_s" "$(cat "$work/yswd.kb")" "$runs" <<'PY'
import sys
rows, yswd, same, plain, kb = int(sys.argv[1]), *map(float, sys.argv[2:5]), int(sys.argv[5])
print(f"medians of {sys.argv[6]} runs")
print(f"yswd contribution import:          {yswd:6.2f} s  {rows / yswd:10,.0f} rows/s  peak memory {kb / 1024:.0f} MB")
print(f"sqlite3 .import + INSERT … SELECT:  {same:6.2f} s  {rows / same:10,.0f} rows/s  (same end state)")
print(f"sqlite3 plain .import (no indexes): {plain:6.2f} s  {rows / plain:10,.0f} rows/s  (context)")
print(f"ratio yswd / same-end-state rate:   {same / yswd:.2f} (target >= 0.6)")
PY
