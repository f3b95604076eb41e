#!/usr/bin/env bash
# run-dotnet-tests.sh RESULTS_DIR SOLUTION [dotnet test options...]
#
# Runs every test project of SOLUTION with `dotnet test`, one TRX result file per project
# (RESULTS_DIR/<Project>.trx, set up in Directory.Build.targets), and writes beside them what
# summarize.mjs needs to judge the run: expected-projects.txt (the solution's projects whose
# IsTestProject is true: the ones `dotnet test` runs) and exit-code (dotnet test's own).
# The console output goes to stdout as it comes. Exits 0: the verdict is summarize.mjs's.
set -uo pipefail

results="$1" solution="$2"
shift 2
rm -rf "$results"
mkdir -p "$results"

solution_dir="$(cd "$(dirname "$solution")" && pwd)"
dotnet sln "$solution" list | grep -E '\.csproj$' | while read -r project; do
  project="${project//\\//}"
  # Test projects say so through MSBuild (test/Directory.Build.props sets IsTestProject), not their own text.
  if [ "$(dotnet msbuild "$solution_dir/$project" -getProperty:IsTestProject 2>/dev/null | tr -d '[:space:]')" = "true" ]; then
    basename "$project" .csproj
  fi
done | sort >"$results/expected-projects.txt"

dotnet test "$solution" --nologo --results-directory "$results" "$@"
echo "$?" >"$results/exit-code"
exit 0
