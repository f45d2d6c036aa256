#!/usr/bin/env bash
# Benchmark of the trace-free quota path (QuotaCalculator.Figures) reading parameters through the typed views of issue 22,
# against the same computation reading them by string key (ParameterSet.Get), in one BenchmarkDotNet run with the memory
# diagnoser (allocated bytes per employer). Usage: bench/parameter-views/run.sh [--job short|medium]  (default: short)
set -euo pipefail
cd "$(dirname "$0")/ParameterViewBench"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet run -c Release -- --filter '*QuotaFiguresBench*' --job "${1:-short}" --join
