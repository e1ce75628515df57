#!/usr/bin/env bash
# Runs every Yilian test on a fresh machine: installs Chromium, CJK fonts and PostgreSQL (PostGIS,
# contrib) when missing, starts PostgreSQL, runs the whole solution on SQLite and PostgreSQL, and
# ends with the line "N passed, N failed". Usage: ./test.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need+=(fonts-noto-cjk)
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql postgresql-contrib)
dpkg -s postgresql-15-postgis-3 >/dev/null 2>&1 || need+=(postgresql-15-postgis-3)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

# PostgreSQL: start the first cluster if it is down, and make a test role that may create databases.
read -r pg_version pg_cluster pg_port pg_status _ < <(pg_lsclusters --no-header | head -n 1)
if [ "$pg_status" != "online" ]; then
  $SUDO pg_ctlcluster "$pg_version" "$pg_cluster" start
fi
as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"
  elif [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"
  else sudo -u postgres "$@"; fi
}
if ! as_postgres psql -p "$pg_port" -tAc "SELECT 1 FROM pg_roles WHERE rolname='yilian_test'" | grep -q 1; then
  as_postgres psql -p "$pg_port" -qc "CREATE ROLE yilian_test LOGIN SUPERUSER PASSWORD 'yilian_test'"
fi
# Test classes run in parallel, each on its own database with its own pool: allow more connections than the default 100.
if [ "$(as_postgres psql -p "$pg_port" -tAc "SHOW max_connections")" -lt 400 ]; then
  as_postgres psql -p "$pg_port" -qc "ALTER SYSTEM SET max_connections = 400" >/dev/null
  $SUDO pg_ctlcluster "$pg_version" "$pg_cluster" restart
fi
export YILIAN_TEST_POSTGRES="Host=127.0.0.1;Port=${pg_port};Username=yilian_test;Password=yilian_test;Database=postgres"
export YILIAN_CHROMIUM="$(command -v chromium)"

results="test-results"
rm -rf "$results"
mkdir -p "$results"
dotnet tool restore >/dev/null
dotnet build Yilian.slnx -nologo -v quiet -clp:ErrorsOnly
set +e
dotnet test Yilian.slnx --no-build --nologo --results-directory "$results" --logger "trx" "$@"
code=$?
set -e

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")
  f=$(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")
  passed=$((passed + p)); failed=$((failed + f))
done
echo "Screenshots: $results/screenshots"
echo "$passed passed, $failed failed"
if [ "$code" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test exited with $code"
fi
exit "$code"
