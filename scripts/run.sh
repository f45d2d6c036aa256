#!/usr/bin/env bash
# Runs Banenmonitor on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run --project src/Banenmonitor.Cli -c Release -- quotum --jaar 2022 --fte 300 --uren-per-week 38
