#!/usr/bin/env bash
# Load test of the staff web app's dashboard and an activity's overview with wrk, with writes made
# during the load.
#
#   bash benchmarks/web.sh [ACTIVITIES] [CONTRIBUTIONS] [SECONDS] [CLIENTS]   (default 10000 1000000 30 20)
#
# Builds yswd in release mode, generates a synthetic store, signs an admin in, then, in the same
# run: `yswd loops` timed for reference (median of 3), and wrk with CLIENTS connections asking for
# the dashboard for SECONDS, then for an activity's overview for SECONDS, while a writer adds a
# contribution through the web app every second and the command line (another process) adds one
# every 2 seconds. Prints requests per second,
# p50/p95/p99 latency, errors, and how many writes succeeded. Targets: p95 under 300 ms; every write
# succeeds (no "database is locked").
#
#   ENGINE=postgres bash benchmarks/web.sh …
#
# The same on PostgreSQL (the cluster YSWD_PG_URL names, or a throwaway one started here): the
# record is copied into a new database, two `yswd serve` share it, and two wrk processes, each with
# half the clients, load one server each at the same time (the writes go through the first).
set -euo pipefail
cd "$(dirname "$0")/.."

activities=${1:-10000}
contributions=${2:-1000000}
seconds=${3:-30}
clients=${4:-20}
runs=3
source benchmarks/common.sh
for tool in wrk curl; do
    command -v "$tool" >/dev/null || { echo "needs $tool: apt-get install -y wrk curl" >&2; exit 2; }
done

swift build -c release --product yswd >/dev/null
yswd=$PWD/.build/release/yswd
work=$(mktemp -d)
db=$work/bench.sqlite
port=$((18000 + RANDOM % 2000))
base=http://127.0.0.1:$port
server=""
second=""
engine=${ENGINE:-sqlite}
cleanup() {
    [ -n "$server" ] && kill "$server" 2>/dev/null
    [ -n "$second" ] && kill "$second" 2>/dev/null
    rm -rf "$work"
    [ "$engine" = postgres ] && postgres_stop
    return 0
}
trap cleanup EXIT

"$yswd" init --database "$db" >/dev/null
"$yswd" generate --activities "$activities" --contributions "$contributions" --seed 7 --database "$db"
if [ "$engine" = postgres ]; then
    postgres_start
    file=$db
    db=$(postgres_database yswd_bench_web)
    "$yswd" copy --from "$file" --to "$db" | tail -1
fi
ref=$("$yswd" activity list --format csv --database "$db" | sed -n 2p | cut -d, -f1)
echo "store: $( [ "$engine" = postgres ] && echo PostgreSQL || du -h "$db" | cut -f1); writes go to $ref"

loops_ms=$(median_ms "$yswd" loops --format json --database "$db")
echo "yswd loops --format json: ${loops_ms} ms (median of $runs), for reference"

link=$("$yswd" user add bench@example.org --name "Bench Admin" --role admin --server "$base" --database "$db" | tail -1)
"$yswd" serve --port "$port" --database "$db" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 100); do curl -s -o /dev/null "$base/sign-in" && break; sleep 0.1; done
if [ "$engine" = postgres ]; then
    other=http://127.0.0.1:$((port + 1))
    "$yswd" serve --port "$((port + 1))" --database "$db" >"$work/serve2.log" 2>&1 &
    second=$!
    for _ in $(seq 100); do curl -s -o /dev/null "$other/sign-in" && break; sleep 0.1; done
