#!/usr/bin/env bash
# District-scale HTTP benchmark: builds the release host, seeds 10,000 organizations and 100,000 projects
# into a scratch data directory (once), then measures it. See bench/README.md.
#   bench/run.sh --day [--stages 10,25,50] [--stage-seconds 30] [--instances 2 --nginx] [--soak 3600]
#   bench/run.sh [--data DIR] [--requests N] [--concurrency C]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Yilian.Web -c Release -nologo -v quiet -clp:ErrorsOnly
exec dotnet run --project bench/Yilian.Bench -c Release -- "$@"
