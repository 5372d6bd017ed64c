#!/usr/bin/env bash
# Install (when missing) and start a local PostgreSQL for the store's tests; print its URL.
#   export SVODKA_TEST_PG=$(scripts/start_postgres.sh)
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  (apt-get update -qq && apt-get install -y -qq postgresql) >&2
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q online; then
  pg_ctlcluster "$version" main start >&2 || { pg_createcluster "$version" main >&2 && pg_ctlcluster "$version" main start >&2; }
fi
for _ in $(seq 30); do su postgres -c "pg_isready -q" && break; sleep 1; done
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='svodka'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"CREATE USER svodka WITH PASSWORD 'svodka' SUPERUSER\"" >&2
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='svodka_test'\"" | grep -q 1 \
  || su postgres -c "createdb -O svodka svodka_test" >&2
echo "postgresql://svodka:svodka@127.0.0.1/svodka_test"
