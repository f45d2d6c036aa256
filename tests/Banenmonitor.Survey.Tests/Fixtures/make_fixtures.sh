#!/usr/bin/env bash
# Regenerates the R `survey` reference fixtures. Needs R (apt-get install -y r-base-core r-cran-survey);
# the tests themselves do not need R.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
Rscript "$here/make_fixtures.R" "$here"
