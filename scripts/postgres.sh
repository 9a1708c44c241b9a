#!/usr/bin/env bash
# Start the Debian PostgreSQL cluster if it is down, then create the test role and database (idempotent).
#   PG_USER / PG_PASSWORD / PG_DATABASE override the defaults (portal / portal-test-only / portal).
# The cluster is left running afterwards.
set -euo pipefail

PG_USER="${PG_USER:-portal}"
PG_PASSWORD="${PG_PASSWORD:-portal-test-only}"
PG_DATABASE="${PG_DATABASE:-portal}"

if ! command -v pg_lsclusters >/dev/null; then
    echo "postgres: pg_lsclusters not found; run scripts/system-packages.sh first" >&2
    exit 1
fi

# The newest installed major version's cluster (Debian creates "main" when the server package is installed).
read -r version cluster port status < <(pg_lsclusters --no-header | sort -k1,1 -V | tail -n 1 | awk '{print $1, $2, $3, $4}') || true
if [[ -z "${version:-}" ]]; then
    version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
    echo "postgres: no cluster found; creating $version/main"
    pg_createcluster "$version" main
    cluster=main
    port=5432
    status=down
fi
if [[ "$port" != 5432 ]]; then
    echo "postgres: cluster $version/$cluster listens on $port, expected 5432" >&2
    exit 1
fi
if [[ "$status" != online* ]]; then
    echo "postgres: starting cluster $version/$cluster"
    pg_ctlcluster "$version" "$cluster" start
fi

for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p 5432 && break
    sleep 1
done
pg_isready -q -h 127.0.0.1 -p 5432 || { echo "postgres: not accepting connections on 127.0.0.1:5432" >&2; exit 1; }

as_postgres() {
    if [[ "$(id -u)" == 0 ]]; then
        su postgres -c "$(printf '%q ' "$@")"
    else
        sudo -u postgres "$@"
    fi
}

as_postgres psql -v ON_ERROR_STOP=1 -q -d postgres -v user="$PG_USER" -v password="$PG_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN CREATEDB PASSWORD %L', :'user', :'password')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'user') \gexec
SELECT format('ALTER ROLE %I LOGIN CREATEDB PASSWORD %L', :'user', :'password') \gexec
SQL
if ! as_postgres psql -tAq -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$PG_DATABASE'" | grep -q 1; then
    as_postgres createdb -O "$PG_USER" "$PG_DATABASE"
fi
echo "postgres: $version/$cluster online; postgres://$PG_USER:***@127.0.0.1:5432/$PG_DATABASE ready"
