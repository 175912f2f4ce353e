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
