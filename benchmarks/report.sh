#!/usr/bin/env bash
# Benchmark `yswd report` and `yswd check` on the generated store against the sqlite3 shell running
# the same aggregate queries.
#
#   bash benchmarks/report.sh [ACTIVITIES] [CONTRIBUTIONS] [RUNS]     (default 10000 1000000 5)
#
# Builds yswd in release mode, generates a synthetic store (activities spread over five
# organisations), then times, in the same run and on the same file: `yswd report --year 2026
# --format json`, `yswd check --format json`, and `sqlite3 FILE < queries.sql` (the loop summary
# query yswd runs, printed by `yswd loops --print-sql`, and the report's other aggregates: views and
# people per activity, each theme's views and answer, commitments with when they were done, update
# timings, feedback promises, follow-ups sent and the search index the similarity rule reads).
# Prints the median wall time of
# each, the ratios and peak memory. Targets: report and check under 3 s and 100 MB.
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
as_of=2027-03-31

"$yswd" init --database "$db" >/dev/null
"$yswd" generate --activities "$activities" --contributions "$contributions" --seed 7 --as-of 2026-11-27 --database "$db"
{
    "$yswd" loops --print-sql --database "$db"
    cat <<'SQL'
;
SELECT activityId, count(*), count(DISTINCT participantId) FROM contribution WHERE outOfScope IS NULL
    AND (received IS NULL OR received BETWEEN '2026-04-01' AND '2027-03-31') GROUP BY activityId;
SELECT t.activityId, t.said, (SELECT count(*) FROM themeContribution tc WHERE tc.themeId = t.id),
    EXISTS (SELECT 1 FROM decisionTheme dt JOIN decision d ON d.id = dt.decisionId
            WHERE dt.themeId = t.id AND dt.outcome = 'adopted' AND d.status <> 'dropped'),
    EXISTS (SELECT 1 FROM decisionTheme dt JOIN decision d ON d.id = dt.decisionId
            WHERE dt.themeId = t.id AND dt.outcome = 'partly' AND d.status <> 'dropped'),
    (SELECT e.reason FROM explanation e WHERE e.themeId = t.id),
    (SELECT json_group_array(d.text) FROM decisionTheme dt JOIN decision d ON d.id = dt.decisionId
     WHERE dt.themeId = t.id AND d.status <> 'dropped')
FROM theme t ORDER BY t.activityId, t.id;
SELECT d.activityId, d.status, d.due, (SELECT min(substr(h.at, 1, 10)) FROM history h WHERE h.entity = 'decision'
    AND h.entityId = d.id AND json_extract(h.after, '$.status') = 'done') FROM decision d
WHERE d.due IS NOT NULL OR d.status <> 'done';
SELECT u.activityId, u.number, u.published, (SELECT min(h.at) FROM publishedUpdate p JOIN history h
    ON h.activityId = u.activityId AND h.at >= p.recordedAt AND h.at < u.recordedAt
    AND h.entity IN ('theme', 'decision', 'decisionTheme', 'explanation', 'batch')
    WHERE p.activityId = u.activityId AND p.number = u.number - 1) FROM publishedUpdate u ORDER BY u.activityId, u.number;
SELECT entityId, action, substr(at, 1, 10), min(id) FROM history WHERE entity = 'activity'
    AND json_extract(after, '$.feedbackBy') IS NOT NULL GROUP BY entityId;
SELECT activityId, count(*) FROM followUp WHERE sent BETWEEN '2026-04-01' AND '2027-03-31' GROUP BY activityId;
SELECT s.rowid, a.ref, s.title, s.purpose, s.themes FROM activitySearch s JOIN activity a ON a.id = s.rowid ORDER BY s.rowid;
SELECT activityId, count(DISTINCT method) FROM contribution GROUP BY activityId;
SQL
} >"$work/queries.sql"


report() { "$yswd" report --year 2026 --as-of "$as_of" --format json --database "$db"; }
check() { "$yswd" check --as-of "$as_of" --format json --database "$db"; }
queries() { sqlite3 "$db" <"$work/queries.sql"; }

report_ms=$(median_ms report)
check_ms=$(median_ms check)
sqlite_ms=$(median_ms queries)
echo "yswd report --year 2026 --format json: ${report_ms} ms (median of $runs), peak $(peak_mb "$yswd" report --year 2026 --as-of "$as_of" --format json --database "$db") MB (target < 3000 ms, < 100 MB)"
echo "yswd check --format json:              ${check_ms} ms, peak $(peak_mb "$yswd" check --as-of "$as_of" --format json --database "$db") MB (target < 3000 ms)"
echo "sqlite3, the same aggregate queries:   ${sqlite_ms} ms, peak $(peak_mb sqlite3 "$db" -cmd ".read $work/queries.sql" ".quit") MB"
echo "ratio report / sqlite3:                $(ratio "$report_ms" "$sqlite_ms")"
echo "ratio check / sqlite3:                 $(ratio "$check_ms" "$sqlite_ms")"
