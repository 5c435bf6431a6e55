#!/usr/bin/env bash
# Installs everything the control plane and its test suite need on Debian, idempotently:
# Debian packages for the real peers the end-to-end tests drive, the Node xDS client from its
# lockfile, and the NuGet restore. Safe to run again; it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  openssl          # verifies issued certificates in tests
  redis-server     # shared rate-limit counters (Mixer tests)
  prometheus       # scrapes /metrics in tests; ships promtool
  python3-grpcio   # gRPC C-core xDS client (Debian's python3 only)
  python3-protobuf
  nghttp2-client   # h2load, the gRPC load generator of bench/
  ca-certificates curl
)

# Node.js runs the @grpc/grpc-js-xds client; some machines ship a Node.js that bundles npm.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  APT_PACKAGES+=(nodejs npm)
fi

missing=()
for package in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Debian starts these as system services on install; the tests start their own on free ports.
for service in redis-server prometheus; do
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet "$service" 2>/dev/null; then
    systemctl stop "$service" || true
  fi
done

if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET 10 SDK is required (dotnet on PATH); see https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2
  exit 1
fi

if [ ! -d tests/clients/node/node_modules/@grpc/grpc-js-xds ] || [ tests/clients/node/package-lock.json -nt tests/clients/node/node_modules/.package-lock.json ]; then
  echo "setup: installing the Node xDS client from its lockfile"
  (cd tests/clients/node && npm ci --no-audit --no-fund --loglevel=error)
fi

echo "setup: restoring NuGet packages"
dotnet restore ControlPlane.sln --verbosity quiet
echo "setup: done"
