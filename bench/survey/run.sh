#!/usr/bin/env bash
# Survey benchmark: Banenmonitor.Survey vs R's survey package on the same synthetic respondents, in one command.
#   bench/survey/run.sh [respondents=100000] [reps=5]
# Needs R with the survey package (apt-get install -y r-base-core r-cran-survey) and the .NET SDK.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
n="${1:-100000}"; reps="${2:-5}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
echo "== R survey ($n respondenten, $reps herhalingen)"
Rscript "$here/bench.R" "$work" "$n" "$reps"
echo "== Banenmonitor.Survey"
dotnet run -c Release --project "$here/SurveyBench" -- "$work" "$((reps * 4))"
