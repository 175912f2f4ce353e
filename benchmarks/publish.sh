#!/usr/bin/env bash
# Benchmark publishing at size: `yswd publish`, `followups` and `site` on 10 activities of 100,000
# contributions each, against the sqlite3 shell running the same counting queries.
#
#   bash benchmarks/publish.sh [ACTIVITIES] [CONTRIBUTIONS-EACH] [RUNS]     (default 10 100000 5)
#
# Builds yswd in release mode and builds the store through yswd itself: each activity's responses
# are imported from a generated CSV (participants, 10% anonymous, 1% asking to hear back, 30%
# agreeing to be quoted, eight themes), each theme is answered, two quotes per theme are chosen
# and one update per activity is recorded. A small activity (1,000 contributions, every one asking
# to hear back) has about as many follow-ups as a large one, to show follow-ups follow recipients,
# not contributions. Then a 100 KB theme text is published.
#
# Prints the median wall time and peak memory of each, and the ratios. Targets: publish under 1 s
# and 100 MB, within 3x of sqlite3; followups about the same on the large and the small activity.
set -euo pipefail
cd "$(dirname "$0")/.."

activities=${1:-10}
each=${2:-100000}
runs=${3:-5}
source benchmarks/common.sh
for tool in sqlite3 /usr/bin/time awk; do
    command -v "$tool" >/dev/null || { echo "needs $tool: apt-get install -y sqlite3 time" >&2; exit 2; }
done

swift build -c release --product yswd >/dev/null
yswd=$PWD/.build/release/yswd
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export YSWD_DATABASE=$work/bench.sqlite
as_of=2026-11-27
themes=(phones online parking waiting reception pharmacy letters results)

"$yswd" init >/dev/null
"$yswd" config set public-contact "engagement@example.nhs.uk or 024 7622 0381" >/dev/null
"$yswd" config set postal-address "Engagement team, 1 High Street, Coventry CV1 1AA" >/dev/null
"$yswd" config set public-url "https://example.org/updates/" >/dev/null

# responses FILE ROWS PREFIX FEEDBACK-PERCENT: a survey export with ROWS responses.
responses() {
    awk -v rows="$2" -v prefix="$3" -v feedback="$4" 'BEGIN {
        srand(7)
        split("phones online parking waiting reception pharmacy letters results", keys, " ")
        print "Id,Text,Respondent,Email,Keep me informed,Quote me,Themes"
        for (i = 1; i <= rows; i++) {
            anonymous = (i % 10 == 0)
            who = anonymous ? "" : prefix "-P" int(i * 0.8)
            wants = !anonymous && (i % 100) >= 1 && (i % 100) <= feedback
            email = wants ? tolower(prefix) "-" i "@example.org" : ""
            quote = (!anonymous && i % 10 < 3) ? "yes" : "no"
            theme = keys[(i % 8) + 1]
            printf "R%d,The %s could be better: response %d from the survey,%s,%s,%s,%s,%s\n",
                i, theme, i, who, email, wants ? "yes" : "no", quote, theme
        }
    }' >"$1"
}

