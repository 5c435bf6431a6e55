#!/usr/bin/env bash
# Sets everything up, then runs Meshd (all services in one process) on its embedded default:
# the Bookinfo sample from disk, state under .data/, a self-signed CA. Extra flags pass through,
# e.g. scripts/run-meshd.sh --monitoring-port 0
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# A 32 MiB gen0 budget per GC heap. .NET sizes gen0 from the CPU caches; on VMs that hide them
# (no /sys/devices/system/cpu/*/cache) it falls back to 2-5 MB, which means a ~1 ms collection
# every few thousand gRPC calls and shows in Mixer's p99 (bench/README.md). Only an environment
# variable can set it (runtimeconfig.json has no knob for it); override it by exporting your own.
export DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x2000000}"
exec dotnet run --project src/Meshd --configuration Release -- --config-dir samples/bookinfo/config --data-dir .data "$@"
