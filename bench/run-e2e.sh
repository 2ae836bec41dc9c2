#!/usr/bin/env bash
# End-to-end figures in one go (Release build). Sizes are arguments so a shared machine can run the small set:
#   bench/run-e2e.sh                 10k fan-out, render, ingest, discord, the program's footprint as separate processes
#   bench/run-e2e.sh --large         adds the 100k fan-out and the 1,000,000-subscriber memory run
set -euo pipefail
cd "$(dirname "$0")/.."

connections=${CONNECTIONS:-4}
large=false
[ "${1:-}" = "--large" ] && large=true

dotnet build bench/DigestBot.Bench/DigestBot.Bench.csproj -c Release -v quiet -nologo >/dev/null
bench() { dotnet bench/DigestBot.Bench/bin/Release/net10.0/DigestBot.Bench.dll "$@"; }

bench fanout --subscribers 10000 --connections "$connections"
bench render --seconds 3
bench ingest --sources 1000
bench crash --subscribers 10000 --connections "$connections"
bench process --runs 5 --warm
# The same program as the Docker image ships it: published with ReadyToRun code.
published=$(mktemp -d)
dotnet publish src/DigestBot/DigestBot.csproj -c Release -o "$published" -p:UseAppHost=false -v quiet -nologo >/dev/null
bench process --runs 5 --warm --app "$published"
rm -rf "$published"
bench discord || true   # exits 1 when a message breaks Discord's limits; the figures are printed either way
if $large; then
  bench fanout --subscribers 100000 --connections "$connections"
  bench memory --subscribers 1000000 --connections "$connections"
  bench memory --subscribers 1000000 --connections "$connections" --process
fi
