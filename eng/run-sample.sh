#!/usr/bin/env bash
# Packs CaseCompliance from the current sources with a fresh prerelease version into the repo's feed/ folder,
# then builds the samples (SickPay, and the legacy support system) against that package so the CASE warnings are printed.
# A new version on every run keeps NuGet from reusing a stale copy from its global package cache.
# Exits 0 when the sample compiles, warnings or not. Extra arguments go to `dotnet build`.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

base="$(sed -n 's:.*<CaseComplianceVersion>\(.*\)</CaseComplianceVersion>.*:\1:p' "$root/eng/Version.props" | head -n 1)"
if [[ -z "$base" ]]; then
  echo "run-sample: no CaseComplianceVersion in eng/Version.props" >&2
  exit 2
fi
version="${base}-local.$(date +%Y%m%d%H%M%S)"

# Earlier local builds are throwaway; keep the feed from growing without end.
rm -f "$root"/feed/CaseCompliance.*-local.*.nupkg

echo "== Packing CaseCompliance $version into feed/"
dotnet pack "$root/src/CaseCompliance.Package/CaseCompliance.Package.csproj" -c Release \
  -p:Version="$version" -p:PackageOutputPath="$root/feed/"

echo "== Building samples/SickPay against CaseCompliance $version"
dotnet build "$root/samples/SickPay/SickPay.csproj" -p:CaseCompliancePackageVersion="$version" --no-incremental "$@"

echo "== Building samples/Legacy/Support (no annotations: its findings come from samples/casecompliance.json)"
dotnet build "$root/samples/Legacy/Support/Support.csproj" -p:CaseCompliancePackageVersion="$version" --no-incremental "$@"

echo "== Samples built with CaseCompliance $version (the deliberate findings are listed in samples/SickPay/README.md and samples/Legacy/README.md)"
