#!/usr/bin/env bash
# Reproduces the BBBC021 MOA figures of docs/evaluation.md with the built hcs-evaluate, from the
# shared per-well profiles (data/bbbc021-ljosa2013-profiles), and exits non-zero when an accuracy
# falls below the recorded figure.
#   usage: scripts/reproduce-bbbc021.sh [build folder (build)] [data root (../shared/data)]
#   HCS_REPRODUCE_SELECTION=1 also reruns the leave-one-compound-out selection (about a minute).
set -euo pipefail
cd "$(dirname "$0")/.."

build=${1:-build}
data_root=${2:-${HCS_DATA_ROOT:-../shared/data}}
program="$build/bin/hcs-evaluate"
profiles="$data_root/bbbc021-ljosa2013-profiles/ljosa_jbiomolscreen_2013_per_well_mean.csv.gz"
output=${HCS_REPRODUCE_OUTPUT:-$(mktemp -d)}
[ -x "$program" ] || { echo "reproduce-bbbc021: $program not built" >&2; exit 2; }
[ -f "$profiles" ] || { echo "reproduce-bbbc021: $profiles not found" >&2; exit 2; }

failures=0

# Reads "correct evaluated" of a rule from report.json (no Python: the report is indented JSON).
correct_of() {  # report rule
    sed -n "/\"$2\": {/,/\"evaluated\"/p" "$1" | grep -m2 -E '"(correct|evaluated)"' |
        tr -dc '0-9\n' | paste -sd' '
}

check() {  # name config rule minimum_correct expected_evaluated
    local report="$output/$1/report.json" figures correct evaluated
    figures=$(correct_of "$report" "$3")
    correct=${figures% *}
    evaluated=${figures#* }
    if [ "$evaluated" != "$5" ] || [ "$correct" -lt "$4" ]; then
        echo "FAIL $1 $3: $correct/$evaluated, recorded $4/$5" >&2
        failures=$((failures + 1))
    else
        echo "ok   $1 $3: $correct/$evaluated (recorded $4/$5)"
    fi
}

run() {  # name config
    "$program" --input "$profiles" --config "$2" --data-root "$data_root" \
        --output "$output/$1" --log-level warn
}

# 1. The reference evaluation of the data README: 467 features (whole-token rule) and 452
#    (substring rule), per-plate DMSO standardisation, treatment means, cosine 1-NN.
run reference configs/bbbc021-reference.json
check reference configs/bbbc021-reference.json NSC 85 103
check reference configs/bbbc021-reference.json NSCB 67 92
substring_config="$output/substring.json"
sed 's/"match": "whole_token"/"match": "substring"/' configs/bbbc021-reference.json \
    > "$substring_config"
run substring "$substring_config"
check substring "$substring_config" NSC 84 103
check substring "$substring_config" NSCB 66 92

# 2. The configuration chosen by leave-one-compound-out selection (docs/evaluation.md).
run best configs/bbbc021-best.json
check best configs/bbbc021-best.json NSC 97 103
check best configs/bbbc021-best.json NSCB 73 92
if [ "${HCS_REPRODUCE_SELECTION:-0}" = 1 ]; then
    run selection configs/bbbc021-selection.json
    check selection configs/bbbc021-selection.json NSC 97 103
    grep -q '"chosen_on_all": 23' "$output/selection/report.json" ||
        { echo "FAIL selection: another candidate than 23 chosen" >&2; failures=$((failures + 1)); }
fi

echo "reports in $output"
exit $((failures > 0))
