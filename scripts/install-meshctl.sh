#!/usr/bin/env bash
# Builds meshctl as one self-contained, ReadyToRun executable and installs it as BIN_DIR/meshctl
# (default /usr/local/bin), then checks that the installed command validates the Bookinfo sample
# and rejects an invalid object. Idempotent: an unchanged binary is left as it is.
#
#   scripts/install-meshctl.sh [BIN_DIR]
#
# The .NET tool package is the other way to install it:
#   dotnet pack src/Meshctl -c Release -o artifacts/nupkg
#   dotnet tool install --global --add-source artifacts/nupkg ControlPlane.Meshctl
set -euo pipefail
cd "$(dirname "$0")/.."

BIN_DIR="${1:-/usr/local/bin}"
case "$(uname -m)" in
  x86_64) RID=linux-x64 ;;
  aarch64 | arm64) RID=linux-arm64 ;;
  *) echo "install-meshctl: error: no .NET runtime identifier for $(uname -m); publish by hand with dotnet publish src/Meshctl -r RID" >&2; exit 1 ;;
esac
OUT="artifacts/meshctl/$RID"

echo "install-meshctl: publishing src/Meshctl for $RID (self-contained, single file, ReadyToRun) to $OUT"
dotnet publish src/Meshctl --configuration Release --runtime "$RID" --self-contained --output "$OUT" --nologo --verbosity quiet

SUDO=""
if ! mkdir -p "$BIN_DIR" 2>/dev/null || [ ! -w "$BIN_DIR" ]; then
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO mkdir -p "$BIN_DIR"
fi
if cmp -s "$OUT/meshctl" "$BIN_DIR/meshctl"; then
  echo "install-meshctl: $BIN_DIR/meshctl is already this build"
else
  echo "install-meshctl: installing $BIN_DIR/meshctl"
  $SUDO install -m 0755 "$OUT/meshctl" "$BIN_DIR/meshctl"
fi

# The installed command must do real work, not just start.
echo "install-meshctl: checking $BIN_DIR/meshctl validate -f samples/bookinfo/config"
"$BIN_DIR/meshctl" validate -f samples/bookinfo/config
invalid=$(mktemp --suffix=.yaml)
trap 'rm -f "$invalid"' EXIT
printf 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: broken\nspec:\n  hosts: []\n' >"$invalid"
status=0
"$BIN_DIR/meshctl" validate -f "$invalid" >/dev/null 2>&1 || status=$?
if [ "$status" -ne 1 ]; then
  echo "install-meshctl: error: $BIN_DIR/meshctl accepted an invalid VirtualService (exit $status, expected 1); the build is broken" >&2
  exit 1
fi
echo "install-meshctl: done; run meshctl --help"
