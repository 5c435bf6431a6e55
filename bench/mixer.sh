#!/usr/bin/env bash
# Mixer load benchmark: h2load (nghttp2-client) drives real gRPC frames at Mixer's ext_authz,
# rate-limit and access-log services and at a trivial unary call on the same host (the ceiling).
# Usage: bench/mixer.sh [SECONDS] [--rounds N] [--warmup N] [--only NAME,NAME] [--moderate-rps N]
# (starts a throwaway redis-server for the Redis run)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no >/dev/null &
redis_pid=$!
trap 'kill $redis_pid' EXIT
dotnet build bench/Mixer.Bench -c Release -v q
bench=bench/Mixer.Bench/bin/Release/net10.0/ControlPlane.Mixer.Bench.dll
# Twice: with the runtime's own GC settings, then with the gen0 budget scripts/run-meshd.sh sets.
echo "## .NET defaults"
env -u DOTNET_GCgen0size dotnet "$bench" --seconds "$seconds" --redis "127.0.0.1:$port" "${@:2}"
echo "## DOTNET_GCgen0size=0x2000000, as scripts/run-meshd.sh runs Meshd"
DOTNET_GCgen0size=0x2000000 dotnet "$bench" --seconds "$seconds" --redis "127.0.0.1:$port" "${@:2}"
