#!/usr/bin/env bash
# Sets everything up, then runs Meshd (all services in one process) on its embedded default:
# the Bookinfo sample from disk, state under .data/, a self-signed CA. Extra flags pass through,
# e.g. scripts/run-meshd.sh --monitoring-port 0
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec dotnet run --project src/Meshd --configuration Release -- --config-dir samples/bookinfo/config --data-dir .data "$@"
