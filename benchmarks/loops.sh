#!/usr/bin/env bash
# Benchmark `yswd loops` against the database's own shell running the store's own summary query.
#
#   bash benchmarks/loops.sh [ACTIVITIES] [CONTRIBUTIONS] [RUNS]     (default 10000 1000000 5)
#   ENGINE=postgres bash benchmarks/loops.sh …                      (the same on PostgreSQL)
#
# Builds yswd in release mode, generates a synthetic store, then times, in the same run and on the
# same file: `yswd loops --format json` and `sqlite3 FILE < summary.sql` (the SQL yswd runs, printed
# by `yswd loops --print-sql`). Prints the median wall time of each, the ratio, and peak memory.
# On PostgreSQL the record is copied into a new database (`yswd copy`, timed) on the cluster
# YSWD_PG_URL names, or on a throwaway one started here, and the reference is `psql -f summary.sql`.
# Targets: ratio <= 2, yswd well under a second, peak memory under 50 MB.
set -euo pipefail
cd "$(dirname "$0")/.."

activities=${1:-10000}
contributions=${2:-1000000}
runs=${3:-5}
source benchmarks/common.sh
for tool in sqlite3 /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "needs $tool: apt-get install -y sqlite3 time" >&2; exit 2; }
done

swift build -c release --product yswd >/dev/null
yswd=$PWD/.build/release/yswd
work=$(mktemp -d)
engine=${ENGINE:-sqlite}
trap 'rm -rf "$work"; [ "$engine" = postgres ] && postgres_stop' EXIT
db=$work/bench.sqlite
as_of=2026-11-27

"$yswd" init --database "$db" >/dev/null
"$yswd" generate --activities "$activities" --contributions "$contributions" --seed 7 --as-of "$as_of" --database "$db"
echo "store: $(du -h "$db" | cut -f1)"
if [ "$engine" = postgres ]; then
    postgres_start
    file=$db
    db=$(postgres_database yswd_bench_loops)
    start=$(date +%s%N)
    "$yswd" copy --from "$file" --to "$db" | tail -1
    echo "yswd copy to PostgreSQL: $((($(date +%s%N) - start) / 1000000)) ms"
    reference=psql
    run_reference() { psql "$db" -q -o /dev/null -f "$work/summary.sql"; }
    reference_kb() { peak_kb psql "$db" -q -o /dev/null -f "$work/summary.sql"; }
else
    reference=sqlite3
    run_reference() { sqlite3 "$db" <"$work/summary.sql"; }
    reference_kb() { peak_kb sqlite3 "$db" -cmd ".read $work/summary.sql" ".quit"; }
fi
"$yswd" loops --print-sql --database "$db" >"$work/summary.sql"
echo "$("$yswd" loops --as-of "$as_of" --format csv --database "$db" | tail -n +2 | wc -l) open loops ($engine)"

run_yswd() { "$yswd" loops --format json --as-of "$as_of" --database "$db"; }

yswd_ms=$(median_ms run_yswd)
reference_ms=$(median_ms run_reference)
yswd_kb=$(peak_kb "$yswd" loops --format json --as-of "$as_of" --database "$db")
ref_kb=$(reference_kb)

echo "yswd loops --format json: ${yswd_ms} ms (median of $runs), peak memory $((yswd_kb / 1024)) MB"
echo "$reference summary query:    ${reference_ms} ms (median of $runs), peak memory $((ref_kb / 1024)) MB (the client)"
awk -v a="$yswd_ms" -v b="$reference_ms" -v r="$reference" 'BEGIN { printf "ratio yswd / %s:     %.2f (target <= 2)\n", r, a / b }'
