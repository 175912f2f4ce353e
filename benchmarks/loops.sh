#!/usr/bin/env bash
# Benchmark `yswd loops` against the sqlite3 shell running the store's own summary query.
#
#   bash benchmarks/loops.sh [ACTIVITIES] [CONTRIBUTIONS] [RUNS]     (default 10000 1000000 5)
#
# Builds yswd in release mode, generates a synthetic store, then times, in the same run and on the
# same file: `yswd loops --format json` and `sqlite3 FILE < summary.sql` (the SQL yswd runs, printed
# by `yswd loops --print-sql`). Prints the median wall time of each, the ratio, and peak memory.
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
trap 'rm -rf "$work"' EXIT
db=$work/bench.sqlite
as_of=2026-11-27

"$yswd" init --database "$db" >/dev/null
"$yswd" generate --activities "$activities" --contributions "$contributions" --seed 7 --as-of "$as_of" --database "$db"
"$yswd" loops --print-sql --database "$db" >"$work/summary.sql"
echo "store: $(du -h "$db" | cut -f1), $("$yswd" loops --as-of "$as_of" --format csv --database "$db" | tail -n +2 | wc -l) open loops"


run_yswd() { "$yswd" loops --format json --as-of "$as_of" --database "$db"; }
run_sqlite() { sqlite3 "$db" <"$work/summary.sql"; }

yswd_ms=$(median_ms run_yswd)
sqlite_ms=$(median_ms run_sqlite)
yswd_kb=$(peak_kb "$yswd" loops --format json --as-of "$as_of" --database "$db")
sqlite_kb=$(peak_kb sqlite3 "$db" -cmd ".read $work/summary.sql" ".quit")

echo "yswd loops --format json: ${yswd_ms} ms (median of $runs), peak memory $((yswd_kb / 1024)) MB"
echo "sqlite3 summary query:    ${sqlite_ms} ms (median of $runs), peak memory $((sqlite_kb / 1024)) MB"
awk -v a="$yswd_ms" -v b="$sqlite_ms" 'BEGIN { printf "ratio yswd / sqlite3:     %.2f (target <= 2)\n", a / b }'
