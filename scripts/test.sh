#!/usr/bin/env bash
# Runs the whole test suite: installs what it needs (scripts/setup.sh), builds with warnings as
# errors, and runs every test project, unit to end-to-end, against real peers. Ends with one
# summary line, "N passed, N failed, N skipped", over all test projects. Then installs meshctl the
# way users do (scripts/install-meshctl.sh, into a scratch directory), which checks that the
# installed command validates Bookinfo and rejects an invalid object; a failure there fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
dotnet build ControlPlane.sln --configuration Release --no-restore

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test ControlPlane.sln --configuration Release --no-build \
  -- RunConfiguration.TestSessionTimeout=1500000 2>&1 | tee "$log" || status=$?

# dotnet test prints one "Passed!/Failed!  - Failed: F, Passed: P, Skipped: S, Total: T" line per project.
awk -F'[:,]' '/(Passed|Failed)! +- Failed:/ { f += $2; p += $4; s += $6 }
  END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"

bin_dir=$(mktemp -d)
trap 'rm -f "$log"; rm -rf "$bin_dir"' EXIT
install_status=0
scripts/install-meshctl.sh "$bin_dir" || install_status=$?
if [ "$install_status" -ne 0 ]; then
  echo "test: error: the installed meshctl failed its checks (scripts/install-meshctl.sh exit $install_status); see its output above" >&2
  [ "$status" -ne 0 ] || status=$install_status
fi
exit "$status"
