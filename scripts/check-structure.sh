#!/usr/bin/env bash
# Checks the shape of the repository (issue 25): the same checks as tests/Banenmonitor.Rules.Tests/Architecture/StructureTests.cs.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet test tests/Banenmonitor.Rules.Tests -c Release --nologo -v q --filter "FullyQualifiedName~Banenmonitor.Rules.Tests.Architecture.StructureTests" "$@"
