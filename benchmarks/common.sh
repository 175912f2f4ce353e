# Shared by the benchmark scripts: `source "$(dirname "$0")/common.sh"` after setting `runs`.

# The median wall time in milliseconds of running "$@" $runs times, after one warm-up run.
median_ms() {
    "$@" >/dev/null 2>&1
    local times=()
    for _ in $(seq "$runs"); do
        local start end
        start=$(date +%s%N)
        "$@" >/dev/null 2>&1
        end=$(date +%s%N)
        times+=($(((end - start) / 1000000)))
    done
    printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p"
}

# Peak resident memory of running "$@" once, in KB and in MB.
peak_kb() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
peak_mb() { peak_kb "$@" | awk '{ printf "%d", $1 / 1024 }'; }

# a / b to two decimals (b of 0 counts as 1).
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / (b > 0 ? b : 1) }'; }

# PostgreSQL for a benchmark (ENGINE=postgres): the cluster YSWD_PG_URL names, else a throwaway
# one started here with durable settings (fsync on); `postgres_stop` in the script's exit trap
# stops a cluster started here.
postgres_start() {
    command -v psql >/dev/null || { echo "needs psql: apt-get install -y postgresql-15" >&2; exit 2; }
    if [ -z "${YSWD_PG_URL:-}" ]; then
        eval "$(scripts/postgres start)"
        pg_started=$YSWD_PG_DIR
    fi
}
postgres_stop() { [ -n "${pg_started:-}" ] && scripts/postgres stop "$pg_started"; return 0; }

# The URL of a new, empty database NAME on that cluster (dropped first if it is there).
postgres_database() {
    PGOPTIONS="-c client_min_messages=warning" psql "$YSWD_PG_URL" -qc "DROP DATABASE IF EXISTS $1" \
        -c "CREATE DATABASE $1" >/dev/null
    echo "${YSWD_PG_URL%/*}/$1"
}
