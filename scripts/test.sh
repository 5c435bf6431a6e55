#!/usr/bin/env bash
# Runs the whole test suite: installs what it needs (scripts/setup.sh), builds with warnings as
# errors, and runs every test project, unit to end-to-end, against real peers.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
dotnet build ControlPlane.sln --configuration Release --no-restore
dotnet test ControlPlane.sln --configuration Release --no-build --logger "console;verbosity=normal" -- RunConfiguration.TestSessionTimeout=1500000