fi
password="copper violin meadow tide"
curl -s -o /dev/null -H "Origin: $base" --data-urlencode "password=$password" --data-urlencode "confirm=$password" "$link"
# The sign-in form's token comes with its page, in the page and in a cookie.
signin=$(curl -s -c "$work/jar" "$base/sign-in" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"//')
curl -s -o /dev/null -b "$work/jar" -c "$work/jar" -H "Origin: $base" --data-urlencode "email=bench@example.org" \
    --data-urlencode "password=$password" --data-urlencode "csrf=$signin" "$base/sign-in"
cookie="yswd_session=$(awk '$6 == "yswd_session" { print $7 }' "$work/jar")"
csrf=$(curl -s -H "Cookie: $cookie" "$base/activities/$ref" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"//')
start=$(date +%s%N)
curl -s -o /dev/null -H "Cookie: $cookie" "$base/"
echo "first dashboard (reads every loop): $((($(date +%s%N) - start) / 1000000)) ms"
# The second server reads its loops once too, as the first just did, before the load.
[ "$engine" = postgres ] && curl -s -o /dev/null -H "Cookie: $cookie" "$other/"

cat >"$work/report.lua" <<'LUA'
done = function(summary, latency, requests)
    io.write(string.format("requests/s: %.1f\n", summary.requests / (summary.duration / 1e6)))
    for _, p in ipairs({50, 95, 99}) do
        io.write(string.format("p%d: %.1f ms\n", p, latency:percentile(p) / 1000))
    end
    local e = summary.errors
    io.write(string.format("errors: %d (connect %d, read %d, write %d, timeout %d, non-2xx %d)\n",
        e.connect + e.read + e.write + e.timeout + e.status, e.connect, e.read, e.write, e.timeout, e.status))
end
LUA

# Writes during the load: through the web app every second, through the command line every 2 s.
web_ok=0; web_failed=0; cli_ok=0; cli_failed=0
(
    end=$((SECONDS + 2 * seconds))
    while [ $SECONDS -lt $end ]; do
        status=$(curl -s -o /dev/null -w "%{http_code}" -H "Cookie: $cookie" -H "Origin: $base" \
            --data-urlencode "csrf=$csrf" --data-urlencode "contribution-text=Written during the load" \
            "$base/activities/$ref/contributions")
        [ "$status" = 303 ] && echo web-ok || echo "web-failed $status"
        sleep 1
    done
) >"$work/web-writes" &
web_writer=$!
(
    end=$((SECONDS + 2 * seconds))
    while [ $SECONDS -lt $end ]; do
        if "$yswd" contribution add "$ref" --text "Written by the command line" --database "$db" >/dev/null 2>>"$work/cli-errors"; then
            echo cli-ok
        else
            echo cli-failed
        fi
        sleep 2
    done
) >"$work/cli-writes" &
cli_writer=$!

# One wrk with every client; on PostgreSQL, two at once with half each, one per server.
load() {
    if [ "$engine" = postgres ]; then
        wrk -t1 -c"$((clients / 2))" -d"${seconds}s" --timeout 10s -H "Cookie: $cookie" -s "$work/report.lua" \
            "$base$1" >"$work/wrk-a" &
        local first=$!
        wrk -t1 -c"$((clients - clients / 2))" -d"${seconds}s" --timeout 10s -H "Cookie: $cookie" \
            -s "$work/report.lua" "$other$1" >"$work/wrk-b"
        wait "$first"
        echo " first server ($((clients / 2)) clients):"
        sed -n '/requests\/s/,$p' "$work/wrk-a" | sed 's/^/  /'
        echo " second server ($((clients - clients / 2)) clients):"
        sed -n '/requests\/s/,$p' "$work/wrk-b" | sed 's/^/  /'
    else
        wrk -t2 -c"$clients" -d"${seconds}s" --timeout 10s -H "Cookie: $cookie" -s "$work/report.lua" "$base$1" \
            | sed -n '/requests\/s/,$p'
    fi
}
echo "the dashboard (/):"
load /
echo "an activity's overview (/activities/$ref):"
load "/activities/$ref"
wait "$web_writer" "$cli_writer"
web_ok=$(grep -c '^web-ok' "$work/web-writes" || true)
web_failed=$(grep -c '^web-failed' "$work/web-writes" || true)
cli_ok=$(grep -c '^cli-ok' "$work/cli-writes" || true)
cli_failed=$(grep -c '^cli-failed' "$work/cli-writes" || true)
echo "writes during the load: web $web_ok succeeded, $web_failed failed; command line $cli_ok succeeded, $cli_failed failed"
[ -s "$work/cli-errors" ] && sed 's/^/  /' "$work/cli-errors" | sort | uniq -c
echo "targets: p95 under 300 ms for both pages with $clients clients; every write succeeds"
