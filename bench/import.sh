#!/usr/bin/env bash
# Import benchmark: department files in their own layouts for N households (bench/department-files.py), imported one
# by one through the CLI into a fresh data directory (SQLite, or PostgreSQL with --postgres CONN), each timed with its
# peak memory. Then one screening of everyone, end to end. Results go in docs/benchmarks.md.
#   bench/import.sh 100000 [--postgres "Host=…;Database=yilian_import"]   (the PostgreSQL database must be empty)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:?households}; shift
DIR=/tmp/yilian-import-$N
rm -rf "$DIR/data" && mkdir -p "$DIR"
[ -f "$DIR/files/dictionary.yaml" ] || python3 bench/department-files.py "$N" "$DIR/files"
dotnet build src/Yilian.Web -c Release -nologo -v quiet -clp:ErrorsOnly
export Database__DataDirectory="$DIR/data" Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft=Warning
if [ "${1:-}" = "--postgres" ]; then export Database__Provider=Postgres ConnectionStrings__Yilian="$2"; fi
run() { /usr/bin/time -f "  %e s wall, %U s user, peak %M KiB" dotnet src/Yilian.Web/bin/Release/net10.0/Yilian.Web.dll "$@"; }
run publish-dictionary --file "$DIR/files/dictionary.yaml"
for f in public_security:户籍 civil_affairs:民政 health_insurance:医保 human_resources:人社 housing:住建 child_welfare:儿童福利; do
  echo "${f%%:*} ($(($(wc -l < "$DIR/files/${f##*:}.csv") - 1)) rows)"
  run import-residents --department "${f%%:*}" --file "$DIR/files/${f##*:}.csv" --as-of 2026-06-20 --screen-date 2026-11-23
done
run screen --date 2026-11-23
