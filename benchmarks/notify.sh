#!/usr/bin/env bash
# Benchmark `yswd notify send` against GOV.UK Notify's rate limit, with a fake Notify
# (benchmarks/fake_notify.py, which checks each token and refuses with 429 beyond the limit).
#
#   bash benchmarks/notify.sh [PEOPLE] [KILLS]     (default 10000 30; PEOPLE 0 skips part 1)
#
# 1. Sends PEOPLE follow-ups by email under a limit of 3,000 requests a minute, and prints the rate
#    reached (target: at least 2,500 a minute), its ratio to the limit (the reference: the most
#    Notify takes), requests refused for the rate (target 0), and peak memory (target under 100 MB).
# 2. Kills `yswd notify send` with SIGKILL at KILLS random moments while it sends 600 follow-ups
#    (a limit of 30,000 a minute, so the kills land mid-run), then resumes: every person must have
#    received exactly one message, counted at the fake.
set -euo pipefail
cd "$(dirname "$0")/.."

people=${1:-10000}
kills=${2:-30}
for tool in python3 curl /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "needs $tool: apt-get install -y python3 curl time" >&2; exit 2; }
done
swift build -c release --product yswd >/dev/null
yswd=$PWD/.build/release/yswd
work=$(mktemp -d)
fake_pid=
trap '[ -n "$fake_pid" ] && kill "$fake_pid" 2>/dev/null; rm -rf "$work"' EXIT

service=26785a09-ab16-4eb0-8407-a37497a57506
secret=3d844edf-8d35-48ac-975b-e847b4f122b0
port=$((30000 + $$ % 5000))

# A published activity whose PEOPLE participants each asked to hear back by email.
record() { # DATABASE PEOPLE PER_MINUTE
    local db=$1 count=$2
    python3 - "$work/people.csv" "$count" <<'PY'
import csv, sys
with open(sys.argv[1], "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["Respondent", "Email", "Views", "Keep me informed"])
    for i in range(int(sys.argv[2])):
        w.writerow([f"R-{i}", f"person{i}@example.org", f"The phone line is busy ({i})", "yes"])
PY
    export YSWD_DATABASE=$db
    "$yswd" init >/dev/null
    "$yswd" activity add GP --title "Getting a GP appointment" --purpose "Why booking is hard" \
        --can-influence "The booking line" --level consult --opens 2026-01-05 --closes 2026-02-27 \
        --feedback-by 2026-04-30 --feedback-channel email --public-contact engage@example.nhs.uk >/dev/null
    "$yswd" contribution import GP "$work/people.csv" --text-column Views --participant-column Respondent \
        --email-column Email --wants-feedback-column "Keep me informed" >/dev/null
    "$yswd" theme add GP phone --said "The phone line is busy" --contribution "1-$count" >/dev/null
    "$yswd" decision add GP callback --text "We added a call-back option" --responds-to phone \
        --status done >/dev/null
    "$yswd" publish GP --format html --out "$work/update.html" --record >/dev/null 2>&1
    printf '%s' "yswd_bench-$service-$secret" | "$yswd" config set notify-api-key --from-file - >/dev/null
    "$yswd" config set notify-base-url "http://127.0.0.1:$port" >/dev/null
    "$yswd" config set notify-email-template 11111111-1111-4111-8111-111111111111 >/dev/null
    "$yswd" config set notify-rate-limit "$3" >/dev/null
}

fake() { # PER_MINUTE
    [ -n "$fake_pid" ] && kill "$fake_pid" 2>/dev/null && wait "$fake_pid" 2>/dev/null || true
    python3 benchmarks/fake_notify.py "$port" "$1" "$service" "$secret" &
    fake_pid=$!
    for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/_counts" >/dev/null && return; sleep 0.1; done
    echo "the fake Notify did not start" >&2
    exit 2
}
counts() { curl -sf "http://127.0.0.1:$port/_counts"; }
field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }

if [ "$people" -gt 0 ]; then
echo "1. $people follow-ups by email, limit 3000 a minute"
record "$work/send.sqlite" "$people" 3000
fake 3000
start=$(date +%s%N)
peak=$(/usr/bin/time -f %M "$yswd" notify send GP 2>&1 >/dev/null | tail -1)
end=$(date +%s%N)
seconds=$(awk -v n=$((end - start)) 'BEGIN { printf "%.1f", n / 1e9 }')
state=$(counts)
sent=$(echo "$state" | field messages)
rate=$(awk -v s="$sent" -v t="$seconds" 'BEGIN { printf "%d", s / t * 60 }')
echo "   sent $sent in ${seconds} s: $rate a minute; ratio to the limit $(awk -v r="$rate" 'BEGIN { printf "%.2f", r / 3000 }')"
echo "   requests refused for the rate: $(echo "$state" | field rate_limited); most messages to one person: $(echo "$state" | field most_to_one)"
echo "   peak memory: $((peak / 1024)) MB"
fi

echo "2. SIGKILL at $kills random moments while sending 600, then resumed"
record "$work/kill.sqlite" 600 30000
fake 30000
for _ in $(seq "$kills"); do
    "$yswd" notify send GP >/dev/null 2>&1 &
    pid=$!
    sleep "$(awk -v r=$RANDOM 'BEGIN { printf "%.2f", 0.15 + (r % 100) / 200 }')"
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
done
"$yswd" notify send GP >/dev/null 2>&1 || true
state=$(counts)
echo "   $(echo "$state" | field recipients) people got a message, at most $(echo "$state" | field most_to_one) each" \
    "($(echo "$state" | field messages) messages for 600 people)"
left=$("$yswd" notify status GP --format csv | grep -c -E ',(queued|sending),' || true)
echo "   delivery records still queued or sending: $left"
