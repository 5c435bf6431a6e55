#!/usr/bin/env bash
# Installs everything the control plane and its test suite need on Debian, idempotently:
# Debian packages for the real peers the end-to-end tests drive, the Node xDS client from its
# lockfile, and the NuGet restore. Safe to run again; it skips what is already there. It prints the
# Debian packages it is about to install before installing them (asking first when run from a
# terminal), and it never stops or reconfigures system services: the tests run their own
# redis-server and prometheus on free 127.0.0.1 ports.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  openssl          # verifies issued certificates in tests
  redis-server     # shared rate-limit counters (Mixer tests)
  prometheus       # scrapes /metrics in tests; ships promtool
  python3-grpcio   # gRPC C-core xDS client (Debian's python3 only)
  python3-protobuf
  nghttp2-client   # h2load, the gRPC load generator of bench/
  unzip            # unpacks kubectl and helm (scripts/kube-tools.sh)
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
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  # Say what is about to change on this machine before changing it.
  echo "setup: will install these Debian packages with ${SUDO:+sudo }apt-get: ${missing[*]}"
  for service in redis-server prometheus; do
    if [[ " ${missing[*]} " == *" $service "* ]]; then
      echo "setup: note: Debian starts $service as a system service on install; setup leaves it alone (the tests start their own on free ports)"
    fi
  done
  # From a terminal, ask first; unattended (CI, a pipe) the printed list is the record.
  if [ -t 0 ] && [ -t 1 ]; then
    read -r -p "setup: install them now? [Y/n] " answer
    if [[ "$answer" =~ ^[Nn] ]]; then
      echo "setup: nothing installed; install the packages above yourself, then run this again" >&2
      exit 1
    fi
  fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "setup: Debian packages already installed: ${APT_PACKAGES[*]}"
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET 10 SDK is required (dotnet on PATH); see https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2
  exit 1
fi

if [ ! -d tests/clients/node/node_modules/@grpc/grpc-js-xds ] || [ tests/clients/node/package-lock.json -nt tests/clients/node/node_modules/.package-lock.json ]; then
  echo "setup: installing the Node xDS client from its lockfile"
  (cd tests/clients/node && npm ci --no-audit --no-fund --loglevel=error)
fi

# The real kubectl and helm the Kubernetes API double is checked against, cached in .tools/.
scripts/kube-tools.sh >/dev/null

echo "setup: restoring NuGet packages"
dotnet restore ControlPlane.sln --verbosity quiet
echo "setup: done"
