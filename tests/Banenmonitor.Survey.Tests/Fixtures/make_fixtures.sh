#!/usr/bin/env bash
# Regenerates the R `survey` reference fixtures. Needs R (apt-get install -y r-base-core r-cran-survey);
# the tests themselves do not need R.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
Rscript "$here/make_fixtures.R" "$here"
# The example files of the page /enquete are the same data (EnqueteTests checks that they stay equal).
web="$here/../../../src/Banenmonitor.Web/wwwroot/enquete"
cp "$here/populatie_cel.csv" "$web/voorbeeld-populatie.csv"
cp "$here/respondenten.csv" "$web/voorbeeld-respons.csv"
