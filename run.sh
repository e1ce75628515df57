#!/usr/bin/env bash
# Runs Yilian on the embedded SQLite database with demo data and prints the URL to open.
#   ./run.sh                      start Yilian (demo mode; data in ./data/app)
#   ./run.sh <command> [options]  run an operations command instead (./run.sh help lists them)
# Environment: YILIAN_URL (default http://localhost:5080), YILIAN_DATA (default ./data/app).
set -euo pipefail
cd "$(dirname "$0")"
export Database__DataDirectory="${YILIAN_DATA:-$PWD/data/app}"
export Demo__Enabled="${Demo__Enabled:-true}"
# Links sent outside the app (a rating link by SMS) start with this address.
export Site__PublicUrl="${Site__PublicUrl:-${YILIAN_URL:-http://localhost:5080}}"
export DOTNET_NOLOGO=1
dotnet build src/Yilian.Web -c Release -nologo -v quiet -clp:ErrorsOnly
if [ $# -gt 0 ]; then
  exec dotnet run --project src/Yilian.Web -c Release --no-build -- "$@"
fi
exec dotnet run --project src/Yilian.Web -c Release --no-build --urls "${YILIAN_URL:-http://localhost:5080}"