# activity REF ROWS FEEDBACK-PERCENT: records, imports, answers and publishes one activity.
activity() {
    local ref=$1
    "$yswd" activity add "$ref" --title "Activity $ref" --purpose "Find out what would help" \
        --can-influence "How the service works" --level consult --opens 2026-06-01 --closes 2026-07-31 \
        --public-summary "We asked what would make the service better" >/dev/null
    responses "$work/$ref.csv" "$2" "$ref" "$3"
    "$yswd" contribution import "$ref" "$work/$ref.csv" --text-column Text --id-column Id \
        --participant-column Respondent --email-column Email --wants-feedback-column "Keep me informed" \
        --may-quote-column "Quote me" --theme-column Themes --create-themes --method survey >/dev/null
    local n=0
    for theme in "${themes[@]}"; do
        n=$((n + 1))
        if ((n <= 6)); then
            "$yswd" decision add "$ref" "$theme-fix" --text "We will improve the $theme" --responds-to "$theme" \
                --due 2027-03-31 >/dev/null
        else
            "$yswd" explain "$ref" "$theme" --why "The $theme service is run nationally" \
                --reason outside-control >/dev/null
        fi
        for id in $(sqlite3 "$YSWD_DATABASE" "SELECT c.number FROM contribution c JOIN participant p ON p.id = c.participantId
                JOIN themeContribution tc ON tc.contributionId = c.id JOIN theme t ON t.id = tc.themeId
                JOIN activity a ON a.id = t.activityId
                WHERE a.ref = '$ref' AND t.key = '$theme' AND p.mayQuote = 1 ORDER BY c.id DESC LIMIT 2"); do
            "$yswd" quote add "$ref" "$theme" "$id" >/dev/null
        done
    done
    "$yswd" publish "$ref" --format html --record --as-of "$as_of" --out "$work/$ref.html" 2>/dev/null
}

for i in $(seq "$activities"); do activity "A$i" "$each" 1; done
activity SMALL 1000 100
echo "store: $(du -h "$YSWD_DATABASE" | cut -f1); $(sqlite3 "$YSWD_DATABASE" 'SELECT count(*) FROM contribution') contributions"

# The counting queries publish runs (UpdateSnapshot), for activity A1, in the sqlite3 shell.
cat >"$work/counts.sql" <<'SQL'
SELECT count(*), count(DISTINCT participantId), count(*) FILTER (WHERE participantId IS NULL)
FROM contribution WHERE activityId = (SELECT id FROM activity WHERE ref = 'A1') AND outOfScope IS NULL;
SELECT coalesce(method, 'unrecorded'), count(*) FROM contribution
WHERE activityId = (SELECT id FROM activity WHERE ref = 'A1') AND outOfScope IS NULL GROUP BY 1;
SELECT theme.key, count(contribution.id), count(DISTINCT contribution.participantId),
       count(contribution.id) FILTER (WHERE contribution.participantId IS NULL)
FROM theme LEFT JOIN themeContribution ON themeContribution.themeId = theme.id
LEFT JOIN contribution ON contribution.id = themeContribution.contributionId AND contribution.outOfScope IS NULL
WHERE theme.activityId = (SELECT id FROM activity WHERE ref = 'A1') GROUP BY theme.id;
SELECT t.key, c.text FROM chosenQuote q JOIN theme t ON t.id = q.themeId JOIN contribution c ON c.id = q.contributionId
WHERE t.activityId = (SELECT id FROM activity WHERE ref = 'A1');
SQL


publish() { "$yswd" publish A1 --format html --as-of "$as_of"; }
publish_auto() { "$yswd" publish A1 --format html --as-of "$as_of" --quote-mode auto; }
counts() { sqlite3 "$YSWD_DATABASE" <"$work/counts.sql"; }
followups() { rm -rf "$work/f-$1"; "$yswd" followups "$1" --out "$work/f-$1" --as-of "$as_of"; }
site() { rm -rf "$work/site"; "$yswd" site --out "$work/site"; }
updates() { sqlite3 "$YSWD_DATABASE" "SELECT content, data FROM publishedUpdate" >/dev/null; }

publish_ms=$(median_ms publish)
auto_ms=$(median_ms publish_auto)
counts_ms=$(median_ms counts)
echo "yswd publish A1 --format html:            ${publish_ms} ms, peak $(peak_mb "$yswd" publish A1 --format html --as-of "$as_of") MB (target < 1000 ms, < 100 MB)"
echo "  with --quote-mode auto:                 ${auto_ms} ms, peak $(peak_mb "$yswd" publish A1 --format html --as-of "$as_of" --quote-mode auto) MB"
echo "sqlite3, the same counting queries:       ${counts_ms} ms"
echo "ratio publish / sqlite3:                  $(ratio "$publish_ms" "$counts_ms") (target <= 3)"

# A second language: Welsh for A1's texts and for yswd's own phrases (each the English after "CY ",
# through yswd translate, as a translator's file comes back).
fill() {
    python3 - "$1" "$2" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
with open(sys.argv[2], "w", encoding="utf-8", newline="") as out:
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(rows[0])
    for row in rows[1:]:
        writer.writerow(row[:5] + ["CY " + row[4]])
PY
}
"$yswd" config set languages en,cy >/dev/null
"$yswd" translate export A1 --language cy --format csv --out "$work/a1.csv" 2>/dev/null
fill "$work/a1.csv" "$work/a1-cy.csv"
"$yswd" translate import "$work/a1-cy.csv" >/dev/null
"$yswd" translate strings --language cy --format csv --out "$work/phrases.csv" 2>/dev/null
fill "$work/phrases.csv" "$work/phrases-cy.csv"
"$yswd" translate import "$work/phrases-cy.csv" >/dev/null
publish_cy() { "$yswd" publish A1 --format html --as-of "$as_of" --language cy; }
publish_bilingual() { "$yswd" publish A1 --format html --as-of "$as_of" --bilingual cy; }
record_en() { "$yswd" publish A1 --format html --as-of "$as_of" --record --out "$work/rec-en.html" 2>/dev/null; }
record_cy() { rm -rf "$work/rec-cy"; "$yswd" publish A1 --format html --as-of "$as_of" --record --language cy --out "$work/rec-cy" 2>/dev/null; }
cy_ms=$(median_ms publish_cy)
bilingual_ms=$(median_ms publish_bilingual)
# The two recorded runs take turns: each records one more update, so run one after the other, the
# second would record into a longer history than the first.
taking_turns_ms() {
    "$1" >/dev/null 2>&1
    "$2" >/dev/null 2>&1
    local first=() second=() start
    for _ in $(seq "$runs"); do
        start=$(date +%s%N); "$1" >/dev/null 2>&1; first+=($((($(date +%s%N) - start) / 1000000)))
        start=$(date +%s%N); "$2" >/dev/null 2>&1; second+=($((($(date +%s%N) - start) / 1000000)))
    done
    local middle=$(((runs + 1) / 2))
    echo "$(printf '%s\n' "${first[@]}" | sort -n | sed -n "${middle}p")" \
        "$(printf '%s\n' "${second[@]}" | sort -n | sed -n "${middle}p")"
}
read -r record_en_ms record_cy_ms < <(taking_turns_ms record_en record_cy)
echo "yswd publish A1 --language cy:            ${cy_ms} ms; ratio to the English page $(ratio "$cy_ms" "$publish_ms")"
echo "yswd publish A1 --bilingual cy:           ${bilingual_ms} ms; ratio to the English page $(ratio "$bilingual_ms" "$publish_ms")"
echo "recorded in English:                      ${record_en_ms} ms"
echo "recorded in English and Welsh:            ${record_cy_ms} ms; ratio $(ratio "$record_cy_ms" "$record_en_ms") (target <= 1.2: a second language adds at most 20%)"

big=$(median_ms followups A1)
small=$(median_ms followups SMALL)
big_n=$(($(ls "$work/f-A1" | wc -l) - 1))
small_n=$(($(ls "$work/f-SMALL" | wc -l) - 1))
big_each=$(ratio "$big" "$big_n")
small_each=$(ratio "$small" "$small_n")
echo "yswd followups A1: $big_n follow-ups from $each contributions: ${big} ms (${big_each} ms each), peak $(peak_mb "$yswd" followups A1 --out "$work/f-peak" --as-of "$as_of") MB"
echo "yswd followups SMALL: $small_n follow-ups from 1000 contributions: ${small} ms (${small_each} ms each)"
echo "ratio per follow-up, large / small:       $(ratio "$big_each" "$small_each") (about 1: follow-ups follow recipients)"

site_ms=$(median_ms site)
updates_ms=$(median_ms updates)
echo "yswd site ($(sqlite3 "$YSWD_DATABASE" 'SELECT count(*) FROM publishedUpdate') updates):                  ${site_ms} ms, peak $(peak_mb "$yswd" site --out "$work/site2") MB"
echo "sqlite3, reading every update:            ${updates_ms} ms; ratio $(ratio "$site_ms" "$updates_ms")"

# A single 100 KB theme text.
long=$(awk 'BEGIN { for (i = 0; i < 12800; i++) printf "Waiting "; }')
"$yswd" theme update SMALL phones --said "$long" --reason "A longer account of what people said" >/dev/null
long_ms=$(median_ms "$yswd" publish SMALL --format html --as-of "$as_of")
echo "yswd publish with a 100 KB theme text:    ${long_ms} ms (target < 1000 ms)"
