#!/usr/bin/env bash
# Wall time of `meshctl validate -f samples/bookinfo/config`, the installed command against
# `dotnet run --project src/Meshctl`, median of N runs each (results in bench/README.md).
#
#   bench/meshctl.sh [N] [MESHCTL]     N default 11; MESHCTL default: meshctl on PATH
#
# Install the command first with scripts/install-meshctl.sh. Both commands run with stdout and
# stderr discarded and must exit 0; the load average is printed because on a shared machine wall
# time is mostly waiting for a core.
set -euo pipefail
cd "$(dirname "$0")/.."

N="${1:-11}"
MESHCTL="${2:-$(command -v meshctl || true)}"
if [ -z "$MESHCTL" ] || [ ! -x "$MESHCTL" ]; then
  echo "bench/meshctl.sh: error: no installed meshctl; run scripts/install-meshctl.sh first, or pass its path as the second argument" >&2
  exit 1
fi

# median_ms COMMAND...: runs COMMAND N times and prints the median and minimum wall time in ms.
median_ms() {
  local times=()
  for _ in $(seq "$N"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    times+=($(((end - start) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "median %d ms, min %d ms", a[int((NR + 1) / 2)], a[1] }'
}

echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet build src/Meshctl --configuration Release --nologo --verbosity quiet >/dev/null
"$MESHCTL" validate -f samples/bookinfo/config >/dev/null 2>&1   # warm the page cache
echo "installed ($MESHCTL), $N runs: $(median_ms "$MESHCTL" validate -f samples/bookinfo/config)"
echo "dotnet run --project src/Meshctl --configuration Release --no-build, $N runs: $(median_ms dotnet run --project src/Meshctl --configuration Release --no-build -- validate -f samples/bookinfo/config)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
